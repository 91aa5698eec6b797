import { describe, expect, it } from 'vitest';
import { buildSeries, monthlyValues, seriesKey, sumWindow } from './aggregate';
import type { CountRow } from '../data/types';
import { monthIndex, monthIso } from '../data/time';
import type { Qualifier } from '../data/schema';

/** Deterministic PRNG (mulberry32) so the random data is the same on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const row = (period: string, value: number, qualifier: Qualifier = 'exact', area = 'ITA'): CountRow => ({
  id: `${area}-${period}`,
  metric: 'sea_arrivals',
  area_type: 'country',
  area,
  period,
  value,
  qualifier,
  status: 'seen',
  sources: ['s'],
  note: null,
});

/** The rule written plainly, month by month, year by year: what prefix sums must equal. */
function naive(rows: CountRow[], a: number, b: number) {
  const monthly = new Map(rows.filter((r) => r.period.length === 7).map((r) => [monthIndex(r.period), r]));
  const annual = new Map(rows.filter((r) => r.period.length === 4).map((r) => [Number(r.period), r]));
  let value = 0,
    covered = 0,
    complete = true;
  for (let y = Math.floor(a / 12); y <= Math.floor(b / 12); y++) {
    const ms: number[] = [];
    for (let m = Math.max(a, y * 12); m <= Math.min(b, y * 12 + 11); m++) ms.push(m);
    const have = ms.filter((m) => monthly.has(m));
    if (ms.length === 12 && annual.has(y)) {
      value += annual.get(y)!.value;
      covered += 12;
    } else if (have.length === ms.length) {
      value += have.reduce((s, m) => s + monthly.get(m)!.value, 0);
      covered += ms.length;
    } else {
      complete = false;
      value += have.reduce((s, m) => s + monthly.get(m)!.value, 0);
      covered += have.length;
    }
  }
  return covered ? { value, complete } : null;
}

describe('sumWindow (prefix sums) equals a naive sum on random data', () => {
  it.each([1, 2, 3, 4, 5])('seed %i', (seed) => {
    const r = rng(seed);
    const rows: CountRow[] = [];
    for (let m = monthIndex('2014-01'); m <= monthIndex('2020-12'); m++)
      if (r() > 0.15) rows.push(row(monthIso(m), Math.floor(r() * 20000)));
    for (let y = 2014; y <= 2020; y++) if (r() > 0.4) rows.push(row(String(y), Math.floor(r() * 200000)));
    const s = buildSeries(rows).get(seriesKey('sea_arrivals', 'country', 'ITA'))!;
    for (let k = 0; k < 300; k++) {
      const a = monthIndex('2013-06') + Math.floor(r() * 96);
      const b = a + Math.floor(r() * 40);
      const got = sumWindow(s, [a, b]);
      const want = naive(rows, a, b);
      if (want === null) expect(got).toBeNull();
      else expect({ value: got?.value, complete: got?.complete }).toEqual(want);
    }
  });
});

describe('sumWindow rules', () => {
  const rows = [
    row('2023-01', 10),
    row('2023-02', 20, 'approx'),
    row('2024', 500, 'approx'),
    row('2024-01', 7),
  ];
  const s = buildSeries(rows).get(seriesKey('sea_arrivals', 'country', 'ITA'))!;
  it('carries the worst qualifier', () =>
    expect(sumWindow(s, [monthIndex('2023-01'), monthIndex('2023-02')])).toMatchObject({
      value: 30,
      qualifier: 'approx',
      complete: true,
    }));
  it('prefers the published annual total for a whole year even when every month has a figure', () => {
    const full = buildSeries([
      ...Array.from({ length: 12 }, (_, i) => row(`2022-${String(i + 1).padStart(2, '0')}`, 10)),
      row('2022', 125),
    ]).get(seriesKey('sea_arrivals', 'country', 'ITA'))!;
    expect(sumWindow(full, [monthIndex('2022-01'), monthIndex('2022-12')])?.value).toBe(125);
    expect(sumWindow(full, [monthIndex('2022-01'), monthIndex('2022-06')])?.value).toBe(60);
  });
  it('uses the annual total for a whole year with missing months', () =>
    expect(sumWindow(s, [monthIndex('2024-01'), monthIndex('2024-12')])).toMatchObject({
      value: 500,
      qualifier: 'approx',
    }));
  it('a partial year without all months is a partial "at least"', () =>
    expect(sumWindow(s, [monthIndex('2024-01'), monthIndex('2024-03')])).toMatchObject({
      value: 7,
      qualifier: 'at_least',
      complete: false,
    }));
  it('monthlyValues returns null for gaps', () =>
    expect(monthlyValues(s, monthIndex('2022-12'), monthIndex('2023-03'))).toEqual([null, 10, 20, null]));
  it('never mixes metrics or areas', () => {
    const all = buildSeries([
      ...rows,
      { ...row('2023-01', 99, 'exact', 'GRC') },
      { ...row('2023-01', 5), metric: 'frontex_detections', id: 'f' },
    ]);
    expect([...all.keys()].sort()).toEqual([
      'frontex_detections|country|ITA',
      'sea_arrivals|country|GRC',
      'sea_arrivals|country|ITA',
    ]);
  });
});

describe('incomplete periods', () => {
  const part = (period: string, value: number): CountRow => ({
    ...row(period, value, 'at_least'),
    incomplete: true,
  });
  it('a window with a month that covers only part of it is not complete and not exact', () => {
    const s = buildSeries([row('2019-10', 100), part('2019-11', 40)]).get(
      seriesKey('sea_arrivals', 'country', 'ITA'),
    )!;
    expect(sumWindow(s, [monthIndex('2019-10'), monthIndex('2019-10')])).toMatchObject({
      complete: true,
      qualifier: 'exact',
    });
    expect(sumWindow(s, [monthIndex('2019-10'), monthIndex('2019-11')])).toMatchObject({
      value: 140,
      complete: false,
      qualifier: 'at_least',
    });
  });
  it('an annual figure for a year the file covers only in part makes the window incomplete', () => {
    const s = buildSeries([row('2025', 1000), part('2026', 300)]).get(
      seriesKey('sea_arrivals', 'country', 'ITA'),
    )!;
    expect(sumWindow(s, [monthIndex('2025-01'), monthIndex('2025-12')])).toMatchObject({ complete: true });
    expect(sumWindow(s, [monthIndex('2025-01'), monthIndex('2026-12')])).toMatchObject({
      value: 1300,
      complete: false,
      qualifier: 'at_least',
    });
  });
  it('a whole year with its published annual figure uses that figure, not the monthly sum', () => {
    const months = Array.from({ length: 12 }, (_, i) => row(`2024-${String(i + 1).padStart(2, '0')}`, 100));
    const s = buildSeries([...months, row('2024', 1250)]).get(seriesKey('sea_arrivals', 'country', 'ITA'))!;
    expect(sumWindow(s, [monthIndex('2024-01'), monthIndex('2024-12')])!.value).toBe(1250);
    expect(sumWindow(s, [monthIndex('2024-01'), monthIndex('2024-06')])!.value).toBe(600);
  });
});
