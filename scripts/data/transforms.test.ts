import { describe, expect, it } from 'vitest';
import type { DataError } from '../../src/lib/data/schema';
import { frontexMonthly, italyMonthlyFromDaily, spainAnnual, unhcrMonthly } from './transforms';
import { deadMissingByRouteYear, iomIncidents } from './iom';

const DAILY_H = 'Data,Valore,Note,Fonte,Data_Report';
const day = (d: string, v: string | number, rep: string) => `${d},${v},n,f,${rep}`;

describe('italyMonthlyFromDaily', () => {
  it('keeps the latest report per day, and skips placeholders dated after their report', () => {
    const feb = Array.from({ length: 29 }, (_, i) => `2024-02-${String(i + 1).padStart(2, '0')}`);
    const lines = [
      DAILY_H,
      ...feb.map((d) => day(d, 1, '2024-02-15')), // first report: 1 per day, later days are placeholders
      ...feb.map((d) => day(d, 2, '2024-02-29')), // later report revises every day to 2
      day('2024-02-30', 0, '2024-02-15'), // impossible date, a placeholder after its report: skipped
    ];
    const errors: DataError[] = [];
    const out = italyMonthlyFromDaily('f.csv', lines.join('\n'), errors);
    expect(errors).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      id: 'ita-sea-2024-02',
      period: '2024-02',
      value: 58,
      qualifier: 'exact',
      metric: 'sea_arrivals',
    });
  });

  it('marks a month with missing days as "at least"', () => {
    const out = italyMonthlyFromDaily(
      'f.csv',
      [DAILY_H, day('2024-03-01', 10, '2024-03-15'), day('2024-03-02', 5, '2024-03-15')].join('\n'),
      [],
    );
    expect(out[0]).toMatchObject({ value: 15, qualifier: 'at_least' });
    expect(out[0].note).toMatch(/Only 2 of 31 days/);
  });

  it('reports a garbled value with file, row and column', () => {
    const errors: DataError[] = [];
    italyMonthlyFromDaily(
      'f.csv',
      [DAILY_H, day('2024-03-01', '0[VALORE]0', '2024-03-15')].join('\n'),
      errors,
    );
    expect(errors).toEqual([
      { file: 'f.csv', row: 2, column: 'Valore', value: '0[VALORE]0', expected: 'a whole number or NA' },
    ]);
  });
});

describe('unhcrMonthly', () => {
  const H =
    'month,year,month-year,italy_all,greece_all,greece_sea,greece_land,spain_all,spain_land,spain_sea,cyprus_all,malta_all';
  it('reads NA as missing and stops Italy where the daily series takes over', () => {
    const text = [H, '8,2019,Aug-2019,100,1,2,3,4,5,NA,7,8', '9,2019,Sep-2019,200,1,2,3,4,5,6,7,NA'].join(
      '\n',
    );
    const out = unhcrMonthly('u.csv', text, []);
    expect(out.map((c) => c.id)).toEqual([
      'ita-sea-2019-08',
      'grc-sea-2019-08',
      'mlt-sea-2019-08',
      'grc-sea-2019-09',
      'esp-sea-2019-09',
    ]);
  });
  it('marks the last month of the raw file (a snapshot taken before it ended) incomplete, never exact', () => {
    const text = [
      H,
      '10,2019,Oct-2019,1,2,8996,3,4,5,3509,7,NA',
      '11,2019,Nov-2019,1,2,4301,3,4,5,219,7,NA',
    ].join('\n');
    const out = unhcrMonthly('u.csv', text, [], '2019-08');
    const by = Object.fromEntries(out.map((c) => [c.id, c]));
    expect(by['grc-sea-2019-10']).toMatchObject({ qualifier: 'exact', incomplete: null });
    expect(by['grc-sea-2019-11']).toMatchObject({ value: 4301, qualifier: 'at_least', incomplete: true });
    expect(by['esp-sea-2019-11']).toMatchObject({ value: 219, qualifier: 'at_least', incomplete: true });
  });
});

describe('frontexMonthly', () => {
  it('maps route names to route areas and flags unknown ones', () => {
    const errors: DataError[] = [];
    const out = frontexMonthly(
      'fx.csv',
      'route,date,detections\nCentral Mediterranean Route,2023-08-01,25756\nMoon Route,2023-08-01,1',
      errors,
    );
    expect(out).toEqual([
      expect.objectContaining({
        area_type: 'route',
        area: 'central_med',
        period: '2023-08',
        value: 25756,
        metric: 'frontex_detections',
      }),
    ]);
    expect(errors[0]).toMatchObject({ row: 3, column: 'route', value: 'Moon Route' });
  });
});

describe('spainAnnual', () => {
  it('splits the series where its definition changes: sea only to 2015, sea and land from 2016', () => {
    const out = spainAnnual('s.csv', 'year,arrivals\n2013,3237\n2015,5312\n2016,14078\n2023,56852', []);
    expect(out.map((r) => [r.id, r.metric])).toEqual([
      ['esp-sea-2013', 'sea_arrivals'],
      ['esp-sea-2015', 'sea_arrivals'],
      ['esp-irregular-2016', 'irregular_arrivals'],
      ['esp-irregular-2023', 'irregular_arrivals'],
    ]);
    expect(out[0].note).toMatch(/sea arrivals only/);
    expect(out[3]).toMatchObject({ metric: 'irregular_arrivals', area: 'ESP', value: 56852, note: null });
  });
});

describe('IOM incidents', () => {
  const H =
    'Main ID,incident_date_clean,Latitude,Longitude,No. dead,No. missing,No. dead/missing,No. survivors,Route,Cause of death (category),Country of Incident,Location of death,Source Quality,Source,Link';
  const text = [
    H,
    'a,2023-06-14,36.9,21.1,82,500,582,104,Central Mediterranean,Drowning,Greece,off Pylos,5,IOM,https://x.org',
    'b,2023-07-01,35,12,1,-2,1,NA,"Central Mediterranean,Sahara Desert crossing",Drowning,Italy,sea,45,IOM,',
    'c,2023-07-02,51,2,1,0,1,0,Mainland Europe to the UK,Drowning,France,Calais,3,IOM,',
    'd,2024-01-02,20,10,3,0,3,0,Sahara Desert crossing,Dehydration,Niger,desert,2,IOM,',
  ].join('\n');
  it('keeps routes in scope, reads upstream negatives as warnings, sums lower bounds per route and year', () => {
    const errors: DataError[] = [];
    const warnings: DataError[] = [];
    const inc = iomIncidents('iom.csv', text, errors, warnings);
    expect(errors).toEqual([]);
    expect(inc.map((i) => i.id)).toEqual(['a', 'b', 'd']);
    expect(warnings).toEqual([expect.objectContaining({ row: 3, column: 'No. missing', value: '-2' })]);
    expect(inc[1]).toMatchObject({ route: 'central_med', missing: 0, quality: 5, survivors: null });
    const years = deadMissingByRouteYear(inc);
    expect(years).toEqual([
      expect.objectContaining({
        id: 'iom-central_med-2023',
        value: 583,
        qualifier: 'at_least',
        metric: 'dead_missing',
      }),
      expect.objectContaining({ id: 'iom-sahara-2024', value: 3 }),
    ]);
  });
});

describe('deadMissingByRouteMonth', () => {
  it('fills months without incidents with explicit zeros', async () => {
    const { deadMissingByRouteMonth } = await import('./iom');
    const base = {
      lat: 0,
      lon: 0,
      dead: 0,
      missing: 0,
      survivors: null,
      cause: '',
      country: '',
      location: '',
      quality: null,
      source: '',
      link: null,
    } as const;
    const out = deadMissingByRouteMonth([
      { ...base, id: 'a', date: '2023-11-03', route: 'central_med', deadMissing: 4 },
      { ...base, id: 'b', date: '2024-02-10', route: 'central_med', deadMissing: 2 },
    ]);
    expect(out.map((c) => `${c.period}:${c.value}`)).toEqual([
      '2023-11:4',
      '2023-12:0',
      '2024-01:0',
      '2024-02:2',
    ]);
  });
  it('marks the month and the year in which the raw file ends as incomplete (no false zeros)', async () => {
    const { deadMissingByRouteMonth, deadMissingByRouteYear, coveredOnlyInPart } = await import('./iom');
    const base = {
      lat: 0,
      lon: 0,
      dead: 0,
      missing: 0,
      survivors: null,
      cause: '',
      country: '',
      location: '',
      quality: null,
      source: '',
      link: null,
    } as const;
    const incidents = [
      { ...base, id: 'a', date: '2026-04-20', route: 'central_med' as const, deadMissing: 4 },
      { ...base, id: 'b', date: '2026-05-03', route: 'western_med' as const, deadMissing: 2 },
    ];
    const months = deadMissingByRouteMonth(incidents);
    const may = months.find((c) => c.id === 'iom-central_med-2026-05')!;
    expect(may).toMatchObject({ value: 0, incomplete: true });
    expect(may.note).toMatch(/raw file ends on 2026-05-03/);
    expect(months.find((c) => c.id === 'iom-central_med-2026-04')!.incomplete).toBeNull();
    const years = deadMissingByRouteYear(incidents);
    expect(years.every((c) => c.incomplete === true)).toBe(true);
    expect(coveredOnlyInPart('2025', '2025-12-31')).toBe(false);
    expect(coveredOnlyInPart('2025-11', '2025-11-30')).toBe(false);
    expect(coveredOnlyInPart('2025-11', '2025-11-29')).toBe(true);
    expect(coveredOnlyInPart('2025-10', '2025-11-29')).toBe(false);
  });
});
