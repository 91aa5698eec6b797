import { describe, expect, it } from 'vitest';
import { crossCheck, type Catalog } from './crosscheck';
import type { Place, Source } from './schema';

const src = (id: string): Source => ({
  id,
  publisher: 'P',
  title: 'T',
  url: null,
  date: null,
  licence: 'L',
  attribution: 'A',
  status: 'seen',
  note: null,
  _row: 2,
});
const place = (
  id: string,
  lon: number,
  lat: number,
  kind: Place['kind'] = 'city',
  country: string | null = 'ITA',
): Place => ({
  id,
  name: id,
  country,
  kind,
  lat,
  lon,
  geonames_id: null,
  sources: ['s'],
  _row: 2,
});

function base(): Catalog {
  return {
    sources: [src('s')],
    places: [
      place('rome', 12.5, 41.9, 'capital'),
      place('tunis', 10.2, 36.8, 'capital', 'TUN'),
      place('lampedusa', 12.6, 35.5),
    ],
    families: [
      {
        id: 'central-med',
        group: 'central_med',
        name: 'x',
        description_en: 'x',
        description_it: 'x',
        frontex_route: 'central_med',
        sources: ['s'],
      },
    ],
    segments: [
      {
        id: 'seg',
        family: 'central-med',
        name: 'x',
        mode: 'sea',
        waypoints: ['tunis', 'lampedusa'],
        description_en: 'x',
        description_it: 'x',
        frontex_route: null,
        sources: ['s'],
      },
    ],
    counts: [],
    programmes: [],
    agreements: [
      {
        id: 'a',
        title_en: 'x',
        title_it: 'x',
        parties: ['ITA', 'TUN'],
        type: 'mou',
        binding: false,
        routes: ['central-med'],
        summary_en: 'x',
        summary_it: 'x',
        status: 'seen',
        sources: ['s'],
        events: [
          {
            type: 'signed',
            date: { iso: '2023-07-16', precision: 'day' },
            status: 'seen',
            note_en: null,
            note_it: null,
            sources: ['s'],
          },
          {
            type: 'in_force',
            date: { iso: '2023-08', precision: 'month' },
            status: 'seen',
            note_en: null,
            note_it: null,
            sources: ['s'],
          },
        ],
      },
    ],
  };
}

describe('crossCheck', () => {
  it('passes a consistent catalog', () => expect(crossCheck(base())).toEqual([]));

  const cases: { name: string; edit: (c: Catalog) => void; column: RegExp; expected: RegExp }[] = [
    {
      name: 'unknown place id in a route',
      edit: (c) => (c.segments[0].waypoints = ['tunis', 'atlantis']),
      column: /segments\[0\]\.waypoints\[1\]/,
      expected: /place id/,
    },
    {
      name: 'unknown source id',
      edit: (c) => (c.places[0].sources = ['nowhere']),
      column: /^sources$/,
      expected: /source id/,
    },
    {
      name: 'place outside the region',
      edit: (c) => (c.places[2].lat = -35.5),
      column: /^lat$/,
      expected: /inside the map's region/,
    },
    {
      name: 'lifecycle out of order',
      edit: (c) => (c.agreements[0].events[1].date = { iso: '2022', precision: 'year' }),
      column: /events\[1\]\.date/,
      expected: /on or after/,
    },
    {
      name: 'party without a capital',
      edit: (c) => (c.agreements[0].parties = ['ITA', 'NOR']),
      column: /parties/,
      expected: /capital/,
    },
    {
      name: 'count on an unknown area',
      edit: (c) =>
        c.counts.push({
          id: 'k',
          metric: 'sea_arrivals',
          area_type: 'place',
          area: 'nowhere',
          period: '2023',
          value: 1,
          qualifier: 'exact',
          status: 'seen',
          sources: ['s'],
          note: null,
          _row: 5,
        }),
      column: /^area$/,
      expected: /place id/,
    },
    {
      name: 'two figures for the same series and month',
      edit: (c) => {
        const row = {
          id: 'ita-a',
          metric: 'sea_arrivals' as const,
          area_type: 'country' as const,
          area: 'ITA',
          period: '2023-08',
          value: 25673,
          qualifier: 'exact' as const,
          status: 'seen' as const,
          sources: ['s'],
          note: null,
          _row: 2,
        };
        c.counts.push(row, { ...row, id: 'ita-b', value: 25588, _row: 3 });
      },
      column: /^period$/,
      expected: /one figure per metric, area and period .*"ita-a"/,
    },
    {
      name: 'concerns: unknown route family',
      edit: (c) =>
        (c.agreements[0].concerns = {
          countries: ['ITA'],
          routes: ['nowhere'],
          basis: 'editors',
          source: null,
        }),
      column: /concerns\.routes/,
      expected: /route family/,
    },
    {
      name: 'concerns: a country without a capital',
      edit: (c) =>
        (c.agreements[0].concerns = { countries: ['NOR'], routes: [], basis: 'editors', source: null }),
      column: /concerns\.countries/,
      expected: /capital/,
    },
    {
      name: 'concerns: unknown source',
      edit: (c) =>
        (c.agreements[0].concerns = { countries: ['ITA'], routes: [], basis: 'source', source: 'nowhere' }),
      column: /concerns\.source/,
      expected: /source id/,
    },
    {
      name: 'route family unknown',
      edit: (c) => (c.segments[0].family = 'nope'),
      column: /segments\[0\]\.family/,
      expected: /family/,
    },
  ];
  it.each(cases)('reports $name', ({ edit, column, expected }) => {
    const c = base();
    edit(c);
    const errs = crossCheck(c);
    expect(errs.length, JSON.stringify(errs)).toBeGreaterThan(0);
    expect(
      errs.some((e) => column.test(e.column) && expected.test(e.expected)),
      JSON.stringify(errs),
    ).toBe(true);
  });

  it('accepts different metrics, areas or periods for the same place and month', () => {
    const c = base();
    const row = {
      id: 'a',
      metric: 'sea_arrivals' as const,
      area_type: 'place' as const,
      area: 'lampedusa',
      period: '2023',
      value: 110000,
      qualifier: 'approx' as const,
      status: 'seen' as const,
      sources: ['s'],
      note: null,
    };
    c.counts.push(
      row,
      { ...row, id: 'b', metric: 'dead_missing' },
      { ...row, id: 'c', period: '2023-08' },
      { ...row, id: 'd', area_type: 'country', area: 'ITA' },
    );
    expect(crossCheck(c)).toEqual([]);
  });

  it('does not mutate the catalog', () => {
    const c = base();
    const before = JSON.stringify(c);
    crossCheck(c);
    expect(JSON.stringify(c)).toBe(before);
  });
});
