/**
 * Bytes → text, as spreadsheets save it: UTF-8 with or without a BOM, UTF-16 LE/BE ("Unicode text"
 * from Excel, with a BOM or recognised by its zero bytes), else Windows-1252 (Excel's "CSV" on
 * Western Windows), always said, never silent. Binary files (a zip that is not an .xlsx, a PDF,
 * an image, anything with many control bytes) are refused.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Kind = 'text' | 'xlsx' | 'binary';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

const SAMPLE = 8192;

/** What the first bytes say the file is. */
export function sniffKind(b: Uint8Array): Kind {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (utf16Bom(b) || utf16NoBom(b)) return 'text';
  const magic = [
    [0x25, 0x50, 0x44, 0x46], // %PDF
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0xd0, 0xcf, 0x11, 0xe0], // old .xls (OLE)
    [0x1f, 0x8b], // gzip
  ];
  if (magic.some((m) => m.every((x, i) => b[i] === x))) return 'binary';
  const n = Math.min(b.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return n && control / n > 0.05 ? 'binary' : 'text';
}

function utf16Bom(b: Uint8Array): Encoding | null {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16NoBom(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.4 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.4 && odd < half * 0.05) return 'utf-16be';
  return null;
}

export function decode(b: Uint8Array): Decoded {
  const u16 = utf16Bom(b);
  if (u16) return { text: new TextDecoder(u16).decode(b.subarray(2)), encoding: u16, bom: true };
  const u16n = utf16NoBom(b);
  if (u16n) return { text: new TextDecoder(u16n).decode(b), encoding: u16n, bom: false };
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? b.subarray(3) : b);
    return { text, encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(b), encoding: 'windows-1252', bom: false };
  }
}
