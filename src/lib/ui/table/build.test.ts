import { describe, expect, it } from 'vitest';
import { buildTables, type TableInput } from './build';
import { fixtureData } from '../../search/fixture.test-helper';
import { DEFAULT_LAYERS } from '../../state/app.svelte';
import type { Incident } from '../../map/gpu/incidents';

const data = fixtureData();
const t = (k: string, p?: Record<string, string | number>) => (p ? `${k}${JSON.stringify(p)}` : k);
const incident = (id: string, deadMissing: number): Incident => ({
  id,
  date: '2023-06-14',
  lat: 36,
  lon: 21,
  dead: deadMissing,
  missing: null,
  deadMissing,
  survivors: null,
  cause: null,
  route: 'central_med',
  country: null,
  location: 'Off Pylos',
  quality: null,
  source: null,
  link: null,
});

function input(over: Partial<TableInput> = {}): TableInput {
  return {
    cat: data.catalog,
    routes: data.routes,
    layers: { ...DEFAULT_LAYERS },
    lang: 'en',
    period: 'P',
    landingMetric: 'sea_arrivals',
    landingValues: [
      {
        value: 157652,
        qualifier: 'exact',
        complete: true,
        covered: 12,
        point: { key: 'sea_arrivals|country|ITA', areaType: 'country', area: 'ITA', coords: [14, 37] },
      },
      {
        value: 1200,
        qualifier: 'approx',
        complete: false,
        covered: 1,
        point: {
          key: 'sea_arrivals|place|lampedusa',
          areaType: 'place',
          area: 'lampedusa',
          coords: [12, 35],
        },
      },
    ],
    arcs: {
      type: 'FeatureCollection',
      features: [0, 1].map((i) => ({
        type: 'Feature',
        id: i,
        properties: { id: 'mou', status: 'in_force' },
        geometry: { type: 'LineString', coordinates: [] },
      })),
    },
    funding: [],
    flow: new Map([['central_med', { value: 5000, qualifier: 'exact', complete: true, covered: 12 }]]),
    incidents: null,
    date: (iso) => iso,
    t,
    ...over,
  };
}

describe('buildTables', () => {
  it('has one table per overlay that is on, in a fixed order', () => {
    expect(buildTables(input()).map((x) => x.id)).toEqual(['landings', 'agreements', 'routes']);
    const all = { routes: true, landings: true, programmes: true, agreements: true, deaths: true };
    expect(buildTables(input({ layers: all, incidents: [] })).map((x) => x.id)).toEqual([
      'landings',
      'agreements',
      'programmes',
      'routes',
      'deaths',
    ]);
    const none = { routes: false, landings: false, programmes: false, agreements: false, deaths: false };
    expect(buildTables(input({ layers: none }))).toEqual([]);
  });

  it('lists one landing row per circle, numbers raw for CSV and formatted for display, with notes', () => {
    const [landings] = buildTables(input());
    expect(
      landings.rows.map((r) => [r.key, r.cells.name, r.cells.value, r.cells.note, r.display?.value]),
    ).toEqual([
      ['sea_arrivals|country|ITA', 'Italy · landings.allPorts', 157652, '', '157,652'],
      ['sea_arrivals|place|lampedusa', 'Lampedusa', 1200, 'table.note.partial', '≈1,200'],
    ]);
    expect(landings.columns.find((c) => c.key === 'value')).toMatchObject({ numeric: true });
    expect(landings.rows[1].sel).toEqual({ kind: 'place', id: 'lampedusa' });
  });

  it('lists each agreement once however many arcs it has, names in the chosen language', () => {
    const agreements = buildTables(input({ lang: 'it' })).find((x) => x.id === 'agreements')!;
    expect(agreements.rows).toHaveLength(1);
    expect(agreements.rows[0].cells).toMatchObject({
      title: 'Memorandum Italia–Libia',
      parties: 'Italia, Libia',
    });
  });

  it('lists route segments with the Frontex detections of their route', () => {
    const routes = buildTables(input()).find((x) => x.id === 'routes')!;
    expect(routes.rows.map((r) => [r.key, r.cells.detections])).toEqual([
      ['cm-a', 5000],
      ['cm-b', null],
    ]);
  });

  it('lists incidents with their point for "show on map"', () => {
    const layers = { ...DEFAULT_LAYERS, deaths: true };
    const deaths = buildTables(input({ layers, incidents: [incident('a', 3), incident('b', 600)] })).at(-1)!;
    expect(deaths.id).toBe('deaths');
    expect(deaths.rows.map((r) => [r.key, r.cells.deadMissing, r.cells.route, r.at])).toEqual([
      ['a', 3, 'Central Mediterranean', [21, 36]],
      ['b', 600, 'Central Mediterranean', [21, 36]],
    ]);
  });

  it('splits programme amounts by currency, never adding them', () => {
    const layers = { ...DEFAULT_LAYERS, programmes: true };
    const programmes = buildTables(
      input({
        layers,
        funding: [
          {
            country: 'LBY',
            programmes: data.catalog.programmes,
            totals: { EUR: 1000000, GBP: 5 },
            mainFunder: 'ITA',
          },
        ],
      }),
    ).find((x) => x.id === 'programmes')!;
    expect(programmes.columns.map((c) => c.key)).toEqual([
      'country',
      'count',
      'funder',
      'amount_EUR',
      'amount_GBP',
    ]);
    expect(programmes.rows[0].cells).toMatchObject({ amount_EUR: 1000000, amount_GBP: 5, count: 1 });
  });
});
