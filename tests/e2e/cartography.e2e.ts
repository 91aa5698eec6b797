/**
 * Cartography on the built site: agreements never look like routes (no line across the map unless
 * one is selected), the largest circles carry labels, every overlay answers hover with a tooltip,
 * keyboard focus in the table highlights the feature, and every mark on the map is in the legend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, repaintIdle, settleFrames, waitForMapIdle, type Opened } from './browser';

let browser: Browser;
let o: Opened;
beforeAll(async () => {
  browser = await launch();
  o = await openApp(
    browser,
    '?v=1&from=2023-01&to=2023-12&layers=routes,landings,agreements,programmes,deaths',
  );
  await o.page.waitForFunction(() => (window as any).__crossingsGpu?.count() > 0, null, { timeout: 30000 });
  await waitForMapIdle(o.page);
});
afterAll(async () => {
  await o?.page.context().close();
  await browser?.close();
});

const idle = repaintIdle;

/** A page point over a rendered feature of `layer` (optionally with property `key` = `value`) where it is on top. */
async function pointOver(page: Page, layer: string, key?: string, value?: string) {
  return page.evaluate(
    ([l, k, v]) => {
      const map = (window as any).__crossingsMap;
      const rect = map.getCanvas().getBoundingClientRect();
      // A diamond wins the pointer over the marks above it (host priority): markers are checked alone.
      const ours =
        l === 'agreements-markers'
          ? [l]
          : ['agreements-markers', 'agreements-arcs', 'programme-markers', 'routes-line', 'landings-circles'];
      for (const f of map.queryRenderedFeatures({ layers: [l] })) {
        if (k && String(f.properties[k]) !== v) continue;
        const g = f.geometry;
        const coords =
          g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates[0];
        for (const c of coords) {
          const p = map.project(c);
          let off = [0, 0];
          if (l === 'agreements-markers') {
            const raw = f.properties.offset;
            const o = Array.isArray(raw) ? raw : JSON.parse(String(raw));
            const s = map.getLayoutProperty(l, 'icon-size');
            off = [o[0] * s, o[1] * s];
          }
          // Try the centre, then points inside a circle's edge (diamonds at capitals win the centre).
          for (const [dx, dy] of [
            [0, 0],
            [0, 9],
            [0, -9],
            [9, 0],
            [-9, 0],
            [0, 14],
            [0, -14],
          ]) {
            const x = p.x + off[0] + dx;
            const y = p.y + off[1] + dy;
            if (x < 20 || y < 20 || x > rect.width - 80 || y > rect.height - 40) continue;
            const under = map.queryRenderedFeatures([x, y], { layers: ours });
            const top = under[0];
            // Where a diamond is under the pointer it wins (host priority): avoid those spots for the rest.
            const diamond =
              l !== 'agreements-markers' && under.some((u: any) => u.layer.id === 'agreements-markers');
            if (top?.layer.id === l && !diamond)
              return { x: rect.left + x, y: rect.top + y, props: top.properties };
          }
        }
      }
      return null;
    },
    [layer, key, value] as const,
  );
}

describe('cartography', () => {
  it('agreements are markers: no line crosses the map until one is selected, and none for a multilateral process', async () => {
    const page = o.page;
    const count = (l: string) =>
      page.evaluate((x) => (window as any).__crossingsMap.queryRenderedFeatures({ layers: [x] }).length, l);
    expect(await count('agreements-markers')).toBeGreaterThan(5);
    expect(await count('agreements-arcs')).toBe(0);
    await page.evaluate(() =>
      (window as any).__crossings.select({ kind: 'agreement', id: 'italy-albania-protocol-2023' }),
    );
    await page.waitForTimeout(300);
    await idle(page);
    expect(await count('agreements-arcs')).toBeGreaterThan(0);
    // The Khartoum Process has 11 parties: selecting it outlines them but draws no fan.
    await page.evaluate(() =>
      (window as any).__crossings.select({ kind: 'agreement', id: 'khartoum-process' }),
    );
    await page.waitForTimeout(300);
    await idle(page);
    expect(await count('agreements-arcs')).toBe(0);
    expect(
      JSON.stringify(
        await page.evaluate(() => (window as any).__crossingsMap.getFilter('agreements-selected')),
      ),
    ).toContain('ERI');
    await page.evaluate(() => (window as any).__crossings.select(null));
    await idle(page);
  });

  it('the largest landing circles carry their place and figure', async () => {
    const labels = await o.page.evaluate(() =>
      (window as any).__crossingsMap
        .queryRenderedFeatures({ layers: ['landings-labels'] })
        .map((f: any) => String(f.properties.label)),
    );
    expect(labels.some((l: string) => /Lampedusa|Italy/.test(l))).toBe(true);
    expect(labels.join(' ')).toMatch(/\d{2,3},\d{3}/);
  });

  it('hovering a landing circle, a route, an agreement, a programme and an incident shows a tooltip', async () => {
    const page = o.page;
    // Dead-and-missing points are drawn on top of everything curated: first the others without them.
    await page.getByTestId('toggle-deaths').uncheck();
    await idle(page);
    const cases: [string, string | undefined, string | undefined, RegExp][] = [
      ['landings-circles', 'area', 'lampedusa', /Lampedusa/],
      ['routes-line', undefined, undefined, /→/],
      ['agreements-markers', 'id', 'eu-tunisia-mou-2023', /Tunisia/],
      ['programme-markers', undefined, undefined, /programmes announced/],
    ];
    for (const [layer, k, v, name] of cases) {
      const pt = await pointOver(page, layer, k, v);
      expect(pt, `a ${layer} feature on top somewhere`).not.toBeNull();
      await page.mouse.move(pt!.x, pt!.y);
      const tip = page.getByTestId('map-tooltip');
      await tip.waitFor({ timeout: 5000 });
      expect(await tip.innerText(), layer).toMatch(name);
      await page.mouse.move(5, 5);
    }
    await page.getByTestId('toggle-deaths').check();
    await page.waitForFunction(() => (window as any).__crossingsGpu.count() > 0);
    await idle(page);
    // An incident in the window, in view: its tooltip says dead and missing, and IOM.
    const pt = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const rect = map.getCanvas().getBoundingClientRect();
      const v = (window as any).__crossingsModel.view('deaths');
      for (let k = 0; k < v.range.count; k++) {
        const x = v.list[v.order[v.range.first + k]];
        const p = map.project([x.lon, x.lat]);
        if (p.x > 40 && p.y > 40 && p.x < rect.width - 80 && p.y < rect.height - 40)
          return { x: rect.left + p.x, y: rect.top + p.y };
      }
      return null;
    });
    expect(pt).not.toBeNull();
    await page.mouse.move(pt!.x, pt!.y);
    const tip = page.getByTestId('map-tooltip');
    await tip.waitFor({ timeout: 5000 });
    expect(await tip.innerText()).toMatch(/dead and missing/);
    expect(await tip.innerText()).toMatch(/Missing Migrants Project/);
    await page.mouse.move(5, 5);
  });

  it('every mark drawn on the map has its entry in the legend', async () => {
    const page = o.page;
    for (const sel of [
      null,
      { kind: 'agreement', id: 'italy-albania-protocol-2023' },
      { kind: 'programme', id: 'country:LBY' },
    ]) {
      await page.evaluate((s) => (window as any).__crossings.select(s), sel);
      await page.waitForTimeout(300);
      await idle(page);
      const r = await page.evaluate(() => {
        const map = (window as any).__crossingsMap;
        const drawn = map
          .getStyle()
          .layers.filter(
            (l: any) => l.metadata?.['crossings:legend'] && l.metadata['crossings:legend'] !== 'label',
          )
          .filter((l: any) => map.queryRenderedFeatures({ layers: [l.id] }).length > 0)
          .map((l: any) => [l.id, l.metadata['crossings:legend']]);
        const keys = [...document.querySelectorAll('[data-testid=legend] [data-legend-key]')].map((e) =>
          e.getAttribute('data-legend-key'),
        );
        const deaths = (window as any).__crossingsGpu.count() > 0;
        return { drawn, keys, deaths };
      });
      expect(r.drawn.length, 'layers with rendered features').toBeGreaterThan(5);
      for (const [id, key] of r.drawn) expect(r.keys, `${id} (${key}) is in the legend`).toContain(key);
      // The GPU layer (a custom layer, not in the style) has its entry too.
      if (r.deaths) expect(r.keys).toContain('death');
    }
    await page.evaluate(() => (window as any).__crossings.select(null));
  });

  it('keyboard focus on a table row highlights its feature on the map', async () => {
    const page = o.page;
    await page.getByTestId('tab-table').click();
    await page.getByTestId('data-table').waitFor();
    const button = page.locator(
      'table[data-table=landings] tbody tr[data-row="sea_arrivals|place|lampedusa"] th button',
    );
    await button.focus();
    await page.waitForFunction(() => (window as any).__crossings.hovered?.id === 'lampedusa');
    // The map follows the state a frame later (src/lib/state/frames.ts).
    await settleFrames(page);
    const state = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const feats = map.querySourceFeatures('landings');
      const f = feats.find((x: any) => x.properties.area === 'lampedusa');
      return f ? map.getFeatureState({ source: 'landings', id: f.id }) : null;
    });
    expect(state).toMatchObject({ hover: true });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => (window as any).__crossings.hovered?.id !== 'lampedusa');
    await page.getByTestId('tab-details').click();
  });

  it('the search result under the keyboard highlights its feature on the map', async () => {
    const page = o.page;
    const input = page.getByTestId('search-input');
    await input.fill('lampedusa');
    await input.press('ArrowDown');
    await page.waitForFunction(() => (window as any).__crossings.hovered?.id === 'lampedusa');
    await settleFrames(page);
    const state = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const f = map.querySourceFeatures('landings').find((x: any) => x.properties.area === 'lampedusa');
      return f ? map.getFeatureState({ source: 'landings', id: f.id }) : null;
    });
    expect(state).toMatchObject({ hover: true });
    await input.press('Escape');
    await page.waitForFunction(() => (window as any).__crossings.hovered === null);
    await input.fill('');
  });
});
