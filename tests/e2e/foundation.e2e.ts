/** The foundation: the built site draws the basemap and every route family, offline, with details. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, mapPixels, openApp, saveShotPath, type Opened } from './browser';

const FAMILIES = ['central-med', 'western-balkans', 'north-african', 'western-med', 'atlantic'];

describe('route map (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
  });
  afterAll(async () => {
    await o?.page.screenshot({ path: saveShotPath('foundation') });
    await browser?.close();
  });

  it('has WebGL and draws pixels on the map canvas', async () => {
    const webgl = await o.page.evaluate(() => {
      const canvas = (window as any).__crossingsMap.getCanvas();
      return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
    });
    const px = await mapPixels(o.page);
    const stats = { webgl, colours: new Set(px.rgb).size, opaque: px.opaque };
    expect(stats.webgl).toBe(true);
    expect(stats.opaque).toBeGreaterThan(1000);
    // Water, land, borders, coast and five route colours: a blank or one-colour canvas fails.
    expect(stats.colours).toBeGreaterThan(20);
  });

  it('renders features for every route family, drawn under the labels', async () => {
    const r = await o.page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const feats = map.queryRenderedFeatures({ layers: ['routes-line'] });
      const layers = map.getStyle().layers.map((l: { id: string }) => l.id);
      return {
        families: [...new Set(feats.map((f: any) => f.properties.family))],
        routeIndex: layers.indexOf('routes-line'),
        labelIndex: layers.indexOf('country-labels'),
        countryLabels: map.queryRenderedFeatures({ layers: ['country-labels'] }).length,
      };
    });
    for (const f of FAMILIES) expect(r.families).toContain(f);
    expect(r.routeIndex).toBeGreaterThan(-1);
    expect(r.labelIndex).toBeGreaterThan(r.routeIndex);
    expect(r.countryLabels).toBeGreaterThan(5);
  });

  it('opens the details of a clicked route with at least one source link', async () => {
    // A point on a route where the route is the topmost interactive feature (not under a circle).
    const pt = await o.page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: ['routes-line'] })) {
        const coords = f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates[0];
        for (let i = 1; i < coords.length - 1; i++) {
          const p = map.project(coords[i]);
          if (p.x < 10 || p.y < 10 || p.x > rect.width - 60 || p.y > rect.height - 40) continue;
          const top = map.queryRenderedFeatures([p.x, p.y])[0];
          if (top?.layer.id.startsWith('routes-'))
            return { x: rect.left + p.x, y: rect.top + p.y, id: f.properties.id };
        }
      }
      return null;
    });
    expect(pt).not.toBeNull();
    if (!pt) return;
    await o.page.mouse.click(pt.x, pt.y);
    const details = o.page.getByTestId('route-details');
    await details.waitFor({ timeout: 10000 });
    const links = await details.locator('[data-testid=source] a[href^="http"]').count();
    expect(links).toBeGreaterThan(0);
    const sel = await o.page.evaluate(() => (window as any).__crossings.selection);
    expect(sel.kind).toBe('segment');
  });

  it('makes no request outside its own origin and logs no console error', async () => {
    const origin = new URL(baseUrl()).origin;
    const foreign = o.requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
  });

  it('shows Lampedusa, Malta, Lesbos and the Canaries as land when zoomed in (fine cells fetched on demand)', async () => {
    const page = o.page;
    const islands: [string, number, number][] = [
      ['Lampedusa', 12.6096, 35.5014],
      ['Malta', 14.45, 35.89],
      ['Lesbos', 26.3, 39.2],
      ['Gran Canaria', -15.6, 27.95],
    ];
    for (const [name, lon, lat] of islands) {
      const hit = await page.evaluate(
        ([x, y]) =>
          new Promise<boolean>((resolve) => {
            const map = (window as any).__crossingsMap;
            map.jumpTo({ center: [x, y], zoom: 9 });
            const check = () => {
              const p = map.project([x, y]);
              const f = map.queryRenderedFeatures([p.x, p.y], { layers: ['fine-land'] });
              if (f.length) resolve(true);
              else setTimeout(() => map.once('idle', check), 100);
            };
            map.once('idle', check);
            setTimeout(() => resolve(false), 20000);
          }),
        [lon, lat],
      );
      expect(hit, `${name} drawn as land at zoom 9`).toBe(true);
    }
    const fine = o.requests.filter((u) => u.includes('basemap-fine/c'));
    expect(fine.length).toBeGreaterThan(0);
    // Only cells near the islands, not the whole region (there are ~200).
    expect(fine.length).toBeLessThan(30);
    await page.evaluate(() =>
      (window as any).__crossingsMap.fitBounds(
        [
          [-19, -3],
          [45, 53],
        ],
        { duration: 0 },
      ),
    );
  });

  it('fits the region on a narrow screen too', async () => {
    const narrow = await openApp(browser, '', { width: 390, height: 800 });
    const b = await narrow.page.evaluate(() => (window as any).__crossingsMap.getBounds().toArray());
    // Lampedusa and the Strait of Sicily are in view on a phone.
    expect(b[0][0]).toBeLessThan(12.6);
    expect(b[1][0]).toBeGreaterThan(12.6);
    expect(b[0][1]).toBeLessThan(35.5);
    expect(b[1][1]).toBeGreaterThan(35.5);
    await narrow.page.context().close();
  });
});
