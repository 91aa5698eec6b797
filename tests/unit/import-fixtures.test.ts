/**
 * Every fixture in tests/fixtures/import (readers' files as tools save them) is read through the one
 * import path and must give exactly the manifest's outcome: the questions it leaves open, every
 * point drawn (name, position, date, value), and every problem with its row and column, whose
 * message in English and Italian names the file, the row and the column. None is silently wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/lib/data/import/read';
import { formatIssue } from '../../src/lib/data/import/messages';
import { codeIso } from '../../src/lib/data/import/process';
import { unpack } from '../../src/lib/data/import/columns';
import type { Built, Choices } from '../../src/lib/data/import/types';
import enFirst from '../../src/lib/i18n/locales/en/import.json';
import enLazy from '../../src/lib/i18n/locales/en/lazy/import.json';
import itFirst from '../../src/lib/i18n/locales/it/import.json';
import itLazy from '../../src/lib/i18n/locales/it/lazy/import.json';

const DIR = join(__dirname, '../fixtures/import');
interface Case {
  file: string;
  what: string;
  choices?: Choices;
  questions?: string[];
  swapOffered?: boolean;
  encoding?: string;
  delimiter?: string;
  points?: [string, number, number, string, (number | null)?][];
  accepted: number;
  rejected: number;
  issues: [string, number, string][];
  fatal?: boolean;
}
const cases = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Case[];
const translator = (m: Record<string, string>) => (k: string, p?: Record<string, string | number>) => {
  const s = m[k];
  if (s === undefined) throw new Error(`missing key ${k}`);
  return s.replace(/\{(\w+)\}/g, (_, x) => (p && Object.hasOwn(p, x) ? String(p[x]) : `{${x}}`));
};

/** Everything drawn, in file order: GPU points and MapLibre features merged by row. */
function drawn(b: Built) {
  const p = b.points;
  const out: { row: number; v: [string, number, number, string, number | null] }[] = [];
  for (let i = 0; i < p.n; i++) {
    const v = p.value[i];
    out.push({
      row: p.row[i],
      v: [unpack(p.names, p.nameAt, i), p.lat[i], p.lon[i], codeIso(p.date[i]), Number.isNaN(v) ? null : v],
    });
  }
  for (const f of b.features)
    if (!f.geometry) out.push({ row: f.row, v: [f.name, f.lat, f.lon, f.date, f.value] });
  return out.sort((a, b) => a.row - b.row).map((x) => x.v);
}

describe('import fixtures (tests/fixtures/import/manifest.json)', () => {
  it('has a manifest entry for each case of the issue', () => {
    const files = cases.map((c) => c.file);
    for (const f of [
      'it-excel-utf8-bom.csv',
      'it-libreoffice.csv',
      'en-libreoffice.csv',
      'tabs.tsv',
      'excel-unicode-text.txt',
      'it-excel-cp1252.csv',
      'us-dates.csv',
      'headers-upper.csv',
      'dms.csv',
      'swapped.csv',
      'csv-spectrum.csv',
      'header-only.csv',
      'empty.csv',
      'random.bin',
      'excel.xlsx',
      'features.geojson',
    ])
      expect(files).toContain(f);
  });

  for (const c of cases)
    it(`${c.file}: ${c.what}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, c.file)));
      const proc = await readFile(c.file, bytes);
      // Before the reader answers: the open questions, and nothing drawn while one is open.
      const first = proc.finish({});
      expect(first.analysis.questions.map((q) => q.kind).sort()).toEqual([...(c.questions ?? [])].sort());
      if (c.questions?.length) {
        expect(first.analysis.ready).toBe(false);
        expect(first.built).toBeNull();
      }
      if (c.swapOffered !== undefined) expect(first.analysis.swap.offered).toBe(c.swapOffered);
      const { analysis: a, built } = proc.finish(c.choices ?? {});
      if (c.encoding) expect(a.encoding).toBe(c.encoding);
      if (c.delimiter) expect(a.delimiter).toBe(c.delimiter);
      expect(a.issues.map((i) => [i.code, i.row, i.column])).toEqual(c.issues);
      expect(a.fatal).toBe(!!c.fatal);
      expect(a.accepted).toBe(c.accepted);
      expect(a.rejected).toBe(c.rejected);
      if (c.fatal) expect(built).toBeNull();
      else {
        expect(built).not.toBeNull();
        const got = drawn(built!);
        const want = (c.points ?? []).map(([n, la, lo, d, v]) => [n, la, lo, d, v ?? null]);
        expect(got.length).toBe(want.length);
        got.forEach((g, k) => {
          expect(g[0]).toBe(want[k][0]);
          expect(g[1]).toBeCloseTo(want[k][1] as number, 9);
          expect(g[2]).toBeCloseTo(want[k][2] as number, 9);
          expect(g.slice(3)).toEqual(want[k].slice(3));
        });
        expect(built!.points.n + built!.features.length).toBe(c.accepted);
      }
      // Every message names the file, and for a row its number and column, in both languages.
      for (const m of [
        { ...enFirst, ...enLazy },
        { ...itFirst, ...itLazy },
      ])
        for (const i of a.issues) {
          const text = formatIssue(c.file, i, translator(m));
          expect(text).toContain(c.file);
          if (i.row > 0) {
            expect(text).toContain(` ${i.row},`);
            expect(text).toContain(`“${i.column}”`);
          }
          expect(text).not.toMatch(/\{\w+\}/);
        }
    });
});
