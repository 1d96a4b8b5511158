import { test, expect, hydrated } from "./support.mjs";

const count = async (page) => Number((await page.getByTestId("result-count").innerText()).match(/\d+/)?.[0] ?? 0);

test("a facet option applies at once, its count is the result, Back restores", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const all = await count(page);
  const option = page.locator("label[for=f-working_time-part_time]");
  const predicted = Number(await option.locator(".count").innerText());
  expect(predicted).toBeGreaterThan(0);
  expect(predicted).toBeLessThan(all);
  await page.evaluate(() => { window.sameDocument = true; });
  await option.click();
  await expect(page).toHaveURL(/\/jobs\?working_time=part_time#ergebnisse$/);
  await expect(page.getByTestId("result-count")).toHaveText(`${predicted} Stellen`);
  await expect(page.getByTestId("live-status")).toHaveText(`${predicted} Stellen`); // for screen readers
  await expect(page.locator("#f-working_time-part_time")).toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByTestId("result-count")).toHaveText(`${all} Stellen`);
  await expect(page.locator("#f-working_time-part_time")).not.toBeChecked();
  await page.goForward();
  await expect(page.getByTestId("result-count")).toHaveText(`${predicted} Stellen`);
  expect(await page.evaluate(() => window.sameDocument)).toBe(true); // no page load at all
});

test("\"Ohne Angabe\" is offered only where an ad leaves the value open, or once chosen", async ({ page }) => {
  // Demo listings state every value.
  await page.goto("/jobs");
  await expect(page.locator("#f-experience-entry")).toHaveCount(1);
  await expect(page.locator("#f-experience-unspecified")).toHaveCount(0);
  await page.goto("/jobs?experience=unspecified");
  await expect(page.locator("#f-experience-unspecified")).toBeChecked();
  await page.goto("/gehalt");
  await expect(page.locator("#s-experience-entry")).toHaveCount(1);
  await expect(page.locator("#s-experience-unspecified")).toHaveCount(0);
});

test("by keyboard: a filter applied with Space keeps the focus, the new results' toggles work", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  await page.evaluate(() => { window.sameDocument = true; });
  await page.locator("#f-offer-internship").focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/offer=internship/);
  await expect(page.locator("#f-offer-internship")).toBeChecked();
  await expect(page.locator("#f-offer-internship")).toBeFocused();
  // The listings swapped in are live too: a toggle among them saves.
  const toggle = page.getByTestId("job-card").first().getByTestId("favourite-toggle");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(toggle).toHaveAttribute("aria-busy", "false");
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
});

test("a live search answered by a new deployment loads that page instead of mixing builds", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  // The server is "redeployed": its pages now name another build.
  await page.route(/\/jobs\?/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/data-build="[^"]*"/, 'data-build="next"');
    await route.fulfill({ status: response.status(), contentType: "text/html; charset=utf-8", body });
  });
  await page.evaluate(() => { window.sameDocument = true; });
  await page.locator("label[for=f-working_time-part_time]").click();
  await expect(page.locator("html[data-build=next]")).toHaveCount(1);
  await expect(page).toHaveURL(/working_time=part_time/);
  expect(await page.evaluate(() => window.sameDocument)).toBeUndefined(); // a page load, not a swap
});

test("chips remove one filter each, reset removes all", async ({ page }) => {
  await page.goto("/jobs?offer=internship&remote=hybrid");
  await hydrated(page);
  await expect(page.getByTestId("filter-chip")).toHaveCount(2);
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByTestId("filter-chip").filter({ hasText: "Praktikum" }).click();
  await expect(page).toHaveURL(/\/jobs\?remote=hybrid#ergebnisse$/);
  await expect(page.getByTestId("filter-chip")).toHaveCount(1);
  await page.getByTestId("reset-filters").click();
  await expect(page).toHaveURL(/\/jobs#ergebnisse$/);
  await expect(page.getByTestId("filter-chip")).toHaveCount(0);
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
});

test("a search without results says which filter to drop", async ({ page }) => {
  await page.goto("/jobs?skill=rigging&skill=canva");
  await expect(page.getByTestId("result-count")).toHaveText("Keine passenden Stellen");
  const hint = page.getByTestId("relaxations").getByRole("link").first();
  const promised = Number((await hint.innerText()).match(/(\d+) Stelle/)[1]);
  await hint.click();
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${promised} Stelle`));
});

test("unknown values are reported with the parameter", async ({ page }) => {
  await page.goto("/jobs?radius_km=7&place=Atlantis&offer=astronaut");
  const issues = page.getByTestId("param-issue");
  await expect(issues).toHaveCount(3);
  await expect(issues.filter({ hasText: "radius_km" })).toHaveCount(1);
  await expect(issues.filter({ hasText: "Atlantis" })).toHaveCount(1);
  await expect(issues.filter({ hasText: "astronaut" })).toHaveCount(1);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("filters live in a drawer, the page never scrolls sideways", async ({ page }) => {
    await page.goto("/jobs");
    await hydrated(page);
    const option = page.locator("label[for=f-remote-hybrid]");
    await expect(option).toBeHidden();
    await page.locator(".filter-drawer > summary").click();
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(/remote=hybrid/);
    await expect(page.locator(".filter-drawer > summary")).toContainText("1 aktiv");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the result count stays in view while scrolling through the results", async ({ page }) => {
    await page.goto("/jobs");
    const count = page.getByTestId("result-count");
    const last = page.getByTestId("job-card").last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    const box = await count.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(5);
    await expect(count).toBeInViewport();
    // It covers the cards scrolling beneath it (an opaque background), so they stay readable.
    const background = await count.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
  });
});

test.describe("on a phone, the results are where a changed search lands", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  // The results' count is on screen and the page header above it is not: the view starts at the results.
  const resultsAtTop = async (page) => {
    await expect(page.locator("#result-count")).toBeInViewport();
    await expect(page.locator(".site-header")).not.toBeInViewport();
  };

  test("applying a filter, reloading and sharing the link all open at the results", async ({ page, browser }) => {
    await page.goto("/jobs");
    await hydrated(page);
    await expect(page.locator(".site-header")).toBeInViewport();
    await page.locator(".filter-drawer > summary").click();
    await page.locator("label[for=f-remote-hybrid]").click();
    await expect(page).toHaveURL(/\/jobs\?remote=hybrid#ergebnisse$/);
    await resultsAtTop(page);
    await page.reload();
    await resultsAtTop(page);
    const shared = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await shared.goto(page.url());
    await resultsAtTop(shared);
    await shared.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("checkboxes and selects apply with the submit button", async ({ page }) => {
    await page.goto("/jobs");
    const predicted = Number(await page.locator("label[for=f-offer-employment] .count").innerText());
    await page.locator("#f-offer-employment").check();
    await page.getByRole("button", { name: "Suchen" }).click();
    await expect(page).toHaveURL(/offer=employment&.*#ergebnisse$/);
    await expect(page.getByTestId("result-count")).toHaveText(`${predicted} Stellen`);
    await expect(page.locator("#f-offer-employment")).toBeChecked();
  });
});

test("demo listings are not offered to job search engines", async ({ page }) => {
  await page.goto("/jobs");
  await page.getByTestId("job-card").first().getByRole("link").click();
  await expect(page.getByTestId("job-detail")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});
