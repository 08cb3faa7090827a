/**
 * Draws the extension icon (a white speech bubble with a tick on a blue
 * rounded square) at every size the manifests need and writes PNGs to
 * public/icon/. Run: npx tsx scripts/make-icons.ts. Pure Node, no image
 * library: the shape is simple enough to rasterise with 4×4 supersampling.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BLUE: [number, number, number] = [27, 94, 155];
const WHITE: [number, number, number] = [255, 255, 255];

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at a point of the unit square, or null for transparent. */
function shade(x: number, y: number): [number, number, number] | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Bubble: an ellipse plus a small tail at the lower left.
  const inEllipse = ((x - 0.5) / 0.34) ** 2 + ((y - 0.45) / 0.26) ** 2 <= 1;
  const inTail = y > 0.6 && y < 0.84 && x > 0.26 && x < 0.44 && x - 0.26 < (0.84 - y) * 0.75;
  if (!inEllipse && !inTail) return BLUE;
  // Tick inside the bubble, drawn in blue.
  const distance = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(
      0,
      Math.min(
        1,
        ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
      ),
    );
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  const onTick =
    Math.min(distance(x, y, 0.37, 0.46, 0.47, 0.56), distance(x, y, 0.47, 0.56, 0.65, 0.36)) <
    0.045;
  return onTick ? BLUE : WHITE;
}

const outDir = join(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(outDir, { recursive: true });
const SAMPLES = 4;
for (const size of SIZES) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = shade(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
          );
          if (!colour) continue;
          covered += 1;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        rgba[offset] = Math.round(red / covered);
        rgba[offset + 1] = Math.round(green / covered);
        rgba[offset + 2] = Math.round(blue / covered);
      }
      rgba[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  writeFileSync(join(outDir, `${size}.png`), encodePng(size, rgba));
}
console.log(`wrote ${SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
