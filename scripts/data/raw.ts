/** Read a raw CSV into objects by header, reporting bad numbers with file, row and column. */
import { parseCsv } from '../../src/lib/data/csv';
import type { DataError } from '../../src/lib/data/schema';

export interface RawRow {
  row: number;
  get(column: string): string;
}

export function readRaw(file: string, text: string, required: string[], errors: DataError[]): RawRow[] {
  const t = parseCsv(text, file);
  const idx = new Map(t.header.map((h, i) => [h, i]));
  const missing = required.filter((c) => !idx.has(c));
  for (const m of missing)
    errors.push({ file, row: 1, column: m, value: '', expected: `a column "${m}" in the header` });
  if (missing.length) return [];
  return t.rows.map(({ line, cells }) => ({
    row: line,
    get: (c: string) => (cells[idx.get(c)!] ?? '').trim(),
  }));
}

/** A whole number, or null for the file's explicit "not available" tokens. Anything else is an error. */
export function rawCount(file: string, r: RawRow, column: string, errors: DataError[]): number | null {
  const v = r.get(column);
  if (v === 'NA' || v === '') return null;
  if (/^\d+$/.test(v)) return Number(v);
  errors.push({ file, row: r.row, column, value: v, expected: 'a whole number or NA' });
  return null;
}
