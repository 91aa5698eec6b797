/**
 * A reader's file → a Processor holding every row: the same path for CSV/TSV (papaparse, the
 * delimiter chosen by which one gives every row the same number of columns), an Excel sheet
 * (read-excel-file, loaded only for .xlsx) and GeoJSON. Runs in the import worker; pure enough to
 * run in Node for the fixture tests.
 */
import Papa from 'papaparse';
import type { Feature, Geometry } from 'geojson';
import { decode, sniffKind } from './decode';
import { mapHeader, roleOf, ROLES } from './headers';
import { fileIssue, Processor, tooBigFile, type Cell } from './process';
export { tooBigFile };
import type { Notice } from './types';

import { MAX_BYTES } from './limits';
export { MAX_BYTES };
export type Progress = (phase: 'read' | 'parse', done: number, total: number) => void;
export const DELIMITERS = [',', ';', '\t', '|'] as const;
const CHUNK = 1 << 20;

/** The delimiter that splits the first rows into the same number (≥ 2) of columns. */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 65536);
  const truncated = sample.length < text.length;
  let best: { d: string; score: number; known: number; width: number } | null = null;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 40 }).data.filter(
      (r) => !(r.length === 1 && r[0] === ''),
    );
    if (truncated && rows.length > 1) rows.pop();
    if (!rows.length) continue;
    const widths = new Map<number, number>();
    for (const r of rows) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
    const [width, count] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (width < 2) continue;
    const score = count / rows.length + (rows[0].length === width ? 0.5 : 0);
    const known = Object.keys(mapHeader(rows[0]).index).length;
    if (!best || score > best.score || (score === best.score && known > best.known))
      best = { d, score, known, width };
  }
  return best?.d ?? ',';
}

export async function readFile(name: string, bytes: Uint8Array, progress?: Progress): Promise<Processor> {
  if (bytes.length > MAX_BYTES) return tooBigFile(name, bytes.length);
  const kind = sniffKind(bytes);
  if (kind === 'xlsx') return readXlsx(name, bytes);
  if (kind === 'binary') return fileIssue(name, 'binary');
  const { text, encoding, bom } = decode(bytes);
  if (!text.trim()) return fileIssue(name, 'empty');
  const notices: Notice[] = [];
  if (encoding !== 'utf-8' || bom)
    notices.push({ code: 'encoding', params: { encoding: encoding.toUpperCase(), bom: bom ? 1 : 0 } });
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[') || /\.(geo)?json$/i.test(name))
    return readGeoJson(name, text, notices);
  const delimiter = sniffDelimiter(text);
  notices.push({ code: 'delimiter', params: { delimiter } });
  let p: Processor | null = null;
  let record = 0;
  let done = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    complete: () => {},
    chunkSize: CHUNK,
    chunk: (res: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      for (const e of res.errors)
        if (e.type === 'Quotes')
          (p ?? fileIssue(name, 'empty')).issue('fieldCount', record + (e.row ?? 0) + 1, '(row)', e.message, {
            n: 0,
            m: 0,
          });
      for (const cells of res.data) {
        record++;
        if (!p) {
          p = new Processor(
            name,
            'csv',
            cells.map((c) => c.trim()),
            { encoding, delimiter, notices },
          );
          if (p.fatal) {
            parser.abort();
            return;
          }
          continue;
        }
        if (!p.add(cells, record)) {
          parser.abort();
          return;
        }
      }
      done = Math.min(text.length, done + CHUNK);
      progress?.('parse', done, text.length);
    },
  });
  return p ?? fileIssue(name, 'empty');
}

const cellOf = (v: unknown): Cell => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

async function readXlsx(name: string, bytes: Uint8Array): Promise<Processor> {
  let rows: unknown[][];
  try {
    const { readSheet } = await import('read-excel-file/universal');
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = (await readSheet(buf, 1)) as unknown[][];
  } catch (e) {
    return fileIssue(name, 'xlsx', String((e as Error).message ?? e));
  }
  const first = rows.findIndex((r) => r.some((c) => c !== null && c !== ''));
  if (first < 0) return fileIssue(name, 'empty');
  const header = rows[first].map((c) => String(cellOf(c)).trim());
  const p = new Processor(name, 'xlsx', header, {
    encoding: null,
    delimiter: null,
    notices: [{ code: 'sheet', params: {} }],
  });
  for (let i = first + 1; i < rows.length; i++) {
    const cells = rows[i].map(cellOf);
    if (cells.every((c) => c === '')) continue;
    if (!p.add(cells, i + 1)) break;
  }
  return p;
}

const GEOMETRIES = new Set([
  'Point',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'MultiPoint',
]);

/** A position for the region check: the point, or the middle of the geometry's box. */
function anchor(g: Geometry): [number, number] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const walk = (c: unknown): boolean => {
    if (!Array.isArray(c)) return false;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
      return true;
    }
    return c.length > 0 && c.every(walk);
  };
  if (!('coordinates' in g) || !walk(g.coordinates)) return null;
  return [(w + e) / 2, (s + n) / 2];
}

function readGeoJson(name: string, text: string, notices: Notice[]): Processor {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fileIssue(name, 'json', String((e as Error).message));
  }
  const o = json as { type?: unknown; features?: unknown };
  const features: Feature[] =
    o && o.type === 'FeatureCollection' && Array.isArray(o.features)
      ? (o.features as Feature[])
      : o && o.type === 'Feature'
        ? [o as Feature]
        : [];
  if (!features.length && !(o && o.type === 'FeatureCollection'))
    return fileIssue(name, 'json', 'not GeoJSON');
  // Properties differ from feature to feature: each role takes the first property that names it.
  const header = [...ROLES];
  const p = new Processor(name, 'geojson', header, { encoding: null, delimiter: null, notices });
  features.forEach((f, i) => {
    const row = i + 1;
    const props = (f && typeof f.properties === 'object' && f.properties) || {};
    const cells: Cell[] = header.map(() => '');
    for (const k of Object.keys(props)) {
      const r = roleOf(k);
      const at = r ? header.indexOf(r) : -1;
      if (at >= 0 && r !== 'lat' && r !== 'lon' && cells[at] === '')
        cells[at] = cellOf((props as Record<string, unknown>)[k]);
    }
    const g = f?.geometry;
    const at = g && GEOMETRIES.has(g.type) ? anchor(g) : null;
    if (!g || !at) {
      p.issue('geometry', row, 'geometry', g ? String(g.type) : 'null');
      return;
    }
    cells[header.indexOf('lat')] = at[1];
    cells[header.indexOf('lon')] = at[0];
    p.add(cells, row, g);
  });
  return p;
}
