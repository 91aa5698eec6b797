import { describe, expect, it } from 'vitest';
import { toCsv, exportRows, toGeoJson, type ExportInput, type ExportRow } from './content';
import { buildSvg, escapeXml, mercatorScale } from './svg';
import { embedSrc, fullMapLink, snippet } from './embed';
import { datawrapperMessage, frameId, parsePym, pymMessage } from './height';
import { layoutPage } from './layout';
import { buildFrame, wrap } from './frame';
import { light } from '../map/theme';
import { DEFAULT_LAYERS } from '../state/app.svelte';
import type { CatalogFile } from '../data/types';

const row = (o: Partial<ExportRow>): ExportRow => ({
  layer: 'landings',
  id: 'x',
  name: 'X',
  lon: 1,
  lat: 2,
  metric: 'sea_arrivals',
  value: 3,
  qualifier: 'exact',
  complete: true,
  status: '',
  window_from: '2023-01',
  window_to: '2023-12',
  sources: 'a b',
  ...o,
});

const catalog = {
  version: 1,
  sources: [],
  places: [{ id: 'lampedusa', name_en: 'Lampedusa', name_it: 'Lampedusa', lat: 35.5, lon: 12.6 }],
  countries: { ITA: { name_en: 'Italy', name_it: 'Italia', capital: null } },
  families: [],
  segments: [
    { id: 'seg-1', family: 'central-med', name_en: 'A → B', name_it: 'A → B', mode: 'sea', sources: ['s1'] },
  ],
  programmes: [],
  agreements: [{ id: 'ag-1', title_en: 'MoU', title_it: 'Memorandum', sources: ['s2'] }],
} as unknown as CatalogFile;

const input: ExportInput = {
  lang: 'it',
  window: [2023 * 12, 2023 * 12 + 11],
  layers: { ...DEFAULT_LAYERS },
  catalog,
  routes: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'seg-1' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [12, 33],
            [12.6, 35.5],
          ],
        },
      },
    ],
  },
  landingMetric: 'sea_arrivals',
  landings: [
    {
      value: 1200,
      qualifier: 'approx',
      complete: false,
      covered: 10,
      point: {
        key: 'sea_arrivals|place|lampedusa',
        areaType: 'place',
        area: 'lampedusa',
        coords: [12.6, 35.5],
      },
    },
  ],
  arcs: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'ag-1', status: 'in_force' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [12, 41],
            [13, 32],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { id: 'ag-1', status: 'in_force' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [12, 41],
            [10, 36],
          ],
        },
      },
    ],
  },
  programmes: [],
};

describe('content: what is in the window', () => {
  it('lists one row per thing on the map, in the chosen language', () => {
    const rows = exportRows(input);
    expect(rows.map((r) => [r.layer, r.id, r.name])).toEqual([
      ['routes', 'seg-1', 'A → B'],
      ['landings', 'sea_arrivals|place|lampedusa', 'Lampedusa'],
      ['agreements', 'ag-1', 'Memorandum'],
    ]);
    expect(rows[1]).toMatchObject({
      value: 1200,
      qualifier: 'approx',
      complete: false,
      window_from: '2023-01',
    });
  });

  it('leaves out layers that are off', () => {
    const rows = exportRows({ ...input, layers: { ...DEFAULT_LAYERS, routes: false, agreements: false } });
    expect(rows.map((r) => r.layer)).toEqual(['landings']);
  });

  it('GeoJSON carries points, lines and one multi-line per agreement', () => {
    const gj = toGeoJson(input, exportRows(input));
    expect(gj.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'Point', 'MultiLineString']);
  });

  it('CSV quotes, escapes and defuses formulas', () => {
    const csv = toCsv([row({ name: 'Porto, "Empedocle"' }), row({ name: '=HYPERLINK("x")', id: '-1' })]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"Porto, ""Empedocle"""');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(`,'-1,`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('svg', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });

  it('matches MapLibre’s 512 px world at zoom 0', () => {
    expect(mercatorScale(0) * 2 * Math.PI).toBeCloseTo(512);
    expect(mercatorScale(3) / mercatorScale(2)).toBeCloseTo(2);
  });

  it('draws paths and text, never raw markup from data', () => {
    const frame = buildFrame({
      lang: 'en',
      theme: light,
      window: input.window,
      layers: input.layers,
      metric: 'sea_arrivals',
      landingMetric: 'sea_arrivals',
      families: [],
      circleRefs: [1000],
      radius: () => 10,
      credits: [{ attribution: '<b>Evil & Co</b>', licence: 'CC BY 4.0', url: null }],
      url: 'https://example.org/',
    });
    const page = layoutPage(frame, 600, 400);
    const svg = buildSvg({
      page,
      theme: light,
      view: { center: [13, 36], zoom: 4 },
      layers: input.layers,
      basemap: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { k: 'country' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [10, 30],
                  [15, 30],
                  [15, 40],
                  [10, 40],
                  [10, 30],
                ],
              ],
            },
          },
        ],
      },
      routes: input.routes as never,
      arcs: input.arcs as never,
      landings: input.landings,
      radius: () => 10,
      title: 'T <x>',
      description: 'D',
    });
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('<circle');
    expect(svg).toContain('>Sources: ');
  });
});

describe('page layout', () => {
  it('keeps every mark inside the page and grows with the legend', () => {
    const base = {
      lang: 'en' as const,
      theme: light,
      window: input.window,
      metric: 'sea_arrivals' as const,
      landingMetric: 'sea_arrivals' as const,
      families: [],
      circleRefs: [100, 1000, 10000],
      radius: (v: number) => Math.sqrt(v) / 5,
      credits: [],
      url: 'u',
    };
    const small = layoutPage(
      buildFrame({ ...base, layers: { ...DEFAULT_LAYERS, landings: false, agreements: false } }),
      500,
      300,
    );
    const big = layoutPage(buildFrame({ ...base, layers: DEFAULT_LAYERS }), 500, 300);
    expect(big.height).toBeGreaterThan(small.height);
    for (const m of big.marks) {
      const [x, y] = m.t === 'text' ? [m.x, m.y] : m.t === 'line' ? [m.x2, m.y2] : [m.cx + m.r, m.cy + m.r];
      expect(x).toBeLessThanOrEqual(big.width);
      expect(y).toBeLessThanOrEqual(big.height);
    }
  });

  it('wraps words to the width', () => {
    expect(wrap('aa bb cc dd', 5, (s) => s.length)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('', 5, (s) => s.length)).toEqual([]);
  });
});

describe('embed', () => {
  it('builds an escaped snippet with the child id in the src', () => {
    const src = embedSrc('https://ex.org/c/?v=1&embed&from=2023-01', 'crossings-1');
    expect(src).toBe('https://ex.org/c/?v=1&embed&from=2023-01&childId=crossings-1');
    const code = snippet({
      src,
      id: 'crossings-1',
      script: 'https://ex.org/c/embed.js',
      title: 'A "map" <b>',
      height: 600,
    });
    expect(code).toContain('src="https://ex.org/c/?v=1&amp;embed&amp;from=2023-01&amp;childId=crossings-1"');
    expect(code).toContain('title="A &quot;map&quot; &lt;b&gt;"');
    expect(code).toContain('<script src="https://ex.org/c/embed.js" async></script>');
  });

  it('the full-map link drops embed flags and host parameters, keeps the rest', () => {
    const u = new URL(
      fullMapLink(
        'https://ex.org/c/?v=1&embed&static&plain&from=2023-01&childId=x&initialWidth=600&utm_source=a',
      ),
    );
    expect([...u.searchParams.keys()]).toEqual(['v', 'from', 'utm_source']);
  });

  it('speaks Datawrapper and Pym.js height messages', () => {
    expect(datawrapperMessage('c1', 640)).toEqual({ 'datawrapper-height': { c1: 640 } });
    expect(pymMessage('c1', 'height', '640')).toBe('pymxPYMxc1xPYMxheightxPYMx640');
    expect(parsePym('pymxPYMxc1xPYMxwidthxPYMx800')).toEqual({ id: 'c1', type: 'width', message: '800' });
    expect(parsePym('hello')).toBeNull();
    expect(parsePym({})).toBeNull();
    expect(frameId('?childId=abc')).toBe('abc');
    expect(frameId('?v=1')).toBe('crossings');
  });
});

describe('selection from a link', () => {
  it('is checked against the catalogue', async () => {
    const { selectionExists } = await import('../state/urlState');
    expect(selectionExists(catalog, { kind: 'place', id: 'lampedusa' })).toBe(true);
    expect(selectionExists(catalog, { kind: 'place', id: 'atlantis' })).toBe(false);
    expect(selectionExists(catalog, { kind: 'country', id: 'ITA' })).toBe(true);
    expect(selectionExists(catalog, { kind: 'agreement', id: 'ag-1' })).toBe(true);
    expect(selectionExists(catalog, { kind: 'segment', id: 'nope' })).toBe(false);
  });
});
