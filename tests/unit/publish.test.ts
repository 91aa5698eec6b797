/**
 * Publication outputs on the real data: the generated headline, the source line (publishers of what
 * the overlays draw, never licences, in the UI language), the preset page layout (exact size, the
 * headline and byline in the layout model and the SVG) and the PNG pHYs chunk.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAll } from '../../scripts/data/load';
import { buildOutputs } from '../../scripts/data/outputs';
import type { AppData, CatalogFile } from '../../src/lib/data/types';
import { creditsOf, entriesFor, legendOf } from '../../src/lib/overlays/describe';
import { DEFAULT_LAYERS } from '../../src/lib/overlays/registry';
import type { OverlayInput } from '../../src/lib/overlays/types';
import { THEMES } from '../../src/lib/map/theme';
import { i18n, t, tDynamic } from '../../src/lib/i18n/i18n.svelte';
import { buildFrame } from '../../src/lib/export/frame';
import { layoutForSize, mapBox, presetPage, type Page } from '../../src/lib/export/layout';
import { buildSvg } from '../../src/lib/export/svg';
import { defaultTitle, periodShort, publishedText } from '../../src/lib/export/headline';
import { bareName, MAX_OTHERS, SHORT_SOURCE_IDS, sourceLine } from '../../src/lib/export/sourceLine';
import { outputSize, PRESETS, customPreset, minScale, type SizePreset } from '../../src/lib/export/presets';
import { crc32, dpiOf, readChunks, withDpi } from '../../src/lib/export/phys';
import { fittedView } from '../../src/lib/export/mapAt';
import { fallbackSvg } from '../../src/lib/export/fallback';
import { DATA_PROVIDERS } from '../../src/lib/ui/credits';
import { monthIndex } from '../../src/lib/data/time';
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

const Y2023: [number, number] = [monthIndex('2023-01'), monthIndex('2023-12')];
function input(lang: 'en' | 'it' | 'fr' | 'ar', layers = DEFAULT_LAYERS, w = Y2023): OverlayInput {
  i18n.lang = lang;
  return {
    data,
    window: w,
    theme: THEMES.light,
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
}
const line = (inp: OverlayInput) =>
  sourceLine(creditsOf(entriesFor(inp), inp), data.catalog.sources, tDynamic);
/** Words that belong to licences, not to a source line. */
const LICENCE =
  /\b(CC[ -]BY|licen[cs]e|licenza|public domain|pubblico dominio|deemed|CAD art|permission|ODbL)\b/i;

describe('headline', () => {
  it('is generated from the metric and the period, in the UI language', () => {
    i18n.lang = 'en';
    expect(defaultTitle('sea_arrivals', Y2023, 'en')).toMatch(/^Sea arrivals in Italy, Jan\s?–\s?Dec 2023$/);
    i18n.lang = 'it';
    expect(defaultTitle('sea_arrivals', Y2023, 'it')).toMatch(
      /^Arrivi via mare in Italia, gen\s?–\s?dic 2023$/,
    );
    expect(periodShort([monthIndex('2022-03'), monthIndex('2023-06')], 'en')).toMatch(
      /^Mar 2022\s–\sJun 2023$/,
    );
    expect(periodShort([monthIndex('2023-03'), monthIndex('2023-03')], 'en')).toBe('March 2023');
  });

  it("the reader's text wins, cleaned and cut at its limit; empty fields keep the defaults", () => {
    i18n.lang = 'en';
    const p = publishedText(
      { title: ' My\u0000 headline ', desc: '', note: 'n'.repeat(400), byline: '' },
      { metric: 'sea_arrivals', window: Y2023, lang: 'en', summary: 'the summary' },
    );
    expect(p.title).toBe('My headline');
    expect(p.desc).toBe('the summary');
    expect([...p.note].length).toBe(280);
    expect(p.custom).toEqual({ title: true, desc: false, note: true, byline: false });
  });
});

describe('source line', () => {
  it('names the publishers of the data drawn, not licences (English)', () => {
    const s = line(input('en'));
    expect(s.startsWith('Sources: ')).toBe(true);
    expect(s).toContain('Italian Ministry of the Interior');
    expect(s).toContain('Frontex');
    expect(s).toContain('map: Natural Earth');
    expect(s).not.toMatch(LICENCE);
    expect(s).not.toMatch(/stklem|jessefrederik|giocopp|ReliefWeb/);
  });

  it('is in Italian for an Italian view', () => {
    const s = line(input('it'));
    expect(s.startsWith('Fonti: ')).toBe(true);
    expect(s).toContain("Ministero dell'Interno");
    expect(s).toContain('mappa: Natural Earth');
    expect(s).not.toContain('Italian Ministry');
    expect(s).not.toMatch(LICENCE);
  });

  it('follows what is drawn: the IOM appears with the dead and missing, Frontex goes with the routes', () => {
    const only = (ids: Partial<typeof DEFAULT_LAYERS>) =>
      line(
        input('en', {
          routes: false,
          landings: false,
          programmes: false,
          agreements: false,
          deaths: false,
          user: false,
          ...ids,
        } as typeof DEFAULT_LAYERS),
      );
    expect(only({ deaths: true })).toContain('IOM Missing Migrants Project');
    expect(only({ landings: true })).not.toContain('Frontex');
    expect(only({ routes: true })).toContain('Frontex');
    expect(only({})).toBe('Sources: map: Natural Earth');
  });

  it("folds the ministry's two names into one publisher, with the transcriber's credit", () => {
    for (const lang of ['en', 'it', 'fr', 'ar'] as const) {
      const s = line(input(lang));
      const ministry = tDynamic('source.short.viminale-cruscotto');
      const via = tDynamic('source.short.ondata-sbarchi');
      // 2023 draws figures of both sources; the line names the ministry once, "(via ondata)".
      expect(s.split(ministry).length - 1, lang).toBe(1);
      expect(s, lang).toContain(via);
    }
    const drawn = { data: ['viminale-cruscotto', 'frontex-ibc', 'viminale-cruscotto'], documents: [] };
    i18n.lang = 'en';
    expect(sourceLine(drawn, data.catalog.sources, tDynamic)).toBe(
      'Sources: Italian Ministry of the Interior; Frontex; map: Natural Earth',
    );
    // UNHCR's dashboards on ReliefWeb are UNHCR, named as the provider in the UI language.
    i18n.lang = 'fr';
    const unhcr = (ids: string[]) => sourceLine({ data: ids, documents: [] }, data.catalog.sources, tDynamic);
    expect(unhcr(['unhcr-med-monthly', 'unhcr-italy-dashboard-2017-12'])).toBe(
      'Sources : HCR; carte : Natural Earth',
    );
    expect(unhcr(['unhcr-italy-dashboard-2017-12'])).toBe('Sources : HCR; carte : Natural Earth');
  });

  it('stays short for a long period: providers named, single reports counted, in the UI language', () => {
    const all: [number, number] = [monthIndex('2014-01'), monthIndex('2025-12')];
    const layers = { ...DEFAULT_LAYERS, deaths: true };
    const en = line(input('en', layers, all));
    // Every data provider drawn is named; the press and one-off reports behind single figures are
    // counted, not listed (each figure's source stays in the table, the CSV and the details).
    expect(en).toMatch(/^Sources: Frontex; .*IOM Missing Migrants Project; \d+ other sources; /);
    expect(en).toContain('Italian Ministry of the Interior (via ondata)');
    expect(en).not.toMatch(/il Giornale|ANSA|Times of Malta/);
    expect(en.length).toBeLessThan(240);
    const n = Number(/(\d+) other sources/.exec(en)![1]);
    expect(n).toBeGreaterThan(MAX_OTHERS);
    expect(line(input('it', layers, all))).toContain(`altre ${n} fonti`);
    expect(line(input('fr', layers, all))).toMatch(new RegExp(`^Sources : .*; ${n} autres sources; `));
    expect(line(input('ar', layers, all))).toMatch(new RegExp(`^المصادر: .*مصادر أخرى \\(${n}\\)`));
    // A year with few reports names them.
    const few = { data: ['frontex-ibc', 'ansa-viminale-sbarchi-2025'], documents: [] };
    i18n.lang = 'en';
    expect(sourceLine(few, data.catalog.sources, tDynamic)).toBe(
      'Sources: Frontex; ANSA; map: Natural Earth',
    );
  });

  it('every short name names a source in data/sources.csv, and every data provider has one', () => {
    const ids = readFileSync(join(root, 'data/sources.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    for (const id of SHORT_SOURCE_IDS) expect(ids, id).toContain(id);
    for (const id of DATA_PROVIDERS.filter((x) => x !== 'geonames'))
      expect(SHORT_SOURCE_IDS as readonly string[], id).toContain(id);
    expect(bareName('UNHCR (via ReliefWeb)')).toBe('UNHCR');
  });
});

function pageFor(
  lang: 'en' | 'it',
  w: number,
  h: number,
  text = { title: 'Headline <b>typed</b>', desc: 'D', note: 'A note', byline: 'Data desk' },
) {
  const inp = input(lang);
  const entries = entriesFor(inp);
  const frame = buildFrame({
    lang,
    theme: THEMES.light,
    window: inp.window,
    legend: legendOf(entries, inp),
    credits: [{ attribution: 'Made with Natural Earth', licence: 'Public domain', url: null }],
    url: 'https://example.org/',
    text,
    sources: line(inp),
  });
  return { frame, page: layoutForSize(frame, w, h), inp, entries };
}
const texts = (p: Page) => p.marks.flatMap((m) => (m.t === 'text' ? [m.text] : [])).join('\n');

describe('preset pages', () => {
  it.each(Object.values(PRESETS).concat([customPreset(777, 555)]))(
    '$id: exactly its size, map inside',
    (p) => {
      const { page } = pageFor('en', p.width, p.height);
      expect([page.width, page.height]).toEqual([p.width, p.height]);
      expect(page.map.height).toBeGreaterThan(p.height * 0.25);
      for (const m of page.marks) if (m.t === 'text') expect(m.y).toBeLessThanOrEqual(p.height);
    },
  );

  it('output sizes: article 640 wide, full 1200 × 675, square 1080 × 1080, print 2400 wide at 300 dpi', () => {
    expect(outputSize(PRESETS.article).width).toBe(640);
    expect(outputSize(PRESETS.full)).toEqual({ width: 1200, height: 675 });
    expect(outputSize(PRESETS.square)).toEqual({ width: 1080, height: 1080 });
    expect(outputSize(PRESETS.print).width).toBe(2400);
    expect(PRESETS.print.dpi).toBe(300);
  });

  it("the map's own labels are sized for the output: the map box is drawn at the page's text scale", () => {
    const { frame } = pageFor('en', 640, 720);
    const at = (p: SizePreset) => {
      const page = presetPage(frame, p);
      return { page, box: mapBox(page) };
    };
    // The article column is the app's own size: the map is drawn 1:1.
    const article = at(PRESETS.article);
    expect(article.box).toEqual({ width: 640, height: article.page.map.height, scale: 1 });
    for (const id of ['full', 'square', 'print'] as const) {
      const { page, box } = at(PRESETS[id]);
      expect(box.scale, id).toBe(page.scale);
      expect(box.width * box.scale).toBeCloseTo(page.map.width, 6);
      expect(box.height * box.scale).toBeCloseTo(page.map.height, 6);
      // The page's legend text is at the same scale (12 px at 1×).
      const legendText = page.marks.find((m) => m.t === 'text' && m.group && !m.bold);
      expect(legendText?.t === 'text' && legendText.size, id).toBeCloseTo(12 * box.scale, 6);
    }
    // A square page is read smaller than the app: its type and labels grow.
    expect(at(PRESETS.square).box.scale).toBeGreaterThan(1.3);
    // Print, 2400 px at 300 dpi: the smallest text (10 CSS px at 1×) is at least 7 pt.
    const print = at(PRESETS.print);
    expect(minScale(PRESETS.print)).toBeCloseTo(((7 / 72) * 300) / (10 * 2), 6);
    expect(print.box.scale).toBeGreaterThanOrEqual(minScale(PRESETS.print));
    expect(((10 * print.box.scale * PRESETS.print.density) / PRESETS.print.dpi) * 72).toBeGreaterThanOrEqual(
      7 - 1e-9,
    );
    for (const m of print.page.marks)
      if (m.t === 'text') expect((m.size * 2 * 72) / 300, m.text).toBeGreaterThanOrEqual(7 - 1e-9);
    // On screen (96 dpi) nothing forces a minimum.
    expect(minScale(PRESETS.full)).toBe(1);
    // The legend's circles keep the map's size (area ∝ value on both).
    const circles = (p: Page) => p.marks.flatMap((m) => (m.t === 'circle' ? [m.r] : []));
    const sq = at(PRESETS.square);
    expect(circles(article.page).length).toBeGreaterThan(0);
    expect(circles(sq.page).map((r) => r / sq.box.scale)).toEqual(
      circles(article.page).map((r) => expect.closeTo(r, 6)),
    );
  });

  it('the SVG draws the map at the same scale and says the view of the page box (georeferencing)', () => {
    const { frame } = pageFor('en', 1200, 675);
    const page = presetPage(frame, PRESETS.square);
    const k = mapBox(page).scale;
    expect(k).toBeGreaterThan(1);
    const svg = buildSvg({
      page,
      theme: THEMES.light,
      lang: 'en',
      view: { center: [15, 36], zoom: 3 },
      basemap: { type: 'FeatureCollection', features: [] },
      countryLabels: { type: 'FeatureCollection', features: [] },
      seaLabels: { type: 'FeatureCollection', features: [] },
      overlays: () => [],
      title: 't',
      description: 'd',
    });
    expect(svg).toContain(`<g id="map-drawing" transform="scale(${k})">`);
    expect(svg).toContain(`data-zoom="${(3 + Math.log2(k)).toFixed(4)}"`);
    expect(svg).toContain(
      `<clipPath id="crossings-map-clip"><rect width="1080" height="${page.map.height}"/>`,
    );
  });

  it('the headline, notes, byline and source line are in the layout model and the SVG, as text', () => {
    const { page, frame, inp, entries } = pageFor('en', 1200, 675);
    const all = texts(page);
    expect(all).toContain('Headline <b>typed</b>');
    expect(all).toContain('Note: A note');
    expect(all).toContain('Graphic: Data desk');
    expect(all).toContain('Sources: ');
    expect(all).not.toMatch(LICENCE);
    const svg = buildSvg({
      page,
      theme: THEMES.light,
      lang: 'en',
      view: { center: [15, 36], zoom: 3 },
      basemap: { type: 'FeatureCollection', features: [] },
      countryLabels: { type: 'FeatureCollection', features: [] },
      seaLabels: { type: 'FeatureCollection', features: [] },
      overlays: (ctx) =>
        entries.filter((e) => e.visible).map((e) => ({ id: e.o.id, body: e.o.svg(e.view, inp, ctx) })),
      title: frame.title,
      description: frame.sources,
      output: { width: 2400, height: 1350 },
      licences: frame.licences,
    });
    expect(svg).toContain('>Headline &lt;b&gt;typed&lt;/b&gt;</text>');
    expect(svg).not.toContain('<b>typed');
    expect(svg).toMatch(/<svg [^>]*width="2400" height="1350" viewBox="0 0 1200 675"/);
    // The licences are kept, out of sight, in the metadata.
    expect(svg).toMatch(
      /<metadata[^>]*><dc:rights>Made with Natural Earth — Public domain<\/dc:rights><\/metadata>/,
    );
  });

  it('a short page leaves out the legend notes before squeezing the map', () => {
    const tall = pageFor('en', 640, 1200).page;
    const short = pageFor('en', 640, 480).page;
    const notes = (p: Page) => texts(p).includes('Circle area');
    expect(notes(tall)).toBe(true);
    expect(notes(short)).toBe(false);
    expect(short.height).toBe(480);
  });
});

describe('fitted view', () => {
  it('keeps the centre and zooms so the whole current view fits the new box', () => {
    const v = { center: [15, 36] as [number, number], zoom: 4 };
    expect(fittedView(v, { width: 600, height: 400 }, { width: 1200, height: 800 }).zoom).toBeCloseTo(5);
    expect(fittedView(v, { width: 1200, height: 400 }, { width: 600, height: 600 }).zoom).toBeCloseTo(3);
    expect(fittedView(v, { width: 800, height: 800 }, { width: 1600, height: 400 }).zoom).toBeCloseTo(3);
    const c = fittedView(v, { width: 800, height: 800 }, { width: 1600, height: 400 }).center;
    expect(c[0]).toBeCloseTo(15, 6);
    expect(c[1]).toBeCloseTo(36, 6);
  });

  it('slides the centre to keep the box on the basemap (lng −45…75) instead of showing its edge', () => {
    const f = fittedView(
      { center: [60, 36], zoom: 4 },
      { width: 600, height: 400 },
      { width: 1200, height: 400 },
    );
    const half = (600 / (512 * 2 ** f.zoom)) * 360;
    expect(f.center[0] + half).toBeCloseTo(75, 6);
    expect(f.zoom).toBeCloseTo(4);
  });
});

describe('PNG pHYs', () => {
  // A 1×1 PNG as Chromium's encoder writes it (IHDR, IDAT, IEND; no pHYs).
  const png = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('writes 300 dpi right after IHDR with a valid CRC, and reads it back', () => {
    expect(dpiOf(png)).toBeNull();
    const out = withDpi(png, 300);
    const chunks = readChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(dpiOf(out)).toBe(300);
    // Every chunk's CRC is over its type and data.
    const view = new DataView(out.buffer);
    for (let at = 8; at < out.length;) {
      const len = view.getUint32(at);
      expect(view.getUint32(at + 8 + len)).toBe(crc32(out.subarray(at + 4, at + 8 + len)));
      at += 12 + len;
    }
    expect(dpiOf(withDpi(out, 96))).toBe(96);
    expect(readChunks(withDpi(out, 96)).filter((c) => c.type === 'pHYs')).toHaveLength(1);
  });
  it('refuses a file that is not a PNG', () => {
    expect(() => withDpi(new Uint8Array([1, 2, 3]), 300)).toThrow(/not a PNG/);
  });
});

describe('no-JS fallback picture (the build draws it with the SVG exporter)', () => {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  it.each([
    ['en', /^Sea arrivals in Italy, Jan\s?–\s?Dec 2023$/, /\. Sources: Frontex; Italian Ministry/],
    ['it', /^Arrivi via mare in Italia, gen\s?–\s?dic 2023$/, /\. Fonti: Frontex; Ministero dell'Interno/],
  ] as const)(
    '%s: the default view at the article size, headline and source line as text',
    (lang, title, src) => {
      const out = fallbackSvg({
        data,
        basemap: empty,
        countryLabels: empty,
        seaLabels: empty,
        lang,
        url: '',
      });
      expect([out.width, out.height]).toEqual([640, 720]);
      expect(out.svg).toMatch(/<svg [^>]*width="640" height="720"/);
      const frame = [...out.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(frame.some((s) => title.test(s))).toBe(true);
      expect(out.alt).toMatch(title.source.slice(1, 12));
      expect(out.alt).toMatch(src);
      expect(frame.join(' ')).not.toMatch(LICENCE);
      // The overlays of the default view are drawn: routes with arrows, arrival circles, agreements.
      for (const id of ['routes', 'landings', 'agreements']) expect(out.svg).toContain(`<g id="${id}"`);
      expect(out.svg).toContain('class="arrow"');
      // "Made with Crossings" without an address the build does not know.
      expect(frame.some((s) => /Crossings$/.test(s))).toBe(true);
    },
  );
});
