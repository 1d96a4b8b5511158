import { test, expect, hydrated } from "./support.mjs";
import AxeBuilder from "@axe-core/playwright";

/** axe-core at WCAG 2.1 A and AA; the violations, one line each, in the failure message. */
async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes[0]?.target.join(" ")} – ${v.help}`);
}

const PAGES = ["/", "/jobs", "/jobs?skill=rigging&skill=canva", "/gehalt", "/beruf/medienassistent/bochum", "/merkliste",
  "/anmelden", "/registrieren", "/konto", "/impressum", "/datenschutz", "/offline", "/gibt-es-nicht"];

// One test per page and scheme: each loads the debug wasm afresh, so a slow hydration on busy
// cores costs one page its retry instead of timing out a walk through all of them.
for (const scheme of ["light", "dark"]) {
  for (const path of [...PAGES, "first job's detail page"]) {
    test(`no WCAG 2.1 AA violation on ${path} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      if (path.startsWith("/")) {
        await page.goto(path);
      } else {
        await page.goto("/jobs");
        await page.goto(await page.getByTestId("job-card").first().locator("h2 a").getAttribute("href"));
      }
      await hydrated(page);
      expect(await violations(page)).toEqual([]);
    });
  }
}

test("the phone filter drawer, open, has no violation", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/jobs");
  await hydrated(page);
  await page.locator(".filter-drawer > summary").click();
  expect(await violations(page)).toEqual([]);
});

test("the check itself finds a planted violation", async ({ page }) => {
  await page.goto("/impressum");
  await hydrated(page);
  await page.evaluate(() => document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/icons/icon-192.png">'));
  expect((await violations(page)).join("\n")).toContain("image-alt");
});

// Server-rendered layout, so no hydration is needed: every page at the narrowest and widest phone
// width, the job list with a hundred cards (long German titles) among them.
for (const width of [320, 430]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/jobs");
    const detail = await page.getByTestId("job-card").first().locator("h2 a").getAttribute("href");
    const wide = [];
    for (const path of [...PAGES, "/jobs?per_page=100", "/jobs?per_page=100&place=bochum&radius_km=50", detail]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow} px too wide`);
    }
    expect(wide).toEqual([]);
  });
}
