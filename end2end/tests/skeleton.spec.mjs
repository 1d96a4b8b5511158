import { test, expect, hydrated } from "./support.mjs";

test("home page hydrates: a suggestion chip fills the search box instead of navigating", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await page.getByTestId("suggestion").filter({ hasText: "Social Media" }).click();
  await expect(page.getByTestId("home-q")).toHaveValue("Social Media");
  expect(new URL(page.url()).pathname).toBe("/");
});

test("job list shows demo listings, labelled as demo data", async ({ page }) => {
  await page.goto("/jobs");
  await expect(page.getByTestId("result-count")).toHaveText(/\d+ Stellen/);
  await expect(page.getByTestId("job-card")).toHaveCount(20);
  await expect(page.getByTestId("demo-notice")).toContainText("Demo-Daten");
  await expect(page.getByTestId("job-card").first()).toContainText("Demo");
});

test("filters work client-side after hydration and keep the URL in sync", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const all = Number((await page.getByTestId("result-count").innerText()).match(/\d+/)[0]);
  await page.locator("#place").fill("Bochum");
  await page.locator("#radius_km").selectOption("0");
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(/place=Bochum/);
  await expect(async () => {
    const n = Number((await page.getByTestId("result-count").innerText()).match(/\d+/)[0]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
  }).toPass();
  for (const place of await page.getByTestId("job-place").all()) {
    await expect(place).toHaveText(/^Bochum · /);
  }
  await page.goBack();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByTestId("result-count")).toHaveText(`${all} Stellen`);
});

test("a card opens the detail page", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const first = page.getByTestId("job-card").first().getByRole("link");
  const title = await first.innerText();
  await first.click();
  await expect(page.getByTestId("job-detail").getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("job-detail")).toContainText("Bewerbung");
});

test("career page shows live figures that match the listing it links to", async ({ page }) => {
  await page.goto("/beruf/medienassistent/bochum");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Medienassistent/in in Bochum");
  const open = Number(await page.getByTestId("open-listings").innerText());
  expect(open).toBeGreaterThan(0);
  await expect(page.getByTestId("median-salary")).toHaveText(/\d\.\d{3} € brutto \/ Monat/);
  await page.getByRole("link", { name: /offene Stellen in Bochum ansehen/ }).click();
  await expect(page.getByTestId("result-count")).toHaveText(`${open} Stellen`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form works as a plain GET form", async ({ page }) => {
    await page.goto("/jobs");
    await page.locator("#q").fill("Eventtechnik");
    await page.locator("#place").fill("bochum");
    await page.getByRole("button", { name: "Suchen" }).click();
    await expect(page).toHaveURL(/q=Eventtechnik/);
    await expect(page.getByTestId("result-count")).toBeVisible();
    await expect(page.locator("#q")).toHaveValue("Eventtechnik");
    await expect(page.getByTestId("job-card").first()).toBeVisible();
  });

  test("unknown pages answer 404 with help", async ({ page }) => {
    const response = await page.goto("/gibt-es-nicht");
    expect(response.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});
