import { test, expect, hydrated } from "./support.mjs";

/** Fails the test on any Content-Security-Policy violation or page error. */
function watchConsole(page) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  return problems;
}

const cards = (page) => page.getByTestId("job-card");

/** Waits until every toggle's state has reached the server. */
async function synced(page) {
  await expect(page.locator('[data-testid=favourite-toggle][aria-busy=true]')).toHaveCount(0);
}

test("save two jobs, reload: both still saved, and listed on /merkliste", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/jobs");
  await hydrated(page);
  const first = cards(page).nth(0);
  const second = cards(page).nth(2);
  const titles = [await first.locator("h2 a").innerText(), await second.locator("h2 a").innerText()];
  await first.getByTestId("favourite-toggle").click();
  await second.getByTestId("favourite-toggle").click();
  await expect(first.getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(second.getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  // The server has acknowledged both before we reload.
  await expect.poll(async () => (await page.request.post("/api/saved_job_ids", {
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, data: "",
  }).then((r) => r.json())).length).toBe(2);
  await page.reload();
  await hydrated(page);
  await expect(page.locator('[data-testid=favourite-toggle][aria-pressed=true]')).toHaveCount(2);
  await page.getByRole("link", { name: "Merkliste" }).click();
  await expect(page).toHaveURL(/\/merkliste$/);
  await expect(page.getByTestId("saved-item")).toHaveCount(2);
  for (const t of titles) await expect(page.getByTestId("saved-item").filter({ hasText: t })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("a note and an application status on /merkliste are kept", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  await cards(page).nth(1).getByTestId("favourite-toggle").click();
  await expect(cards(page).nth(1).getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  await synced(page);
  await page.goto("/merkliste");
  await hydrated(page);
  const item = page.getByTestId("saved-item").first();
  await item.getByLabel("Notiz").fill("Anschreiben bis Freitag, Ansprechpartnerin Frau Kaya");
  await item.getByRole("button", { name: "Notiz speichern" }).click();
  await expect(item.getByText("Notiz gespeichert.")).toBeVisible();
  await page.evaluate(() => { window.sameDocument = true; });
  await item.getByLabel("Status").selectOption("applied");
  await expect(page.getByTestId("saved-item").first()).toHaveAttribute("data-status", "applied");
  await expect(page.getByTestId("saved-item").first().locator(".history")).toContainText("Beworben am");
  await expect(page.getByRole("link", { name: /^Beworben \(1\)$/ })).toBeVisible(); // the tabs' counts follow
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
  await page.reload();
  const again = page.getByTestId("saved-item").first();
  await expect(again.getByLabel("Notiz")).toHaveValue("Anschreiben bis Freitag, Ansprechpartnerin Frau Kaya");
  await expect(again.getByLabel("Status")).toHaveValue("applied");
  await page.getByRole("link", { name: /^Beworben \(1\)$/ }).click();
  await expect(page).toHaveURL(/status=applied$/);
  await expect(page.getByTestId("saved-item")).toHaveCount(1);
});

test("the toggle works by keyboard alone", async ({ page }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const toggle = cards(page).first().getByTestId("favourite-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(toggle).toHaveAccessibleName(/^Merken: „/);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await synced(page);
  await page.reload();
  await expect(cards(page).first().getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
});

test("sign up, then a fresh browser signs in and sees the same list", async ({ page, browser }) => {
  const email = `e2e-${Date.now()}@beispiel.de`;
  const password = "Glück auf aus dem Revier 2026";
  await page.goto("/jobs");
  await hydrated(page);
  const title = await cards(page).nth(3).locator("h2 a").innerText();
  await cards(page).nth(3).getByTestId("favourite-toggle").click();
  await expect(cards(page).nth(3).getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  await synced(page);
  await page.goto("/registrieren");
  await hydrated(page);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("passwort123");
  await page.getByTestId("sign-up").click();
  await expect(page.getByTestId("form-error")).toContainText("häufigsten");
  await expect(page.getByLabel("Passwort")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Passwort").fill(password);
  await page.getByTestId("sign-up").click();
  await expect(page).toHaveURL(/\/merkliste$/);
  await expect(page.getByTestId("saved-owner")).toContainText(email);
  await expect(page.getByTestId("saved-item").filter({ hasText: title })).toHaveCount(1);

  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto("/anmelden");
  await hydrated(phone);
  await phone.getByLabel("E-Mail-Adresse").fill(email);
  await phone.getByLabel("Passwort").fill("falsches Passwort");
  await phone.getByTestId("sign-in").click();
  await expect(phone.getByTestId("form-error")).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  await phone.getByLabel("Passwort").fill(password);
  await phone.getByTestId("sign-in").click();
  await expect(phone).toHaveURL(/\/merkliste$/);
  await expect(phone.getByTestId("saved-item").filter({ hasText: title })).toHaveCount(1);
  await phone.goto("/konto");
  await hydrated(phone);
  await expect(phone.getByTestId("account-email")).toContainText("2 Geräten");
  await phone.getByTestId("sign-out").click();
  await expect(phone).toHaveURL(/\/$/);
  await phone.goto("/merkliste");
  await expect(phone.getByTestId("saved-empty")).toBeVisible();
  await other.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the toggle is a form post that comes back saved", async ({ page }) => {
    await page.goto("/jobs");
    const toggle = cards(page).first().getByTestId("favourite-toggle");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(page).toHaveURL(/\/jobs\??$/);
    await expect(cards(page).first().getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  });
});

test("security headers on static files, pages and errors; no CSP violation on any page", async ({ page, request }) => {
  await page.goto("/");
  const stylesheet = await page.locator("link[rel=stylesheet]").first().getAttribute("href");
  expect(stylesheet).toMatch(/^\/v\/[0-9a-f]{12}\/pkg\/revierjobs\.css$/);
  for (const path of [stylesheet, "/favicon.svg", "/", "/gibt-es-nicht", "/api/v1/jobs"]) {
    const r = await request.get(path);
    const h = r.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).toContain("'wasm-unsafe-eval'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toBeTruthy();
  }
  const problems = watchConsole(page);
  for (const path of ["/", "/jobs", "/gehalt", "/beruf/medienassistent/bochum", "/merkliste", "/anmelden", "/registrieren", "/konto"]) {
    await page.goto(path);
    await hydrated(page);
  }
  expect(problems).toEqual([]);
});
