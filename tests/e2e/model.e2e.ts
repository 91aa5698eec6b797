/**
 * One overlay model, seen from the browser: a theme round trip keeps every overlay drawn, filtered
 * and in registry z-order; the legend, the summary line and the table count the same agreements; the
 * SVG export of a view opens in Chromium with land, sea, overlays, labels and legend where they
 * should be; and after a WebGL context loss and restore every overlay draws again without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OVERLAY_IDS } from '../../src/lib/overlays/registry';
import { launch, mapPixels, openApp, repaintIdle } from './browser';

const m = (y: number, mo = 1) => y * 12 + mo - 1;

/** Our layer ids, bottom to top, as the registry orders the overlays. */
const OVERLAY_LAYERS = [
  'agreements-parties',
  'agreements-selected',
  'agreements-arcs-casing',
  'agreements-arcs',
  'agreements-markers',
  'programme-links',
  'programme-markers',
  'programme-labels',
  'routes-casing',
  'routes-line',
  'routes-arrows',
  'landings-circles',
  'deaths-points',
  'user-points',
  'user-labels',
  // Above the basemap's place names (metadata crossings:top): circle labels win collisions.
  'landings-labels',
];
const ON_TOP = ['landings-labels'];
/** Each overlay's layer-id prefix, in the registry's z-order (bottom first). */
const PREFIX: Record<string, string> = { programmes: 'programme-' };
const REGISTRY_PREFIXES = OVERLAY_IDS.map((id) => PREFIX[id] ?? `${id}-`);

const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as {
  agreements: { id: string; parties: string[] }[];
};

interface Gpu {
  count(): number;
  lastFrame: { window: [number, number]; at: number; count: number } | null;
  frames: number;
}

/** Rendered features of a layer (0 when the layer does not exist). */
const rendered = (page: Page, layer: string) =>
  page.evaluate((l) => {
    const map = (window as any).__crossingsMap;
    return map.getLayer(l) ? map.queryRenderedFeatures({ layers: [l] }).length : 0;
  }, layer);

const idle = repaintIdle;

const gpu = (page: Page) =>
  page.evaluate(() => {
    const g = (window as any).__crossingsGpu as Gpu;
    return { count: g.count(), at: g.lastFrame?.at ?? -1, frames: g.frames };
  });

/** The map canvas as RGBA at some CSS-pixel points (the map keeps its drawing buffer). */
const canvasAt = (page: Page, pts: { x: number; y: number }[]) =>
  page.evaluate((pts) => {
    // The map keeps no drawing buffer: draw now and read it in this task.
    (window as any).__crossingsMap.redraw();
    const src = (window as any).__crossingsMap.getCanvas() as HTMLCanvasElement;
    const ratio = src.width / src.clientWidth;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    return pts.map((p) =>
      Array.from(g.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data),
    );
  }, pts);

/** Pixels of a PNG (a screenshot) at some points, decoded by the browser. */
async function pngAt(page: Page, png: Buffer, pts: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ b64, pts }) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return pts.map((p) => Array.from(g.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data));
    },
    { b64: png.toString('base64'), pts },
  );
}

const dist = (a: number[], b: number[]) => Math.max(...[0, 1, 2].map((i) => Math.abs(a[i] - b[i])));

/** "#rrggbb" or "rgb(r, g, b)" → [r, g, b]. */
const parseColour = (s: string): number[] => {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s.trim());
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const rgb = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(s);
  if (!rgb) throw new Error(`not a colour: ${s}`);
  return rgb.slice(1, 4).map(Number);
};

describe('one overlay model (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (query: string) => {
    const o = await openApp(browser, query);
    contexts.push(o.page.context());
    return o;
  };
  beforeAll(async () => {
    browser = await launch();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  it('a theme round trip keeps every overlay drawn, filtered and in registry z-order', async () => {
    const albania = catalog.agreements.find((a) => a.id === 'italy-albania-protocol-2023');
    expect(albania, 'italy-albania-protocol-2023 in catalog.json').toBeDefined();
    expect(albania!.parties).toContain('ALB');

    const o = await open('?v=1&from=2023-01&to=2023-12&layers=routes,landings,agreements,deaths');
    const { page } = o;
    await page.getByTestId('user-data').locator('summary').click();
    await page.getByTestId('user-file').setInputFiles({
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        // Dated to the year: drawn by the MapLibre circle layer (month- and day-dated points go to
        // the GPU time-window layer, checked in userdata/import e2e).
        'name,lat,lon,date\nLampedusa,35.5,12.6,2023\nValletta,35.9,14.5,2023\n' +
          'Sfax,34.74,10.76,2023\nPylos,36.9,21.7,2023\n',
      ),
    });
    // The import shows a preview first; nothing is drawn until the reader says so.
    await page.getByTestId('user-add').click();
    await page.evaluate(() =>
      (window as any).__crossings.select({ kind: 'agreement', id: 'italy-albania-protocol-2023' }),
    );
    await page.waitForFunction(() => (window as any).__crossingsGpu?.count() > 0, null, { timeout: 60000 });
    await page.waitForFunction(
      () => JSON.stringify((window as any).__crossingsMap.getFilter('agreements-selected')).includes('ALB'),
      null,
      { timeout: 20000 },
    );
    await idle(page);
    // The selected agreement draws its connector in 2023 (Rome–Tirana).
    const arcIds = await page.evaluate(() =>
      (window as any).__crossingsMap
        .queryRenderedFeatures({ layers: ['agreements-arcs'] })
        .map((f: any) => f.properties.id),
    );
    expect(arcIds).toContain('italy-albania-protocol-2023');

    const check = async (theme: string) => {
      const r = await page.evaluate(() => {
        const map = (window as any).__crossingsMap;
        const q = (l: string) => map.queryRenderedFeatures({ layers: [l] }).length;
        const t = map.project([19.82, 41.33]);
        const order: string[] = map.getLayersOrder ? map.getLayersOrder() : map.style._order;
        return {
          routes: q('routes-line'),
          landings: q('landings-circles'),
          arcs: q('agreements-arcs'),
          markers: q('agreements-markers'),
          user: q('user-points'),
          parties: JSON.stringify(map.getFilter('agreements-parties')),
          selected: JSON.stringify(map.getFilter('agreements-selected')),
          atTirana: map
            .queryRenderedFeatures([t.x, t.y], { layers: ['agreements-parties'] })
            .map((f: any) => f.properties.iso3),
          styleIds: map.getStyle().layers.map((l: any) => l.id) as string[],
          order,
          custom: !!map.getLayer('deaths-points'),
        };
      });
      expect(r.routes, `${theme}: routes-line`).toBeGreaterThan(0);
      expect(r.landings, `${theme}: landings-circles`).toBeGreaterThan(0);
      expect(r.arcs, `${theme}: agreements-arcs (the selected agreement's connectors)`).toBeGreaterThan(0);
      expect(r.markers, `${theme}: agreements-markers`).toBeGreaterThan(0);
      expect(r.user, `${theme}: user-points`).toBeGreaterThan(0);
      expect(r.parties, `${theme}: agreements-parties filter`).toContain('"ALB"');
      expect(r.selected, `${theme}: agreements-selected filter`).toContain('"ALB"');
      expect(r.atTirana, `${theme}: party fill at Tirana`).toContain('ALB');
      expect(r.custom, `${theme}: deaths-points`).toBe(true);
      // Our layers in the style, in registry order, all below the first basemap label layer.
      const ours = (ids: string[]) => ids.filter((id) => OVERLAY_LAYERS.includes(id));
      expect(ours(r.order), `${theme}: layer order incl. the custom layer`).toEqual(OVERLAY_LAYERS);
      expect(ours(r.styleIds), `${theme}: getStyle().layers`).toEqual(
        OVERLAY_LAYERS.filter((id) => id !== 'deaths-points' || r.styleIds.includes(id)),
      );
      const rank = (id: string) => REGISTRY_PREFIXES.findIndex((p) => id.startsWith(p));
      const ranks = ours(r.order)
        .filter((id) => !ON_TOP.includes(id))
        .map(rank);
      expect(ranks, `${theme}: every layer belongs to a registry overlay`).not.toContain(-1);
      expect(ranks, `${theme}: registry prefixes`).toEqual([...ranks].sort((a, b) => a - b));
      const sea = r.order.indexOf('sea-labels');
      expect(sea).toBeGreaterThan(0);
      for (const id of OVERLAY_LAYERS)
        if (ON_TOP.includes(id))
          expect(r.order.indexOf(id), id).toBeGreaterThan(r.order.indexOf('country-labels'));
        else expect(r.order.indexOf(id), id).toBeLessThan(sea);
    };
    await check('light (start)');

    for (const theme of ['dark', 'projector', 'light']) {
      const before = await gpu(page);
      const water = () =>
        page.evaluate(() =>
          (window as any).__crossingsMap.getPaintProperty('background', 'background-color'),
        );
      const w0 = await water();
      await page.evaluate((t) => ((window as any).__crossings.theme = t), theme);
      await expect.poll(water, { timeout: 20000 }).not.toEqual(w0);
      await idle(page);
      await page.waitForFunction(
        (b) => {
          const g = (window as any).__crossingsGpu as Gpu;
          return (g.lastFrame?.at ?? -1) > b.at || g.frames > b.frames;
        },
        before,
        { timeout: 20000 },
      );
      const after = await gpu(page);
      expect(after.count, `${theme}: GPU points`).toBeGreaterThan(0);
      expect(after.count, `${theme}: same GPU points`).toBe(before.count);
      await check(theme);
    }

    // Pixels: the party tint is drawn. Tirana itself is under the Rome–Tirana arc's end (and the
    // Khartoum process's), and Albania is a dozen pixels wide at the start view: zoom in (below the
    // fine basemap's zoom) and compare a pixel of Albania near Tirana with nothing but the tint and
    // the land within 3 px, with agreements on and off.
    await page.evaluate(() => (window as any).__crossingsMap.jumpTo({ center: [20, 41.2], zoom: 4.5 }));
    await idle(page);
    const spot = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const t = map.project([19.82, 41.33]);
      const names = (box: any) =>
        [
          ...new Set(
            map
              .queryRenderedFeatures(box)
              .map((f: any) => `${f.layer.id}:${f.properties.iso3 ?? f.properties.id ?? ''}`),
          ),
        ].sort();
      for (let r = 0; r <= 30; r++)
        for (let dy = -r; dy <= r; dy++)
          for (let dx = -r; dx <= r; dx++) {
            if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
            const x = t.x + dx;
            const y = t.y + dy;
            const box = names([
              [x - 3, y - 3],
              [x + 3, y + 3],
            ]);
            if (JSON.stringify(box) === JSON.stringify(['agreements-parties:ALB', 'country-fill:ALB']))
              return { x, y };
          }
      return null;
    });
    expect(spot, 'a pixel of Albania with only the party tint near Tirana').not.toBeNull();
    const [on] = await canvasAt(page, [spot!]);
    await page.getByTestId('toggle-agreements').click();
    await page.waitForFunction(() => (window as any).__crossings.layers.agreements === false);
    await idle(page);
    expect(await rendered(page, 'agreements-arcs')).toBe(0);
    const [off] = await canvasAt(page, [spot!]);
    await page.getByTestId('toggle-agreements').click();
    await page.waitForFunction(() => (window as any).__crossings.layers.agreements === true);
    await idle(page);
    const [again] = await canvasAt(page, [spot!]);
    expect(dist(on, off), `tint on ${on} vs off ${off}`).toBeGreaterThan(3);
    expect(dist(on, again), `tint on ${on} vs on again ${again}`).toBeLessThanOrEqual(2);

    expect(o.consoleErrors).toEqual([]);
  });

  const WINDOWS: [string, string, [number, number]][] = [
    ['2016-01', '2016-12', [m(2016), m(2016, 12)]],
    ['2019-06', '2020-05', [m(2019, 6), m(2020, 5)]],
    ['2023-01', '2023-12', [m(2023), m(2023, 12)]],
  ];
  it.each(WINDOWS)(
    'legend, summary, table and map count the same agreements: %s..%s',
    async (from, to, w) => {
      const o = await open(`?v=1&from=${from}&to=${to}&layers=routes,landings,agreements`);
      const { page } = o;
      expect(await page.evaluate(() => [...(window as any).__crossings.window])).toEqual(w);
      await idle(page);
      const legend = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('[data-testid=legend] [data-testid^=legend-status-]')].map((li) => [
            li.getAttribute('data-testid')!.slice('legend-status-'.length),
            {
              count: Number(li.getAttribute('data-count')),
              label: (li.textContent ?? '').trim().replace(/\s*\([\d,]+\)$/, ''),
            },
          ]),
        ),
      );
      expect(Object.keys(legend).sort()).toEqual(['announced', 'ended', 'in_force', 'signed', 'suspended']);
      const summary = (await page.getByTestId('summary').textContent()) ?? '';
      const inForce = /(\d+) agreements? in force/.exec(summary);
      expect(inForce, summary).not.toBeNull();
      expect(Number(inForce![1])).toBe(legend.in_force.count);

      await page.getByTestId('tab-table').click();
      const table = page.locator('table[data-table=agreements]');
      await table.waitFor();
      const rows = await table.evaluate((t) => {
        const cols = [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('data-col'));
        const si = cols.indexOf('status');
        const di = cols.indexOf('drawn');
        return [...t.querySelectorAll('tbody tr[data-row]')].map((tr) => {
          const cells = [...tr.children];
          return {
            key: tr.getAttribute('data-row')!,
            status: (cells[si]?.textContent ?? '').trim(),
            drawn: (cells[di]?.textContent ?? '').trim(),
          };
        });
      });
      const legendTotal = Object.values(legend).reduce((s, x) => s + x.count, 0);
      expect(rows.length).toBe(legendTotal);
      expect(rows.length).toBeGreaterThan(0);
      // Grouped by the status column, the table gives each legend count.
      for (const [status, { count, label }] of Object.entries(legend))
        expect(rows.filter((r) => r.status === label).length, `${status} (${label})`).toBe(count);
      expect(rows.filter((r) => r.status === legend.in_force.label).length).toBe(Number(inForce![1]));

      // The map draws markers only for agreements in the table, with the table's status.
      const arcs = await page.evaluate(() =>
        (window as any).__crossingsMap
          .queryRenderedFeatures({ layers: ['agreements-markers'] })
          .map((f: any) => ({ id: f.properties.id, status: f.properties.status })),
      );
      expect(arcs.length).toBeGreaterThan(0);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const a of arcs) {
        expect(byKey.has(a.id), a.id).toBe(true);
        expect(byKey.get(a.id)!.status, a.id).toBe(legend[a.status].label);
      }
      expect(o.consoleErrors).toEqual([]);
    },
  );

  it('the SVG export of a 2023 view opens in Chromium with land, sea, overlays, labels and legend', async () => {
    const o = await open('?v=1&from=2023-01&to=2023-12&layers=routes,landings,agreements');
    const { page } = o;
    await idle(page);
    const SEA = [
      [18.0, 35.0],
      [19.0, 34.0],
      [17.0, 36.5],
      [20.5, 35.5],
    ];
    const LAND = [17.0, 28.0];
    const live = await page.evaluate(
      ({ sea, land }) => {
        const map = (window as any).__crossingsMap;
        const p = (c: number[]) => {
          const q = map.project(c);
          return { x: q.x, y: q.y };
        };
        return {
          labels: [
            ...new Set(
              map
                .queryRenderedFeatures({ layers: ['country-labels'] })
                .map((f: any) => String(f.properties.name_en)),
            ),
          ] as string[],
          sea: sea.map(p),
          land: p(land),
          size: [map.getContainer().clientWidth, map.getContainer().clientHeight],
          inForce: document
            .querySelector('[data-testid=legend] [data-testid=legend-status-in_force]')!
            .getAttribute('data-count'),
        };
      },
      { sea: SEA, land: LAND },
    );
    expect(live.labels.length).toBeGreaterThan(10);

    await page.getByTestId('open-export').click();
    await page.getByTestId('export-dialog').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    // The default size preset is 'full' (1200 × 675): its name is in the file's.
    expect(dl.suggestedFilename()).toBe('crossings-2023-01_2023-12-full.svg');
    const svg = readFileSync((await dl.path())!, 'utf8');
    const file = resolve('test-results/model-export.svg');
    writeFileSync(file, svg);

    const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
    expect(size).not.toBeNull();
    const [width, height] = [Number(size![1]), Number(size![2])];
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    contexts.push(ctx);
    const view = await ctx.newPage();
    const errors: string[] = [];
    view.on('pageerror', (e) => errors.push(String(e)));
    await view.goto(pathToFileURL(file).href);
    const doc = await view.evaluate(
      ({ sea, land }) => {
        const map = document.getElementById('map')!;
        const t = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(map.getAttribute('transform') ?? '');
        const [tx, ty] = t ? [Number(t[1]), Number(t[2])] : [0, 0];
        // The export fits the view to its size preset: project with the view the SVG says it is drawn
        // at (Web Mercator, 512 px tiles, as MapLibre), not with the live map's.
        const [clon, clat] = map.getAttribute('data-center')!.split(',').map(Number);
        const ws = 512 * 2 ** Number(map.getAttribute('data-zoom'));
        const clip = map.getAttribute('clip-path')!.match(/#([^)]+)/)![1];
        const box = document.querySelector(`#${clip} rect`)!;
        const [mw, mh] = [Number(box.getAttribute('width')), Number(box.getAttribute('height'))];
        const mx = (lon: number) => ((lon + 180) / 360) * ws;
        const my = (lat: number) =>
          ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * ws;
        const at = ([lon, lat]: number[]) => ({
          x: tx + mw / 2 + mx(lon) - mx(clon),
          y: ty + mh / 2 + my(lat) - my(clat),
        });
        const seaRect = document.querySelector('#basemap #sea')!;
        const landGroup = document.getElementById('land')!;
        /** The basemap element under a point (what is left when overlays and labels are set aside). */
        const basemapAt = (p: { x: number; y: number }) => {
          const e = document.elementsFromPoint(p.x, p.y).find((e) => e.closest('#basemap'));
          return e
            ? {
                tag: e.tagName,
                id: e.id,
                inLand: landGroup.contains(e),
                iso3: e.getAttribute('data-iso3'),
              }
            : null;
        };
        /** What a pixel there should look like: the filled shapes under it, composited bottom up. */
        const expected = (p: { x: number; y: number }) => {
          const stack = document
            .elementsFromPoint(p.x, p.y)
            .filter((e) => e.closest('#map'))
            .reverse();
          let c = [0, 0, 0];
          const layers: string[] = [];
          for (const e of stack) {
            const cs = getComputedStyle(e);
            if (!cs.fill || cs.fill === 'none' || !/rgb/.test(cs.fill)) continue;
            if (e.tagName === 'text' || e.tagName === 'tspan') return { colour: null, layers };
            const f = cs.fill
              .match(/[\d.]+/g)!
              .slice(0, 3)
              .map(Number);
            const a = Number(cs.fillOpacity) * Number(cs.opacity);
            c = c.map((v, i) => v * (1 - a) + f[i] * a);
            layers.push(`${e.tagName}${e.id ? '#' + e.id : ''} in #${e.closest('g[id]')?.id} (${a})`);
          }
          return { colour: c.map(Math.round), layers };
        };
        const texts = (sel: string) => [...document.querySelectorAll(sel)].map((t) => t.textContent ?? '');
        const seaPts = sea.map(at);
        return {
          seaFill: seaRect.getAttribute('fill')!,
          libyaFill: document.querySelector('#land path[data-iso3="LBY"]')?.getAttribute('fill') ?? null,
          sea: seaPts.map((p) => ({ p, top: document.elementFromPoint(p.x, p.y) === seaRect })),
          seaBase: basemapAt(seaPts[0]),
          seaExpected: seaPts.map(expected),
          land: at(land),
          landTop: (() => {
            const e = document.elementFromPoint(at(land).x, at(land).y)!;
            return { tag: e.tagName, group: e.closest('g[id]')?.id, inLand: landGroup.contains(e) };
          })(),
          landBase: basemapAt(at(land)),
          landExpected: expected(at(land)),
          routes: document.querySelectorAll('g#routes path').length,
          landings: document.querySelectorAll('g#landings circle').length,
          agreements: !!document.querySelector('g#agreements'),
          agreementPaths: document.querySelectorAll('g#agreements path').length,
          countryLabels: texts('#labels #country-labels text'),
          frame: texts('#frame text').join('\n'),
        };
      },
      { sea: SEA, land: LAND },
    );
    // Chromium now and then answers "Unable to capture screenshot" while a large SVG document is
    // still being rasterised: wait for a frame and try again (the assertions below are unchanged).
    let shot: Buffer | undefined;
    for (let i = 0; !shot; i++) {
      try {
        await view.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        shot = await view.screenshot({ path: 'test-results/model-export-svg.png' });
      } catch (e) {
        if (i >= 3) throw e;
        await view.waitForTimeout(500);
      }
    }

    expect(doc.routes).toBeGreaterThan(10);
    expect(doc.landings).toBeGreaterThan(0);
    expect(doc.agreements).toBe(true);
    expect(doc.agreementPaths).toBeGreaterThan(0);
    // Land and sea differ, and the points fall where the live map has them.
    expect(doc.libyaFill).not.toBeNull();
    expect(dist(parseColour(doc.seaFill), parseColour(doc.libyaFill!))).toBeGreaterThan(8);
    expect(doc.seaBase).toMatchObject({ tag: 'rect', id: 'sea', inLand: false });
    expect(doc.landBase).toMatchObject({ tag: 'path', inLand: true, iso3: 'LBY' });
    // On top at the Libya point: the land itself, or an overlay drawn over it (Libya is a party).
    expect(doc.landTop.inLand || doc.landTop.group === 'agreements', JSON.stringify(doc.landTop)).toBe(true);
    // Pixels of the screenshot: open sea is the sea colour; Libya is its land colour (under the tint).
    const seaIdx = doc.sea.findIndex((s) => s.top);
    expect(seaIdx, 'a sea point with nothing drawn over it').toBeGreaterThanOrEqual(0);
    const [seaPx, landPx] = await pngAt(page, shot, [doc.sea[seaIdx].p, doc.land]);
    expect(dist(seaPx, parseColour(doc.seaFill)), `sea ${seaPx} vs ${doc.seaFill}`).toBeLessThanOrEqual(3);
    expect(doc.landExpected.colour, doc.landExpected.layers.join(', ')).not.toBeNull();
    expect(
      dist(landPx, doc.landExpected.colour!),
      `land ${landPx} vs ${doc.landExpected.colour} (${doc.landExpected.layers.join(', ')})`,
    ).toBeLessThanOrEqual(3);
    expect(dist(landPx, seaPx)).toBeGreaterThan(8);
    expect(dist(landPx, parseColour(doc.libyaFill!))).toBeLessThan(dist(landPx, parseColour(doc.seaFill)));

    // The country names the live map shows are in the SVG (line breaks aside).
    const squash = (s: string) => s.toLocaleUpperCase('en').replace(/\s+/g, '');
    const inSvg = new Set(doc.countryLabels.map(squash));
    const found = live.labels.filter((l) => inSvg.has(squash(l)));
    const missing = live.labels.filter((l) => !inSvg.has(squash(l)));
    expect(
      found.length / live.labels.length,
      `missing from the SVG: ${missing.join(', ')}`,
    ).toBeGreaterThanOrEqual(0.8);
    // The legend says what the on-screen legend says.
    expect(doc.frame).toContain(`in force (${live.inForce})`);
    expect(errors).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
  });

  it('after a WebGL context loss and restore every overlay draws again without a reload', async () => {
    const o = await open('?v=1&from=2023-01&to=2023-12&layers=routes,landings,deaths');
    const { page } = o;
    await page.waitForFunction(() => (window as any).__crossingsGpu?.count() > 0, null, { timeout: 60000 });
    await idle(page);
    const features = () =>
      page.evaluate(() => {
        const map = (window as any).__crossingsMap;
        const ids = (l: string, k: string) =>
          [
            ...new Set(map.queryRenderedFeatures({ layers: [l] }).map((f: any) => String(f.properties[k]))),
          ].sort();
        return { routes: ids('routes-line', 'id'), landings: ids('landings-circles', 'key') };
      });
    const before = await features();
    const gpu0 = await gpu(page);
    const px0 = await mapPixels(page, 7);
    expect(before.routes.length).toBeGreaterThan(0);
    expect(before.landings.length).toBeGreaterThan(0);
    expect(gpu0.count).toBeGreaterThan(0);

    await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as any).__loseContext = ext;
      ext.loseContext();
    });
    await page.waitForFunction(() =>
      (window as any).__crossingsMap.getCanvas().getContext('webgl2').isContextLost(),
    );
    await page.waitForTimeout(500);
    // While lost MapLibre has dropped the custom layer and draws nothing.
    expect(await page.evaluate(() => !!(window as any).__crossingsMap.getLayer('deaths-points'))).toBe(false);
    await page.evaluate(() => (window as any).__loseContext.restoreContext());
    await page.waitForFunction(
      () => {
        const map = (window as any).__crossingsMap;
        const gl = map.getCanvas().getContext('webgl2');
        return !gl.isContextLost() && map.isStyleLoaded() && !!map.getLayer('deaths-points');
      },
      null,
      { timeout: 30000 },
    );
    await page.waitForFunction((at) => ((window as any).__crossingsGpu as Gpu).lastFrame!.at > at, gpu0.at, {
      timeout: 30000,
    });
    await idle(page);

    const after = await features();
    const gpu1 = await gpu(page);
    expect(after.routes.length).toBeGreaterThan(0);
    expect(after.landings.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(gpu1.count).toBe(gpu0.count);
    expect(gpu1.at).toBeGreaterThan(gpu0.at);
    const order = await page.evaluate(() => (window as any).__crossingsMap.getLayersOrder() as string[]);
    expect(order.filter((id) => OVERLAY_LAYERS.includes(id))).toEqual(OVERLAY_LAYERS);
    const px1 = await mapPixels(page, 7);
    expect(new Set(px1.rgb).size).toBeGreaterThan(30);
    expect(px1.opaque).toBe(px1.rgb.length);
    // The same picture as before the loss (the deaths points included).
    let same = 0;
    for (let i = 0; i < px0.rgb.length; i++) if (px0.rgb[i] === px1.rgb[i]) same++;
    expect(same / px0.rgb.length).toBeGreaterThan(0.98);

    const expectedWarning = /cannot be restored after WebGL context loss/;
    expect(o.consoleErrors.filter((e) => !expectedWarning.test(e))).toEqual([]);
  });
});
