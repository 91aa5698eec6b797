import { describe, expect, it } from 'vitest';
import { toCsv, type ExportRow } from './content';
import { buildSvg, escapeXml, mercatorScale } from './svg';
import { embedSrc, fallbackFile, fullMapLink, isDefaultView, snippet } from './embed';
import { datawrapperMessage, frameId, parsePym, pymMessage } from './height';
import { layoutPage } from './layout';
import { makeProjection } from './svgMap';
import { buildFrame, wrap } from './frame';
import { light } from '../map/theme';
import { entriesFor, legendOf } from '../overlays/describe';
import { testInput } from '../overlays/testInput.test-helper';
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
  places: [{ id: 'lampedusa', name: 'Lampedusa', lat: 35.5, lon: 12.6 }],
  countries: { ITA: { name: 'Italy', capital: null } },
  families: [],
  segments: [{ id: 'seg-1', family: 'central-med', name: 'A → B', mode: 'sea', sources: ['s1'] }],
  programmes: [],
  agreements: [{ id: 'ag-1', title_en: 'MoU', title_it: 'Memorandum', sources: ['s2'] }],
} as unknown as CatalogFile;

describe('content: CSV', () => {
  it('CSV quotes, escapes and defuses formulas', () => {
    const csv = toCsv([row({ name: 'Porto, "Empedocle"' }), row({ name: '=HYPERLINK("x")', id: '-1' })]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'layer,id,name,lon,lat,metric,value,qualifier,complete,status,window_from,window_to,sources',
    );
    expect(lines[1]).toContain('"Porto, ""Empedocle"""');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(`,'-1,`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

const square = {
  type: 'Feature' as const,
  properties: { k: 'country', iso3: 'ITA' },
  geometry: {
    type: 'Polygon' as const,
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
};

function frameFor(over: Parameters<typeof testInput>[0] = {}) {
  const input = testInput(over);
  const entries = entriesFor(input);
  return {
    input,
    entries,
    frame: buildFrame({
      lang: 'en',
      theme: light,
      window: input.window,
      legend: legendOf(entries, input),
      credits: [{ attribution: '<b>Evil & Co</b>', licence: 'CC BY 4.0', url: null }],
      url: 'https://example.org/',
    }),
  };
}

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

  it('draws the basemap, one group per visible overlay and the legend, never raw markup from data', () => {
    const { input, entries, frame } = frameFor();
    const page = layoutPage(frame, 600, 400);
    const svg = buildSvg({
      page,
      theme: light,
      lang: 'en',
      view: { center: [13, 36], zoom: 4 },
      basemap: { type: 'FeatureCollection', features: [square] },
      countryLabels: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name_en: '<i>Italy</i>', rank: 1 },
            geometry: { type: 'Point', coordinates: [12.5, 38] },
          },
        ],
      },
      seaLabels: { type: 'FeatureCollection', features: [] },
      overlays: (ctx) =>
        entries.filter((e) => e.visible).map((e) => ({ id: e.o.id, body: e.o.svg(e.view, input, ctx) })),
      title: 'T <x>',
      description: 'D',
    });
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    // The country is drawn as itself, not as the frame minus itself (d3-geo winding).
    const land = svg.match(/<g id="land">(.*?)<\/g>/)![1];
    expect(land).not.toMatch(/M0,0L600,0/);
    for (const id of ['routes', 'landings', 'agreements']) expect(svg).toContain(`<g id="${id}"`);
    expect(svg).not.toContain('<g id="programmes"');
    expect(svg).toContain('<circle');
    expect(svg).toContain('>Sources: ');
    expect(svg).toContain('agreement.status.in_force (1)');
    // Routes carry arrows; labels are text, above the overlays.
    expect(svg).toMatch(/class="arrow"/);
    expect(svg.indexOf('<g id="labels"')).toBeGreaterThan(svg.indexOf('<g id="landings"'));
  });
});

describe('page layout', () => {
  it('keeps every mark inside the page and grows with the legend', () => {
    const small = layoutPage(
      frameFor({
        layers: { routes: true, landings: false, agreements: false, programmes: false, deaths: false },
      }).frame,
      500,
      300,
    );
    const big = layoutPage(frameFor().frame, 500, 300);
    expect(big.height).toBeGreaterThan(small.height);
    for (const m of big.marks) {
      const [x, y] =
        m.t === 'text'
          ? [m.x, m.y]
          : m.t === 'line'
            ? [m.x2, m.y2]
            : m.t === 'rect'
              ? [m.x + m.w, m.y + m.h]
              : m.t === 'poly'
                ? [Math.max(...m.points.map((p) => p[0])), Math.max(...m.points.map((p) => p[1]))]
                : [m.cx + m.r, m.cy + m.r];
      expect(x).toBeLessThanOrEqual(big.width);
      expect(y).toBeLessThanOrEqual(big.height);
    }
  });

  it('draws every swatch kind of the legend (line, dash, circle, fill, diamond)', () => {
    const page = layoutPage(frameFor().frame, 800, 300);
    const kinds = new Set(page.marks.map((m) => (m.t === 'line' && m.dash ? 'dash' : m.t)));
    expect([...kinds].sort()).toEqual(['circle', 'dash', 'line', 'poly', 'rect', 'text']);
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

  it("the no-JS fallback: a link with the headline and sources, and the build's picture for the default view", () => {
    const base = {
      src: 'https://ex.org/c/?v=1&embed',
      id: 'c1',
      script: 'https://ex.org/c/embed.js',
      title: 'T',
      height: 600,
    };
    const fallback = { href: 'https://ex.org/c/?v=1', text: 'Headline <i>: Open', sources: 'Sources: A & B' };
    const text = snippet({ ...base, fallback });
    expect(text).toContain(
      '<noscript><p><a href="https://ex.org/c/?v=1">Headline &lt;i&gt;: Open</a><br>Sources: A &amp; B</p></noscript>',
    );
    expect(text).not.toContain('<img');
    const image = { src: 'https://ex.org/c/fallback-it.png', width: 640, height: 720, alt: 'Arrivi "2023"' };
    const pic = snippet({ ...base, fallback: { ...fallback, image } });
    expect(pic).toContain(
      '<noscript><p><a href="https://ex.org/c/?v=1"><img src="https://ex.org/c/fallback-it.png" width="640" height="720" alt="Arrivi &quot;2023&quot;" style="max-width:100%;height:auto"></a><br>',
    );
    expect(fallbackFile('ar')).toBe('fallback-ar.png');

    const d = { window: [10, 21] as const, metric: 'sea_arrivals', layers: { routes: true, deaths: false } };
    const v = { ...d, selection: null, customText: false };
    expect(isDefaultView(v, d)).toBe(true);
    // Any difference in what is drawn or said makes the picture wrong for the view.
    expect(isDefaultView({ ...v, window: [10, 20] }, d)).toBe(false);
    expect(isDefaultView({ ...v, metric: 'dead_missing' }, d)).toBe(false);
    expect(isDefaultView({ ...v, layers: { routes: true, deaths: true } }, d)).toBe(false);
    expect(isDefaultView({ ...v, layers: { routes: true } }, d)).toBe(true);
    expect(isDefaultView({ ...v, selection: { kind: 'place', id: 'x' } }, d)).toBe(false);
    expect(isDefaultView({ ...v, customText: true }, d)).toBe(false);
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

describe('svg labels', () => {
  it('circle labels win over place names, as on the map (crossings:top), in one collision index', () => {
    const { input, entries, frame } = frameFor();
    const page = layoutPage(frame, 600, 400);
    const italy = (name: string) => ({
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { name_en: name, rank: 1 },
          // Exactly where the national total of Italy is drawn (COUNTRY_ANCHORS.ITA).
          geometry: { type: 'Point' as const, coordinates: [14.6, 37.6] },
        },
      ],
    });
    const svgWith = (labels: ReturnType<typeof italy>) =>
      buildSvg({
        page,
        theme: light,
        lang: 'en',
        view: { center: [13, 36], zoom: 4 },
        basemap: { type: 'FeatureCollection', features: [square] },
        countryLabels: labels,
        seaLabels: { type: 'FeatureCollection', features: [] },
        overlays: (ctx) =>
          entries.filter((e) => e.visible).map((e) => ({ id: e.o.id, body: e.o.svg(e.view, input, ctx) })),
        title: 'T',
        description: 'D',
      });
    // With no place name there, Italy's circle carries its name and figure beside it (two lines).
    const free = svgWith({ type: 'FeatureCollection', features: [] } as never);
    const label =
      /<text [^>]*data-for="sea_arrivals\|country\|ITA"[^>]*><tspan x="([\d.]+)" y="([\d.]+)">Italy · landings\.allPorts<\/tspan><tspan [^>]*>120,066<\/tspan><\/text>/.exec(
        free,
      );
    expect(label).not.toBeNull();
    // A place name exactly where that label sits: the label keeps its place, the name is dropped.
    const { projection } = makeProjection({ center: [13, 36], zoom: 4 }, page.map.width, page.map.height);
    const where = projection.invert!([Number(label![1]), Number(label![2])])!;
    const covered = svgWith({
      type: 'FeatureCollection',
      features: [{ ...italy('Sicily').features[0], geometry: { type: 'Point', coordinates: where } }],
    } as never);
    expect(covered).toContain(label![0]);
    expect(covered).not.toContain('>SICILY<');
    // Away from every label, the place name is drawn.
    expect(svgWith(italy('Sicily'))).toContain('>SICILY<');
  });
});
