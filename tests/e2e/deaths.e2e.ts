/** The deaths overlay: IOM incidents drawn by the GPU layer, filtered by the window, clickable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, mapPixels, openApp, saveShotPath, type Opened } from './browser';

const m = (y: number, mo = 1) => y * 12 + mo - 1;
const incidents = JSON.parse(readFileSync('public/data/incidents.json', 'utf8')) as {
  columns: string[];
  rows: unknown[][];
};
const expected = (from: number, to: number) => {
  const [d, la, lo] = ['date', 'lat', 'lon'].map((c) => incidents.columns.indexOf(c));
  return incidents.rows.filter((r) => {
    if (typeof r[la] !== 'number' || typeof r[lo] !== 'number') return false;
    const s = String(r[d]);
    const mi = Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
    return mi >= from && mi <= to;
  }).length;
};

interface Gpu {
  count(): number;
  lastFrame: { window: [number, number]; at: number } | null;
}

async function setWindow(page: Page, w: [number, number]) {
  await page.evaluate((w) => {
    (window as unknown as { __crossings: { window: [number, number] } }).__crossings.window = w;
  }, w);
  await page.waitForFunction(
    (w) => {
      const f = (window as unknown as { __crossingsGpu?: Gpu }).__crossingsGpu?.lastFrame;
      return !!f && f.window[0] === w[0] && f.window[1] === w[1];
    },
    w,
    { timeout: 20000 },
  );
  return page.evaluate(() => (window as unknown as { __crossingsGpu: Gpu }).__crossingsGpu.count());
}

/** Sampled canvas pixels, compared before and after to find what changed. */
const snapshot = async (page: Page) => (await mapPixels(page, 3)).rgb;

describe('deaths overlay (GPU dated points)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
  });
  afterAll(async () => {
    await o?.page.screenshot({ path: saveShotPath('deaths') });
    await browser?.close();
  });

  it('is off by default and draws nothing', async () => {
    expect(await o.page.isChecked('[data-testid=toggle-deaths]')).toBe(false);
    expect(await o.page.locator('[data-testid=deaths-legend]').count()).toBe(0);
  });

  it('toggles on with the lower-bound caveat and the IOM attribution', async () => {
    const before = await snapshot(o.page);
    await o.page.click('[data-testid=toggle-deaths]');
    await o.page.waitForFunction(() => (window as any).__crossingsGpu?.count() > 0, null, { timeout: 30000 });
    await expect.poll(() => o.page.textContent('[data-testid=deaths-caveat]')).toMatch(/lower bound/);
    expect(await o.page.textContent('[data-testid=deaths-attribution]')).toMatch(/IOM.*CC BY 4\.0/);
    await o.page.waitForTimeout(300);
    const after = await snapshot(o.page);
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed++;
    // Hundreds of small points: a few thousand sampled pixels change, not the whole map.
    expect(changed).toBeGreaterThan(300);
    expect(changed).toBeLessThan(before.length / 3);
  });

  it('counts the incidents in the window exactly, fewer in 2023 than in 2019', async () => {
    const y2023 = await setWindow(o.page, [m(2023), m(2023, 12)]);
    const y2019 = await setWindow(o.page, [m(2019), m(2019, 12)]);
    expect(y2023).toBe(expected(m(2023), m(2023, 12)));
    expect(y2019).toBe(expected(m(2019), m(2019, 12)));
    expect(y2023).toBeLessThan(y2019);
    const one = await setWindow(o.page, [m(2019, 6), m(2019, 6)]);
    expect(one).toBe(expected(m(2019, 6), m(2019, 6)));
    expect(await o.page.textContent('[data-testid=deaths-count]')).toContain(String(one));
  });

  it('opens IncidentDetails when a point is clicked', async () => {
    await setWindow(o.page, [m(2023), m(2023, 12)]);
    // A point of the window, on screen, with no other incident within 12 px (so the pick is unambiguous).
    const target = await o.page.evaluate(
      async ({ from, to }) => {
        const map = (window as any).__crossingsMap;
        const res = await fetch('./data/incidents.json');
        const f = await res.json();
        const c = (n: string) => f.columns.indexOf(n);
        const rect = map.getCanvas().getBoundingClientRect();
        const pts = f.rows
          .filter((r: any[]) => {
            const s = String(r[c('date')]);
            const mi = Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
            return mi >= from && mi <= to && typeof r[c('lat')] === 'number';
          })
          .map((r: any[]) => ({ id: r[c('id')], p: map.project([r[c('lon')], r[c('lat')]]) }))
          .filter(
            (q: any) => q.p.x > 40 && q.p.y > 40 && q.p.x < rect.width - 80 && q.p.y < rect.height - 60,
          );
        for (const a of pts)
          if (!pts.some((b: any) => b !== a && Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y) < 12))
            return { id: a.id, x: rect.left + a.p.x, y: rect.top + a.p.y };
        return null;
      },
      { from: m(2023), to: m(2023, 12) },
    );
    expect(target).not.toBeNull();
    await o.page.mouse.click(target!.x, target!.y);
    await o.page.waitForSelector('[data-testid=incident-details]', { timeout: 10000 });
    const sel = await o.page.evaluate(() => (window as any).__crossings.selection);
    expect(sel).toEqual({ kind: 'incident', id: target!.id });
    const text = await o.page.textContent('[data-testid=incident-details]');
    expect(text).toMatch(/Dead/);
    expect(text).toMatch(/Missing/);
    expect(text).toMatch(/Source quality/);
    expect(text).toMatch(/CC BY 4\.0/);
    expect(o.consoleErrors).toEqual([]);
  });

  it('hides the points when toggled off', async () => {
    await o.page.click('[data-testid=toggle-deaths]');
    await expect.poll(() => o.page.evaluate(() => (window as any).__crossingsGpu.count())).toBe(0);
  });
});
