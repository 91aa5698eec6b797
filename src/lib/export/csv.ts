/**
 * The one CSV writer (RFC 4180): CRLF line ends; a field is quoted only when it holds a quote, a
 * comma, CR or LF. Text a spreadsheet would run as a formula (starting with = + - @ TAB or CR) is
 * defused with a leading single quote; numbers are written as numbers and never prefixed, so -5
 * stays -5. (Parsing is in ../data/csv.)
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. null and undefined are empty; numbers unformatted (`String(n)`; NaN and ±Infinity are
 * not figures, so they are empty too); booleans `true` / `false`.
 */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record. A lone empty field is written `""`, or the line would be blank and readers skip it. */
function record(cells: readonly CsvValue[]): string {
  if (cells.length === 1 && csvField(cells[0]) === '') return '""';
  return cells.map(csvField).join(',');
}

/**
 * The header and rows as CSV text, each record ending in CRLF. Every row must have as many cells as
 * the header (RFC 4180 §2.4); a ragged row throws a RangeError naming it rather than shifting
 * columns silently. Neither argument is modified.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [record(header)];
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new RangeError(`CSV row ${i + 1} has ${r.length} cells; the header has ${header.length}`);
    lines.push(record(r));
  });
  return lines.join('\r\n') + '\r\n';
}
