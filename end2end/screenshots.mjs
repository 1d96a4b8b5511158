// Takes the install dialog's screenshots (manifest `screenshots`) of a running server in Debian's
// Chromium: the job search on a phone and on a desktop, in the light scheme, demo notice included.
// Usage (see `make screenshots`): node end2end/screenshots.mjs http://127.0.0.1:3109 public/screenshots
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.argv[2] ?? "http://127.0.0.1:3109";
const out = process.argv[3] ?? "public/screenshots";
// Names and sizes as listed in public/manifest.webmanifest.
const SHOTS = [
  { file: "jobs-narrow.png", path: "/jobs?place=bochum&radius_km=25#ergebnisse", width: 390, height: 844, scale: 2 },
  { file: "jobs-wide.png", path: "/jobs?place=bochum&radius_km=25", width: 1280, height: 800, scale: 1 },
  { file: "gehalt-wide.png", path: "/gehalt", width: 1280, height: 800, scale: 1 },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
for (const shot of SHOTS) {
  const page = await browser.newPage({
    viewport: { width: shot.width, height: shot.height },
    deviceScaleFactor: shot.scale,
    colorScheme: "light",
    serviceWorkers: "block",
  });
  await page.goto(base + shot.path);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
  await page.screenshot({ path: join(out, shot.file) });
  await page.close();
  console.log(`${shot.file}: ${shot.width * shot.scale}×${shot.height * shot.scale}`);
}
await browser.close();
