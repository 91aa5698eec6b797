import { describe, expect, it } from 'vitest';
import { buildSeries } from '../../filter/aggregate';
import type { CountRow } from '../../data/types';
import { monthIndex } from '../../data/time';
import { fixtureCatalog } from '../../search/fixture.test-helper';
import {
  agreementMarks,
  agreementsFor,
  chartData,
  chartGaps,
  markLabel,
  markLabelWidth,
  placeMarks,
  routeAreas,
  seriesFor,
} from './series';

const row = (
  metric: string,
  areaType: string,
  area: string,
  period: string,
  value: number,
  q = 'exact',
): CountRow =>
  ({
    id: `${metric}-${area}-${period}`,
    metric,
    area_type: areaType,
    area,
    period,
    value,
    qualifier: q,
    status: 'seen',
    sources: ['s'],
    note: null,
  }) as CountRow;

const months2023 = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
const counts: CountRow[] = [
  ...months2023.map((p, i) =>
    row('sea_arrivals', 'country', 'ITA', p, 1000 + i, i === 5 ? 'approx' : 'exact'),
  ),
  row('sea_arrivals', 'country', 'ITA', '2023', 157652),
  row('sea_arrivals', 'place', 'lampedusa', '2022', 46000),
  row('sea_arrivals', 'place', 'lampedusa', '2023', 110000, 'approx'),
  ...months2023.map((p) => row('frontex_detections', 'route', 'central_med', p, 10)),
  ...months2023.map((p) => row('frontex_detections', 'route', 'eastern_med', p, 20)),
  row('dead_missing', 'route', 'sahara', '2023', 300, 'at_least'),
  row('dead_missing', 'route', 'central_med', '2023', 2500, 'at_least'),
];
const series = buildSeries(counts);
const cat = fixtureCatalog();
const W2023: [number, number] = [monthIndex('2023-01'), monthIndex('2023-12')];

describe('routeAreas / seriesFor', () => {
  it("gives a family its Frontex route, its segments' routes and documented extras", () => {
    expect(routeAreas(cat, { kind: 'family', id: 'central-med' })).toEqual(['central_med', 'eastern_med']);
    expect(routeAreas(cat, { kind: 'family', id: 'north-african' })).toEqual(['sahara']);
    expect(routeAreas(cat, { kind: 'segment', id: 'cm-b' })).toEqual(['eastern_med']);
    expect(routeAreas(cat, { kind: 'segment', id: 'cm-a' })).toEqual(['central_med', 'eastern_med']);
    expect(routeAreas(cat, { kind: 'family', id: 'nope' })).toEqual([]);
  });

  it('lists one series per metric and area, in metric order, never mixing them', () => {
    expect(seriesFor(cat, series, { kind: 'family', id: 'central-med' }).map((s) => s.key)).toEqual([
      'frontex_detections|route|central_med',
      'frontex_detections|route|eastern_med',
      'dead_missing|route|central_med',
    ]);
    expect(seriesFor(cat, series, { kind: 'country', id: 'ITA' }).map((s) => s.key)).toEqual([
      'sea_arrivals|country|ITA',
    ]);
    expect(seriesFor(cat, series, { kind: 'place', id: 'lampedusa' }).map((s) => s.key)).toEqual([
      'sea_arrivals|place|lampedusa',
    ]);
    expect(seriesFor(cat, series, { kind: 'place', id: 'rome' })).toEqual([]);
  });
});

describe('chartData', () => {
  it('has one bar per month of the window when monthly figures exist', () => {
    const c = chartData(series.get('sea_arrivals|country|ITA')!, W2023)!;
    expect(c.granularity).toBe('month');
    expect(c.bars).toHaveLength(12);
    expect(c.bars[0]).toEqual({
      start: W2023[0],
      end: W2023[0],
      value: 1000,
      qualifier: 'exact',
      incomplete: false,
    });
    expect(c.bars[5].qualifier).toBe('approx');
    expect([c.from, c.to]).toEqual(W2023);
  });

  it('clips to the window and skips months without a figure', () => {
    const c = chartData(series.get('sea_arrivals|country|ITA')!, [
      monthIndex('2022-11'),
      monthIndex('2023-02'),
    ])!;
    expect(c.bars.map((b) => b.value)).toEqual([1000, 1001]);
    expect(c.to - c.from + 1).toBe(4);
  });

  it('falls back to annual totals for years touching the window', () => {
    const c = chartData(series.get('sea_arrivals|place|lampedusa')!, [
      monthIndex('2022-06'),
      monthIndex('2023-03'),
    ])!;
    expect(c.granularity).toBe('year');
    expect(c.bars.map((b) => [b.start, b.end, b.value, b.qualifier])).toEqual([
      [2022 * 12, 2022 * 12 + 11, 46000, 'exact'],
      [2023 * 12, 2023 * 12 + 11, 110000, 'approx'],
    ]);
    expect([c.from, c.to]).toEqual([2022 * 12, 2023 * 12 + 11]);
  });

  it('is null when the window has no figure', () => {
    expect(
      chartData(series.get('sea_arrivals|place|lampedusa')!, [monthIndex('2010-01'), monthIndex('2010-12')]),
    ).toBeNull();
  });
});

describe('agreements on the time axis', () => {
  it('finds agreements by route for routes and by party for countries and places', () => {
    expect(agreementsFor(cat, { kind: 'segment', id: 'cm-a' }).map((a) => a.id)).toEqual(['mou']);
    expect(agreementsFor(cat, { kind: 'family', id: 'north-african' }).map((a) => a.id)).toEqual(['undated']);
    expect(agreementsFor(cat, { kind: 'country', id: 'LBY' }).map((a) => a.id)).toEqual(['mou']);
    expect(agreementsFor(cat, { kind: 'place', id: 'lampedusa' }).map((a) => a.id)).toEqual([
      'mou',
      'undated',
    ]);
  });

  it('marks dated events inside the range, once per agreement and month, undated never', () => {
    const marks = agreementMarks(cat.agreements, W2023[0], W2023[1]);
    expect(marks.map((m) => [m.agreement.id, m.month])).toEqual([['mou', monthIndex('2023-02')]]);
    expect(agreementMarks(cat.agreements, monthIndex('2017-01'), W2023[1])).toHaveLength(2);
  });
});

describe('agreement marks inside a chart', () => {
  const mk = (n: number, month: number) => ({ n, month, title: `a${n}` });
  const xOf = (m: number) => 42 + (m - monthIndex('2023-01')) * 22.5; // a 12-month chart, 270 units wide
  const bounds = [42, 312] as const;

  it('labels one mark with its number, several with their range', () => {
    expect(markLabel([3])).toBe('3');
    expect(markLabel([5, 3, 4])).toBe('3–5');
    expect(markLabel([3, 7])).toBe('3, 7');
  });

  it('keeps marks a month apart as separate labels centred on their rules', () => {
    const p = placeMarks([mk(1, monthIndex('2023-02')), mk(2, monthIndex('2023-04'))], xOf, bounds);
    expect(p.map((c) => [c.text, c.cx])).toEqual([
      ['1', xOf(monthIndex('2023-02'))],
      ['2', xOf(monthIndex('2023-04'))],
    ]);
  });

  it('merges labels that would touch, keeping every rule', () => {
    const m = monthIndex('2023-11');
    const dense = (v: number) => 42 + (v - monthIndex('2021-01')) * 8; // 8 units a month
    const p = placeMarks([mk(5, m), mk(6, m), mk(7, m + 1)], dense, bounds);
    expect(p).toHaveLength(1);
    expect(p[0].text).toBe('5–7');
    expect(p[0].xs).toEqual([dense(m), dense(m + 1)]);
  });

  it('never lets two labels come closer than the gap, nor leave the plot, whatever the density', () => {
    for (const every of [1, 2, 3, 5, 8]) {
      const xs = (m: number) => 42 + (m - monthIndex('2009-01')) * (270 / 204);
      const marks = Array.from({ length: 40 }, (_, i) =>
        mk(i + 1, monthIndex('2009-01') + ((i * every) % 204)),
      );
      const p = placeMarks(marks, xs, bounds);
      for (let i = 1; i < p.length; i++) expect(p[i].x0 - p[i - 1].x1).toBeGreaterThanOrEqual(3 - 1e-9);
      for (const c of p) {
        expect(c.x0).toBeGreaterThanOrEqual(bounds[0]);
        expect(c.x1).toBeLessThanOrEqual(bounds[1] + 1e-9);
        expect(c.x1 - c.x0).toBeCloseTo(Math.min(markLabelWidth(c.text), bounds[1] - bounds[0]));
      }
      expect(p.flatMap((c) => c.marks.map((m) => m.n)).sort((a, b) => a - b)).toEqual(marks.map((m) => m.n));
    }
  });
});

describe('chartGaps: the chart says which periods have no figure', () => {
  const m = monthIndex;
  const bar = (start: number, end = start) => ({
    start,
    end,
    value: 1,
    qualifier: 'exact' as const,
    incomplete: false,
  });
  it('monthly: runs of missing months inside the axis', () => {
    const data = {
      granularity: 'month' as const,
      from: m('2019-01'),
      to: m('2019-12'),
      bars: [bar(m('2019-01')), bar(m('2019-02')), bar(m('2019-06'))],
    };
    expect(chartGaps(data)).toEqual([
      [m('2019-03'), m('2019-05')],
      [m('2019-07'), m('2019-12')],
    ]);
  });
  it('annual: missing years as runs of whole years; none when every year has a figure', () => {
    const y = (yr: number) => yr * 12;
    const data = {
      granularity: 'year' as const,
      from: y(2018),
      to: y(2022) + 11,
      bars: [bar(y(2018), y(2018) + 11), bar(y(2022), y(2022) + 11)],
    };
    expect(chartGaps(data)).toEqual([[y(2019), y(2021) + 11]]);
    expect(
      chartGaps({ ...data, bars: [2018, 2019, 2020, 2021, 2022].map((yr) => bar(y(yr), y(yr) + 11)) }),
    ).toEqual([]);
  });
});
