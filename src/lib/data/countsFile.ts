/**
 * counts.json, column by column (issue #15: it was 29 KB of the first load as one object per row,
 * 20 KB as columns, 10 KB with the ids written as templates). Each column is an array with one value
 * per row; `id` is written as a template in which the row's own area and period stand as `{a}` and
 * `{p}` ("frontex-{a}-{p}"), so 3,000 near-unique ids become a handful of repeated strings. The
 * build encodes (scripts/data/outputs.ts), the app and the fallback build decode; lossless: the
 * decoded rows equal the rows encoded (checked by countsFile.test.ts on the real data).
 */
import type { CountRow } from './types';

/** The columns, in the order rows are read back. */
export const COUNT_COLUMNS = [
  'id',
  'metric',
  'area_type',
  'area',
  'period',
  'value',
  'qualifier',
  'status',
  'sources',
  'note',
  'incomplete',
] as const satisfies readonly (keyof CountRow)[];

export interface CountsColumns {
  version: 2;
  rows: number;
  columns: Record<(typeof COUNT_COLUMNS)[number], unknown[]>;
}

const AREA = '{a}';
const PERIOD = '{p}';

/** The id as a template of its area and period (the longer of the two replaced first). */
function idTemplate(r: CountRow): string {
  const id = String(r.id);
  // An id that already holds a placeholder's text cannot be written as a template: kept as it is,
  // prefixed with '=' (and an id that starts with '=' too, so decoding is unambiguous).
  if (id.includes('{') || id.startsWith('=')) return `=${id}`;
  const parts: [string, string][] = [
    [String(r.area), AREA],
    [String(r.period), PERIOD],
  ];
  parts.sort((x, y) => y[0].length - x[0].length);
  let t = id;
  for (const [text, ph] of parts) if (text) t = t.split(text).join(ph);
  return t;
}

function idFrom(t: string, area: unknown, period: unknown): string {
  if (t.startsWith('=')) return t.slice(1);
  return t.split(AREA).join(String(area)).split(PERIOD).join(String(period));
}

export function encodeCounts(rows: CountRow[]): CountsColumns {
  const columns = {} as CountsColumns['columns'];
  for (const c of COUNT_COLUMNS)
    columns[c] = rows.map((r) => (c === 'id' ? idTemplate(r) : ((r as Record<string, unknown>)[c] ?? null)));
  return { version: 2, rows: rows.length, columns };
}

/** Rows from the columns; throws (naming the column) when the file is not what the build writes. */
export function decodeCounts(f: unknown): CountRow[] {
  const file = f as CountsColumns;
  if (!file || file.version !== 2 || typeof file.rows !== 'number' || typeof file.columns !== 'object')
    throw new Error('counts.json: expected { version: 2, rows, columns }');
  for (const c of COUNT_COLUMNS) {
    const col = file.columns[c];
    if (!Array.isArray(col) || col.length !== file.rows)
      throw new Error(`counts.json: column "${c}" should be an array of ${file.rows} values`);
  }
  const { columns: k } = file;
  const out: CountRow[] = new Array(file.rows);
  for (let i = 0; i < file.rows; i++) {
    const r: Record<string, unknown> = {};
    for (const c of COUNT_COLUMNS) r[c] = k[c][i];
    r.id = idFrom(String(k.id[i]), k.area[i], k.period[i]);
    out[i] = r as unknown as CountRow;
  }
  return out;
}
