// Draws Rapport's PNG icons (the rising bars of static/icon.svg) without any image library and
// writes them to static/. Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** An RGB PNG of `size` pixels; `safe` is the share of the side the bars may use (maskable: 0.6). */
function icon(size, safe) {
  const blue = [0x1d, 0x4f, 0x91];
  const white = [0xff, 0xff, 0xff];
  // Bars as in icon.svg's 64-unit grid: [x, y, w, h].
  const bars = [[12, 40, 8, 12], [24, 32, 8, 20], [36, 22, 8, 30], [48, 12, 6, 40]];
  const scale = (size * safe) / 44; // the bars span x 12..54 and y 12..52 (about 42 units)
  const offset = (size - 42 * scale) / 2 - 12 * scale;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inBar = bars.some(([bx, by, bw, bh]) => {
        const u = (x + 0.5 - offset) / scale;
        const v = (y + 0.5 - offset) / scale;
        return u >= bx && u < bx + bw && v >= by && v < by + bh;
      });
      (inBar ? white : blue).forEach((c, i) => (row[1 + x * 3 + i] = c));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../static/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, 0.8));
writeFileSync(new URL('icon-512.png', out), icon(512, 0.8));
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, 0.6));
console.log('wrote static/icon-192.png, icon-512.png, icon-maskable-512.png');
