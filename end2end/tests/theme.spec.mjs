import { test, expect, hydrated } from "./support.mjs";

const LIGHT_BG = "rgb(246, 247, 245)";
const DARK_BG = "rgb(20, 25, 28)";
const background = (page, colour) => expect(page.locator("body")).toHaveCSS("background-color", colour);
const served = async (page, path) => (await page.request.get(path)).text();

test("the switch overrides the system scheme, survives reloads and reaches the server-rendered page", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await hydrated(page);
  const toggle = page.getByTestId("theme-toggle");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await background(page, LIGHT_BG);

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await background(page, DARK_BG);
  await expect(toggle).toHaveAttribute("aria-label", /^Dunkel – /);
  expect(await served(page, "/jobs")).toContain('data-theme="dark"');
  await page.reload();
  await background(page, DARK_BG);

  // "Light" wins over a dark system setting.
  await page.emulateMedia({ colorScheme: "dark" });
  await hydrated(page);
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await background(page, LIGHT_BG);

  // Back to the system's: no attribute, no cookie.
  await toggle.click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await background(page, DARK_BG);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("rj_theme");
  expect(await served(page, "/")).not.toContain("data-theme=");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switch is a form post that comes back in the chosen scheme", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/gehalt");
    await page.getByTestId("theme-toggle").click();
    await expect(page).toHaveURL(/\/gehalt\??$/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await background(page, DARK_BG);
  });
});
