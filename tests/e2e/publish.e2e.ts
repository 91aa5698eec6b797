/**
 * Publication outputs on the built site: embeds that fit a fixed-height iframe on another origin
 * (no scrolling inside, map, source line and link in the box, the wheel scrolls the article),
 * auto-height with embed.js, static embeds without controls, exports at each size preset with the
 * headline typed in the dialog, and a bad `title=` kept as text with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { baseUrl, launch, openApp, waitForMapIdle } from './browser';
import { dpiOf } from '../../src/lib/export/phys';

/** Licence words a source line must not hold (they stay in Credits and the SVG metadata). */
const LICENCE = /\b(CC[ -]BY|licen[cs]e|licenza|public domain|deemed|CAD art|permission)\b/i;

/** Map canvas pixels (every 53rd), read in the frame itself. */
const pixels = (f: Frame | Page) =>
  f.evaluate(() => {
    // The map keeps no drawing buffer: draw now and read it in this task.
    (window as any).__crossingsMap.redraw();
    const src = (window as any).__crossingsMap.getCanvas() as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let i = 0; i < px.length; i += 4 * 53) out.push((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return out;
  });

describe('publication outputs (built site, real Chromium)', () => {
  let browser: Browser;
  let host: Server;
  let hostUrl = '';
  beforeAll(async () => {
    browser = await launch();
    const app = baseUrl();
    // A fake article on another origin: ?mode=fixed&w=640&h=480 or ?mode=auto&w=640.
    host = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const w = u.searchParams.get('w') ?? '640';
      const h = u.searchParams.get('h') ?? '480';
      const q = u.searchParams.get('q') ?? 'v=1&embed';
      const frame =
        u.searchParams.get('mode') === 'auto'
          ? `<iframe id="c1" data-crossings src="${app}?${q}&childId=c1" title="map" height="600"
               style="display:block;border:0;width:${w}px"></iframe><script src="${app}embed.js" async></script>`
          : `<iframe id="c1" src="${app}?${q}" title="map" style="display:block;border:0;width:${w}px;height:${h}px"></iframe>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><body style="margin:0;font:18px serif">
<p style="height:300px">Article text above the map.</p>${frame}
<p style="height:2000px">Article text below the map.</p></body>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => host?.close(() => r()));
  });

  async function openHost(query: string, viewport = { width: 1000, height: 800 }) {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(hostUrl + query);
    expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl()).origin);
    // Chromium does not draw off-screen cross-origin frames: bring the iframe into view.
    await page.evaluate(() => document.getElementById('c1')!.scrollIntoView());
    await page.waitForFunction(() => !!document.getElementById('c1'));
    let frame: Frame | undefined;
    for (let i = 0; i < 100 && !frame; i++) {
      frame = page.frames().find((f) => f.url().startsWith(baseUrl()));
      if (!frame) await page.waitForTimeout(100);
    }
    await waitForMapIdle(frame as unknown as Page);
    // The overlays are drawn (routes on the map), not just the basemap.
    await frame!.waitForFunction(
      () => (window as any).__crossingsMap.queryRenderedFeatures({ layers: ['routes-line'] }).length > 0,
      null,
      { timeout: 60000 },
    );
    return { ctx, page, frame: frame!, errors };
  }

  describe.each([
    [640, 480],
    [320, 480],
  ])('a plain iframe of %i × %i (no host script)', (w, h) => {
    it('fits: no scrolling inside, map, source line and link in the box; the wheel scrolls the article', async () => {
      const { ctx, page, frame, errors } = await openHost(`?mode=fixed&w=${w}&h=${h}`);
      const inside = await frame.evaluate(() => {
        const r = (s: string) => document.querySelector(s)!.getBoundingClientRect().toJSON();
        return {
          scrollH: document.documentElement.scrollHeight,
          scrollW: document.documentElement.scrollWidth,
          innerH: innerHeight,
          innerW: innerWidth,
          map: r('[data-testid=map]'),
          credits: r('[data-testid=embed-footer] [data-testid=credits]'),
          full: r('[data-testid=open-full]'),
          title: document.querySelector('[data-testid=embed-title]')?.textContent ?? '',
          sources: document.querySelector('[data-testid=embed-footer] [data-testid=credits]')!.textContent!,
          drop: document.documentElement.getAttribute('data-crossings-drop') ?? '',
        };
      });
      expect(inside.innerH).toBe(h);
      expect(inside.scrollH).toBeLessThanOrEqual(inside.innerH);
      expect(inside.scrollW).toBeLessThanOrEqual(inside.innerW);
      for (const box of [inside.map, inside.credits, inside.full]) {
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(h + 0.5);
        expect(box.right).toBeLessThanOrEqual(w + 0.5);
        expect(box.height).toBeGreaterThan(0);
      }
      expect(inside.map.height).toBeGreaterThanOrEqual(h * 0.35 - 1);
      expect(inside.title).toMatch(/^Sea arrivals in Italy, Jan\s?–\s?Dec 2023$/);
      expect(inside.sources).toMatch(/^Sources: .*Frontex.*map: Natural Earth/);
      expect(inside.sources).not.toMatch(LICENCE);
      // The map is drawn: many colours in its canvas.
      expect(new Set(await pixels(frame)).size).toBeGreaterThan(20);

      // The wheel over the map scrolls the article; the map does not zoom.
      const zoom0 = await frame.evaluate(() => (window as any).__crossingsMap.getZoom());
      await page.evaluate(() => window.scrollTo(0, 200));
      const box = await page.evaluate(() => {
        const r = document.getElementById('c1')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      const y0 = await page.evaluate(() => scrollY);
      const mapBox = inside.map;
      const frameBox = await page.evaluate(() =>
        document.getElementById('c1')!.getBoundingClientRect().toJSON(),
      );
      const over = {
        x: frameBox.left + mapBox.left + mapBox.width / 2,
        y: frameBox.top + mapBox.top + mapBox.height / 2,
      };
      expect(over.y).toBeGreaterThan(0);
      void box;
      await page.mouse.move(over.x, over.y);
      for (let i = 0; i < 5; i++) {
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(60);
      }
      await page.waitForFunction((y) => scrollY > y + 100, y0, { timeout: 10000 });
      expect(await frame.evaluate(() => (window as any).__crossingsMap.getZoom())).toBeCloseTo(zoom0, 5);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  });

  it('with embed.js, the iframe takes the content height: ≤ 700 px at 640 wide', async () => {
    const { ctx, page, frame } = await openHost('?mode=auto&w=640');
    await frame.waitForFunction(() => document.documentElement.hasAttribute('data-crossings-auto'));
    await page.waitForFunction(() => {
      const f = document.getElementById('c1')!;
      return f.style.height !== '' && Math.abs(f.getBoundingClientRect().height - 600) > 1;
    });
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => document.getElementById('c1')!.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      app: document.querySelector('.app')!.getBoundingClientRect().height,
      map: document.querySelector('[data-testid=map]')!.getBoundingClientRect().height,
      scrollH: document.documentElement.scrollHeight,
    }));
    expect(r).toBeLessThanOrEqual(700);
    expect(Math.abs(r - inner.app)).toBeLessThan(2);
    expect(inner.map).toBeGreaterThan(250);
    expect(inner.scrollH).toBeLessThanOrEqual(Math.ceil(r) + 1);
    await ctx.close();
  });

  it('with embed.js at 320 wide nothing overflows sideways and the link is whole', async () => {
    const { ctx, frame } = await openHost('?mode=auto&w=320', { width: 400, height: 800 });
    await frame.waitForFunction(() => document.documentElement.hasAttribute('data-crossings-auto'));
    const r = await frame.evaluate(() => {
      const a = document.querySelector('[data-testid=open-full]')!;
      const wide = [...document.querySelectorAll('body *')].filter(
        (el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.checkVisibility(),
      );
      return {
        scrollW: document.documentElement.scrollWidth,
        innerW: innerWidth,
        link: a.getBoundingClientRect().right,
        linkText: a.textContent,
        wide: wide.map((e) => e.className || e.tagName).slice(0, 5),
      };
    });
    expect(r.scrollW).toBeLessThanOrEqual(r.innerW);
    expect(r.wide).toEqual([]);
    expect(r.link).toBeLessThanOrEqual(r.innerW);
    expect(r.linkText).toContain('Open the full map');
    await ctx.close();
  });

  it('?embed&static is a picture: no enabled control, and dragging or wheeling the map changes nothing', async () => {
    const o = await openApp(browser, '?v=1&embed&static', { width: 640, height: 600 });
    await o.page.waitForFunction(
      () => (window as any).__crossingsMap.queryRenderedFeatures({ layers: ['routes-line'] }).length > 0,
    );
    const controls = await o.page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, textarea, [role=slider], [tabindex]')]
        .filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility() && !el.closest('[inert]'))
        .filter((el) => (el as HTMLElement).tabIndex >= 0 || el.matches('button, select, input, textarea'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(controls).toEqual([]);
    await o.page.getByTestId('embed-title').waitFor();
    await o.page.getByTestId('legend').waitFor();
    expect(await o.page.getByTestId('embed-footer').getByTestId('credits').textContent()).toMatch(
      /^\s*Sources: /,
    );
    expect(await o.page.getByTestId('open-full').getAttribute('href')).not.toContain('static');

    const view = () =>
      o.page.evaluate(() => {
        const m = (window as any).__crossingsMap;
        return { c: m.getCenter().toArray(), z: m.getZoom(), w: (window as any).__crossings.window };
      });
    const before = await view();
    const px0 = await pixels(o.page);
    const box = (await o.page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await o.page.mouse.move(cx, cy);
    await o.page.mouse.down();
    await o.page.mouse.move(cx + 120, cy + 60, { steps: 8 });
    await o.page.mouse.up();
    await o.page.mouse.wheel(0, -400);
    await o.page.keyboard.press('Equal');
    await o.page.mouse.dblclick(cx, cy);
    await o.page.waitForTimeout(600);
    await o.page.evaluate(
      () =>
        new Promise<void>((r) => {
          const m = (window as any).__crossingsMap;
          m.once('idle', () => r());
          m.triggerRepaint();
        }),
    );
    expect(await view()).toEqual(before);
    expect(await pixels(o.page)).toEqual(px0);
    expect(await o.page.evaluate(() => (window as any).__crossings.selection)).toBeNull();
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });

  describe('exports', () => {
    let o: Awaited<ReturnType<typeof openApp>>;
    beforeAll(async () => {
      o = await openApp(browser, '?v=1&from=2023-01&to=2023-12', { width: 1280, height: 800 });
      await o.page.getByTestId('open-export').click();
      await o.page.getByTestId('export-dialog').waitFor();
      mkdirSync('test-results/exports', { recursive: true });
    });
    afterAll(async () => {
      await o?.page.context().close();
    });

    async function save(testid: string) {
      // A print file takes a while on a loaded 2-core machine.
      const [dl] = await Promise.all([
        o.page.waitForEvent('download', { timeout: 80000 }),
        o.page.getByTestId(testid).click(),
      ]);
      const bytes = readFileSync((await dl.path())!);
      writeFileSync(`test-results/exports/${dl.suggestedFilename()}`, bytes);
      return { name: dl.suggestedFilename(), bytes };
    }
    const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

    it('a headline typed in the dialog is in the layout model, the SVG and the citation', async () => {
      await o.page.getByTestId('text-title').fill('Landings fell <b>sharply</b> & fast');
      await o.page.getByTestId('text-byline').fill('Data desk');
      await o.page.getByTestId('export-preset').selectOption('full');
      const svg = (await save('export-svg')).bytes.toString('utf8');
      const page = await o.page.evaluate(() => (window as any).__crossingsExport.page);
      const texts = page.marks.filter((m: any) => m.t === 'text').map((m: any) => m.text);
      expect(texts).toContain('Landings fell <b>sharply</b> & fast');
      expect(texts.join(' ')).toContain('Graphic: Data desk');
      const doc = await o.page.evaluate((s) => {
        const d = new DOMParser().parseFromString(s, 'image/svg+xml');
        return {
          error: d.querySelector('parsererror')?.textContent ?? null,
          texts: [...d.querySelectorAll('#frame text')].map((t) => t.textContent),
          bold: d.querySelectorAll('b').length,
          rights: [...d.querySelectorAll('metadata *')].map((t) => t.textContent).join('\n'),
          w: d.documentElement.getAttribute('width'),
          h: d.documentElement.getAttribute('height'),
        };
      }, svg);
      expect(doc.error).toBeNull();
      expect(doc.texts).toContain('Landings fell <b>sharply</b> & fast');
      expect(doc.bold).toBe(0);
      expect([doc.w, doc.h]).toEqual(['1200', '675']);
      const source = doc.texts.filter((s) => (s && /^Sources: /.test(s)) || false).join(' ');
      expect(source).toContain('Frontex');
      expect(source).toContain('Italian Ministry of the Interior');
      expect(doc.texts.join(' ')).not.toMatch(LICENCE);
      // The licences are kept in the metadata.
      expect(doc.rights).toMatch(/CC BY/);
      const cite = await o.page.getByTestId('cite-text').inputValue();
      expect(cite).toContain('Landings fell <b>sharply</b> & fast');
      expect(cite).not.toMatch(LICENCE);
      expect(await o.page.evaluate(() => location.search)).toContain('title=Landings+fell');
    });

    it.each([
      ['article', 640, 720, 96],
      ['full', 1200, 675, 96],
      ['square', 1080, 1080, 96],
      ['print', 2400, 1600, 300],
    ])('the %s preset writes exactly %i × %i px at %i dpi (PNG and SVG)', async (id, w, h, dpi) => {
      await o.page.getByTestId('export-preset').selectOption(id);
      // The labels MapLibre places while the file is drawn (the first 'idle' after the click is the
      // export's own render, off screen at the preset's map box), and the live map's, to compare.
      const labelsNow = () =>
        o.page.evaluate(() => {
          const m = (window as any).__crossingsMap;
          const sizes = m
            .queryRenderedFeatures({ layers: ['country-labels', 'sea-labels', 'landings-labels'] })
            .map((f: any) => [
              f.layer.id,
              Number(f.layer.layout['text-size']) * m.getPixelRatio(),
              String(f.properties.key ?? ''),
            ]);
          return { sizes, ratio: m.getPixelRatio(), css: m.getContainer().clientWidth };
        });
      const live = await labelsNow();
      await o.page.evaluate(() => {
        const m = (window as any).__crossingsMap;
        m.once('idle', () => {
          const sizes = m
            .queryRenderedFeatures({ layers: ['country-labels', 'sea-labels', 'landings-labels'] })
            .map((f: any) => [
              f.layer.id,
              Number(f.layer.layout['text-size']) * m.getPixelRatio(),
              String(f.properties.key ?? ''),
            ]);
          (window as any).__labelsAtExport = {
            sizes,
            ratio: m.getPixelRatio(),
            css: m.getContainer().clientWidth,
          };
        });
      });
      const png = await save('export-png');
      expect(png.name).toBe(`crossings-2023-01_2023-12-${id}.png`);
      expect(pngSize(png.bytes)).toEqual({ width: w, height: h });
      expect(dpiOf(new Uint8Array(png.bytes))).toBe(dpi);
      const page = await o.page.evaluate(() => (window as any).__crossingsExport.page);
      // The map box is laid out at the preset's size, not the window's.
      expect(page.map.width).toBe(w / (dpi === 300 ? 2 : 1));
      // The map's own labels were drawn for the output: at the page's text scale, so in file pixels
      // each is scale × density × its size in the app; in print none is under 7 pt at 300 dpi.
      const drawn = await o.page.evaluate(() => (window as any).__labelsAtExport);
      const density = dpi === 300 ? 2 : 1;
      expect(drawn.sizes.length).toBeGreaterThan(3);
      expect(drawn.ratio).toBeCloseTo(page.scale * density, 6);
      expect(drawn.css).toBe(Math.round(page.map.width / page.scale));
      // The circles' labels have one size in the style (country names follow the zoom).
      const circleLabel = (x: { sizes: [string, number, string][] }) =>
        x.sizes.filter(([l]) => l === 'landings-labels').map(([, v]) => v);
      expect(circleLabel(drawn).length).toBeGreaterThan(0);
      for (const v of circleLabel(drawn))
        expect(v).toBeCloseTo(circleLabel(live)[0] * page.scale * density, 4);
      if (id === 'article') expect(page.scale).toBe(1);
      if (id === 'square') expect(page.scale).toBeGreaterThan(1.3);
      const smallest = Math.min(...drawn.sizes.map(([, v]: [string, number]) => v));
      if (id === 'print') expect((smallest * 72) / 300).toBeGreaterThanOrEqual(6.99);
      const stats = await o.page.evaluate(async (b64) => {
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
        for (let i = 0; i < px.length; i += 4 * 97) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        return colours.size;
      }, png.bytes.toString('base64'));
      expect(stats).toBeGreaterThan(40);
      const svg = (await save('export-svg')).bytes.toString('utf8');
      expect(svg).toMatch(new RegExp(`<svg [^>]*width="${w}" height="${h}"`));
      // The PNG's page is the typed headline's (the layout model of the PNG just written).
      const pngPage = page.marks.filter((m: any) => m.t === 'text').map((m: any) => m.text);
      expect(pngPage).toContain('Landings fell <b>sharply</b> & fast');
      // The SVG draws the map's arrows and the map's circle labels: the largest circle (Italy, all
      // ports) is labelled in both files, and the SVG labels only circles it draws.
      expect((svg.match(/class="arrow"/g) ?? []).length).toBeGreaterThan(5);
      const svgLabels = [...svg.matchAll(/<text [^>]*data-for="([^"]+)"/g)].map((x) => x[1]);
      const pngLabels = drawn.sizes
        .filter(([l]: string[]) => l === 'landings-labels')
        .map((x: string[]) => x[2]);
      expect(svgLabels).toContain('sea_arrivals|country|ITA');
      expect(pngLabels).toContain('sea_arrivals|country|ITA');
      for (const k of svgLabels) expect(svg).toContain(`data-key="${k}"`);
      console.log(id, 'circle labels: PNG', pngLabels.sort().join(' '), '| SVG', svgLabels.sort().join(' '));
      // The live map is back to its own size and resolution.
      const box = await o.page.getByTestId('map').boundingBox();
      const canvas = await o.page.evaluate(() => {
        const m = (window as any).__crossingsMap;
        return { w: m.getCanvas().clientWidth, ratio: m.getPixelRatio() };
      });
      expect(canvas.w).toBe(Math.round(box!.width));
      expect(canvas.ratio).toBe(1);
    });

    it('a custom size is written at exactly that size', async () => {
      await o.page.getByTestId('export-preset').selectOption('custom');
      await o.page.getByTestId('export-width').fill('900');
      await o.page.getByTestId('export-height').fill('500');
      expect(pngSize((await save('export-png')).bytes)).toEqual({ width: 900, height: 500 });
    });

    it('the Italian export says its sources in Italian', async () => {
      await o.page.evaluate(() => ((window as any).__crossings.lang = 'it'));
      await o.page.getByTestId('text-title').fill('');
      await o.page.getByTestId('export-preset').selectOption('full');
      const svg = (await save('export-svg')).bytes.toString('utf8');
      const texts = await o.page.evaluate(
        (s) =>
          [...new DOMParser().parseFromString(s, 'image/svg+xml').querySelectorAll('#frame text')].map(
            (t) => t.textContent ?? '',
          ),
        svg,
      );
      expect(texts[0]).toMatch(/^Arrivi via mare in Italia, gen\s?–\s?dic 2023$/);
      const line = texts.filter((s) => s.startsWith('Fonti: '));
      expect(line.length).toBe(1);
      expect(texts.join(' ')).toContain("Ministero dell'Interno");
      expect(texts.join(' ')).toContain('mappa: Natural Earth');
      expect(texts.join(' ')).not.toContain('Sources');
      expect(o.consoleErrors).toEqual([]);
    });
  });

  it("the snippet's <noscript> has the build's picture of the default view, and only for that view", async () => {
    const noscript = async (query: string) => {
      const o = await openApp(browser, query, { width: 1280, height: 800 });
      await o.page.getByTestId('open-embed').click();
      const code = o.page.getByTestId('embed-code');
      // The picture is included once the dialog has seen that the site serves it.
      await o.page.waitForTimeout(1500);
      const text = await code.inputValue();
      await o.page.context().close();
      return /<noscript>([\s\S]*)<\/noscript>/.exec(text)?.[1] ?? '';
    };
    const fallback = await noscript('?v=1&lang=it');
    const img = /<img src="([^"]+)" width="640" height="720" alt="([^"]+)"/.exec(fallback);
    expect(img, fallback).not.toBeNull();
    expect(img![1]).toBe(`${baseUrl()}fallback-it.png`);
    expect(img![2]).toMatch(/^Arrivi via mare in Italia, gen\s?–\s?dic 2023\. Fonti: Frontex; /);
    expect(fallback).toMatch(/<a href="[^"]+">Arrivi via mare/);
    // The picture is served: a 640 × 720 PNG with a drawn map (many colours), not a blank page.
    const res = await fetch(img![1]);
    expect(res.headers.get('content-type')).toContain('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 720]);
    writeFileSync('test-results/exports/fallback-it.png', png);
    const o = await openApp(browser, '?v=1', { width: 700, height: 760 });
    const colours = await o.page.evaluate(async (b64) => {
      const im = new Image();
      im.src = 'data:image/png;base64,' + b64;
      await im.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [im.naturalWidth, im.naturalHeight];
      const g = c.getContext('2d')!;
      g.drawImage(im, 0, 0);
      const px = g.getImageData(0, 60, 640, 300).data;
      const set = new Set<number>();
      for (let i = 0; i < px.length; i += 4 * 31) set.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      return set.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(40);
    await o.page.context().close();
    // Another period: the picture would show the wrong data, so only the link and sources remain.
    const other = await noscript('?v=1&from=2016-01&to=2016-12');
    expect(other).not.toContain('<img');
    expect(other).toMatch(/<a href="[^"]+">Sea arrivals in Italy, Jan\s?–\s?Dec 2016: Open the full map/);
    expect(other).toContain('Sources: ');
  });

  it.each([
    ['a 10,000-character title', 'x'.repeat(10000), 'share.url.textCut'],
    ['a script-laden title', '<script>alert(1)</script><img src=x onerror=alert(2)>', 'share.url.textMarkup'],
  ])('%s is cut or kept as text, with a notice, never HTML', async (_n, title) => {
    const o = await openApp(browser, `?v=1&embed&lang=en&title=${encodeURIComponent(title)}`, {
      width: 640,
      height: 600,
    });
    const r = await o.page.evaluate(() => ({
      title: document.querySelector('[data-testid=embed-title]')!.textContent!,
      html: document.querySelector('[data-testid=embed-title]')!.innerHTML,
      scripts: document.querySelectorAll('script:not([src])').length,
      imgs: document.querySelectorAll('img[src=x]').length,
      notices: document.querySelector('[data-testid=notices]')!.textContent!,
    }));
    expect([...r.title].length).toBeLessThanOrEqual(120);
    if (title.startsWith('<')) {
      expect(r.title).toBe(title);
      expect(r.html).toContain('&lt;script&gt;');
      expect(r.notices).toContain('(title) contains markup');
    } else {
      expect(r.title.endsWith('…')).toBe(true);
      expect(r.notices).toContain('(title) was longer than allowed');
    }
    expect(r.imgs).toBe(0);
    expect(r.scripts).toBe(0);
    // The rest of the link still applies.
    expect(await o.page.evaluate(() => (window as any).__crossings.mode)).toBe('embed');
    expect(o.consoleErrors).toEqual([]);
    await o.page.context().close();
  });
});
