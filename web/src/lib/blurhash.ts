import { decode, isBlurhashValid } from 'blurhash';

// A BlurHash decoded into a tiny bitmap, as a data URL to paint behind an image while it loads.
// The pixels go into an uncompressed BMP rather than a canvas: no 2D context needed (so it works
// in tests and workers too), synchronous, and at 32 px wide the file is a few kilobytes.
// Browsers smooth it when scaling it up, which is the blur we want.

const MAX_SIDE = 32;
const cache = new Map<string, string | null>();

function bmpDataUrl(pixels: Uint8ClampedArray, width: number, height: number): string {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const dataSize = rowSize * height;
  const bytes = new Uint8Array(54 + dataSize);
  const view = new DataView(bytes.buffer);
  // BITMAPFILEHEADER
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  // BITMAPINFOHEADER: 24 bits per pixel, no compression, rows bottom-up.
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, dataSize, true);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * rowSize;
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = row + x * 3;
      bytes[to] = pixels[from + 2] ?? 0; // blue
      bytes[to + 1] = pixels[from + 1] ?? 0; // green
      bytes[to + 2] = pixels[from] ?? 0; // red
    }
  }
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/bmp;base64,${btoa(binary)}`;
}

/** The size to decode at: the photo's aspect ratio, at most 32 px on the long side. */
function decodeSize(width: number | null, height: number | null): [number, number] {
  if (!width || !height) return [MAX_SIDE, MAX_SIDE];
  return width >= height
    ? [MAX_SIDE, Math.max(1, Math.round((MAX_SIDE * height) / width))]
    : [Math.max(1, Math.round((MAX_SIDE * width) / height)), MAX_SIDE];
}

/** A data URL of the BlurHash's picture, or null when the hash is not valid. Cached. */
export function blurhashDataUrl(hash: string, width: number | null = null, height: number | null = null): string | null {
  const [w, h] = decodeSize(width, height);
  const key = `${hash}|${w}x${h}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let url: string | null = null;
  if (isBlurhashValid(hash).result) {
    try {
      url = bmpDataUrl(decode(hash, w, h), w, h);
    } catch {
      url = null;
    }
  }
  cache.set(key, url);
  return url;
}
