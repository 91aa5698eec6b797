/**
 * PNG pixel density: insert (or replace) the pHYs chunk, so a print preset opens at 300 dpi in
 * layout and photo software. PNG stores pixels per metre; the chunk goes right after IHDR
 * (PNG spec §11.3.5.3: before the first IDAT). The canvas encoder writes none, so this adds it.
 */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;
/** CRC-32 (ISO 3309, the PNG chunk checksum) over bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Chunk {
  type: string;
  data: Uint8Array;
}

/** The chunks of a PNG file (throws on a file that is not a PNG). */
export function readChunks(png: Uint8Array): Chunk[] {
  if (SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file (bad signature)');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

function writeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Pixels per metre for a dpi value (300 dpi = 11,811 px/m). */
export const perMetre = (dpi: number) => Math.round(dpi / 0.0254);

/** The PNG with a pHYs chunk saying `dpi` (any pHYs already there is replaced). */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const chunks = readChunks(png).filter((c) => c.type !== 'pHYs');
  const phys = new Uint8Array(9);
  const v = new DataView(phys.buffer);
  v.setUint32(0, perMetre(dpi));
  v.setUint32(4, perMetre(dpi));
  phys[8] = 1; // unit: metre
  const parts: Uint8Array[] = [new Uint8Array(SIGNATURE)];
  for (const c of chunks) {
    parts.push(writeChunk(c.type, c.data));
    if (c.type === 'IHDR') parts.push(writeChunk('pHYs', phys));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The dpi a PNG declares (pHYs in metres), or null. */
export function dpiOf(png: Uint8Array): number | null {
  const c = readChunks(png).find((x) => x.type === 'pHYs');
  if (!c || c.data[8] !== 1) return null;
  const v = new DataView(c.data.buffer, c.data.byteOffset, 9);
  return Math.round(v.getUint32(0) * 0.0254);
}
