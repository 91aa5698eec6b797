import { describe, expect, it } from 'vitest';
import { buildSeries } from '../filter/aggregate';
import type { CountRow } from '../data/types';
import { monthIndex } from '../data/time';
import { routeAreaNames, routeGapNote, routesWithoutFigure } from './routeGaps';

const row = (metric: CountRow['metric'], area: string, period: string, value: number): CountRow =>
  ({
    id: `${metric}-${area}-${period}`,
    metric,
    area_type: 'route',
    area,
    period,
    value,
    qualifier: 'exact',
    status: 'seen',
    sources: ['x'],
    note: null,
    incomplete: null,
  }) as CountRow;

// Frontex central_med Jan–Sep 2025; eastern_med Jan–Mar 2025; IOM central_med with a zero month.
const series = buildSeries([
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((m) =>
    row('frontex_detections', 'central_med', `2025-${m}`, 100),
  ),
  ...['01', '02', '03'].map((m) => row('frontex_detections', 'eastern_med', `2025-${m}`, 50)),
  row('dead_missing', 'central_med', '2025-01', 0),
]);
const w = (a: string, b: string) => [monthIndex(a), monthIndex(b)] as const;

describe('routesWithoutFigure', () => {
  it('lists a route whose file has no month in the window', () => {
    expect(
      routesWithoutFigure(
        series,
        'frontex_detections',
        ['central_med', 'eastern_med'],
        w('2025-04', '2025-06'),
      ),
    ).toEqual(['eastern_med']);
    expect(
      routesWithoutFigure(
        series,
        'frontex_detections',
        ['central_med', 'eastern_med'],
        w('2025-10', '2025-12'),
      ),
    ).toEqual(['central_med', 'eastern_med']);
  });
  it('does not list a route with a figure for part of the window (that is "at least", not "no data")', () => {
    expect(
      routesWithoutFigure(series, 'frontex_detections', ['central_med'], w('2025-09', '2025-12')),
    ).toEqual([]);
  });
  it('a recorded zero is a figure, not a gap', () => {
    expect(routesWithoutFigure(series, 'dead_missing', ['central_med'], w('2025-01', '2025-01'))).toEqual([]);
  });
  it('a route with no series at all is a gap; duplicates are listed once', () => {
    expect(
      routesWithoutFigure(series, 'dead_missing', ['sahara', 'sahara'], w('2025-01', '2025-01')),
    ).toEqual(['sahara']);
  });
});

describe('routeAreaNames', () => {
  it('names the route areas in the reader language, sorted', () => {
    expect(routeAreaNames(['eastern_med', 'central_med'], 'en')).toBe(
      'Central Mediterranean, Eastern Mediterranean',
    );
    expect(routeAreaNames(['eastern_med', 'central_med'], 'it')).toBe(
      'Mediterraneo centrale, Mediterraneo orientale',
    );
  });
});

describe('routeGapNote', () => {
  const t = (key: string, p?: Record<string, string | number>) => `${key} ${p?.period} | ${p?.areas}`;
  it('says the period and the routes, or nothing when there is no gap', () => {
    expect(
      routeGapNote(
        'routes.noData',
        ['eastern_med', 'central_med'],
        'en',
        t as never,
        w('2025-10', '2025-12'),
      ),
    ).toEqual(['routes.noData Oct 2025 – Dec 2025 | Central Mediterranean, Eastern Mediterranean']);
    expect(routeGapNote('deaths.noData', [], 'en', t as never, w('2025-10', '2025-12'))).toEqual([]);
  });
});
