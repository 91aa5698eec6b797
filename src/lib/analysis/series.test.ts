import { describe, expect, it } from 'vitest';
import { buildSeries } from '../filter/aggregate';
import type { CountRow } from '../data/types';
import { monthIndex } from '../data/time';
import {
  chapterAgreement,
  chapterEvent,
  concernsBasis,
  eventChoices,
  lookupFor,
  type EventChoice,
} from './series';
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

describe('before/after from a story chapter', () => {
  const choice = (index: number, iso: string): EventChoice => ({
    index,
    type: 'signed',
    iso,
    anchor: { month: monthIndex(iso), precision: 'day' },
  });
  const w = (a: string, b: string): [number, number] => [monthIndex(a), monthIndex(b)];
  const choices = [choice(0, '2017-02'), choice(2, '2020-02'), choice(3, '2023-10')];
  it.each([
    ['the first event inside the window', w('2017-01', '2018-12'), 0],
    ['a window holding two events opens on the first', w('2017-01', '2021-12'), 0],
    ['inside, at the window’s last month', w('2019-03', '2020-02'), 2],
    ['none inside: the last one before the window', w('2021-01', '2022-12'), 2],
    ['none inside or before: the first', w('2010-01', '2012-12'), 0],
  ] as const)('%s', (_name, window, index) => {
    expect(chapterEvent(choices, [...window])).toBe(index);
  });
  it('no dated event, no chart', () => {
    expect(chapterEvent([], w('2017-01', '2017-12'))).toBeNull();
  });
  it('the chapter’s agreement is its focus, else its selection', () => {
    const a = { kind: 'agreement', id: 'a' };
    const b = { kind: 'agreement', id: 'b' };
    const place = { kind: 'place', id: 'lampedusa' };
    expect(chapterAgreement({ focus: a, selection: b })).toBe('a');
    expect(chapterAgreement({ focus: place, selection: b })).toBe('b');
    expect(chapterAgreement({ focus: place, selection: null })).toBeNull();
    expect(chapterAgreement({ focus: null, selection: null })).toBeNull();
  });
});

describe('who says what an agreement concerns (chart caption)', () => {
  const sources = [{ id: 'asgi', publisher: 'ASGI' }];
  const with_ = (concerns: object | undefined, extra: object = {}) =>
    ({ id: 'a', events: [], ...(concerns ? { concerns } : {}), ...extra }) as unknown as Agreement;
  const editors = { countries: ['ITA'], routes: [], basis: 'editors', source: null };
  it.each([
    ['editors', with_(editors), { basis: 'editors' }],
    [
      'a source named in concerns',
      with_({ ...editors, basis: 'source', source: 'asgi' }),
      { basis: 'source', source: 'ASGI' },
    ],
    [
      'concernsSource, a source id',
      with_(editors, { concernsSource: 'asgi' }),
      { basis: 'source', source: 'ASGI' },
    ],
    [
      'concernsSource, a citation as written',
      with_(editors, { concernsSource: 'Council of the EU, 2017' }),
      { basis: 'source', source: 'Council of the EU, 2017' },
    ],
    [
      'an empty concernsSource is not a source',
      with_(editors, { concernsSource: '  ' }),
      { basis: 'editors' },
    ],
  ] as const)('%s', (_name, a, expected) => {
    expect(concernsBasis(a, sources)).toEqual(expected);
  });
});
