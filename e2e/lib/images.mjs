// Photos made in code for the tests that upload them (no fixture files, no downloads).
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A `width`×`height` RGB PNG: a gradient from `from` to `to` ([r, g, b]) across, or with
 * `noise` random pixels (incompressible: the file is about width × height × 3 bytes, for
 * uploads that take a while).
 */
export function png(width, height, { from = [230, 120, 150], to = [120, 90, 200], noise = false } = {}) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const stride = width * 3 + 1;
  const rows = noise ? randomBytes(stride * height) : Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 0; // filter: none
    if (noise) continue;
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      const at = y * stride + 1 + x * 3;
      for (let c = 0; c < 3; c++) rows[at + c] = Math.round(from[c] + (to[c] - from[c]) * t);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: noise ? 0 : 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
