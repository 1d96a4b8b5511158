import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test, expect, hydrated } from "./support.mjs";
import AxeBuilder from "@axe-core/playwright";
import { PAGES } from "./pages.mjs";

// The newest axe-core from npm (package.json), not the older one inside @axe-core/playwright.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * axe-core at WCAG 2.0, 2.1 and 2.2 A and AA, with 2.5.3 Label in Name (off by default in axe) on;
 * the violations, one line each, in the failure message.
 */
async function violations(page) {
  return (await axe(page)).map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ")} – ${v.help}`);
}

async function axe(page) {
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE })
    .options({ runOnly: { type: "tag", values: AXE_TAGS }, rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return result.violations;
}

/** The rules that flag the element `selector` (so a planted fault is told apart from real ones). */
async function rulesFlagging(page, selector) {
  return (await axe(page)).filter((v) => v.nodes.some((n) => n.target.join(" ") === selector)).map((v) => v.id);
}

test("the checks run the axe-core of package.json", async ({ page }) => {
  const wanted = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("axe-core/package.json"), "utf8")).version;
  await page.goto("/impressum");
  const result = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withRules(["html-has-lang"]).analyze();
  expect(result.testEngine.version).toBe(wanted);
});

// One test per page and scheme: each loads the debug wasm afresh, so a slow hydration on busy
// cores costs one page its retry instead of timing out a walk through all of them.
for (const scheme of ["light", "dark"]) {
  for (const path of [...PAGES, "first job's detail page"]) {
    test(`no WCAG 2.2 AA violation on ${path} (${scheme})`, async ({ page }) => {
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
  await page.evaluate(() => document.querySelector("main").insertAdjacentHTML("beforeend", '<img id="planted" src="/icons/icon-192.png">'));
  expect(await rulesFlagging(page, "#planted")).toContain("image-alt");
});

// label-content-name-mismatch is off unless enabled: a button that shows "Dunkel" but is named
// something else must be flagged (WCAG 2.5.3: voice-control users say what they see).
test("the check itself finds a name that does not contain the visible words (label in name)", async ({ page }) => {
  await page.goto("/impressum");
  await hydrated(page);
  await page.evaluate(() => document.querySelector("main")
    .insertAdjacentHTML("beforeend", '<button id="planted" type="button" aria-label="Farbschema wechseln">Dunkel</button>'));
  expect(await rulesFlagging(page, "#planted")).toEqual(["label-content-name-mismatch"]);
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
