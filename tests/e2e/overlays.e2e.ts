/**
 * Overlays and the timeline on the built site: keyboard on the brush changes the summary and the
 * rendered landing circles; play advances the window; overlays toggle; agreement arcs show their
 * lifecycle and disappear before the signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, saveShotPath, type Opened, repaintIdle } from './browser';

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

const settle = repaintIdle;

async function setWindow(page: Page, from: string, to: string) {
  await page.evaluate(
    ([a, b]) => ((window as any).__crossings.window = [a, b]),
    [monthIndex(from), monthIndex(to)],
  );
  await settle(page);
}

/** Distinct landing circles drawn (by area), and the same count from the app's own window sums. */
async function landingCounts(page: Page) {
  return page.evaluate(() => {
    const map = (window as any).__crossingsMap;
    const drawn = new Set<string>(
      map.queryRenderedFeatures({ layers: ['landings-circles'] }).map((f: any) => f.properties.key),
    );
    const v = (window as any).__crossingsModel.view('landings');
    const expected = v.values.filter((x: any) => x && x.value > 0).length;
    return { drawn: drawn.size, expected, keys: [...drawn].sort() };
  });
}

describe('overlays and timeline (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
  });
  afterAll(async () => {
    await o?.page.screenshot({ path: saveShotPath('overlays') });
    await browser?.close();
  });

  it('moving the window by keyboard changes the summary and the landing circles (2019 → 2023)', async () => {
    const page = o.page;
    await setWindow(page, '2019-01', '2019-12');
    const summary2019 = await page.getByTestId('summary').textContent();
    const c2019 = await landingCounts(page);
    expect(summary2019).toContain('2019');
    expect(c2019.drawn).toBe(c2019.expected);

    // Four years later, by keyboard on the window slider: PageUp moves the window by a year.
    const slider = page.getByTestId('timeline-window');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    await settle(page);
    const w = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w).toEqual([monthIndex('2023-01'), monthIndex('2023-12')]);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/January 2023 to December 2023/);
    const summary2023 = await page.getByTestId('summary').textContent();
    // The ministry's annual totals: 11,471 in 2019, 157,652 in 2023.
    expect(summary2019).toContain('11,471');
    expect(summary2023).toContain('157,652');
    const c2023 = await landingCounts(page);
    expect(c2023.drawn).toBe(c2023.expected);
    // Lampedusa has a figure for 2023 and none for 2019: its circle appears.
    expect(c2019.keys.some((k) => k.includes('lampedusa'))).toBe(false);
    expect(c2023.keys.some((k) => k.includes('lampedusa'))).toBe(true);

    // Arrow keys move by a month; Shift+arrow resizes the end.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const w2 = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w2).toEqual([monthIndex('2022-12'), monthIndex('2023-10')]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=summary-live]')?.textContent?.includes('Dec 2022'),
      null,
      { timeout: 5000 },
    );
  });

  it('dragging the brush with the pointer moves the window by whole months', async () => {
    const page = o.page;
    await setWindow(page, '2016-01', '2016-12');
    const sel = page.locator('[data-testid=timeline] g.brush .selection');
    const box = (await sel.boundingBox())!;
    // The rect's own width (the bounding box also counts the stroke).
    const perMonth = Number(await sel.getAttribute('width')) / 12;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + perMonth * 24.2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const w = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w).toEqual([monthIndex('2018-01'), monthIndex('2018-12')]);
  });

  it('play advances the window, and pause stops it', async () => {
    const page = o.page;
    await setWindow(page, '2014-01', '2014-03');
    await page.getByTestId('timeline-play').click();
    await page.waitForFunction(
      (start) => (window as any).__crossings.window[0] >= start + 3,
      monthIndex('2014-01'),
      {
        timeout: 10000,
      },
    );
    await page.getByTestId('timeline-play').click();
    const a = await page.evaluate(() => (window as any).__crossings.window[0]);
    await page.waitForTimeout(600);
    const b = await page.evaluate(() => (window as any).__crossings.window[0]);
    expect(b).toBe(a);
    expect(await page.evaluate(() => (window as any).__crossings.playing)).toBe(false);
  });

  it('each overlay toggles its layers on and off', async () => {
    const page = o.page;
    await setWindow(page, '2023-01', '2023-12');
    const layersOf: Record<string, string> = {
      routes: 'routes-line',
      landings: 'landings-circles',
      programmes: 'programme-markers',
      agreements: 'agreements-markers',
    };
    for (const [id, layer] of Object.entries(layersOf)) {
      const toggle = page.getByTestId(`toggle-${id}`);
      const before = await toggle.isChecked();
      if (!before) await toggle.check();
      await settle(page);
      const on = await page.evaluate(
        (l) => (window as any).__crossingsMap.queryRenderedFeatures({ layers: [l] }).length,
        layer,
      );
      expect(on, `${id} drawn when on`).toBeGreaterThan(0);
      await toggle.uncheck();
      await settle(page);
      const vis = await page.evaluate(
        (l) => (window as any).__crossingsMap.getLayoutProperty(l, 'visibility'),
        layer,
      );
      expect(vis).toBe('none');
      const off = await page.evaluate(
        (l) => (window as any).__crossingsMap.queryRenderedFeatures({ layers: [l] }).length,
        layer,
      );
      expect(off, `${id} hidden when off`).toBe(0);
      if (before) await toggle.check();
      await settle(page);
    }
  });

  it('clicking an agreement marker shows its lifecycle with sources; before its signature it is not drawn', async () => {
    const page = o.page;
    await setWindow(page, '2024-01', '2024-12');
    if (!(await page.getByTestId('toggle-agreements').isChecked()))
      await page.getByTestId('toggle-agreements').check();
    await settle(page);
    const id = 'italy-albania-protocol-2023';
    const pt = await page.evaluate((aid) => {
      const map = (window as any).__crossingsMap;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: ['agreements-markers'] })) {
        if (f.properties.id !== aid) continue;
        // The diamond sits at the capital, shifted by its place in the row of markers there.
        const c = map.project(f.geometry.coordinates);
        const raw = f.properties.offset;
        const off = (Array.isArray(raw) ? raw : JSON.parse(String(raw))) as [number, number];
        const size = map.getLayoutProperty('agreements-markers', 'icon-size') as number;
        for (const [dx, dy] of [
          [0, 0],
          [2, 0],
          [-2, 0],
          [0, 2],
          [0, -2],
        ]) {
          const x = c.x + off[0] * size + dx;
          const y = c.y + off[1] * size + dy;
          const top = map.queryRenderedFeatures([x, y], { layers: ['agreements-markers'] })[0];
          if (top?.properties.id === aid) return { x: rect.left + x, y: rect.top + y };
        }
      }
      return null;
    }, id);
    expect(pt, 'the Italy–Albania marker is drawn in 2024 and clickable').not.toBeNull();
    await page.mouse.click(pt!.x, pt!.y);
    const details = page.getByTestId('agreement-details');
    await details.waitFor({ timeout: 10000 });
    expect(await details.getByTestId('lifecycle').locator('li').count()).toBeGreaterThan(0);
    expect(await details.locator('[data-testid=source] a[href^="http"]').count()).toBeGreaterThan(0);

    // Signed in November 2023: a window ending before that does not draw it.
    await setWindow(page, '2022-01', '2022-12');
    const drawn = await page.evaluate(
      (aid) =>
        (window as any).__crossingsMap
          .queryRenderedFeatures({ layers: ['agreements-markers'] })
          .filter((f: any) => f.properties.id === aid).length,
      id,
    );
    expect(drawn).toBe(0);
  });

  it('a shared link with a selected agreement opens its details once the data has loaded', async () => {
    const other = await openApp(
      browser,
      '?v=1&from=2024-01&to=2024-12&sel=agreement:italy-albania-protocol-2023',
    );
    await other.page.getByTestId('agreement-details').waitFor({ timeout: 10000 });
    expect(other.consoleErrors).toEqual([]);
    await other.page.context().close();
  });

  it('switching the theme keeps every overlay drawn', async () => {
    const page = o.page;
    await setWindow(page, '2023-01', '2023-12');
    await page.evaluate(() => {
      const app = (window as any).__crossings;
      app.layers = { ...app.layers, routes: true, landings: true, programmes: true, agreements: true };
    });
    await settle(page);
    const layers = ['routes-line', 'landings-circles', 'programme-markers', 'agreements-markers'];
    // Distinct features per layer (a line crossing tiles comes back once per tile, and how many
    // tiles its buffer touches depends on the theme's line width).
    const counts = () =>
      page.evaluate(
        (ls) =>
          ls.map(
            (l) =>
              new Set(
                (window as any).__crossingsMap
                  .queryRenderedFeatures({ layers: [l] })
                  .map((f: any) => String(f.id ?? f.properties.id ?? f.properties.key)),
              ).size,
          ),
        layers,
      );
    const before = await counts();
    expect(before.every((n) => n > 0)).toBe(true);
    for (const theme of ['dark', 'projector', 'light']) {
      await page.evaluate((th) => ((window as any).__crossings.theme = th), theme);
      await page.waitForTimeout(300);
      await settle(page);
      const now = await counts();
      // The projector theme's larger type makes the chrome taller and the map smaller, so fewer
      // point marks are in view: there every overlay must still draw; elsewhere exactly as before.
      if (theme === 'projector')
        expect(
          now.every((n) => n > 0),
          `${theme}: ${now}`,
        ).toBe(true);
      else expect(now, theme).toEqual(before);
    }
  });

  it('lists undated agreements separately and never on the timeline', async () => {
    const page = o.page;
    const undated = page.getByTestId('undated-agreements');
    expect(await undated.textContent()).toMatch(/Italy.Netherlands/);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=timeline] .marker')].flatMap((m) =>
        (m.getAttribute('data-ids') ?? '').split(' '),
      ),
    );
    expect(ids).toContain('italy-albania-protocol-2023');
    expect(ids).not.toContain('italy-netherlands-doi');
  });
});
