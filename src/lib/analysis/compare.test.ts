import { describe, expect, it } from 'vitest';
import { buildSeries } from '../filter/aggregate';
import type { CatalogFile, CountRow } from '../data/types';
import { monthIndex } from '../data/time';
import { byMetric, compareCsv, lines, sameMetric, subjectSeries } from './compare';
import { parseCsv } from '../data/csv';

const row = (
  metric: CountRow['metric'],
  areaType: CountRow['area_type'],
  area: string,
  period: string,
  value: number,
  qualifier: CountRow['qualifier'] = 'exact',
): CountRow => ({
  id: `${metric}-${area}-${period}`,
  metric,
  area_type: areaType,
  area,
  period,
  value,
  qualifier,
  status: 'seen',
  sources: ['s'],
  note: null,
});
const series = buildSeries([
  row('sea_arrivals', 'country', 'ITA', '2023-01', 100),
  row('sea_arrivals', 'country', 'ITA', '2023-03', 300, 'at_least'),
  row('sea_arrivals', 'country', 'GRC', '2023-02', 20),
  row('frontex_detections', 'route', 'central_med', '2023-01', 90),
  row('frontex_detections', 'route', 'central_med', '2023-02', 0),
]);
const cat = {
  families: [{ id: 'central-med', group: 'central_med', frontex_route: 'central_med' }],
  segments: [],
} as unknown as CatalogFile;

describe('compare routes', () => {
  const picked = subjectSeries(cat, series, [
    { kind: 'country', id: 'ITA' },
    { kind: 'family', id: 'central-med' },
    { kind: 'country', id: 'GRC' },
  ]);
  const ls = lines(picked, monthIndex('2023-01'), monthIndex('2023-03'));

  it('takes each subject’s series once, never summing', () => {
    expect(ls.map((l) => l.key)).toEqual([
      'sea_arrivals|country|ITA',
      'frontex_detections|route|central_med',
      'sea_arrivals|country|GRC',
    ]);
    expect(sameMetric(ls, 'sea_arrivals').map((l) => l.area)).toEqual(['ITA', 'GRC']);
    expect(byMetric(ls).map((g) => [g.metric, g.lines.length])).toEqual([
      ['sea_arrivals', 2],
      ['frontex_detections', 1],
    ]);
  });

  it('keeps "no data" apart from zero and marks partial months', () => {
    const ita = ls[0].points;
    expect(ita.map((p) => p.value)).toEqual([100, null, 300]);
    expect(ita.map((p) => p.qualifier)).toEqual(['exact', null, 'at_least']);
    expect(ls[1].points.map((p) => p.value)).toEqual([90, 0, null]);
  });

  it('writes the CSV from the same points', () => {
    const text = compareCsv(sameMetric(ls, 'sea_arrivals'));
    const t = parseCsv(text, 'x.csv');
    expect(t.header).toEqual(['month', 'metric', 'area_type', 'area', 'value', 'qualifier']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['2023-01', 'sea_arrivals', 'country', 'ITA', '100', 'exact'],
      ['2023-02', 'sea_arrivals', 'country', 'ITA', '', 'no_data'],
      ['2023-03', 'sea_arrivals', 'country', 'ITA', '300', 'at_least'],
      ['2023-01', 'sea_arrivals', 'country', 'GRC', '', 'no_data'],
      ['2023-02', 'sea_arrivals', 'country', 'GRC', '20', 'exact'],
      ['2023-03', 'sea_arrivals', 'country', 'GRC', '', 'no_data'],
    ]);
  });
});
