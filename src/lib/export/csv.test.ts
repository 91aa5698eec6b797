import { describe, expect, it } from 'vitest';
import { parseCsv } from '../data/csv';
import { csvField, csvText, type CsvValue } from './csv';

describe('csvField', () => {
  it.each<[string, CsvValue, string]>([
    ['plain text as is', 'Lampedusa', 'Lampedusa'],
    ['empty text empty', '', ''],
    ['null empty', null, ''],
    ['undefined empty', undefined, ''],
    ['an integer unformatted', 157652, '157652'],
    ['a decimal unformatted', 0.25, '0.25'],
    ['zero', 0, '0'],
    ['a negative number never prefixed', -5, '-5'],
    ['NaN empty', NaN, ''],
    ['Infinity empty', Infinity, ''],
    ['-Infinity empty (and never a formula)', -Infinity, ''],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['a comma quoted', 'Place, port', '"Place, port"'],
    ['quotes doubled and quoted', 'Say "hi"', '"Say ""hi"""'],
    ['LF quoted', 'a\nb', '"a\nb"'],
    ['CRLF quoted', 'a\r\nb', '"a\r\nb"'],
    ['spaces kept, not quoted', '  Porto Empedocle ', '  Porto Empedocle '],
    ['non-ASCII as is', 'Ανατολικό Αιγαίο · Çeşme', 'Ανατολικό Αιγαίο · Çeşme'],
    ['= defused', '=1+1', "'=1+1"],
    ['+ defused', '+1', "'+1"],
    ['- defused in text', '-5', "'-5"],
    ['@ defused', '@SUM(A1)', "'@SUM(A1)"],
    ['leading TAB defused', '\t=1', "'\t=1"],
    ['leading CR defused and quoted', '\r=1', `"'\r=1"`],
    ['a formula with quotes defused, then quoted', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a formula with a comma defused, then quoted', '=SUM(A1,B1)', `"'=SUM(A1,B1)"`],
    ['= later in the text left alone', 'a=b', 'a=b'],
    ['a leading quote left alone', "'quoted", "'quoted"],
    ['a leading space before = left alone', ' =1', ' =1'],
  ])('%s', (_, v, want) => expect(csvField(v)).toBe(want));
});

describe('csvText', () => {
  it.each<[string, string[], CsvValue[][], string]>([
    [
      'header and rows, CRLF after every record',
      ['name', 'value'],
      [
        ['Lampedusa', 157652],
        ['Say "hi"\nthere', null],
      ],
      'name,value\r\nLampedusa,157652\r\n"Say ""hi""\nthere",\r\n',
    ],
    ['a header with no rows', ['a', 'b'], [], 'a,b\r\n'],
    ['header cells are fields too (quoted, defused)', ['Place, port', '=x'], [], `"Place, port",'=x\r\n`],
    ['empty cells keep their commas', ['a', 'b', 'c'], [[null, undefined, '']], 'a,b,c\r\n,,\r\n'],
    [
      'a lone empty field is "" so the line is not blank',
      ['a'],
      [[null], ['x'], ['']],
      'a\r\n""\r\nx\r\n""\r\n',
    ],
    ['numbers, booleans and text mixed', ['n', 'b', 's'], [[-5, true, '-5']], "n,b,s\r\n-5,true,'-5\r\n"],
  ])('%s', (_, header, rows, want) => expect(csvText(header, rows)).toBe(want));

  it.each<[string, string[], CsvValue[][], RegExp]>([
    ['a row shorter than the header', ['a', 'b'], [['x', 'y'], ['x']], /row 2 has 1 cells; the header has 2/],
    ['a row longer than the header', ['a'], [['x', 'y']], /row 1 has 2 cells; the header has 1/],
    ['an empty row under a header', ['a'], [[]], /row 1 has 0 cells/],
  ])('throws a RangeError for %s', (_, header, rows, msg) => {
    expect(() => csvText(header, rows)).toThrow(RangeError);
    expect(() => csvText(header, rows)).toThrow(msg);
  });

  it('does not modify its arguments', () => {
    const header = ['name', 'value', 'note'];
    const rows: CsvValue[][] = [
      ['=HYPERLINK("x")', -5, 'a,b'],
      [null, NaN, '\r\n'],
    ];
    const before = structuredClone({ header, rows });
    csvText(Object.freeze(header), Object.freeze(rows.map((r) => Object.freeze(r))));
    csvText(header, rows);
    expect({ header, rows }).toEqual(before);
  });

  it('reads back with the parser: same cells, formulas still defused', () => {
    const header = ['name', 'value', 'note'];
    const rows: CsvValue[][] = [
      ['Porto, "Empedocle"', 1200, 'line\nbreak'],
      ['=cmd', -5, null],
      ['', 0, true],
    ];
    const t = parseCsv(csvText(header, rows));
    expect(t.header).toEqual(header);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Porto, "Empedocle"', '1200', 'line\nbreak'],
      ["'=cmd", '-5', ''],
      ['', '0', 'true'],
    ]);
  });
});
