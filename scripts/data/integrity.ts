/**
 * Checks on the bytes and on what the table validators cannot see row by row, each reporting file,
 * row and column and the fix: text must be UTF-8 (the byte offset of the first bad byte is named),
 * a byte-order mark is accepted wherever it is (CSV and JSON), NUL bytes are refused, an
 * agreement or a programme cannot end before it starts, and a place whose latitude and longitude
 * look swapped (it lies away from its country, and swapped it lies in it) is refused with the
 * values to write.
 */
import type { DataError } from '../../src/lib/data/schema';
import type { Agreement } from '../../src/lib/data/json-schema';
import type { PartialDate } from '../../src/lib/data/fields';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { GeometryObject } from 'topojson-specification';
import { polygonsOf, readAtlas } from '../basemap/geo';
import { countryName } from '../basemap/names';

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes that follow, and the smallest code point that needs that many (no overlongs).
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!n) return i;
    const min = [0, 0x80, 0x800, 0x10000][n];
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

const lineAt = (b: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
};

/**
 * The text of a data file: UTF-8 required (else an error naming the byte offset and its line, and
 * null), every byte-order mark removed (at the start, or where files were concatenated).
 */
export function readText(file: string, bytes: Uint8Array, errors: DataError[]): string | null {
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const hex = Array.from(bytes.subarray(bad, bad + 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
    errors.push({
      file,
      row: lineAt(bytes, bad),
      column: '(bytes)',
      value: `byte offset ${bad}: ${hex}`,
      expected:
        'UTF-8 text (this byte is not UTF-8: the file was probably saved as Windows-1252 or Latin-1; re-save it as UTF-8)',
    });
    return null;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/\ufeff/g, '');
}

/** NUL characters: refused, with the line and (for a CSV) the column they are in. */
export function nulBytes(file: string, text: string, errors: DataError[]): void {
  if (!text.includes('\0')) return;
  const lines = text.split('\n');
  const header = file.endsWith('.csv') ? lines[0].split(',') : [];
  lines.forEach((l, i) => {
    const at = l.indexOf('\0');
    if (at < 0) return;
    let cell = 0;
    let quoted = false;
    for (let k = 0; k < at; k++) {
      if (l[k] === '"') quoted = !quoted;
      else if (l[k] === ',' && !quoted) cell++;
    }
    errors.push({
      file,
      row: i + 1,
      column: header[cell]?.trim() || '(text)',
      value: l.slice(Math.max(0, at - 20), at + 20).replace(/\0/g, '\\0'),
      expected:
        'text without NUL bytes (the file is damaged or was saved as UTF-16: re-save it as UTF-8 and remove the NUL)',
    });
  });
}

const STARTS = new Set(['announced', 'signed', 'ratified', 'in_force', 'applies']);
/** First and last day a partial date may mean. */
function span(d: PartialDate): [string, string] {
  if (d.precision === 'day') return [d.iso, d.iso];
  if (d.precision === 'month') return [`${d.iso}-01`, `${d.iso}-31`];
  return [`${d.iso}-01-01`, `${d.iso}-12-31`];
}

/**
 * An agreement whose end is dated before its start (even at the latest its end could mean, it
 * is before the earliest its first start event could mean): a date or an event type is wrong.
 */
export function lifecycleOrder(file: string, agreements: readonly Agreement[], errors: DataError[]): void {
  agreements.forEach((a, i) => {
    const starts = a.events.filter((e) => e.date && STARTS.has(e.type)).map((e) => span(e.date!)[0]);
    if (!starts.length) return;
    const first = starts.sort()[0];
    a.events.forEach((e, j) => {
      if (e.type !== 'ended' || !e.date) return;
      if (span(e.date)[1] < first)
        errors.push({
          file,
          row: 0,
          column: `[${i}] (${a.id}).events[${j}].date`,
          value: e.date.iso,
          expected: `an end on or after the agreement's start (${first.replace(/-01$|-01-01$/, '')}): check both dates and the event types`,
        });
    });
  });
}

/** A programme whose end is dated before its start. */
export function programmeOrder(
  file: string,
  rows: readonly { _row: number; start: PartialDate | null; end: PartialDate | null }[],
  errors: DataError[],
): void {
  for (const r of rows)
    if (r.start && r.end && span(r.end)[1] < span(r.start)[0])
      errors.push({
        file,
        row: r._row,
        column: 'end',
        value: r.end.iso,
        expected: `an end on or after the start (${r.start.iso}): check both dates`,
      });
}

export type Boxes = ReadonlyMap<string, readonly [number, number, number, number]>;

/** Each country's bounding box (world-atlas 1:50m), keyed by ISO 3166 alpha-3. */
export function countryBoxes(): Boxes {
  const topo = readAtlas('countries-50m');
  const out = new Map<string, [number, number, number, number]>();
  const obj = topo.objects.countries as unknown as { geometries: GeometryObject<{ name: string }>[] };
  for (const g of obj.geometries) {
    const atlasName = (g.properties as { name?: string } | undefined)?.name ?? '';
    const name = countryName(g.id === undefined ? undefined : String(g.id), atlasName);
    if (!name) continue;
    const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polygonsOf((feature(topo, g) as Feature).geometry as Geometry))
      for (const [x, y] of poly[0]) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    if (Number.isFinite(b[0])) out.set(name.iso3, b);
  }
  return out;
}

/** Within `pad` degrees of a box (coastal places, and small islands such as Lampedusa that 1:50m leaves out). */
const near = (b: readonly number[], lon: number, lat: number, pad = 1.5) =>
  lon >= b[0] - pad && lon <= b[2] + pad && lat >= b[1] - pad && lat <= b[3] + pad;

/**
 * A place away from its own country whose swapped coordinates are in that country: latitude and
 * longitude were swapped, even when the swapped point is still inside the region (an Italian port
 * written as 12.61, 35.50 lands in Eritrea).
 */
export function swappedForCountry(
  file: string,
  rows: readonly { _row: number; lat: number; lon: number; country: string | null }[],
  boxes: Boxes,
  errors: DataError[],
): void {
  for (const r of rows) {
    const b = r.country ? boxes.get(r.country) : undefined;
    if (!b || near(b, r.lon, r.lat) || !near(b, r.lat, r.lon)) continue;
    errors.push({
      file,
      row: r._row,
      column: 'lat',
      value: `lat ${r.lat}, lon ${r.lon}`,
      expected: `a point in or near ${r.country}: latitude and longitude look swapped (write lat ${r.lon}, lon ${r.lat})`,
    });
  }
}
