#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-16/32/64/80/128.png): a blue rounded square with a white
 * table grid, drawn pixel by pixel and encoded with zlib so no image tool is needed.
 *   node scripts/make-icons.js [outDir]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xbf];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA of pixel (x, y): transparent outside the rounded square, white grid lines inside. */
function pixel(x, y, size) {
  const r = Math.max(2, Math.round(size * 0.18));
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const margin = Math.round(size * 0.22);
  const inner = size - 2 * margin;
  const line = Math.max(1, Math.round(size / 16));
  const inBox = x >= margin && x < size - margin && y >= margin && y < size - margin;
  if (inBox) {
    const gx = (x - margin) % Math.ceil(inner / 2);
    const gy = (y - margin) % Math.ceil(inner / 3);
    const edge = x < margin + line || x >= size - margin - line || y < margin + line || y >= size - margin - line;
    if (edge || gx < line || gy < line) return [...WHITE, 255];
  }
  return [...BLUE, 255];
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${path.relative(process.cwd(), file)} ${size}x${size}`);
}
