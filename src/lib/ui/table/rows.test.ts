import { describe, expect, it } from 'vitest';
import { nextSort, qualifierNote, sortRows, toCsv, type Column, type Row } from './rows';

const r = (key: string, name: string | null, value: number | null): Row => ({
  key,
  sel: { kind: 'place', id: key },
  cells: { name, value },
});
const rows = [r('a', 'Zuwara', 10), r('b', 'Ávila', null), r('c', 'bari', 300), r('d', 'Catania', 10)];

describe('sortRows', () => {
  it('sorts numbers numerically, empty cells last, ties in original order', () => {
    expect(sortRows(rows, { key: 'value', dir: 'descending' }, 'en').map((x) => x.key)).toEqual([
      'c',
      'a',
      'd',
      'b',
    ]);
    expect(sortRows(rows, { key: 'value', dir: 'ascending' }, 'en').map((x) => x.key)).toEqual([
      'a',
      'd',
      'c',
      'b',
    ]);
  });
  it('sorts text with the locale collation (accents and case do not push a name to the end)', () => {
    expect(sortRows(rows, { key: 'name', dir: 'ascending' }, 'it').map((x) => x.key)).toEqual([
      'b',
      'c',
      'd',
      'a',
    ]);
  });
  it('keeps the order without a sort and never mutates its input', () => {
    const before = rows.map((x) => x.key);
    expect(sortRows(rows, null, 'en').map((x) => x.key)).toEqual(before);
    sortRows(rows, { key: 'name', dir: 'descending' }, 'en');
    expect(rows.map((x) => x.key)).toEqual(before);
  });
});

describe('nextSort', () => {
  const num: Column = { key: 'value', label: 'V', numeric: true };
  const txt: Column = { key: 'name', label: 'N' };
  it('starts numbers descending and text ascending, then toggles', () => {
    expect(nextSort(null, num)).toEqual({ key: 'value', dir: 'descending' });
    expect(nextSort(null, txt)).toEqual({ key: 'name', dir: 'ascending' });
    expect(nextSort({ key: 'name', dir: 'ascending' }, txt)).toEqual({ key: 'name', dir: 'descending' });
    expect(nextSort({ key: 'name', dir: 'ascending' }, num)).toEqual({ key: 'value', dir: 'descending' });
  });
});

describe('toCsv', () => {
  const cols: Column[] = [
    { key: 'name', label: 'Place, port' },
    { key: 'value', label: 'Sea arrivals', numeric: true },
  ];
  it('writes the header and rows as given, numbers unformatted, CRLF', () => {
    expect(toCsv(cols, [r('a', 'Lampedusa', 157652), r('b', 'Say "hi"\nthere', null)])).toBe(
      '"Place, port",Sea arrivals\r\nLampedusa,157652\r\n"Say ""hi""\nthere",\r\n',
    );
  });
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([cols[0]], [r('a', '=HYPERLINK("x")', 1)])).toBe(
      '"Place, port"\r\n"\'=HYPERLINK(""x"")"\r\n',
    );
    expect(toCsv([cols[1]], [r('a', 'x', -5)])).toBe('Sea arrivals\r\n-5\r\n');
  });
});

describe('helpers', () => {
  it('qualifierNote says partial first, then approximate or at least', () => {
    expect(qualifierNote('exact', true)).toBeNull();
    expect(qualifierNote('approx', true)).toBe('approx');
    expect(qualifierNote('at_least', true)).toBe('atLeast');
    expect(qualifierNote('exact', false)).toBe('partial');
  });
});
