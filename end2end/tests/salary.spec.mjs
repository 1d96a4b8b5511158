import { test, expect, hydrated } from "./support.mjs";

const euros = (text) => Number(text.replace(/[^\d]/g, ""));

test("changing experience changes the median and the URL; Back restores both", async ({ page, request }) => {
  const all = await (await request.get("/api/v1/salaries")).json();
  const entry = await (await request.get("/api/v1/salaries?experience=entry")).json();
  expect(entry.median).not.toBe(all.median);

  await page.goto("/gehalt");
  await hydrated(page);
  await expect(page.getByTestId("median")).toHaveText(`${all.median.toLocaleString("de-DE")} €`);
  await expect(page.getByTestId("salary-n")).toHaveText(String(all.n));

  await page.evaluate(() => { window.sameDocument = true; });
  await page.locator("label[for=s-experience-entry]").click();
  await expect(page).toHaveURL(/\/gehalt\?experience=entry$/);
  expect(await page.evaluate(() => window.sameDocument)).toBe(true); // no full reload
  await expect(page.getByTestId("median")).toHaveText(`${entry.median.toLocaleString("de-DE")} €`);
  await expect(page.getByTestId("provenance")).toContainText(`aus ${entry.n} Stellenanzeigen mit Gehaltsangabe des Arbeitgebers`);

  await page.goBack();
  await expect(page).toHaveURL(/\/gehalt$/);
  await expect(page.getByTestId("median")).toHaveText(`${all.median.toLocaleString("de-DE")} €`);
  await expect(page.locator("#s-experience-entry")).not.toBeChecked();
});

test("the helper's choices update the range without a reload", async ({ page, request }) => {
  const expected = await (await request.get("/api/v1/salaries?employer_type=agency")).json();
  await page.goto("/gehalt");
  await hydrated(page);
  await page.locator("#r-employer_type").selectOption("agency");
  await expect(page).toHaveURL(/\/gehalt\?employer_type=agency$/);
  const range = page.getByTestId("helper-range");
  await expect(range).toContainText(`${expected.p25.toLocaleString("de-DE")}–${expected.p75.toLocaleString("de-DE")} €`);
});

test("the data tables match the charts", async ({ page }) => {
  await page.goto("/gehalt?place=bochum&radius_km=50");
  const bars = page.getByTestId("histogram-bar");
  const cells = page.getByTestId("histogram-count");
  const n = await bars.count();
  expect(n).toBeGreaterThan(1);
  await expect(cells).toHaveCount(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const count = await bars.nth(i).getAttribute("data-count");
    await expect(cells.nth(i)).toHaveText(count);
    total += Number(count);
  }
  expect(total).toBe(euros(await page.getByTestId("salary-n").innerText()));

  // Each box plot's median line sits at the value its table row names.
  const experience = page.getByTestId("boxplot-experience");
  const medians = experience.getByTestId("box-median");
  const rows = experience.getByTestId("boxplot-row");
  await expect(rows).toHaveCount(3);
  const shown = [];
  for (let i = 0; i < 3; i++) {
    const text = await rows.nth(i).getByTestId("boxplot-median").innerText();
    if (text !== "–") shown.push(euros(text));
  }
  await expect(medians).toHaveCount(shown.length);
  for (let i = 0; i < shown.length; i++) {
    await expect(medians.nth(i)).toHaveAttribute("data-value", String(shown[i]));
  }
});

test("a tiny selection says there are too few salaries and offers a broader choice", async ({ page, request }) => {
  const query = "place=hagen&radius_km=0&experience=senior&employer_type=event&working_time=mini_job";
  const api = await (await request.get(`/api/v1/salaries?${query}`)).json();
  expect(api.n).toBeLessThan(5);
  await page.goto(`/gehalt?${query}`);
  await hydrated(page);
  await expect(page.getByTestId("too-few")).toContainText("Zu wenige Angaben");
  await expect(page.getByTestId("median")).toHaveCount(0);
  const broader = page.getByTestId("broader").getByRole("link").first();
  const promised = Number((await broader.innerText()).match(/(\d+) Angaben/)[1]);
  expect(promised).toBe(api.broader[0].count);
  await broader.click();
  await expect(page.getByTestId("salary-n")).toHaveText(String(promised));
});

test("job cards without salary show a marked comparison", async ({ page }) => {
  await page.goto("/jobs?per_page=100");
  const comparison = page.getByTestId("salary-comparison").first();
  await expect(comparison).toContainText(/^Zum Vergleich, vergleichbare Anzeigen: [\d.]+–[\d.]+ € \/ Monat$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the explorer works as a plain GET form", async ({ page, request }) => {
    const entry = await (await request.get("/api/v1/salaries?experience=entry")).json();
    await page.goto("/gehalt");
    await page.locator("#s-experience-entry").check();
    await page.locator(".salary-form button[type=submit]").click();
    await expect(page).toHaveURL(/\/gehalt\?.*experience=entry/);
    await expect(page.getByTestId("median")).toHaveText(`${entry.median.toLocaleString("de-DE")} €`);
  });
});
