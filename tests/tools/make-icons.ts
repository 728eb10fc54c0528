/**
 * Draws DeskLink's icon at every size the stores ask for and writes public/icon/<size>.png
 * (WXT picks them up as the manifest's `icons`). Deterministic: same bytes on every run, so
 * the PNGs are committed and this script only reruns when the mark changes.
 *
 *   npx tsx tests/tools/make-icons.ts
 *
 * The mark: a white ticket (a rectangle with a notch on each side) on a blue rounded square.
 * Pixels are drawn from shape tests with 8×8 supersampling, so small sizes stay crisp.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 48, 96, 128] as const;
const BLUE: RGB = [21, 101, 192];
const WHITE: RGB = [255, 255, 255];
type RGB = [number, number, number];

/** Inside a rounded rectangle centred at (0.5, 0.5) in unit coordinates. */
function inRoundedRect(x: number, y: number, halfW: number, halfH: number, r: number): boolean {
  const dx = Math.max(Math.abs(x - 0.5) - (halfW - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (halfH - r), 0);
  return Math.abs(x - 0.5) <= halfW && Math.abs(y - 0.5) <= halfH && dx * dx + dy * dy <= r * r;
}

/** What colour (if any) covers the unit-square point (x, y). */
function colourAt(x: number, y: number): RGB | null {
  if (!inRoundedRect(x, y, 0.5, 0.5, 0.2)) return null;
  const inTicket = inRoundedRect(x, y, 0.34, 0.22, 0.04);
  const notchR = 0.085;
  const inNotch = (x - 0.16) ** 2 + (y - 0.5) ** 2 < notchR ** 2 || (x - 0.84) ** 2 + (y - 0.5) ** 2 < notchR ** 2;
  // A perforation between stub and body: a blue gap at x≈0.64, broken into three dashes.
  const inPerforation = Math.abs(x - 0.64) < 0.022 && Math.floor((y - 0.28) / 0.09) % 2 === 0;
  return inTicket && !inNotch && !inPerforation ? WHITE : BLUE;
}

function render(size: number): Buffer {
  const SS = 8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = fileURLToPath(new URL('../../public/icon/', import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(`${outDir}${size}.png`, render(size));
  console.log(`public/icon/${size}.png`);
}
