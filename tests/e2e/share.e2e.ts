/**
 * Share, embed and export on the built site: links restore the view, state changes reach the URL,
 * malformed links fall back with a notice, an embed on another origin sizes itself and lets the host
 * page scroll, and the PNG/SVG exports are real images.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openApp, waitForMapIdle } from './browser';

const DEFAULT = {
  window: [2023 * 12, 2023 * 12 + 11],
  layers: { routes: true, landings: true, programmes: false, agreements: true, deaths: false },
  metric: 'sea_arrivals',
  mode: 'explore',
  lang: 'en',
  selection: null,
};

const state = (page: Page) =>
  page.evaluate(() => {
    const a = (window as any).__crossings;
    return JSON.parse(
      JSON.stringify({
        window: a.window,
        layers: a.layers,
        metric: a.metric,
        mode: a.mode,
        lang: a.lang,
        selection: a.selection,
        theme: a.theme,
        notices: a.notices,
        embed: a.embed,
      }),
    );
  });

/** Width, height and a colour count of a PNG, decoded by the browser. */
async function pngStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < px.length; i += 4 * 61) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
  }, bytes.toString('base64'));
}

describe('share, embed and export (built site, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a link with view, window and overlays opens exactly that', async () => {
    const o = await openApp(
      browser,
      '?v=1&lang=it&from=2016-01&to=2016-12&layers=routes,landings&metric=sea_arrivals&map=5.5/37.2/14.1&sel=family:central-med',
    );
    const s = await state(o.page);
    expect(s.window).toEqual([2016 * 12, 2016 * 12 + 11]);
    expect(s.layers).toEqual({
      routes: true,
      landings: true,
      programmes: false,
      agreements: false,
      deaths: false,
    });
    expect(s.lang).toBe('it');
    expect(s.selection).toEqual({ kind: 'family', id: 'central-med' });
    expect(s.notices).toEqual([]);
    await o.page.getByTestId('route-details').waitFor();
    expect(await o.page.evaluate(() => location.search)).toContain('sel=family:central-med');
    const r = await o.page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const has = (id: string) => !!map.getLayer(id);
      const q = (id: string) => (has(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0);
      return {
        center: map.getCenter().toArray(),
        zoom: map.getZoom(),
        routes: q('routes-line'),
        landings: q('landings-circles'),
        agreements: q('agreements-markers'),
        lang: document.documentElement.lang,
      };
    });
    expect(r.center[0]).toBeCloseTo(14.1, 2);
    expect(r.center[1]).toBeCloseTo(37.2, 2);
    expect(r.zoom).toBeCloseTo(5.5, 2);
    expect(r.routes).toBeGreaterThan(0);
    expect(r.landings).toBeGreaterThan(0);
    expect(r.agreements).toBe(0);
    expect(r.lang).toBe('it');
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });

  it('changing the state updates the URL; Back and Forward step through selections', async () => {
    const o = await openApp(browser);
    const search = () => o.page.evaluate(() => location.search);
    expect(await search()).toContain('v=1');
    await o.page.evaluate(() => {
      const a = (window as any).__crossings;
      a.window = [2019 * 12 + 2, 2019 * 12 + 7];
      a.layers = { ...a.layers, programmes: true };
    });
    await o.page.waitForFunction(() => location.search.includes('from=2019-03'));
    const q = new URLSearchParams(await search());
    expect(q.get('to')).toBe('2019-08');
    expect(q.get('layers')?.split(',')).toContain('programmes');

    await o.page.evaluate(() => (window as any).__crossings.select({ kind: 'family', id: 'central-med' }));
    await o.page.waitForFunction(() => location.search.includes('sel=family:central-med'));
    await o.page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      map.jumpTo({ center: [15, 38], zoom: 6 });
    });
    await o.page.waitForFunction(() => location.search.includes('map=6/38/15'));
    await o.page.goBack();
    await o.page.waitForFunction(() => (window as any).__crossings.selection === null);
    expect(await search()).not.toContain('sel=');
    expect((await state(o.page)).window).toEqual([2019 * 12 + 2, 2019 * 12 + 7]);
    await o.page.goForward();
    await o.page.waitForFunction(() => (window as any).__crossings.selection?.id === 'central-med');
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });

  const MALFORMED = [
    '?%%%&&==&map=abc&from=&to=%E0%A4%A',
    '?map=NaN/NaN/NaN&from=NaN&to=NaN&metric=NaN',
    '?map=1e308/99999999/-99999999&from=99999-99&to=2023-13&zoom=1e999&chapter=9999999999',
    '?layers=ufo,submarine',
    '?sel=<script>alert(1)</script>&theme=<script>alert(2)</script>&lang="><img src=x onerror=alert(3)>',
    '?v=99&embed=maybe&present=../../etc&static=yes',
    '?sel=place:atlantis',
  ];
  it.each(MALFORMED)('a malformed link opens the default view with a notice: %s', async (query) => {
    const o = await openApp(browser, query);
    const s = await state(o.page);
    for (const [k, v] of Object.entries(DEFAULT)) expect(s[k], k).toEqual(v);
    expect(s.notices.length).toBeGreaterThan(0);
    await o.page.getByTestId('notices').locator('.notice').first().waitFor();
    const dom = await o.page.evaluate(() => ({
      // The page's own scripts are files under assets/ (the entry and the poster's); nothing inline.
      scripts: document.querySelectorAll('script:not([src])').length,
      foreign: [...document.querySelectorAll('script[src]')]
        .map((e) => (e as HTMLScriptElement).src)
        .filter((u) => !new URL(u).pathname.includes('/assets/')),
      imgs: document.querySelectorAll('img[src=x]').length,
      notices: document.querySelector('[data-testid=notices]')!.textContent,
    }));
    expect(dom.imgs).toBe(0);
    expect(dom.scripts).toBe(0);
    expect(dom.foreign).toEqual([]);
    if (query.includes('script')) expect(dom.notices).toContain('<script>');
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });

  describe('embedded in a page on another origin', () => {
    let host: Server;
    let hostUrl = '';
    beforeAll(async () => {
      const app = baseUrl();
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0;font:16px sans-serif">
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
<div style="height:900px;background:#eee">Article text above the map</div>
<iframe id="crossings-test" src="${app}?v=1&embed&theme=dark&childId=crossings-test" data-crossings
  style="border:0;width:100%;display:block" title="Crossings"></iframe>
<script src="${app}embed.js" async></script>
<div style="height:2000px;background:#ddd">Article text below the map</div>
</body></html>`;
      host = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      });
      await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
      hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      await new Promise<void>((r) => host?.close(() => r()));
    });

    it('receives its height and the host page scrolls over the iframe', async () => {
      const ctx = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(hostUrl);
      expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl()).origin);
      await page.waitForFunction(
        () =>
          (window as any).__messages.some((m: any) => m && typeof m === 'object' && m['datawrapper-height']),
        null,
        { timeout: 60000 },
      );
      const frame = page.frames().find((f) => f.url().includes('childId=crossings-test'))!;
      // Chromium does not render off-screen cross-origin frames: bring the map into view first.
      await page.evaluate(() => document.getElementById('crossings-test')!.scrollIntoView());
      await waitForMapIdle(frame as unknown as Page);
      const info = await page.evaluate(() => {
        const msgs = (window as any).__messages as unknown[];
        const dw = msgs.filter((m: any) => m && typeof m === 'object' && m['datawrapper-height']) as any[];
        const pym = msgs.filter(
          (m) => typeof m === 'string' && m.startsWith('pymxPYMxcrossings-testxPYMxheightxPYMx'),
        );
        const last = dw[dw.length - 1]['datawrapper-height']['crossings-test'];
        return {
          last,
          pym: pym.length,
          frameHeight: document.getElementById('crossings-test')!.getBoundingClientRect().height,
        };
      });
      expect(info.last).toBeGreaterThan(300);
      expect(info.pym).toBeGreaterThan(0);
      await page.waitForFunction(
        (h) => Math.abs(document.getElementById('crossings-test')!.getBoundingClientRect().height - h) < 2,
        info.last,
      );
      const inner = await frame.evaluate(() => ({
        mode: (window as any).__crossings.mode,
        theme: (window as any).__crossings.theme,
        credits:
          document.querySelector('[data-testid=embed-footer] [data-testid=credits]')?.textContent ?? '',
        full: (document.querySelector('[data-testid=open-full]') as HTMLAnchorElement)?.href ?? '',
        scrollable: document.documentElement.scrollHeight > innerHeight + 1,
      }));
      expect(inner.mode).toBe('embed');
      expect(['dark', 'light']).toContain(inner.theme);
      expect(inner.credits).toContain('Natural Earth');
      expect(inner.full).not.toMatch(/[?&]embed\b/);
      expect(inner.full).not.toContain('childId');
      expect(inner.scrollable).toBe(false);

      // Put the map under the pointer and scroll the wheel: the page moves, the map does not zoom.
      await page.evaluate(() => window.scrollTo(0, 800));
      const zoomBefore = await frame.evaluate(() => (window as any).__crossingsMap.getZoom());
      const box = await page.evaluate(() => {
        const r = document.getElementById('crossings-test')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: Math.min(r.top + 250, innerHeight - 50) };
      });
      const y0 = await page.evaluate(() => scrollY);
      await page.mouse.move(box.x, box.y);
      for (let i = 0; i < 5; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
      }
      await page.waitForFunction((y) => scrollY > y + 100, y0, { timeout: 10000 });
      const zoomAfter = await frame.evaluate(() => (window as any).__crossingsMap.getZoom());
      expect(zoomAfter).toBeCloseTo(zoomBefore, 5);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  });

  describe('exports', () => {
    let o: Awaited<ReturnType<typeof openApp>>;
    beforeAll(async () => {
      o = await openApp(browser, '?v=1&from=2016-01&to=2016-12&layers=routes,landings,agreements');
      await o.page.getByTestId('open-export').click();
      await o.page.getByTestId('export-dialog').waitFor();
    });
    afterAll(async () => {
      await o?.page.context().close();
    });

    async function save(testid: string) {
      const [dl] = await Promise.all([o.page.waitForEvent('download'), o.page.getByTestId(testid).click()]);
      const path = await dl.path();
      return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
    }

    it('PNG at the default preset (full width, 1200 × 675) is that size and not blank', async () => {
      const one = await save('export-png');
      expect(one.name).toBe('crossings-2016-01_2016-12-full.png');
      const s1 = await pngStats(o.page, one.bytes);
      expect([s1.width, s1.height]).toEqual([1200, 675]);
      expect(s1.colours).toBeGreaterThan(30);
      // The map's own resolution is restored afterwards.
      expect(await o.page.evaluate(() => (window as any).__crossingsMap.getPixelRatio())).toBe(1);
    });

    it('SVG parses and carries vector paths, legend text and sources', async () => {
      const svg = await save('export-svg');
      expect(svg.name).toBe('crossings-2016-01_2016-12-full.svg');
      const r = await o.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          paths: doc.querySelectorAll('path').length,
          routes: doc.querySelectorAll('#routes path').length,
          circles: doc.querySelectorAll('#landings circle').length,
          texts,
        };
      }, svg.bytes.toString('utf8'));
      expect(r.error).toBeNull();
      expect(r.root).toBe('svg');
      expect(r.paths).toBeGreaterThan(50);
      expect(r.routes).toBeGreaterThan(10);
      expect(r.circles).toBeGreaterThan(0);
      expect(r.texts).toContain('Routes');
      expect(r.texts).toContain('Central Mediterranean');
      expect(r.texts).toContain('Sources');
      expect(r.texts).toContain('Natural Earth');
      expect(r.texts).toMatch(/Sea arrivals in Italy, Jan\s?–\s?Dec 2016/);
    });

    it('CSV, GeoJSON and the citation describe the window', async () => {
      const csv = (await save('export-csv')).bytes.toString('utf8');
      expect(csv.split('\r\n')[0]).toBe(
        'layer,id,name,lon,lat,metric,value,qualifier,complete,status,window_from,window_to,sources',
      );
      expect(csv).toContain('landings,');
      expect(csv).toContain(',2016-01,2016-12,');
      const gj = JSON.parse((await save('export-geojson')).bytes.toString('utf8'));
      expect(gj.type).toBe('FeatureCollection');
      expect(gj.features.some((f: any) => f.geometry?.type === 'Point')).toBe(true);
      const cite = await o.page.getByTestId('cite-text').inputValue();
      expect(cite).toContain('January 2016');
      expect(cite).toContain('from=2016-01');
      expect(o.consoleErrors).toEqual([]);
    });
  });

  it('runs under a sub-path with the CSP from docs/deploy.md, exporting without violations', async () => {
    // Docs that execute: the policy is read from the deploy guide, the build from CROSSINGS_DIST.
    const doc = readFileSync('docs/deploy.md', 'utf8');
    const block = /Content-Security-Policy:\n([\s\S]*?)\n```/.exec(doc);
    expect(block).not.toBeNull();
    const csp = block![1].replace(/\s*\n\s*/g, ' ').trim();
    const dist = process.env.CROSSINGS_DIST ?? 'dist';
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
      '.geojson': 'application/geo+json',
      '.png': 'image/png',
    };
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/news/graphics/crossings/')) return res.writeHead(404).end();
      let rel = normalize(decodeURIComponent(url.pathname.slice('/news/graphics/crossings/'.length)));
      if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
      const file = join(dist, rel);
      if (rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile())
        return res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/graphics/crossings/`;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(root + '?v=1&from=2020-01&to=2020-12');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => (window as any).__crossings.window)).toEqual([
      2020 * 12,
      2020 * 12 + 11,
    ]);
    await page.getByTestId('open-export').click();
    for (const id of ['export-png', 'export-svg']) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
      expect(await dl.failure()).toBeNull();
    }
    expect(errors).toEqual([]);
    await ctx.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('the embed dialog shows a snippet for this view with a live preview', async () => {
    const o = await openApp(browser, '?v=1&from=2018-01&to=2018-12');
    await o.page.getByTestId('open-embed').click();
    await o.page.getByTestId('embed-static').check();
    const code = await o.page.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe /);
    expect(code).toContain('from=2018-01');
    expect(code).toMatch(/(\?|&amp;)embed&amp;/);
    expect(code).toContain('static');
    expect(code).toContain('embed.js');
    const preview = o.page.frameLocator('[data-testid=embed-preview]');
    await preview.getByTestId('embed-footer').waitFor({ timeout: 60000 });
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });
});
