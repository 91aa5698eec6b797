/**
 * The data pipeline's checks on bytes and on what the row validators cannot see: each unit on its
 * own, then `npm run data` (main) on a copy of data/ broken in five places at once (and in two more), which must
 * exit 1 naming file, row and column and the fix for every one, and on a copy with BOMs and
 * three-decimal coordinates, which must be accepted (checked by loadAll, without writing).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/build-data';
import { loadAll } from '../../scripts/data/load';
import {
  countryBoxes,
  invalidUtf8Offset,
  lifecycleOrder,
  nulBytes,
  programmeOrder,
  readText,
  swappedForCountry,
} from '../../scripts/data/integrity';
import { COUNT_SPEC, formatError, PLACE_SPEC, validateCsv, type DataError } from '../../src/lib/data/schema';
import { count, latitude, longitude, parsePartialDate } from '../../src/lib/data/fields';
import type { Agreement } from '../../src/lib/data/json-schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const enc = (s: string) => new TextEncoder().encode(s);

describe('pipeline checks, one by one', () => {
  it('requires UTF-8 and names the byte offset and line of the first bad byte', () => {
    const bytes = new Uint8Array([...enc('id,name\nrome,Roma\ncefalu,Cefal'), 0xf9, ...enc('\n')]);
    const offset = bytes.indexOf(0xf9);
    expect(offset).toBe(30);
    expect(invalidUtf8Offset(bytes)).toBe(offset);
    expect(invalidUtf8Offset(enc('Città, Türkiye, ✓, 😀'))).toBe(-1);
    // Overlong encodings, surrogates and truncated sequences are not UTF-8 either.
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    const errors: DataError[] = [];
    expect(readText('data/places.csv', bytes, errors)).toBeNull();
    expect(errors).toHaveLength(1);
    expect(formatError(errors[0])).toMatch(
      /^data\/places\.csv, row 3, column "\(bytes\)": "byte offset 30: f9 0a".*re-save it as UTF-8/,
    );
  });

  it('accepts a byte-order mark anywhere, in CSV and in JSON', () => {
    const errors: DataError[] = [];
    const bom = [0xef, 0xbb, 0xbf];
    const json = readText('a.json', new Uint8Array([...bom, ...enc('[{"a": 1}]')]), errors);
    expect(JSON.parse(json!)).toEqual([{ a: 1 }]);
    const csv = readText('a.csv', new Uint8Array([...bom, ...enc('id\nx\n'), ...bom, ...enc('y\n')]), errors);
    expect(csv).toBe('id\nx\ny\n');
    expect(errors).toEqual([]);
  });

  it('refuses NUL bytes with the row and the column', () => {
    const errors: DataError[] = [];
    nulBytes('data/places.csv', 'id,name_en,lat\nrome,Ro\0me,41.9\n', errors);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, 'name_en']]);
    expect(formatError(errors[0])).toContain('NUL');
  });

  it('refuses an agreement that ends before it starts, and a programme too', () => {
    const d = (s: string) => parsePartialDate(s);
    const ev = (type: string, date: string | null) => ({
      type,
      date: date ? d(date) : null,
      status: 'seen',
      note_en: null,
      note_it: null,
      sources: [],
    });
    const ag = (id: string, events: ReturnType<typeof ev>[]) => ({ id, events }) as unknown as Agreement;
    const errors: DataError[] = [];
    lifecycleOrder(
      'data/agreements.json',
      [
        ag('ok', [ev('signed', '2017-02'), ev('ended', '2017')]),
        ag('bad', [ev('ended', '2015-06-30'), ev('signed', '2017-02-02')]),
        ag('undated-start', [ev('ended', '2015'), ev('signed', null)]),
      ],
      errors,
    );
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [0, '[1] (bad).events[0].date', '2015-06-30'],
    ]);
    programmeOrder(
      'data/programmes.csv',
      [
        { _row: 4, start: d('2021-07'), end: d('2020') },
        { _row: 5, start: d('2021'), end: d('2021-01') },
      ],
      errors,
    );
    expect(errors.slice(1).map((e) => [e.row, e.column])).toEqual([[4, 'end']]);
  });

  it('takes integers where counts are: "1.5" is refused', () => {
    expect(count('1.5')).toEqual({ ok: false, expected: 'a whole number ≥ 0 ("1.5" has a fraction)' });
    expect(count('15')).toEqual({ ok: true, value: 15 });
    const r = validateCsv(
      'data/counts.csv',
      'id,metric,area_type,area,period,value,qualifier,status,sources\nx,sea_arrivals,country,ITA,2023,1.5,exact,seen,s\n',
      COUNT_SPEC,
    );
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, 'value']]);
  });

  it('names unknown columns, "constructor" and "toString" included', () => {
    const header = 'id,name,country,kind,lat,lon,sources,constructor,toString';
    const r = validateCsv('data/places.csv', `${header}\nrome,Rome,ITA,city,41.9,12.5,s,x,y\n`, PLACE_SPEC);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'constructor'],
      [1, 'toString'],
    ]);
  });

  it('accepts valid coordinates at any precision (three decimals are not thousands)', () => {
    for (const s of ['35', '35.5', '35.501', '35.501412', '35.5014123456'])
      expect(latitude(s)).toEqual({ ok: true, value: Number(s) });
    expect(longitude('12.609')).toEqual({ ok: true, value: 12.609 });
    expect(count('1.234').ok).toBe(false);
  });

  it('finds swapped coordinates from the country, even when the swapped point is inside the region', () => {
    const boxes = countryBoxes();
    const errors: DataError[] = [];
    swappedForCountry(
      'data/places.csv',
      [
        { _row: 2, lat: 35.5014, lon: 12.6096, country: 'ITA' },
        { _row: 3, lat: 12.6096, lon: 35.5014, country: 'ITA' },
        { _row: 4, lat: 34.74, lon: 10.76, country: null },
      ],
      boxes,
      errors,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, 'lat']]);
    expect(formatError(errors[0])).toContain('write lat 35.5014, lon 12.6096');
  });
});

describe('npm run data on copies of data/', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'crossings-pipeline-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());
  const fresh = (name: string) => {
    const dir = join(tmp, name);
    cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
    return dir;
  };
  const edit = (dir: string, file: string, f: (s: string) => string) => {
    const p = join(dir, file);
    const before = readFileSync(p, 'utf8');
    const after = f(before);
    if (after === before) throw new Error(`the edit did not change ${file}`);
    writeFileSync(p, after);
  };
  const rowOf = (file: string, prefix: string) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith(prefix)) + 1;
  async function run(dir: string) {
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    const code = await main(dir, join(dir, 'out'));
    return { code, stderr: err.join('\n'), out: join(dir, 'out') };
  }

  it('five faults at once: exit 1, each named with file, row, column and the fix', async () => {
    const dir = fresh('broken');
    // Windows-1252 "à" in one file, a NUL in another, a swapped place that stays in the region.
    const places = readFileSync(join(root, 'data/places.csv'));
    const at = places.indexOf('Lampedusa,ITA');
    writeFileSync(
      join(dir, 'data/places.csv'),
      Buffer.concat([places.subarray(0, at), Buffer.from([0xe0]), places.subarray(at)]),
    );
    edit(dir, 'data/sources.csv', (s) => s.replace(/\n([a-z])/, '\n\u0000$1'));
    edit(dir, 'data/counts.csv', (s) => s.replace(',2023,157652,', ',2023,157652.5,'));
    edit(dir, 'data/programmes.csv', (s) =>
      s
        .replace('mf-2021-bih,ITA,', 'mf-2021-bih,ITA,')
        .replace(/(mf-2021-bih,[^\n]*?,EUR,2021-07-20),,,/, '$1,2021-09,2021-01,'),
    );
    edit(dir, 'data/counts.csv', (s) =>
      s
        .replace('id,metric,', 'id,constructor,metric,')
        .replace(/\n([a-z])/g, '\n,$1')
        .replace(/^,/, ''),
    );
    const list = JSON.parse(readFileSync(join(root, 'data/agreements.json'), 'utf8')) as {
      id: string;
      events: { type: string; date: string | null }[];
    }[];
    const k = list.findIndex((a) => a.id === 'italy-libya-mou-2017');
    list[k].events.unshift({ ...list[k].events[0], type: 'ended', date: '2016-12-31' });
    writeFileSync(join(dir, 'data/agreements.json'), JSON.stringify(list, null, 2));
    const { code, stderr, out } = await run(dir);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const bad = readFileSync(join(dir, 'data/places.csv'));
    expect(stderr).toContain(
      `data/places.csv, row 2, column "(bytes)": "byte offset ${bad.indexOf(0xe0)}: e0`,
    );
    expect(stderr).toMatch(/data\/sources\.csv, row 2, column "id": .*NUL/);
    expect(stderr).toMatch(
      /data\/counts\.csv, row 1, column "constructor": "constructor" is not valid \(expected one of the known columns/,
    );
    expect(stderr).toMatch(
      /data\/programmes\.csv, row 2, column "end": "2021-01" is not valid \(expected an end on or after the start/,
    );
    expect(stderr).toMatch(
      new RegExp(
        `data/agreements\\.json, "\\[${k}\\] \\(italy-libya-mou-2017\\)\\.events\\[0\\]\\.date": "2016-12-31" is not valid \\(expected an end on or after the agreement's start`,
      ),
    );
  }, 120000);

  it('counts with a fraction and a swapped place inside the region are refused', async () => {
    const dir = fresh('broken2');
    edit(dir, 'data/counts.csv', (s) => s.replace(',2023,157652,', ',2023,157652.5,'));
    edit(dir, 'data/places.csv', (s) =>
      s.replace(
        'lampedusa,Lampedusa,ITA,port,35.5014,12.6096,',
        'lampedusa,Lampedusa,ITA,port,12.6096,35.5014,',
      ),
    );
    const { code, stderr } = await run(dir);
    expect(code).toBe(1);
    const c = rowOf('data/counts.csv', 'ita-sea-2023,');
    expect(stderr).toContain(
      `data/counts.csv, row ${c}, column "value": "157652.5" is not valid (expected a whole number ≥ 0 ("157652.5" has a fraction))`,
    );
    expect(stderr).toContain(
      'data/places.csv, row 2, column "lat": "lat 12.6096, lon 35.5014" is not valid (expected a point in or near ITA: latitude and longitude look swapped (write lat 35.5014, lon 12.6096))',
    );
  }, 120000);

  it('a file still in the old name_en/name_it form is read, and each name to move is reported', async () => {
    // Another branch may add rows in the old form: they load, and the build says what to do.
    const dir = fresh('oldnames');
    edit(dir, 'data/places.csv', (s) => {
      const [head, ...rows] = s.split('\n');
      const old = [
        head.replace('id,name,', 'id,name_en,name_it,'),
        ...rows.map((r) => (r ? r.replace(/^([^,]+),([^,]+),/, '$1,$2,,') : r)),
      ];
      return [...old.slice(0, -1), 'atlantis,Atlantis,Atlantide,ITA,port,36.9,14.7,,geonames', ''].join('\n');
    });
    edit(dir, 'data/routes.json', (s) =>
      s.replace('"name": "Central Mediterranean",', '"name_en": "Central Mediterranean", "name_it": "Medi",'),
    );
    const log: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void log.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(dir, join(dir, 'out'))).toBe(0);
    const out = log.join('\n');
    const row = readFileSync(join(dir, 'data/places.csv'), 'utf8').trimEnd().split('\n').length;
    for (const line of [
      'data/places.csv, row 1, column "name_en": "name_en" is not valid (expected "name" (read as "name" for now',
      `data/places.csv, row ${row}, column "name_it": "Atlantide" is not valid (expected no per-language column: add "Atlantis": "Atlantide" to src/lib/i18n/names/it.json and drop the column`,
      'data/routes.json, "families[0].name_it": "Medi" is not valid (expected no per-language column: add "Central Mediterranean": "Medi" to src/lib/i18n/names/it.json',
      `[fr] place atlantis (data/places.csv row ${row}): "Atlantis" has no name in src/lib/i18n/names/fr.json`,
      `[it] place atlantis (data/places.csv row ${row}): "Atlantis" has no name in src/lib/i18n/names/it.json`,
    ])
      expect(out).toContain(line);
    // The generated catalog has one name per record, no language column.
    const cat = JSON.parse(readFileSync(join(dir, 'out', 'catalog.json'), 'utf8'));
    expect(cat.places.find((p: { id: string }) => p.id === 'atlantis')).toMatchObject({ name: 'Atlantis' });
    expect(Object.keys(cat.families[0]).filter((k) => k.startsWith('name'))).toEqual(['name']);
  }, 120000);

  it('BOMs in CSV and JSON and three-decimal coordinates are accepted', async () => {
    const dir = fresh('ok');
    for (const f of ['data/agreements.json', 'data/routes.json', 'data/places.csv', 'data/counts.csv'])
      edit(dir, f, (s) => '\ufeff' + s);
    edit(dir, 'data/places.csv', (s) => s.replace(',35.5014,12.6096,', ',35.501,12.610,'));
    // Everything `npm run data` checks, without writing the outputs.
    const { errors } = loadAll(dir);
    expect(errors.map(formatError)).toEqual([]);
    expect(loadAll(dir).catalog.places.find((p) => p.id === 'lampedusa')).toMatchObject({
      lat: 35.501,
      lon: 12.61,
    });
  }, 120000);
});
