/**
 * `npm run data` on a copy of data/ with one broken row: the build must exit 1, write nothing,
 * and tell the editor which file, which row and which column to fix.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/build-data';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'crossings-data-'));
  cpSync(join(root, 'data'), join(tmp, 'data'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Replace the first line that starts with `prefix` in a CSV; returns its 1-based row number. */
function breakCsvRow(file: string, prefix: string, edit: (line: string) => string): number {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no row starting with ${prefix} in ${file}`);
  const edited = edit(lines[i]);
  if (edited === lines[i]) throw new Error(`the edit did not change row ${i + 1} of ${file}`);
  lines[i] = edited;
  writeFileSync(join(tmp, file), lines.join('\n'));
  return i + 1;
}

async function run(): Promise<{ code: number; stderr: string; out: string }> {
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const out = join(tmp, 'out');
  const code = await main(tmp, out);
  return { code, stderr: err.join('\n'), out };
}

const cases: {
  name: string;
  file: string;
  breakIt: () => number | null;
  /** What the message must say, given the broken row's number. */
  message: (row: number | null) => RegExp;
}[] = [
  {
    name: 'a latitude out of range in places.csv',
    file: 'data/places.csv',
    breakIt: () => breakCsvRow('data/places.csv', 'lampedusa,', (l) => l.replace(',35.5014,', ',135.5014,')),
    message: (row) =>
      new RegExp(
        `data/places\\.csv, row ${row}, column "lat": "135\\.5014" is not valid \\(expected a latitude`,
      ),
  },
  {
    name: 'latitude and longitude swapped in places.csv (outside the region)',
    file: 'data/places.csv',
    breakIt: () =>
      breakCsvRow('data/places.csv', 'pozzallo,', (l) =>
        l.replace(',36.7303,14.8467,', ',14.8467,-36.7303,'),
      ),
    message: (row) => new RegExp(`data/places\\.csv, row ${row}, column "lat": .*inside the map's region`),
  },
  {
    name: 'an unknown metric in counts.csv',
    file: 'data/counts.csv',
    breakIt: () =>
      breakCsvRow('data/counts.csv', 'ita-sea-2023,', (l) => l.replace(',sea_arrivals,', ',arrivals,')),
    message: (row) =>
      new RegExp(
        `data/counts\\.csv, row ${row}, column "metric": "arrivals" is not valid \\(expected one of "sea_arrivals"`,
      ),
  },
  {
    name: 'an annual figure that disagrees with its months (a dropped digit)',
    file: 'data/counts.csv',
    breakIt: () => breakCsvRow('data/counts.csv', 'ita-sea-2016,', (l) => l.replace(',181436,', ',18143,')),
    message: (row) =>
      new RegExp(
        `data/counts\\.csv, row ${row}, column "value": "18143" is not valid \\(expected a figure within 5 % of the sum of the 12 monthly figures of sea_arrivals\\|country\\|ITA for 2016 \\(181436\\)`,
      ),
  },
  {
    name: 'a programme dated with an ambiguous day/month order',
    file: 'data/programmes.csv',
    breakIt: () =>
      breakCsvRow('data/programmes.csv', 'mf-2021-bih,', (l) => l.replace(',2021-07-20,', ',20/07/2021,')),
    message: (row) =>
      new RegExp(
        `data/programmes\\.csv, row ${row}, column "announced": "20/07/2021" is not valid \\(expected .*ambiguous`,
      ),
  },
  {
    name: 'lifecycle events out of order in agreements.json',
    file: 'data/agreements.json',
    breakIt: () => {
      const list = JSON.parse(readFileSync(join(root, 'data/agreements.json'), 'utf8')) as {
        id: string;
        events: { date: string | null }[];
      }[];
      const i = list.findIndex((a) => a.id === 'italy-libya-mou-2017');
      list[i].events[1].date = '2016-02-02'; // renewal before signature
      writeFileSync(join(tmp, 'data/agreements.json'), JSON.stringify(list, null, 2));
      return i;
    },
    message: (i) =>
      new RegExp(
        `data/agreements\\.json, "\\[${i}\\] \\(italy-libya-mou-2017\\)\\.events\\[1\\]\\.date": "2016-02-02" is not valid \\(expected a date on or after the previous event \\(2017-02-02\\)`,
      ),
  },
];

describe('npm run data on a copy of data/ with one broken row', () => {
  it.each(cases)(
    '$name: exits 1 naming the file, the row and the column',
    async ({ file, breakIt, message }) => {
      const row = breakIt();
      try {
        const { code, stderr, out } = await run();
        expect(code).toBe(1);
        expect(stderr).toMatch(/error\(s\); nothing was written/);
        expect(stderr).toMatch(message(row));
        expect(existsSync(out), 'nothing is written on error').toBe(false);
        expect(existsSync(join(tmp, 'LICENSE_DATA.md')), 'LICENSE_DATA.md is not written on error').toBe(
          false,
        );
      } finally {
        cpSync(join(root, file), join(tmp, file)); // restore for the next case
      }
    },
  );

  it('reports every broken row at once, not only the first', async () => {
    const a = breakCsvRow('data/places.csv', 'lampedusa,', (l) => l.replace(',35.5014,', ',135.5014,'));
    const b = breakCsvRow('data/counts.csv', 'ita-sea-2023,', (l) => l.replace(',exact,', ',about,'));
    try {
      const { code, stderr } = await run();
      expect(code).toBe(1);
      // A rejected place also breaks the routes and counts that name it: those are listed too.
      expect(Number(/^(\d+) error\(s\)/m.exec(stderr)?.[1])).toBeGreaterThanOrEqual(2);
      expect(stderr).toContain(`data/places.csv, row ${a}, column "lat"`);
      expect(stderr).toContain(`data/counts.csv, row ${b}, column "qualifier"`);
    } finally {
      cpSync(join(root, 'data/places.csv'), join(tmp, 'data/places.csv'));
      cpSync(join(root, 'data/counts.csv'), join(tmp, 'data/counts.csv'));
    }
  });
});
