// Prints raw, gzip and brotli sizes of the built site's assets (`make size`). Figures, not assertions.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { brotliCompressSync, gzipSync, constants } from "zlib";

const dir = process.argv[2] ?? "target/site/pkg";
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"asset".padEnd(28)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
let total = 0;
for (const name of readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const raw = readFileSync(join(dir, name));
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += br;
  console.log(`${name.padEnd(28)} ${kb(raw.length)} ${kb(gzipSync(raw, { level: 9 }).length)} ${kb(br)}`);
}
console.log(`${"total (brotli)".padEnd(28)} ${"".padStart(8)} ${"".padStart(8)} ${kb(total)}`);
