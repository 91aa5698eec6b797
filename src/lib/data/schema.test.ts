import { describe, expect, it } from 'vitest';
import { COUNT_SPEC, PLACE_SPEC, formatError, validateCsv } from './schema';

const PLACES_HEADER = 'id,name,country,kind,lat,lon,geonames_id,sources';
const GOOD_PLACE = 'lampedusa,Lampedusa,ITA,port,35.5014,12.6096,2524459,geonames';

describe('validateCsv (places)', () => {
  it('accepts a good row and types its values', () => {
    const r = validateCsv('data/places.csv', `${PLACES_HEADER}\n${GOOD_PLACE}\n`, PLACE_SPEC);
    expect(r.errors).toEqual([]);
    expect(r.records[0]).toMatchObject({
      id: 'lampedusa',
      lat: 35.5014,
      lon: 12.6096,
      sources: ['geonames'],
      _row: 2,
    });
  });

  const cases: { name: string; csv: string; row: number; column: string; expected: RegExp }[] = [
    {
      name: 'missing column',
      csv: 'id,name,country,kind,lat,geonames_id,sources\nx,X,ITA,port,1,,geonames',
      row: 1,
      column: 'lon',
      expected: /column named "lon"/,
    },
    {
      name: 'latitude out of range',
      csv: `${PLACES_HEADER}\nx,X,ITA,port,95,12,,geonames`,
      row: 2,
      column: 'lat',
      expected: /latitude/,
    },
    {
      name: 'coordinate with a decimal comma (a coordinate has no thousands separator)',
      csv: `${PLACES_HEADER}\nx,X,ITA,port,35.5,"12,600",,geonames`,
      row: 2,
      column: 'lon',
      expected: /"\." for decimals/,
    },
    {
      name: 'not a number',
      csv: `${PLACES_HEADER}\nx,X,ITA,port,abc,12,,geonames`,
      row: 2,
      column: 'lat',
      expected: /latitude/,
    },
    {
      name: 'bad country code',
      csv: `${PLACES_HEADER}\nx,X,Italy,port,35,12,,geonames`,
      row: 2,
      column: 'country',
      expected: /alpha-3/,
    },
    {
      name: 'unknown kind',
      csv: `${PLACES_HEADER}\nx,X,ITA,harbour,35,12,,geonames`,
      row: 2,
      column: 'kind',
      expected: /one of/,
    },
    {
      name: 'no source',
      csv: `${PLACES_HEADER}\nx,X,ITA,port,35,12,,`,
      row: 2,
      column: 'sources',
      expected: /at least 1/,
    },
    {
      name: 'duplicate id',
      csv: `${PLACES_HEADER}\n${GOOD_PLACE}\n${GOOD_PLACE}`,
      row: 3,
      column: 'id',
      expected: /unique id \(already used on row 2\)/,
    },
    {
      name: 'bad id',
      csv: `${PLACES_HEADER}\nLampedusa Island,X,ITA,port,35,12,,geonames`,
      row: 2,
      column: 'id',
      expected: /lower-case/,
    },
    {
      name: 'wrong cell count',
      csv: `${PLACES_HEADER}\nx,X,ITA,port,35,12,geonames`,
      row: 2,
      column: '(row)',
      expected: /8 cells/,
    },
    {
      name: 'unknown column',
      csv: `${PLACES_HEADER},extra\n${GOOD_PLACE},1`,
      row: 1,
      column: 'extra',
      expected: /known columns/,
    },
  ];
  it.each(cases)('reports $name with file, row and column', ({ csv, row, column, expected }) => {
    const r = validateCsv('data/places.csv', csv, PLACE_SPEC);
    const e = r.errors.find((x) => x.column === column);
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.row).toBe(row);
    expect(e!.file).toBe('data/places.csv');
    expect(e!.expected).toMatch(expected);
    expect(formatError(e!)).toMatch(
      new RegExp(`^data/places.csv, row ${row}, column "${column.replace(/[()]/g, '\\$&')}"`),
    );
  });

  it('collects every error, not just the first', () => {
    const csv = `${PLACES_HEADER}\nx,X,ITA,port,95,500,,geonames\ny,Y,XX,port,1,1,,`;
    const r = validateCsv('data/places.csv', csv, PLACE_SPEC);
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:lat', '2:lon', '3:country', '3:sources']);
    expect(r.rejected).toBe(2);
  });

  describe('old per-language name columns (before the name map)', () => {
    const OLD = 'id,name_en,name_it,country,kind,lat,lon,geonames_id,sources';
    it('reads name_en as name and says where name_it belongs, without an error', () => {
      const r = validateCsv(
        'data/places.csv',
        `${OLD}\nzuwara,Zuwara,Zuara,LBY,port,32.9,12.1,,geonames\nx,X,,ITA,port,35,12,,geonames\n`,
        PLACE_SPEC,
      );
      expect(r.errors).toEqual([]);
      expect(r.records.map((p) => [p.id, p.name])).toEqual([
        ['zuwara', 'Zuwara'],
        ['x', 'X'],
      ]);
      expect(r.records[0]).not.toHaveProperty('name_it');
      // One notice for the renamed column, one per non-empty value of the moved one.
      expect(r.notices?.map(formatError)).toEqual([
        'data/places.csv, row 1, column "name_en": "name_en" is not valid (expected "name" (read as "name" for now; names in other languages are in src/lib/i18n/names/xx.json: rename it))',
        'data/places.csv, row 2, column "name_it": "Zuara" is not valid (expected no per-language column: add "Zuwara": "Zuara" to src/lib/i18n/names/it.json and drop the column (this value is not used))',
      ]);
    });

    it('prefers name when a file has both, and notices name_fr too', () => {
      const r = validateCsv(
        'data/places.csv',
        'id,name,name_en,name_fr,country,kind,lat,lon,sources\nrome,Rome,Roma?,Rome (fr),ITA,city,41.9,12.5,s\n',
        PLACE_SPEC,
      );
      expect(r.errors).toEqual([]);
      expect(r.records[0].name).toBe('Rome');
      expect(r.notices?.map((n) => [n.row, n.column])).toEqual([[2, 'name_fr']]);
    });

    it('still reports a missing name, and a name_xx column is not accepted where there is no name', () => {
      const r = validateCsv(
        'data/places.csv',
        'id,name_it,country,kind,lat,lon,sources\nx,X,ITA,port,1,1,s',
        PLACE_SPEC,
      );
      expect(r.errors.map((e) => e.column)).toEqual(['name']);
      const c = validateCsv(
        'data/counts.csv',
        'id,metric,area_type,area,period,value,qualifier,status,sources,name_it\nx,sea_arrivals,country,ITA,2023,1,exact,seen,s,X\n',
        COUNT_SPEC,
      );
      expect(c.errors.map((e) => e.column)).toEqual(['name_it']);
    });
  });

  it('does not mutate its input', () => {
    const csv = `${PLACES_HEADER}\n${GOOD_PLACE}\n`;
    const copy = String(csv);
    validateCsv('data/places.csv', csv, PLACE_SPEC);
    expect(csv).toBe(copy);
  });
});

describe('validateCsv (counts)', () => {
  const H = 'id,metric,area_type,area,period,value,qualifier,status,sources,note';
  it.each([
    ['bad date', 'a,sea_arrivals,country,ITA,2023-13,5,exact,seen,x,', 'period'],
    [
      'day precision is not a count period',
      'a,sea_arrivals,country,ITA,2023-02-01,5,exact,seen,x,',
      'period',
    ],
    ['unknown metric', 'a,arrivals,country,ITA,2023,5,exact,seen,x,', 'metric'],
    ['negative value', 'a,sea_arrivals,country,ITA,2023,-5,exact,seen,x,', 'value'],
    ['unknown qualifier', 'a,sea_arrivals,country,ITA,2023,5,about,seen,x,', 'qualifier'],
  ])('%s', (_name, line, column) => {
    const r = validateCsv('data/counts.csv', `${H}\n${line}`, COUNT_SPEC);
    expect(r.errors.map((e) => e.column)).toEqual([column]);
  });
  it('a valid row has one metric', () => {
    const r = validateCsv(
      'data/counts.csv',
      `${H}\na,sea_arrivals,country,ITA,2023,157652,exact,seen,x;y,`,
      COUNT_SPEC,
    );
    expect(r.records[0]).toMatchObject({ metric: 'sea_arrivals', value: 157652, sources: ['x', 'y'] });
  });
});
