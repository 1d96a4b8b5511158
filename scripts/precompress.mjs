// Writes brotli (quality 11) and gzip (level 9) copies beside the built site's wasm, js and css,
// which the server sends as they are (server/src/assets.rs), and prints the sizes: raw, gzip,
// brotli. Run by `make build` and `make size`.
// Usage: node scripts/precompress.mjs target/site/pkg
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "target/site/pkg";
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"asset".padEnd(28)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
let total = 0;
for (const name of readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const raw = readFileSync(join(dir, name));
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gz = gzipSync(raw, { level: 9 });
  // Written after the file they copy, so the server sees them as fresh.
  writeFileSync(join(dir, `${name}.br`), br);
  writeFileSync(join(dir, `${name}.gz`), gz);
  total += br.length;
  console.log(`${name.padEnd(28)} ${kb(raw.length)} ${kb(gz.length)} ${kb(br.length)}`);
}
console.log(`${"total (brotli)".padEnd(28)} ${"".padStart(8)} ${"".padStart(8)} ${kb(total)}`);
