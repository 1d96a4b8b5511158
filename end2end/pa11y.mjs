// The second accessibility engine (`make a11y`): pa11y 9 with HTML_CodeSniffer (WCAG 2 AA) in Debian's
// Chromium over every page of tests/pages.mjs and a real job's detail page, each as the server renders
// it in the light and the dark scheme (the `rj_theme` cookie). Errors fail; warnings and notices, which
// need a person to judge them, are not counted. Usage: node pa11y.mjs BASE_URL
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pa11y from "pa11y";
import { PAGES } from "./tests/pages.mjs";

const base = (process.argv[2] ?? "").replace(/\/+$/, "");
if (!/^https?:\/\//.test(base)) {
  console.error("usage: node pa11y.mjs BASE_URL");
  process.exit(2);
}

// Known false positives, each with the reason it is one. An entry matches an error's code, its element's
// selector and its markup; only what is listed here is left out, every other error counts.
const IGNORE = [
  {
    code: "WCAG2AA.Principle1.Guideline1_3.1_3_5.H98", selector: /^#email$/, context: /type="email"[^>]*autocomplete="username"/,
    reason: "HTML's autofill rules allow the username field name on an e-mail input (the sign-in name is the address)",
  },
];

const ignored = (issue) => IGNORE.find((rule) =>
  rule.code === issue.code && rule.selector.test(issue.selector) && rule.context.test(issue.context));

/** The first job card's detail page on /jobs. */
async function firstJob() {
  const html = await (await fetch(`${base}/jobs`)).text();
  const card = html.indexOf('data-testid="job-card"');
  const href = card < 0 ? null : html.slice(card).match(/href="(\/jobs\/[^"?#/]+)"/);
  if (!href) throw new Error("no job card with a detail link on /jobs");
  return href[1];
}

const OPTIONS = {
  runners: ["htmlcs"],
  standard: "WCAG2AA",
  timeout: 60_000,
  chromeLaunchConfig: {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
      "--disable-component-update", "--disable-sync"],
  },
};

async function check(path, scheme) {
  const result = await pa11y(base + path, { ...OPTIONS, headers: { Cookie: `rj_theme=${scheme}` } });
  const errors = result.issues.filter((issue) => issue.type === "error");
  return { path, scheme, errors: errors.filter((e) => !ignored(e)), skipped: errors.filter(ignored) };
}

/** The check itself: it must find an image without alt text, and the cookie must pick the scheme. */
async function selfCheck() {
  const dir = mkdtempSync(join(tmpdir(), "pa11y-"));
  try {
    writeFileSync(join(dir, "planted.html"), '<!doctype html><html lang="de"><title>t</title><main><img src="x.png"></main></html>');
    const { issues } = await pa11y(`file://${join(dir, "planted.html")}`, OPTIONS);
    if (!issues.some((i) => i.type === "error" && i.code.endsWith(".H37"))) throw new Error("pa11y missed a planted image without alt text");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const html = await (await fetch(`${base}/impressum`, { headers: { Cookie: "rj_theme=dark" } })).text();
  if (!/<html[^>]*data-theme="dark"/.test(html)) throw new Error("the server ignored rj_theme=dark: the dark pass would test the light scheme");
}

const started = Date.now();
await selfCheck();
const paths = [...PAGES, await firstJob()];
const runs = paths.flatMap((path) => ["light", "dark"].map((scheme) => [path, scheme]));

// Two at a time: one Chromium per core. Results in the order of `runs`.
const results = [];
let next = 0;
await Promise.all([0, 1].map(async () => {
  while (next < runs.length) {
    const i = next++;
    const [path, scheme] = runs[i];
    results[i] = await check(path, scheme).catch((e) => ({ path, scheme, failed: String(e), errors: [], skipped: [] }));
  }
}));

let errors = 0;
for (const { path, scheme, errors: found, skipped, failed } of results) {
  const note = skipped.length ? ` (${skipped.length} known false positive${skipped.length > 1 ? "s" : ""} ignored)` : "";
  if (failed) {
    errors += 1;
    console.log(`FAIL ${path} (${scheme}): ${failed}`);
  } else if (found.length === 0) {
    console.log(`ok   ${path} (${scheme})${note}`);
  } else {
    errors += found.length;
    console.log(`FAIL ${path} (${scheme}): ${found.length} error${found.length > 1 ? "s" : ""}${note}`);
    for (const e of found) console.log(`     ${e.code}\n       ${e.selector}\n       ${e.message}\n       ${e.context}`);
  }
}
const used = IGNORE.filter((rule) => results.some((r) => r.skipped.some((e) => ignored(e) === rule)));
for (const rule of used) console.log(`ignored as a false positive: ${rule.code} on ${rule.selector} – ${rule.reason}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`pa11y (HTML_CodeSniffer, WCAG2AA): ${results.length} page renders, ${errors} error${errors === 1 ? "" : "s"}, ${seconds} s`);
process.exit(errors ? 1 : 0);
