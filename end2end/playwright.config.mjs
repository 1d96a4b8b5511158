// Drives Debian's /usr/bin/chromium (no browser download) against a freshly started server
// with an in-memory database and demo data.
import { defineConfig } from "@playwright/test";

const addr = process.env.E2E_ADDR ?? "127.0.0.1:3107";
const bin = process.env.REVIERJOBS_BIN ?? "../target/debug/revierjobs";

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry: on 2 busy cores a 13 MB debug wasm now and then takes longer than any sane wait.
  // A retried test is listed as "flaky" in the output, so it stays visible.
  retries: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://${addr}`,
    browserName: "chromium",
    // Each test's fresh context would install the service worker, which precaches the 13 MB debug
    // wasm: only tests/pwa.spec.mjs allows it.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `${bin} serve --db mem:// --demo 400 --addr ${addr}`,
    url: `http://${addr}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
