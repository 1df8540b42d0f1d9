#!/usr/bin/env node
// Draws Dealsight's icon set into public/icon/{16,32,48,96,128}.png with no dependencies:
// shapes are signed-distance functions, supersampled for antialiased edges, and written by
// the small PNG encoder below (zlib for DEFLATE, a hand-rolled CRC-32).
//
// The mark: a rounded square shading from deep indigo to teal, with a white upward chevron
// (the deal moving forward) over a dot (the point in sight).
//
// Usage: node scripts/make-icons.mjs   (rewrites the PNGs; commit them)
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
/** Per size: the transparent margin (Chrome shows 128 px icons with 16 px of padding around
 * 96 px of art; toolbar sizes use the whole square) and the mark's weight, bolder when small
 * so the strokes stay crisp at 16 px. Fractions of the side. */
const SIZES = {
  16: { margin: 0, stroke: 0.1, dot: 0.11 },
  32: { margin: 0, stroke: 0.08, dot: 0.09 },
  48: { margin: 0.0625, stroke: 0.07, dot: 0.085 },
  96: { margin: 0.0625, stroke: 0.07, dot: 0.085 },
  128: { margin: 0.125, stroke: 0.07, dot: 0.085 },
};
const SUBSAMPLES = 8; // 8 × 8 samples per pixel
const FROM = [67, 56, 202]; // indigo-700 #4338ca, top left
const TO = [15, 118, 110]; // teal-700 #0f766e, bottom right

// ---- geometry (unit square, y down) ----------------------------------------------------

/** Signed distance to a rounded square centred at 0.5 with half side `h` and radius `r`. */
function roundedSquare(x, y, h, r) {
  const qx = Math.abs(x - 0.5) - h + r;
  const qy = Math.abs(y - 0.5) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment a–b (a capsule once a radius is subtracted). */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** Signed distance to the white mark, in the art square's own unit coordinates.
 * `stroke` is half the chevron's stroke width; `dot` is the dot's radius. */
function mark(x, y, { stroke, dot }) {
  const chevron = Math.min(segment(x, y, 0.27, 0.56, 0.5, 0.33), segment(x, y, 0.5, 0.33, 0.73, 0.56)) - stroke;
  const point = Math.hypot(x - 0.5, y - 0.72 - (stroke - 0.07)) - dot;
  return Math.min(chevron, point);
}

// ---- raster ------------------------------------------------------------------------------

function draw(size, { margin, ...weight }) {
  const rgba = Buffer.alloc(size * size * 4);
  const art = 1 - 2 * margin; // side of the art square, as a fraction of the icon
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (roundedSquare(x, y, art / 2, art * 0.22) > 0) continue;
          inside++;
          if (mark((x - margin) / art, (y - margin) / art, weight) <= 0) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (inside === 0) continue;
      // Diagonal gradient across the art square, then white where the mark covers it.
      const t = Math.min(1, Math.max(0, ((px + 0.5) / size - margin + (py + 0.5) / size - margin) / (2 * art)));
      const w = white / inside;
      for (let c = 0; c < 3; c++) {
        const base = FROM[c] + (TO[c] - FROM[c]) * t;
        rgba[i + c] = Math.round(base + (255 - base) * w);
      }
      rgba[i + 3] = Math.round((255 * inside) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return rgba;
}

// ---- PNG encoder (8-bit RGBA, no interlace) ----------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const [size, style] of Object.entries(SIZES)) {
  const n = Number(size);
  const file = join(OUT_DIR, `${n}.png`);
  writeFileSync(file, encodePng(n, draw(n, style)));
  console.log(`wrote ${file}`);
}
