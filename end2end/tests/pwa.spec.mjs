import { test, expect, hydrated } from "./support.mjs";

test.use({ serviceWorkers: "allow" });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

/** Waits until the service worker is installed (it precaches the whole debug bundle) and controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), null, { timeout: 45_000 });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
  }
}

/** Opens `path`, waits for the worker, and reloads: the page now runs as on any later visit. */
async function openUnderWorker(page, path) {
  await page.goto(path);
  await hydrated(page);
  await controlled(page);
  await page.reload();
  await hydrated(page);
}

/** The ids of the jobs the server has saved for this browser's session. */
async function savedOnServer(page) {
  return (await page.request.post("/api/saved_job_ids", {
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, data: "",
  })).json();
}

test("the manifest is linked and complete, its icons and screenshots have their sizes", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator("link[rel=manifest]").getAttribute("href");
  const manifest = await (await request.get(href)).json();
  expect(manifest).toMatchObject({ lang: "de", start_url: "/", scope: "/", display: "standalone", short_name: "Revierjobs" });
  expect(manifest.name).toContain("Revierjobs");
  expect(manifest.theme_color).toMatch(/^#/);
  expect(manifest.background_color).toMatch(/^#/);
  expect(manifest.shortcuts.map((s) => s.name)).toEqual(["Jobs suchen", "Merkliste", "Gehalt"]);
  const sizes = [];
  for (const icon of manifest.icons) {
    const body = await (await request.get(icon.src)).body();
    const [w, h] = pngSize(body);
    expect(`${w}x${h}`).toBe(icon.sizes);
    sizes.push(`${icon.sizes} ${icon.purpose}`);
  }
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  // Screenshots for the richer install dialog: at least one per form factor, each its stated size.
  for (const shot of manifest.screenshots) {
    const [w, h] = pngSize(await (await request.get(shot.src)).body());
    expect(`${w}x${h}`, shot.src).toBe(shot.sizes);
    expect(shot.label).toContain("Demo");
  }
  expect(manifest.screenshots.map((s) => s.form_factor)).toEqual(expect.arrayContaining(["narrow", "wide"]));
});

test("the service worker controls the page after a reload", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await controlled(page);
  await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  const build = await page.locator("html").getAttribute("data-build");
  const script = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  expect(script).toContain(`/sw.js?build=${build}`);
  const caches = await page.evaluate(() => caches.keys());
  expect(caches).toContain(`rj-static-${build}`);
});

test("offline: the Merkliste and a saved job stay readable, other pages say they are offline", async ({ page, context }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const card = page.getByTestId("job-card").first();
  const title = await card.locator("h2 a").innerText();
  await card.getByTestId("favourite-toggle").click();
  await expect(page.locator("[data-testid=favourite-toggle][aria-busy=true]")).toHaveCount(0);
  // The worker stores the list when it is loaded under its control, and /pwa.js the saved jobs' pages.
  await openUnderWorker(page, "/merkliste");
  const detail = await page.getByTestId("saved-item").first().locator("h2 a").getAttribute("href");
  await expect.poll(() => page.evaluate(async (path) => Boolean(await caches.match(path)), detail)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("saved-item").filter({ hasText: title })).toHaveCount(1);
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await page.goto(detail);
  await expect(page.locator("h1")).toHaveText(title);
  await page.goto("/gehalt?experience=senior&nie=besucht");
  await expect(page.getByTestId("offline-page")).toBeVisible();
  await expect(page.getByTestId("offline-pages")).toContainText("Merkliste");
  await context.setOffline(false);
});

test("a job saved while offline reaches the server when the connection returns", async ({ page, context }) => {
  await openUnderWorker(page, "/jobs");
  const card = page.getByTestId("job-card").nth(4);
  const id = parseInt((await card.locator("h2 a").getAttribute("href")).split("/").pop(), 10);
  await context.setOffline(true);
  await card.getByTestId("favourite-toggle").click();
  await expect(card.getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("favourite-sync")).toContainText("Offline");
  await context.setOffline(false);
  await expect(card.getByTestId("favourite-sync")).toHaveText("");
  await expect(card.getByTestId("favourite-toggle")).toHaveAttribute("aria-busy", "false");
  expect(await savedOnServer(page)).toContain(id);
});

test("a job saved offline survives a reload while offline and reaches the server once online", async ({ page, context }) => {
  await openUnderWorker(page, "/jobs");
  const card = () => page.getByTestId("job-card").nth(5);
  const id = parseInt((await card().locator("h2 a").getAttribute("href")).split("/").pop(), 10);
  await context.setOffline(true);
  await card().getByTestId("favourite-toggle").click();
  await expect(card().getByTestId("favourite-sync")).toContainText("Offline");
  // The page comes from the worker's cache; the unsent change comes from the browser's storage.
  await page.reload();
  await hydrated(page);
  await expect(card().getByTestId("favourite-toggle")).toHaveAttribute("aria-pressed", "true");
  await context.setOffline(false);
  await expect(card().getByTestId("favourite-toggle")).toHaveAttribute("aria-busy", "false");
  expect(await savedOnServer(page)).toContain(id);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("rj_pending_favourites"))).toBeNull();
});

/** Holds the first request to `endpoint` until `fail()` is called, then fails it as a lost connection would. */
async function holdFirstRequest(page, endpoint) {
  let fail;
  const failed = new Promise((resolve) => (fail = resolve));
  let held = false;
  await page.route(`**/api/${endpoint}`, async (route) => {
    if (held) return route.continue();
    held = true;
    await failed;
    await route.abort("internetdisconnected");
  });
  return fail;
}

/** The connection drops and comes back (the browser fires `offline`, then `online`). */
async function connectionReturns(page, context) {
  await context.setOffline(true);
  await context.setOffline(false);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(true);
}

test("a save that fails just after the connection returned is sent again at once", async ({ page, context }) => {
  await page.goto("/jobs");
  await hydrated(page);
  const card = page.getByTestId("job-card").nth(3);
  const id = parseInt((await card.locator("h2 a").getAttribute("href")).split("/").pop(), 10);
  const fail = await holdFirstRequest(page, "set_favourite");
  await card.getByTestId("favourite-toggle").click();
  await connectionReturns(page, context); // while the save is under way
  fail();
  // Not 15 s later (the retry for a browser that is online but cannot reach the server).
  await expect(card.getByTestId("favourite-toggle")).toHaveAttribute("aria-busy", "false", { timeout: 5_000 });
  expect(await savedOnServer(page)).toContain(id);
});

test("a note that fails just after the connection returned is sent again at once", async ({ page, context }) => {
  await page.goto("/jobs");
  await hydrated(page);
  await page.getByTestId("job-card").nth(2).getByTestId("favourite-toggle").click();
  await expect(page.locator("[data-testid=favourite-toggle][aria-busy=true]")).toHaveCount(0);
  await page.goto("/merkliste");
  await hydrated(page);
  const item = page.getByTestId("saved-item").first();
  const text = `Beim Wiederverbinden notiert ${Date.now()}`;
  await item.locator("textarea").fill(text);
  const fail = await holdFirstRequest(page, "save_note");
  await item.getByRole("button", { name: "Notiz speichern" }).click();
  await connectionReturns(page, context); // while the note is under way
  fail();
  await expect(item.locator(".form-message")).toHaveText("Notiz gespeichert.", { timeout: 5_000 });
  expect(await (await page.request.get("/merkliste")).text()).toContain(text);
});

test("a note written offline survives a reload while offline and is saved once online", async ({ page, context }) => {
  await page.goto("/jobs");
  await hydrated(page);
  await page.getByTestId("job-card").nth(6).getByTestId("favourite-toggle").click();
  await expect(page.locator("[data-testid=favourite-toggle][aria-busy=true]")).toHaveCount(0);
  await openUnderWorker(page, "/merkliste");
  const note = page.getByTestId("saved-item").first().locator("textarea");
  const text = `Offline notiert ${Date.now()}`;
  await context.setOffline(true);
  await note.fill(text);
  await page.getByTestId("saved-item").first().getByRole("button", { name: "Notiz speichern" }).click();
  await expect(page.getByTestId("saved-item").first().locator(".form-message")).toContainText("Offline");
  await page.reload();
  await hydrated(page);
  await expect(note).toHaveValue(text);
  await context.setOffline(false);
  await expect(page.getByTestId("saved-item").first().locator(".form-message")).toHaveText("Notiz gespeichert.");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("rj_pending_notes"))).toBeNull();
  // The server has it: a fresh load of the list, past the worker's cache, shows it.
  const html = await (await page.request.get("/merkliste")).text();
  expect(html).toContain(text);
});

test("a new deployment's worker is offered, takes over on request and removes the old cache", async ({ page, context }) => {
  const storedAt = (path) => page.evaluate(async (p) => {
    const stored = await (await caches.open("rj-pages")).match(p);
    return stored ? Date.parse(stored.headers.get("date")) : 0;
  }, path);
  await openUnderWorker(page, "/gehalt"); // stored for offline use
  const gehaltStored = await storedAt("/gehalt");
  expect(gehaltStored).toBeGreaterThan(0);
  await page.goto("/"); // now /pwa.js starts under a controlling worker
  await hydrated(page);
  const build = await page.locator("html").getAttribute("data-build");
  // The new deployment's files, as its server would serve them (this one has only its own build's).
  await context.route(/\/v\/e2e-next\/pkg\//, async (route) =>
    route.fulfill({ response: await route.fetch({ url: route.request().url().replace("/v/e2e-next/", `/v/${build}/`) }) }));
  // What a new deployment looks like to the browser: the page names another build.
  await page.evaluate(() => navigator.serviceWorker.register("/sw.js?build=e2e-next", { scope: "/" }));
  await expect(page.getByTestId("update-banner")).toBeVisible({ timeout: 30_000 });
  // From now on pages name the new build, as the new server's pages would: without this, the
  // reloaded page (still served by this test's old build) registers the old worker again.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (url, options) {
      return register.call(this, String(url).replace(/build=[^&]*/, "build=e2e-next"), options);
    };
  });
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Neu laden" }).click();
  await reloaded;
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? "")).toContain("build=e2e-next");
  await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain(`rj-static-${build}`);
  expect(await page.evaluate(() => caches.keys())).toContain("rj-static-e2e-next");
  await expect(page.getByTestId("update-banner")).toBeHidden();
  // Stored pages are fetched again, so they open offline with the new build's files.
  await expect.poll(() => storedAt("/gehalt")).toBeGreaterThan(gehaltStored);
});
