import { describe, expect, it } from 'vitest';
import { entriesFor, exportOf, legendOf, summaryOf, tablesOf } from './describe';
import { OVERLAYS } from './index';
import { LAYER_IDS, OVERLAY_IDS, DEFAULT_LAYERS, MENU_ORDER } from './registry';
import { testInput, tKeys } from './testInput.test-helper';
import { monthIndex } from '../data/time';
import { Processor } from '../data/import/process';
import { sortPoints } from '../map/gpu/points';
import type { Incident } from '../map/gpu/incidents';
import type { IncidentData, OverlayInput } from './types';
import { toCsv, toGeoJson } from '../export/content';

const allOn = { routes: true, landings: true, programmes: true, agreements: true, deaths: true };
const none = { routes: false, landings: false, programmes: false, agreements: false, deaths: false };
const tables = (i: OverlayInput) => tablesOf(entriesFor(i), i);
const table = (i: OverlayInput, id: string) => tables(i).find((x) => x.id === id)!;

const incident = (id: string, date: string, deadMissing: number): Incident => ({
  id,
  date,
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
function incidentData(list: Incident[]): IncidentData {
  const t = list.map((x) => monthIndex(x.date.slice(0, 7)) + 0.5);
  const sorted = sortPoints(
    list.map((x) => x.lon),
    list.map((x) => x.lat),
    t,
    list.map(() => 3),
  );
  const dmPrefix = new Float64Array(list.length + 1);
  for (let k = 0; k < list.length; k++) dmPrefix[k + 1] = dmPrefix[k] + list[sorted.order[k]].deadMissing;
  return { list, sorted, dmPrefix };
}

describe('the registry', () => {
  it('has one module per overlay, in z-order', () => {
    expect(OVERLAYS.map((o) => o.id)).toEqual([...OVERLAY_IDS]);
    expect(OVERLAY_IDS).toEqual([
      'agreements',
      'programmes',
      'routes',
      'landings',
      'deaths',
      'user',
      'focus',
    ]);
  });
  it('lists the reader-switchable overlays in menu order, with their defaults', () => {
    expect([...LAYER_IDS]).toEqual(['routes', 'landings', 'programmes', 'agreements', 'deaths']);
    expect(DEFAULT_LAYERS).toEqual({
      routes: true,
      landings: true,
      programmes: false,
      agreements: true,
      deaths: false,
    });
    expect(MENU_ORDER.slice(-2)).toEqual(['user', 'focus']);
  });
  it('layer ids are unique across overlays', () => {
    const i = testInput();
    const ids = OVERLAYS.flatMap((o) => [
      ...o.layers(i.theme, i.lang).map((l) => l.id),
      ...(o.custom ? [o.custom.id] : []),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('tables (what the map draws, one table per visible overlay)', () => {
  it('has one table per overlay that is on, in menu order', () => {
    expect(tables(testInput()).map((x) => x.id)).toEqual(['routes', 'landings', 'agreements']);
    const every = tables(testInput({ layers: allOn, incidents: incidentData([]) })).map((x) => x.id);
    expect(every).toEqual(['routes', 'landings', 'programmes', 'agreements', 'deaths']);
    expect(tables(testInput({ layers: none }))).toEqual([]);
  });

  it('lists one landing row per circle, numbers raw for CSV and formatted for display, with notes', () => {
    const landings = table(testInput(), 'landings');
    expect(
      landings.rows.map((r) => [r.key, r.cells.name, r.cells.value, r.cells.note, r.display?.value]),
    ).toEqual([
      ['sea_arrivals|country|ITA', 'Italy · landings.allPorts', 120066, '', '120,066'],
      ['sea_arrivals|place|lampedusa', 'Lampedusa', 1200, 'table.note.partial', '≈1,200'],
    ]);
    expect(landings.columns.find((c) => c.key === 'value')).toMatchObject({ numeric: true });
    expect(landings.rows[1].sel).toEqual({ kind: 'place', id: 'lampedusa' });
  });

  it('lists each agreement once however many arcs it has, names in the chosen language', () => {
    const agreements = table(testInput({ lang: 'it' }), 'agreements');
    expect(agreements.rows).toHaveLength(1);
    expect(agreements.rows[0].cells).toMatchObject({
      title: 'Memorandum Italia–Libia',
      parties: 'Italia, Libia',
      drawn: 'agreement.drawn.marker{"place":"Libia"}',
    });
    expect(agreements.rows[0].group).toBe('in_force');
  });

  it('lists route segments with the Frontex detections of their route', () => {
    const routes = table(testInput(), 'routes');
    expect(routes.rows.map((r) => [r.key, r.cells.detections])).toEqual([
      ['cm-a', 6000],
      ['cm-b', null],
    ]);
  });

  it('lists the incidents in the window with their point for "show on map"', () => {
    const list = [
      incident('a', '2023-06-14', 3),
      incident('b', '2023-07-01', 600),
      incident('old', '2019-01-02', 9),
    ];
    const deaths = table(
      testInput({ layers: { ...DEFAULT_LAYERS, deaths: true }, incidents: incidentData(list) }),
      'deaths',
    );
    expect(deaths.rows.map((r) => [r.key, r.cells.deadMissing, r.cells.route, r.at])).toEqual([
      ['a', 3, 'Central Mediterranean', [21, 36]],
      ['b', 600, 'Central Mediterranean', [21, 36]],
    ]);
  });

  it('splits programme amounts by currency, never adding them', () => {
    const i = testInput({ layers: { ...DEFAULT_LAYERS, programmes: true } });
    i.data.catalog.programmes.push({
      ...i.data.catalog.programmes[0],
      id: 'p2',
      funder: 'GBR',
      amount: 5,
      currency: 'GBP',
    });
    const programmes = table(i, 'programmes');
    expect(programmes.columns.map((c) => c.key)).toEqual([
      'country',
      'count',
      'shared',
      'funder',
      'amount_EUR',
      'amount_GBP',
    ]);
    expect(programmes.rows[0].cells).toMatchObject({ amount_EUR: 1000000, amount_GBP: 5, count: 2 });
  });

  it('a programme shared by several countries is listed once and added to no country total', () => {
    const i = testInput({ layers: { ...DEFAULT_LAYERS, programmes: true } });
    const base = i.data.catalog.programmes[0];
    // The fixture has two countries with a capital on the map: Libya (p1's recipient) and Italy.
    i.data.catalog.programmes.push({
      ...base,
      id: 'shared',
      fund: 'Shared fund',
      amount: 200000000,
      recipients: ['LBY', 'ITA'],
    });
    const tb = table(i, 'programmes');
    // Libya keeps only its own allocation (p1); the shared €200m is counted for nobody.
    expect(tb.rows.find((r) => r.key === 'LBY')!.cells).toMatchObject({
      amount_EUR: 1000000,
      count: 2,
      shared: 1,
    });
    expect(tb.rows.find((r) => r.key === 'ITA')!.cells).toMatchObject({
      amount_EUR: null,
      count: 1,
      shared: 1,
    });
    expect(tb.notes).toHaveLength(1);
    expect(tb.notes![0]).toContain('Shared fund');
  });

  it("lists the reader's points in the window, apart from the curated tables", () => {
    // Rows 2 is dated to a month (a GPU point), rows 3 and 4 to a year only (MapLibre features).
    const proc = new Processor('mine.csv', 'csv', ['name', 'lat', 'lon', 'date'], {
      encoding: 'utf-8',
      delimiter: ',',
    });
    proc.add(['P2', '35', '12', '2023-05'], 2);
    proc.add(['P3', '35', '12', '2019'], 3);
    proc.add(['P4', '35', '12', '2023'], 4);
    const { built, analysis } = proc.finish();
    const b = built!;
    const sorted = sortPoints(b.points.lon, b.points.lat, b.points.t);
    const i = testInput({
      user: { file: 'mine.csv', points: b.points, sorted, features: b.features, rejected: analysis.rejected },
      window: [monthIndex('2023-01'), monthIndex('2023-12')],
    });
    const user = table(i, 'user');
    expect(user.rows.map((r) => r.cells.name)).toEqual(['P2', 'P4']);
    expect(user.rows[0].sel).toBeNull();
  });
});

describe('one model: legend, summary, table and export agree', () => {
  it('counts an agreement once in the legend, the summary, the table and the CSV', () => {
    const i = testInput();
    const e = entriesFor(i);
    const group = legendOf(e, i).find((g) => g.overlay === 'agreements')!;
    const counts = Object.fromEntries(
      group.items.filter((x) => x.count !== undefined).map((x) => [x.testid, x.count]),
    );
    expect(counts).toEqual({
      'legend-status-announced': 0,
      'legend-status-signed': 0,
      'legend-status-in_force': 1,
      'legend-status-suspended': 0,
      'legend-status-ended': 0,
    });
    expect(summaryOf(e, i)).toEqual(['summary.inForce{"n":1}']);
    expect(tablesOf(e, i).find((x) => x.id === 'agreements')!.rows).toHaveLength(1);
    expect(exportOf(e, i).filter((r) => r.row.layer === 'agreements')).toHaveLength(1);
    expect(group.list?.items.map((x) => x.select)).toEqual([{ kind: 'agreement', id: 'undated' }]);
  });

  it('before an agreement is signed it is nowhere: not on the map, the legend, the summary or the table', () => {
    const i = testInput({ window: [monthIndex('2016-01'), monthIndex('2016-12')] });
    const e = entriesFor(i);
    const ag = OVERLAYS.find((o) => o.id === 'agreements')!;
    const v = e.find((x) => x.o.id === 'agreements')!.view;
    expect(ag.mapData(v, i).data!.agreements.fc.features).toEqual([]);
    expect(summaryOf(e, i)).toEqual(['summary.inForce{"n":0}']);
    expect(tablesOf(e, i).find((x) => x.id === 'agreements')!.rows).toEqual([]);
  });

  it('draws no line across the map by default: a marker at the partner capital; connectors only when selected', () => {
    const ag = OVERLAYS.find((o) => o.id === 'agreements')!;
    const plain = testInput();
    const md0 = ag.mapData(ag.view(ag.prepare(plain), plain), plain);
    expect(md0.data!.agreements.fc.features).toEqual([]);
    expect(md0.data!['agreement-markers'].fc.features.map((f) => [f.properties!.id, f.geometry])).toEqual([
      ['mou', { type: 'Point', coordinates: [13.19, 32.89] }], // Tripoli, the partner's capital
    ]);
    expect(md0.filters!['agreements-parties']).toEqual(['in', ['get', 'iso3'], ['literal', ['ITA', 'LBY']]]);
    expect(md0.filters!['agreements-selected']).toEqual(['in', ['get', 'iso3'], ['literal', []]]);
    const i = testInput({ selection: { kind: 'agreement', id: 'mou' } });
    const md = ag.mapData(ag.view(ag.prepare(i), i), i);
    expect(md.filters!['agreements-selected']).toEqual(['in', ['get', 'iso3'], ['literal', ['ITA', 'LBY']]]);
    const links = md.data!.agreements.fc.features;
    expect(links).toHaveLength(1);
    expect(links[0].properties).toEqual({ id: 'mou', status: 'in_force' });
    // Pointing at an agreement draws its connectors too (and a keyboard focus in the table does).
    const h = testInput({ hover: { kind: 'agreement', id: 'mou' } });
    expect(ag.mapData(ag.view(ag.prepare(h), h), h).data!.agreements.fc.features).toHaveLength(1);
  });

  it('a multilateral process never draws a fan, even when selected', () => {
    const i = testInput({ selection: { kind: 'agreement', id: 'proc' } });
    i.data.catalog.agreements.push({
      ...i.data.catalog.agreements[0],
      id: 'proc',
      parties: ['EU', 'ITA', 'LBY', 'TUR', 'BIH'],
    });
    const ag = OVERLAYS.find((o) => o.id === 'agreements')!;
    const v = ag.view(ag.prepare(i), i);
    expect(ag.mapData(v, i).data!.agreements.fc.features).toEqual([]);
    expect(v.shown.map((s: { anchor: string; offset: [number, number] }) => [s.anchor, s.offset])).toEqual([
      ['LBY', [0, 0]],
      ['ITA', [0, 0]],
    ]);
  });

  it('agreements sharing a capital sit in a compact grid centred on it', () => {
    const i = testInput();
    const base = i.data.catalog.agreements[0];
    for (let k = 0; k < 5; k++) i.data.catalog.agreements.push({ ...base, id: `lby-${k}` });
    const ag = OVERLAYS.find((o) => o.id === 'agreements')!;
    const v = ag.view(ag.prepare(i), i);
    expect(v.shown.map((s: { offset: [number, number] }) => s.offset)).toEqual([
      [-1.5, -0.5],
      [-0.5, -0.5],
      [0.5, -0.5],
      [1.5, -0.5],
      [-1.5, 0.5],
      [-0.5, 0.5],
    ]);
  });

  it('tooltips name the feature with its value, period and source', () => {
    const i = testInput();
    const e = entriesFor(i);
    const lv = e.find((x) => x.o.id === 'landings')!;
    const tip = lv.o.tooltip!({ props: { key: 'sea_arrivals|place|lampedusa' }, sel: null }, lv.view, i)!;
    expect(tip.title).toBe('Lampedusa');
    expect(tip.lines[0]).toBe('≈1,200 · metric.sea_arrivals');
    expect(tip.lines[1]).toContain('table.note.partial');
    expect(tip.source).toBe('Ministry');
    const av = e.find((x) => x.o.id === 'agreements')!;
    expect(av.o.tooltip!({ props: { id: 'mou' }, sel: null }, av.view, i)!.title).toBe(
      'Italy–Libya memorandum',
    );
    const rv = e.find((x) => x.o.id === 'routes')!;
    expect(rv.o.tooltip!({ props: { id: 'cm-a' }, sel: null }, rv.view, i)!.source).toBe('Frontex');
  });

  it('exports one CSV row per thing on the map, in the chosen language, with formulas defused', () => {
    const i = testInput({ lang: 'it' });
    const recs = exportOf(entriesFor(i), i);
    expect(recs.map((r) => [r.row.layer, r.row.id, r.row.name])).toEqual([
      ['routes', 'cm-a', ''],
      ['routes', 'cm-b', ''],
      ['landings', 'sea_arrivals|country|ITA', 'Italia'],
      ['landings', 'sea_arrivals|place|lampedusa', 'Lampedusa'],
      ['agreements', 'mou', 'Memorandum Italia–Libia'],
    ]);
    expect(recs.every((r) => r.row.window_from === '2023-01' && r.row.window_to === '2023-12')).toBe(true);
    const gj = toGeoJson(recs);
    expect(gj.features.map((f) => f.geometry?.type)).toEqual([
      'LineString',
      'LineString',
      'Point',
      'Point',
      'Point',
    ]);
    const csv = toCsv([{ ...recs[0].row, name: '=HYPERLINK("x")' }]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves out overlays that are off', () => {
    const i = testInput({ layers: { ...none, landings: true } });
    expect([...new Set(exportOf(entriesFor(i), i).map((r) => r.row.layer))]).toEqual(['landings']);
    expect(legendOf(entriesFor(i), i).map((g) => g.overlay)).toEqual(['landings']);
  });

  it('the deaths legend counts the incidents the GPU layer draws, and says IOM is a lower bound', () => {
    const list = [
      incident('a', '2023-06-14', 3),
      incident('b', '2023-07-01', 600),
      incident('old', '2019-01-02', 9),
    ];
    const i = testInput({ layers: { ...none, deaths: true }, incidents: incidentData(list) });
    const g = legendOf(entriesFor(i), i)[0];
    expect(g.items[0].count).toBe(2);
    expect(g.notes?.map((n) => n.text)).toEqual([
      tKeys('deaths.inWindow', { incidents: '2', deadMissing: '603' }),
      'deaths.caveat',
      'deaths.size',
    ]);
    expect(g.notes?.[1].strong).toBe(true);
  });

  it('does not mutate the data it is given', () => {
    const i = testInput({ layers: allOn, selection: { kind: 'programme', id: 'country:LBY' } });
    const before = JSON.stringify(i.data);
    const e = entriesFor(i);
    legendOf(e, i);
    tablesOf(e, i);
    exportOf(e, i);
    for (const x of e) x.o.mapData(x.view, i);
    expect(JSON.stringify(i.data)).toBe(before);
  });
});
