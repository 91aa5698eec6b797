/** A small hand-made catalog for the explore tests: accents, two languages, a route, an agreement, a programme. */
import type { AppData, CatalogFile } from '../data/types';

const place = (id: string, en: string, country: string, lon: number, lat: number, kind = 'port') =>
  ({ id, name: en, country, kind, lat, lon, geonames_id: null, sources: ['s'] }) as never;

export function fixtureCatalog(): CatalogFile {
  return {
    version: 1,
    sources: [
      {
        id: 's',
        publisher: 'Ministry',
        title: 'T',
        url: null,
        date: null,
        licence: 'x',
        attribution: 'x',
        status: 'seen',
        note: null,
      } as never,
      {
        id: 'f',
        publisher: 'Frontex',
        title: 'F',
        url: null,
        date: null,
        licence: 'x',
        attribution: 'x',
        status: 'seen',
        note: null,
      } as never,
    ],
    places: [
      place('lampedusa', 'Lampedusa', 'ITA', 12.6, 35.5),
      place('bihac', 'Bihać', 'BIH', 15.87, 44.81, 'town'),
      place('rome', 'Rome', 'ITA', 12.5, 41.9, 'capital'),
      place('tripoli', 'Tripoli', 'LBY', 13.19, 32.89, 'capital'),
      place('ndjamena', "N'Djamena", 'TCD', 15.04, 12.1, 'capital'),
      place('sea-x', 'Strait of Sicily (routing point)', 'ITA', 12, 37, 'waypoint'),
    ],
    countries: {
      ITA: { name: 'Italy', capital: 'rome' },
      LBY: { name: 'Libya', capital: 'tripoli' },
      BIH: { name: 'Bosnia and Herzegovina', capital: null },
      TUR: { name: 'Türkiye', capital: null },
    },
    families: [
      {
        id: 'central-med',
        group: 'central_med',
        name: 'Central Mediterranean',
        description_en: '',
        description_it: '',
        frontex_route: 'central_med',
        sources: ['f'],
      },
      {
        id: 'north-african',
        group: 'north_african',
        name: 'North African land routes',
        description_en: '',
        description_it: '',
        frontex_route: null,
        sources: ['f'],
      },
    ],
    segments: [
      {
        id: 'cm-a',
        family: 'central-med',
        name: 'Zuwara → Lampedusa',
        mode: 'sea',
        waypoints: [],
        description_en: '',
        description_it: '',
        frontex_route: null,
        sources: [],
      },
      {
        id: 'cm-b',
        family: 'central-med',
        name: 'Türkiye → Calabria',
        mode: 'sea',
        waypoints: [],
        description_en: '',
        description_it: '',
        frontex_route: 'eastern_med',
        sources: [],
      },
    ],
    programmes: [
      {
        id: 'p1',
        funder: 'ITA',
        fund: 'Fondo Migrazioni',
        implementer: 'IOM',
        recipients: ['LBY'],
        amount: 1000000,
        currency: 'EUR',
        announced: { iso: '2023-05', precision: 'month' },
        start: null,
        end: null,
        purpose_en: 'Voluntary humanitarian return from Libya. More text.',
        purpose_it: 'Rimpatri umanitari volontari dalla Libia. Altro testo.',
        status: 'seen',
        sources: ['s'],
      } as never,
    ],
    agreements: [
      {
        id: 'mou',
        title_en: 'Italy–Libya memorandum',
        title_it: 'Memorandum Italia–Libia',
        parties: ['ITA', 'LBY'],
        type: 'mou',
        binding: false,
        routes: ['central-med'],
        summary_en: '',
        summary_it: '',
        status: 'seen',
        sources: ['s'],
        events: [
          {
            type: 'signed',
            date: { iso: '2017-02-02', precision: 'day' },
            status: 'seen',
            note_en: null,
            note_it: null,
            sources: [],
          },
          {
            type: 'renewed',
            date: { iso: '2023-02-02', precision: 'day' },
            status: 'seen',
            note_en: null,
            note_it: null,
            sources: [],
          },
          {
            type: 'renewed',
            date: { iso: '2023-02-20', precision: 'day' },
            status: 'seen',
            note_en: null,
            note_it: null,
            sources: [],
          },
        ],
      },
      {
        id: 'undated',
        title_en: 'Undated declaration',
        title_it: 'Dichiarazione senza data',
        parties: ['ITA'],
        type: 'declaration',
        binding: null,
        routes: ['north-african'],
        summary_en: '',
        summary_it: '',
        status: 'seen',
        sources: ['s'],
        events: [{ type: 'signed', date: null, status: 'seen', note_en: null, note_it: null, sources: [] }],
      },
    ],
  };
}

export function fixtureData(): AppData {
  return {
    manifest: { version: 1, rows: {}, files: {} },
    catalog: fixtureCatalog(),
    counts: [],
    routes: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'cm-a', family: 'central-med', frontex_route: 'central_med' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [12, 33],
              [12.6, 35.5],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'cm-b', family: 'central-med', frontex_route: 'eastern_med' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [30, 36],
              [16, 38],
            ],
          },
        },
      ],
    },
  };
}
