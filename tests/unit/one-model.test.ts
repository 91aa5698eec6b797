/**
 * One model, every output: over 240 random windows of the real data (seeded), the numbers the
 * on-screen legend, the summary line, the table, the PNG/SVG legend and the SVG drawing give for
 * each overlay are the same numbers. (The review found 25 / 5 / 19 agreements for 2023.)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadAll } from '../../scripts/data/load';
import { buildOutputs } from '../../scripts/data/outputs';
import type { AppData, CatalogFile } from '../../src/lib/data/types';
import { entriesFor, legendOf, summaryOf, tablesOf, exportOf } from '../../src/lib/overlays/describe';
import { DEFAULT_LAYERS, OVERLAY_IDS } from '../../src/lib/overlays/registry';
import type { OverlayInput } from '../../src/lib/overlays/types';
import { THEMES } from '../../src/lib/map/theme';
import { TIME_DOMAIN } from '../../src/lib/state/app.svelte';
import { STATUS_ORDER } from '../../src/lib/filter/lifecycle';
import { i18n, t } from '../../src/lib/i18n/i18n.svelte';
import { buildFrame } from '../../src/lib/export/frame';
import { layoutPage } from '../../src/lib/export/layout';
import { buildSvg } from '../../src/lib/export/svg';
import { decodeCounts } from '../../src/lib/data/countsFile';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let data: AppData;
beforeAll(() => {
  const { catalog, incidents } = loadAll(root);
  const out = buildOutputs(catalog, incidents);
  data = {
    manifest: { version: 1, rows: {}, files: {} },
    catalog: out['catalog.json'] as CatalogFile,
    counts: decodeCounts(out['counts.json']),
    routes: out['routes.geojson'] as AppData['routes'],
  };
});

const empty = { type: 'FeatureCollection' as const, features: [] };
const layers = { ...DEFAULT_LAYERS, programmes: true };

function outputs(w: [number, number], lang: 'en' | 'it', theme: keyof typeof THEMES) {
  i18n.lang = lang;
  const input: OverlayInput = {
    data,
    window: w,
    theme: THEMES[theme],
    lang,
    t,
    metric: 'sea_arrivals',
    selection: null,
    hover: null,
    layers,
    incidents: null,
    user: null,
    focus: null,
    dataBase: './data/',
  };
  const entries = entriesFor(input);
  const legend = legendOf(entries, input);
  const frame = buildFrame({ lang, theme: THEMES[theme], window: w, legend, credits: [], url: 'x' });
  const page = layoutPage(frame, 1000, 700);
  const svg = buildSvg({
    page,
    theme: THEMES[theme],
    lang,
    view: { center: [15, 28], zoom: 2.2 },
    basemap: empty,
    countryLabels: empty,
    seaLabels: empty,
    overlays: (ctx) =>
      entries.filter((e) => e.visible).map((e) => ({ id: e.o.id, body: e.o.svg(e.view, input, ctx) })),
    title: 'x',
    description: 'x',
  });
  return {
    input,
    entries,
    legend,
    summary: summaryOf(entries, input),
    tables: tablesOf(entries, input),
    exports: exportOf(entries, input),
    page,
    svg,
  };
}

/** The markup of one overlay's group: from its `<g id>` to the next top-level map group. */
function groupOf(svg: string, id: string): string {
  const start = svg.indexOf(`<g id="${id}"`);
  if (start < 0) return '';
  const next = [...OVERLAY_IDS, 'labels']
    .map((x) => svg.indexOf(`<g id="${x}"`, start + 1))
    .filter((i) => i > start);
  return svg.slice(start, next.length ? Math.min(...next) : undefined);
}

const windowArb = fc
  .tuple(fc.integer({ min: TIME_DOMAIN[0], max: TIME_DOMAIN[1] }), fc.integer({ min: 0, max: 60 }))
  .map(([a, len]): [number, number] => [a, Math.min(TIME_DOMAIN[1], a + len)]);

describe('every output reads the one overlay model', () => {
  it('agreements: legend = summary = table = PNG/SVG legend = CSV, per status (240 seeded windows)', () => {
    fc.assert(
      fc.property(
        windowArb,
        fc.constantFrom('en' as const, 'it' as const),
        fc.constantFrom('light', 'dark', 'projector'),
        (w, lang, theme) => {
          const o = outputs(w, lang, theme as keyof typeof THEMES);
          const g = o.legend.find((x) => x.overlay === 'agreements')!;
          const legend = Object.fromEntries(
            STATUS_ORDER.map((s) => [s, g.items.find((i) => i.testid === `legend-status-${s}`)!.count!]),
          );
          const table = o.tables.find((x) => x.id === 'agreements')!;
          const byStatus = Object.fromEntries(
            STATUS_ORDER.map((s) => [s, table.rows.filter((r) => r.group === s).length]),
          );
          expect(byStatus).toEqual(legend);
          expect(table.rows.length).toBe(STATUS_ORDER.reduce((n, s) => n + legend[s], 0));
          // The summary line says the in-force number.
          expect(o.summary).toContain(t('summary.inForce', { n: legend.in_force }));
          // The PNG and SVG draw the same legend text, with the same counts.
          const texts = o.page.marks.filter((m) => m.t === 'text').map((m) => (m as { text: string }).text);
          for (const s of STATUS_ORDER) {
            const label = `${t(`agreement.status.${s}`)} (${new Intl.NumberFormat(lang).format(legend[s])})`;
            expect(texts).toContain(label);
            expect(o.svg).toContain(`>${label}</text>`);
          }
          // The CSV has one row per agreement in the table, with the same status.
          const csv = o.exports.filter((r) => r.row.layer === 'agreements');
          expect(csv.map((r) => r.row.status).sort()).toEqual(table.rows.map((r) => r.group).sort());
          // The SVG draws a marker for exactly the agreements the table says are drawn (in view).
          const markerIds = new Set([...o.svg.matchAll(/data-id="([^"]+)" data-status="/g)].map((m) => m[1]));
          const drawn = new Set(
            table.rows.filter((r) => r.cells.drawn !== t('agreement.drawn.none')).map((r) => r.key),
          );
          expect(markerIds).toEqual(drawn);
        },
      ),
      { seed: 20261202, numRuns: 240 },
    );
  });

  it('landings, programmes, routes: table rows = map features = CSV rows = SVG marks (240 seeded windows)', () => {
    fc.assert(
      fc.property(windowArb, (w) => {
        const o = outputs(w, 'en', 'light');
        const entry = (id: string) => o.entries.find((e) => e.o.id === id)!;
        const table = (id: string) => o.tables.find((x) => x.id === id)!;
        const csv = (id: string) => o.exports.filter((r) => r.row.layer === id);
        const svgGroup = (id: string) => groupOf(o.svg, id);

        const landings = entry('landings');
        const lfc = landings.o.mapData(landings.view, o.input).data!.landings.fc;
        expect(table('landings').rows.map((r) => r.key)).toEqual(lfc.features.map((f) => f.properties!.key));
        expect(csv('landings').map((r) => r.row.id)).toEqual(lfc.features.map((f) => f.properties!.key));
        expect((svgGroup('landings').match(/data-key="/g) ?? []).length).toBe(lfc.features.length);

        const progs = entry('programmes');
        const pfc = progs.o.mapData(progs.view, o.input).data!.programmes.fc;
        expect(table('programmes').rows.map((r) => r.key)).toEqual(
          pfc.features.map((f) => f.properties!.country),
        );
        const pg = o.legend.find((g) => g.overlay === 'programmes')!;
        expect(pg.items.reduce((n, i) => n + (i.count ?? 0), 0)).toBe(pfc.features.length);
        expect((svgGroup('programmes').match(/data-country="/g) ?? []).length).toBe(pfc.features.length);

        expect(table('routes').rows).toHaveLength(data.routes.features.length);
        expect(csv('routes')).toHaveLength(data.routes.features.length);
      }),
      { seed: 7, numRuns: 240 },
    );
  });

  it('for 2023 the legend, summary and table agree on the agreements (the review’s case)', () => {
    const o = outputs([2023 * 12, 2023 * 12 + 11], 'en', 'light');
    const g = o.legend.find((x) => x.overlay === 'agreements')!;
    const n = g.items.filter((i) => i.count !== undefined).reduce((a, i) => a + i.count!, 0);
    expect(o.tables.find((x) => x.id === 'agreements')!.rows).toHaveLength(n);
    const inForce = g.items.find((i) => i.testid === 'legend-status-in_force')!.count!;
    expect(o.summary).toContain(`${inForce} agreements in force`);
  });
});
