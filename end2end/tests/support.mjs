// Shared by every spec: Playwright's `test` whose page reports, when a test fails, what went wrong
// in the browser (a panic, a hydration mismatch, a wasm or script that did not load), and the wait
// for hydration.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const log = [];
    page.on("pageerror", (e) => log.push(`[pageerror] ${page.url()}: ${e}`));
    page.on("console", (m) => m.type() === "error" && log.push(`[console] ${page.url()}: ${m.text()}`));
    page.on("requestfailed", (r) => log.push(`[requestfailed] ${r.url()}: ${r.failure()?.errorText}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && log.length > 0) {
      console.log(`browser log of "${testInfo.title}":\n${log.join("\n")}`);
    }
  },
});

export { expect };

/** Waits until the page has hydrated (the app marks `<html data-hydrated>`). */
export async function hydrated(page) {
  // Debug wasm on 2 busy cores can take several seconds to hydrate.
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1, { timeout: 30_000 });
}
