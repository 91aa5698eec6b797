import { describe, expect, it } from 'vitest';
import { buildSeries } from '../filter/aggregate';
import type { CountRow } from '../data/types';
import { monthIndex } from '../data/time';
import { eventChoices, lookupFor } from './series';
import type { Agreement } from '../data/json-schema';

const row = (
  metric: CountRow['metric'],
  period: string,
  value: number,
  qualifier: CountRow['qualifier'],
): CountRow => ({
  id: `${metric}-${period}`,
  metric,
  area_type: 'country',
  area: 'ITA',
  period,
  value,
  qualifier,
  status: 'seen',
  sources: ['s'],
  note: null,
});

describe('series lookup for before/after', () => {
  it('marks a partly reported month incomplete, a gap as no data', () => {
    const s = buildSeries([
      row('sea_arrivals', '2025-07', 6485, 'exact'),
      row('sea_arrivals', '2025-09', 5536, 'at_least'),
    ]).get('sea_arrivals|country|ITA')!;
    const l = lookupFor(s);
    expect(l(monthIndex('2025-07'))).toEqual({ value: 6485, incomplete: false });
    expect(l(monthIndex('2025-08'))).toEqual({ value: null, incomplete: false });
    expect(l(monthIndex('2025-09'))).toEqual({ value: 5536, incomplete: true });
    expect(l(monthIndex('2030-01'))).toEqual({ value: null, incomplete: false });
  });

  it('reads "at least" as the metric itself for IOM dead and missing (a lower bound every month)', () => {
    const s = buildSeries([row('dead_missing', '2023-06', 700, 'at_least')]).get('dead_missing|country|ITA')!;
    expect(lookupFor(s)(monthIndex('2023-06'))).toEqual({ value: 700, incomplete: false });
  });

  it('offers only dated signings, entries into force, suspensions and ends', () => {
    const ev = (type: string, iso: string | null, precision = 'day') => ({
      type,
      date: iso ? { iso, precision } : null,
      status: 'seen',
      note_en: null,
      note_it: null,
      sources: ['s'],
    });
    const a = {
      events: [
        ev('announced', '2015'),
        ev('signed', '2015-05-26'),
        ev('in_force', '2016', 'year'),
        ev('ended', null),
      ],
    } as unknown as Agreement;
    expect(eventChoices(a)).toEqual([
      {
        index: 1,
        type: 'signed',
        iso: '2015-05-26',
        anchor: { month: monthIndex('2015-05'), precision: 'day' },
      },
      {
        index: 2,
        type: 'in_force',
        iso: '2016',
        anchor: { month: monthIndex('2016-01'), precision: 'year' },
      },
    ]);
  });
});
