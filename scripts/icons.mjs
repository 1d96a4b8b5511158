// Draws the Revierjobs app icons (a mine headframe, the Ruhr's landmark, on the brand green) as
// PNG files, reproducibly and without dependencies: shapes are filled with 4×4 supersampling and
// encoded with node's zlib. Run: node scripts/icons.mjs public/icons
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BRAND = [11, 93, 87];
const LIGHT = [255, 255, 255];
const ACCENT = [242, 182, 50];

// Shapes in unit coordinates (0..1), drawn in order; each is [colour, inside(x, y)].
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const ring = (cx, cy, r0, r1) => (x, y) => { const d = Math.hypot(x - cx, y - cy); return d >= r0 && d <= r1; };
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
/** A convex quadrilateral given clockwise. */
const quad = (pts) => (x, y) => pts.every(([ax, ay], i) => {
  const [bx, by] = pts[(i + 1) % pts.length];
  return (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;
});

function headframe(scale) {
  // Centred on (0.5, 0.5); `scale` shrinks it into the maskable safe zone.
  const s = (v, c = 0.5) => c + (v - c) * scale;
  const R = (x0, y0, x1, y1) => rect(s(x0), s(y0), s(x1), s(y1));
  return [
    [LIGHT, quad([[s(0.27), s(0.80)], [s(0.47), s(0.30)], [s(0.53), s(0.30)], [s(0.34), s(0.80)]])], // strut
    [LIGHT, R(0.55, 0.30, 0.63, 0.80)], // tower
    [LIGHT, R(0.40, 0.50, 0.63, 0.545)], // cross beam
    [LIGHT, R(0.46, 0.64, 0.63, 0.685)],
    [LIGHT, ring(s(0.59), s(0.25), 0.072 * scale, 0.108 * scale)], // sheave wheel
    [LIGHT, disc(s(0.59), s(0.25), 0.025 * scale)],
    [ACCENT, R(0.18, 0.80, 0.82, 0.85)], // ground
  ];
}

function roundedSquare(r) {
  return (x, y) => {
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function draw(size, shapes) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour = null;
          for (const [c, inside] of shapes) if (inside(x, y)) colour = c;
          if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 255; }
        }
      }
      const k = n * n, i = (py * size + px) * 4;
      const cover = a / 255;
      rgba[i] = cover ? Math.round(r / cover) : 0;
      rgba[i + 1] = cover ? Math.round(g / cover) : 0;
      rgba[i + 2] = cover ? Math.round(b / cover) : 0;
      rgba[i + 3] = Math.round(a / k);
    }
  }
  return png(size, size, rgba);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(w, h, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0); header.writeUInt32BE(h, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  const rows = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(rows, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? "public/icons";
mkdirSync(out, { recursive: true });
const any = [[BRAND, roundedSquare(0.18)], ...headframe(1)];
// Maskable: full-bleed background, artwork inside the 80 % safe circle.
const maskable = [[BRAND, rect(0, 0, 1, 1)], ...headframe(0.72)];
for (const [name, size, shapes] of [
  ["icon-192.png", 192, any], ["icon-512.png", 512, any], ["maskable-512.png", 512, maskable],
  ["apple-touch-icon.png", 180, maskable],
]) {
  writeFileSync(join(out, name), draw(size, shapes));
  console.log(`${join(out, name)} ${size}×${size}`);
}
