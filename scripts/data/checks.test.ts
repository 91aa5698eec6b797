import { describe, expect, it } from 'vitest';
import type { Count } from '../../src/lib/data/schema';
import { MONTHLY_ANNUAL_TOLERANCE, incompletePeriods, monthlyVsAnnual, outsideTolerance } from './checks';

type Row = Pick<Count, 'id' | 'metric' | 'area_type' | 'area' | 'period' | 'value' | 'qualifier'>;
const row = (period: string, value: number, over: Partial<Row> = {}): Row => ({
  id: `ita-${period}`,
  metric: 'sea_arrivals',
  area_type: 'country',
  area: 'ITA',
  period,
  value,
  qualifier: 'exact',
  ...over,
});
const year = (y: number, perMonth: number, over: Partial<Row> = {}) =>
  Array.from({ length: 12 }, (_, i) => row(`${y}-${String(i + 1).padStart(2, '0')}`, perMonth, over));

describe('monthlyVsAnnual', () => {
  it('compares a complete year of months with the annual figure of the same series', () => {
    const out = monthlyVsAnnual([...year(2023, 100), row('2023', 1250)]);
    expect(out).toEqual([
      {
        series: 'sea_arrivals|country|ITA',
        year: 2023,
        monthlySum: 1200,
        annual: 1250,
        annualId: 'ita-2023',
        relDiff: -0.04,
      },
    ]);
  });

  const skipped: { name: string; rows: Row[] }[] = [
    { name: 'a year with only 11 months', rows: [...year(2023, 100).slice(1), row('2023', 1200)] },
    {
      name: 'a year with a month marked "at least" (days missing)',
      rows: [...year(2023, 100).slice(1), row('2023-01', 100, { qualifier: 'at_least' }), row('2023', 1200)],
    },
    { name: 'months without an annual figure', rows: year(2023, 100) },
    {
      name: 'an annual figure of another metric',
      rows: [...year(2023, 100), row('2023', 5000, { metric: 'frontex_detections' })],
    },
    {
      name: 'an annual figure of another area',
      rows: [...year(2023, 100), row('2023', 5000, { area: 'MLT' })],
    },
  ];
  it.each(skipped)('skips $name', ({ rows }) => expect(monthlyVsAnnual(rows)).toEqual([]));
});

describe('outsideTolerance', () => {
  it('uses the documented 5 % tolerance', () => expect(MONTHLY_ANNUAL_TOLERANCE).toBe(0.05));

  it.each([
    // annual figure, against a monthly sum of 12 × 100 = 1200
    { annual: 1200, flagged: false }, // equal (UNHCR years)
    { annual: 1260, flagged: false }, // months 4.8 % under: the daily "by 08:00" undercount
    { annual: 1140, flagged: true }, // months 5.3 % over: the months cannot exceed the year by that much
    { annual: 1300, flagged: true }, // months 7.7 % under: a wrong month or a typo
    { annual: 12000, flagged: true }, // an extra zero
  ])('annual $annual against a monthly sum of 1200: flagged $flagged', ({ annual, flagged }) => {
    const out = outsideTolerance([...year(2023, 100), row('2023', annual)]);
    expect(out.map((o) => o.annualId)).toEqual(flagged ? ['ita-2023'] : []);
  });
});

describe('incompletePeriods', () => {
  it('lists, per series, the periods whose figure covers only part of the period', () => {
    const c = (
      metric: 'sea_arrivals' | 'dead_missing',
      area: string,
      period: string,
      incomplete?: boolean | null,
    ) => ({
      metric,
      area,
      period,
      incomplete,
    });
    expect(
      incompletePeriods([
        c('sea_arrivals', 'GRC', '2019-11', true),
        c('sea_arrivals', 'GRC', '2019-10', null),
        c('dead_missing', 'central_med', '2026-05', true),
        c('dead_missing', 'central_med', '2026', true),
        c('sea_arrivals', 'ESP', '2019-11'),
      ]),
    ).toEqual(['dead_missing central_med: 2026, 2026-05', 'sea_arrivals GRC: 2019-11']);
  });
});
