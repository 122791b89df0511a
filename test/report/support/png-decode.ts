/**
 * A minimal PNG decoder for test assertions: 8-bit greyscale, RGB, grey+alpha or RGBA,
 * non-interlaced (what Chromium's screenshots and resvg produce). Returns RGBA pixels.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  readonly rgba: Uint8Array;
}

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes `bytes`; throws "decodePng requires …" on anything it does not support. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!PNG_MAGIC.every((b, i) => buf[i] === b)) throw new Error('decodePng requires the PNG signature');
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  for (let pos = 8; pos < buf.length;) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error(`decodePng requires 8-bit non-interlaced, got depth ${data[8]} interlace ${data[12]}`);
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = CHANNELS[colourType];
  if (channels === undefined) throw new Error(`decodePng requires colour type 0, 2, 4 or 6, got ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, a] = channels >= 3 ? [p[0], p[1], p[2], channels === 4 ? p[3] : 255] : [p[0], p[0], p[0], channels === 2 ? p[1] : 255];
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

/** Share of pixels that are not (near) white, and the number of distinct colours. */
export function inkStats(png: DecodedPng): { inked: number; colours: number } {
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < png.rgba.length; i += 4) {
    const [r, g, b] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]];
    if (r < 240 || g < 240 || b < 240) inked++;
    colours.add((r << 16) | (g << 8) | b);
  }
  return { inked: inked / (png.width * png.height), colours: colours.size };
}
