// Progressive-web-app glue, kept out of the wasm bundle: registers the service worker once the
// page is hydrated, offers installation, shows the offline and "new version" notices, keeps the
// saved jobs' pages available offline, and lists the stored pages on /offline.
const root = document.documentElement;
const $ = (id) => document.getElementById(id);

function whenHydrated(run) {
  if (root.dataset.hydrated) return run();
  const watch = new MutationObserver(() => {
    if (root.dataset.hydrated) { watch.disconnect(); run(); }
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-hydrated"] });
}

function showConnection() {
  const banner = $("offline-banner");
  if (banner) banner.hidden = navigator.onLine;
}
addEventListener("online", showConnection);
addEventListener("offline", showConnection);

let installPrompt = null;
addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault();
  installPrompt = event;
  const button = $("install-app");
  if (button) button.hidden = false;
});
addEventListener("appinstalled", () => {
  installPrompt = null;
  const button = $("install-app");
  if (button) button.hidden = true;
});

function offerUpdate(worker) {
  const banner = $("update-banner");
  if (!banner) return;
  banner.hidden = false;
  $("update-reload")?.addEventListener("click", () => worker.postMessage({ type: "SKIP_WAITING" }), { once: true });
}

async function register() {
  if (!("serviceWorker" in navigator)) return;
  const build = root.dataset.build || "dev";
  const registration = await navigator.serviceWorker.register(`/sw.js?build=${encodeURIComponent(build)}`, { scope: "/" });
  // A worker that takes over a page already controlled by an older one: reload onto the new build.
  let reloading = false;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController && !reloading) { reloading = true; location.reload(); }
  });
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
  await navigator.serviceWorker.ready;
  if (location.pathname === "/merkliste") keepSavedJobsOffline();
  if (location.pathname === "/offline") listStoredPages();
}

// Fetching each saved job's page once lets the service worker store it for offline reading.
function keepSavedJobsOffline() {
  if (!navigator.onLine) return;
  for (const link of document.querySelectorAll("[data-testid=saved-item] h2 a")) {
    fetch(link.href, { headers: { accept: "text/html" }, mode: "same-origin", credentials: "same-origin" })
      .then((response) => caches.open("rj-pages").then((cache) => response.ok && cache.put(link.href, response)))
      .catch(() => {});
  }
}

async function listStoredPages() {
  const list = $("offline-pages");
  if (!list || !("caches" in self)) return;
  const cache = await caches.open("rj-pages");
  const seen = new Set(["/merkliste"]);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    const path = url.pathname + url.search;
    if (seen.has(path)) continue;
    seen.add(path);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = path;
    link.textContent = path === "/" ? "Startseite" : decodeURIComponent(path);
    item.append(link);
    list.append(item);
  }
}

showConnection();
if (matchMedia("(display-mode: standalone)").matches) $("install-app")?.remove();
$("install-app")?.addEventListener("click", async () => {
  if (!installPrompt) return;
  installPrompt.prompt();
  await installPrompt.userChoice;
  installPrompt = null;
  $("install-app").hidden = true;
});
whenHydrated(() => { register().catch(() => {}); });
