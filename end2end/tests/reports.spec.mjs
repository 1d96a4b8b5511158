// Reports of a dead ad, end to end: three visitors report a listing from its page, it leaves the
// search; a reviewer keeps it with the command line (`revierjobs reports resolve ID --keep`), and it
// returns. The command needs the database the server uses, so this test runs a server of its own
// on embedded SurrealKV and stops it while the command runs (SurrealKV admits one process).
import { test, expect } from "./support.mjs";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = process.env.REVIERJOBS_BIN ?? "../target/debug/revierjobs";
const addr = process.env.E2E_REPORTS_ADDR ?? "127.0.0.1:3119";
const base = `http://${addr}`;

async function start(db) {
  const server = spawn(bin, ["serve", "--db", db, "--demo", "40", "--addr", addr], { stdio: "ignore" });
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGKILL");
  throw new Error("the server did not start");
}

async function stop(server) {
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

// Every active demo listing (fewer than 50): the total and whether `job` is among them.
const search = async () => (await fetch(`${base}/api/v1/jobs?per_page=50`)).json();
const listed = async (job) => (await search()).items.some((item) => item.id === job);

test("a listing reported by three visitors leaves the search until a reviewer keeps it", async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "revierjobs-e2e-"));
  const db = `surrealkv://${join(dir, "db")}`;
  let server = await start(db);
  try {
    const before = await search();
    const job = before.items[0].id;
    for (let visitor = 0; visitor < 3; visitor++) {
      // The first on a phone, 320 px wide.
      const viewport = visitor === 0 ? { width: 320, height: 700 } : undefined;
      const context = await browser.newContext({ baseURL: base, serviceWorkers: "block", viewport });
      const page = await context.newPage();
      await page.goto(`/jobs/${job}`);
      await page.getByText("Anzeige melden").click();
      if (viewport) {
        // A reason's box sits at the start of its row, its label beside it; nothing runs off the page.
        const radio = await page.getByLabel("Besetzt oder abgelaufen").boundingBox();
        const label = await page.locator("label[for=melden-besetzt]").boundingBox();
        expect(radio.width).toBeLessThan(30);
        expect(label.x).toBeGreaterThan(radio.x + radio.width);
        expect(label.y).toBeLessThan(radio.y + radio.height);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      }
      await page.getByLabel("Besetzt oder abgelaufen").check();
      await page.getByRole("button", { name: "Meldung senden" }).click();
      await expect(page.getByTestId("report-thanks")).toContainText("Danke für Ihre Meldung");
      await context.close();
    }
    await expect.poll(async () => (await search()).total, { timeout: 10_000 }).toBe(before.total - 1);
    const context = await browser.newContext({ baseURL: base, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto("/jobs");
    await expect(page.getByTestId("result-count")).toHaveText(`${before.total - 1} Stellen`);
    expect(await listed(job)).toBe(false);

    await stop(server);
    const open = execFileSync(bin, ["reports", "--open", "--db", db], { encoding: "utf8" });
    const report = open.match(/^#(\d+) /m)[1];
    execFileSync(bin, ["reports", "resolve", report, "--keep", "--reason", "Arbeitgeber bestätigt", "--db", db]);
    server = await start(db);

    expect((await search()).total).toBe(before.total);
    await page.goto("/jobs");
    await expect(page.getByTestId("result-count")).toHaveText(`${before.total} Stellen`);
    expect(await listed(job)).toBe(true);
    await context.close();
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
