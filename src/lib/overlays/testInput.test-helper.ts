/** An OverlayInput over the small hand-made catalog (fixture.test-helper), for the overlay tests. */
import { fixtureData } from '../search/fixture.test-helper';
import { light } from '../map/theme';
import { monthIndex } from '../data/time';
import { DEFAULT_LAYERS } from './registry';
import type { AppData, CountRow } from '../data/types';
import type { OverlayInput } from './types';

/** Keys come back with their parameters, so tests see exactly what was asked for. */
export const tKeys = (k: string, p?: Record<string, string | number>) => (p ? `${k}${JSON.stringify(p)}` : k);

const count = (o: Partial<CountRow>): CountRow =>
  ({
    id: 'c',
    metric: 'sea_arrivals',
    area_type: 'country',
    area: 'ITA',
    period: '2023-01',
    value: 1,
    qualifier: 'exact',
    status: 'seen',
    sources: ['s'],
    note: null,
    ...o,
  }) as CountRow;

export function fixtureWithCounts(): AppData {
  const d = fixtureData();
  const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
  d.counts = [
    ...months.map((p, i) => count({ id: `ita-${p}`, period: p, value: 10000 + i })),
    count({
      id: 'lamp-2023-06',
      area_type: 'place',
      area: 'lampedusa',
      period: '2023-06',
      value: 1200,
      qualifier: 'approx',
    }),
    ...months.map((p) =>
      count({
        id: `fx-${p}`,
        metric: 'frontex_detections',
        area_type: 'route',
        area: 'central_med',
        period: p,
        value: 500,
      }),
    ),
  ];
  return d;
}

export function testInput(over: Partial<OverlayInput> = {}): OverlayInput {
  return {
    data: fixtureWithCounts(),
    window: [monthIndex('2023-01'), monthIndex('2023-12')],
    theme: light,
    lang: 'en',
    t: tKeys,
    metric: 'sea_arrivals',
    selection: null,
    hover: null,
    focus: null,
    layers: { ...DEFAULT_LAYERS },
    incidents: null,
    user: null,
    dataBase: './data/',
    ...over,
  };
}
