// Revierjobs service worker. Registered by /pwa.js as /sw.js?build=<id of the deployed bundle>,
// so every deployment installs a new worker with its own static cache.
//   - static files (this build's wasm, js, css under /v/<build>/, icons): cache-first from this
//     build's cache, precached at install;
//   - pages: network-first (4 s), stored when they answer 200, else the stored copy, else /offline;
//   - never stored: anything but GET, /api/, downloads, error responses.
// A page names its own build's files (/v/<build>/…), so it never runs another build's wasm; after
// an update the stored pages are fetched again to name the new build.
// Pages hold personal data (Merkliste, Konto): the page cache is emptied whenever someone signs
// in or out or deletes an account on this device.
const BUILD = new URL(self.location.href).searchParams.get("build") || "dev";
const STATIC = `rj-static-${BUILD}`;
const PAGES = "rj-pages";
const ASSETS = `/v/${encodeURIComponent(BUILD)}/pkg`; // this build's own files (see app::asset_root)
const SHELL = [
  "/offline", `${ASSETS}/revierjobs.js`, `${ASSETS}/revierjobs.wasm`, `${ASSETS}/revierjobs.css`, "/pwa.js",
  "/manifest.webmanifest", "/favicon.svg", "/icons/icon-192.png",
];
const ACCOUNT_CHANGES = ["/api/sign_in", "/api/sign_up", "/api/sign_out", "/api/sign_out_everywhere", "/api/delete_account"];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("rj-static-") && key !== STATIC) await caches.delete(key);
    }
    await self.clients.claim();
  })().then(refreshStoredPages));
});

// Stored pages name the build they came with (its wasm under /v/<build>/), whose cache was just
// removed: fetch them again so that they work offline with this build.
async function refreshStoredPages() {
  const cache = await caches.open(PAGES);
  for (const request of await cache.keys()) {
    try {
      const response = await fetch(request.url, { credentials: "same-origin" });
      if (response.status === 200) await cache.put(request, response);
    } catch {
      return; // offline again: the rest stay as they are
    }
  }
}

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (ACCOUNT_CHANGES.includes(url.pathname)) event.respondWith(forgetPagesAfter(request));
    return;
  }
  if (url.pathname.startsWith("/api/") || /\.(csv|ics|json)$/.test(url.pathname) || url.pathname === "/sw.js") return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (SHELL.includes(url.pathname) || url.pathname.startsWith("/v/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(cacheThenNetwork(request));
  }
});

async function forgetPagesAfter(request) {
  const response = await fetch(request);
  if (response.ok) await caches.delete(PAGES);
  return response;
}

async function cacheThenNetwork(request) {
  const cached = await caches.match(request, { ignoreSearch: true, cacheName: STATIC });
  return cached ?? fetch(request);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function page(request) {
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    const type = response.headers.get("content-type") ?? "";
    if (response.status === 200 && type.startsWith("text/html")) {
      const copy = response.clone();
      caches.open(PAGES).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  } catch {
    const cached = await caches.match(request, { cacheName: PAGES });
    if (cached) return cached;
    return (await caches.match("/offline", { cacheName: STATIC })) ?? Response.error();
  }
}
