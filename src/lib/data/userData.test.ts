import { describe, expect, it } from 'vitest';
import { parseUserPoints, USER_TEMPLATE } from './userData';
import { formatError } from './schema';
import { monthIndex } from './time';

describe("a reader's own CSV", () => {
  it('reads the template', () => {
    const r = parseUserPoints('mine.csv', USER_TEMPLATE);
    expect(r.errors).toEqual([]);
    expect(r.points).toMatchObject([
      { name: 'Lampedusa', from: monthIndex('2023-09'), to: monthIndex('2023-09'), value: 11000 },
    ]);
  });

  it('a year covers twelve months; value and note are optional columns', () => {
    const r = parseUserPoints('mine.csv', 'name,lat,lon,date\nSfax,34.74,10.76,2023\n');
    expect(r.points[0]).toMatchObject({
      from: monthIndex('2023-01'),
      to: monthIndex('2023-12'),
      value: null,
    });
  });

  it.each([
    ['a bad latitude', 'name,lat,lon,date\nA,95,10,2023\n', 'mine.csv, row 2, column "lat"'],
    ['a bad date', 'name,lat,lon,date\nA,35,10,23/09/2023\n', 'mine.csv, row 2, column "date"'],
    ['a missing column', 'name,lat,date\nA,35,2023\n', 'mine.csv, row 1, column "lon"'],
    [
      'a point outside the region',
      'name,lat,lon,date\nNew York,40.7,-74,2023\n',
      'mine.csv, row 2, column "lat"',
    ],
    ['swapped lat/lon', 'name,lat,lon,date\nLas Palmas,-15.41,28.1,2023\n', 'not swapped'],
    ['a ragged row', 'name,lat,lon,date\nA,35,10\n', 'mine.csv, row 2, column "(row)"'],
    ['an unclosed quote', 'name,lat,lon,date\n"A,35,10,2023\n', 'mine.csv'],
  ])('%s is reported with file, row and column, and rejects only that row', (_, text, where) => {
    const r = parseUserPoints('mine.csv', text + 'Ok,35.5,12.6,2023-01\n');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.map(formatError).join('\n')).toContain(where);
    if (!text.includes('"A') && !text.startsWith('name,lat,date'))
      expect(r.points.map((p) => p.name)).toContain('Ok');
  });

  it('refuses a file that is too large, without reading it', () => {
    const r = parseUserPoints('big.csv', 'x'.repeat(6 * 1024 * 1024));
    expect(r.points).toEqual([]);
    expect(formatError(r.errors[0])).toContain('under 5 MB');
  });

  it('never throws on arbitrary text', () => {
    for (const s of ['', '\u0000', '<script>alert(1)</script>', 'a,b\n"', ',,,,\n,,,,', '\n\n\n'])
      expect(() => parseUserPoints('x.csv', s)).not.toThrow();
  });
});
