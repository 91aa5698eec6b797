import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../../scripts/data/load';
import { buildOutputs } from '../../../scripts/data/outputs';
import { decodeCounts, encodeCounts } from './countsFile';
import type { CountRow } from './types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { catalog } = loadAll(root);
const rows = catalog.counts.map(
  (r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_'))) as unknown as CountRow,
);
const gz = (o: unknown) => gzipSync(JSON.stringify(o), { level: 9 }).length;

describe('counts.json, column by column', () => {
  it('decodes to exactly the rows the catalog has (every field, every row, in order)', () => {
    expect(rows.length).toBeGreaterThan(3000);
    const out = buildOutputs(catalog, []);
    expect(decodeCounts(JSON.parse(JSON.stringify(out['counts.json'])))).toEqual(rows);
  });

  it('is under half the gzip bytes of one object per row', () => {
    const before = gz({ version: 1, counts: rows });
    const after = gz(encodeCounts(rows));
    expect(after).toBeLessThan(before / 2);
  });

  it('writes ids as templates of their area and period, and keeps ids that are not', () => {
    const base = rows[0];
    const odd = [
      { ...base, id: 'frontex-central_med-2014-01', area: 'central_med', period: '2014-01' },
      { ...base, id: 'a {p} literal', area: 'x', period: '2014' },
      { ...base, id: '=starts-with-equals', area: 'x', period: '2014' },
      { ...base, id: 'no-area-here', area: 'central_med', period: '2015' },
      { ...base, id: 'ita-2014-2014', area: 'ITA', period: '2014' },
    ] as CountRow[];
    const enc = encodeCounts(odd);
    expect(enc.columns.id[0]).toBe('frontex-{a}-{p}');
    expect(decodeCounts(JSON.parse(JSON.stringify(enc)))).toEqual(odd);
  });

  it('names the column when the file is not what the build writes', () => {
    const enc = encodeCounts(rows.slice(0, 3));
    expect(() => decodeCounts({ version: 1, counts: [] })).toThrow(/version: 2/);
    const short = { ...enc, columns: { ...enc.columns, value: [1, 2] } };
    expect(() => decodeCounts(short)).toThrow('column "value" should be an array of 3 values');
  });
});
