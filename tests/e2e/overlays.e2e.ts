/**
 * Overlays and the timeline on the built site: keyboard on the brush changes the summary and the
 * rendered landing circles; play advances the window; overlays toggle; agreement arcs show their
 * lifecycle and disappear before the signature.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_SPEC, validateCsv } from '../../src/lib/data/schema';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openApp, saveShotPath, type Opened, repaintIdle, waitForMapIdle } from './browser';

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

/** Landing circles as drawn (key and value), to tell two windows' maps apart. */
const landingValues = (page: Page) =>
  page.evaluate(() =>
    [
      ...new Set<string>(
        (window as any).__crossingsMap
          .queryRenderedFeatures({ layers: ['landings-circles'] })
          .map((f: any) => `${f.properties.key}=${f.properties.value}`),
      ),
    ].sort(),
  );

const windowNow = (page: Page) => page.evaluate(() => [...(window as any).__crossings.window]);

/** The brush's parts on screen, and the width of a month (the selection rect's own width over its months). */
async function brushBoxes(page: Page) {
  const part = (c: string) => page.locator(`[data-testid=timeline] g.brush .${c}`);
  const sel = (await part('selection').boundingBox())!;
  const w = await windowNow(page);
  const perMonth = Number(await part('selection').getAttribute('width')) / (w[1] - w[0] + 1);
  return {
    sel,
    perMonth,
    e: (await part('handle--e').boundingBox())!,
    w: (await part('handle--w').boundingBox())!,
    track: (await part('overlay').boundingBox())!,
  };
}

/** A mouse drag from (x, y) by dx, in steps. */
async function mouseDrag(page: Page, x: number, y: number, dx: number) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 8 });
  await page.mouse.up();
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

  it('mouse drags of the selection, an edge and the track set the window, the URL and the map', async () => {
    const page = o.page;
    await setWindow(page, '2019-01', '2019-12');
    const c2019 = await landingCounts(page);
    let b = await brushBoxes(page);
    const mid = b.sel.y + b.sel.height / 2;

    // The selection, four years later: 2023, with Lampedusa's circle and the ministry's 2023 total.
    await mouseDrag(page, b.sel.x + b.sel.width / 2, mid, b.perMonth * 48.2);
    expect(await windowNow(page)).toEqual([monthIndex('2023-01'), monthIndex('2023-12')]);
    await page.waitForFunction(() => /from=2023-01&to=2023-12/.test(location.search));
    await settle(page);
    const c2023 = await landingCounts(page);
    expect(c2023.drawn).toBe(c2023.expected);
    expect(c2019.keys.some((k) => k.includes('lampedusa'))).toBe(false);
    expect(c2023.keys.some((k) => k.includes('lampedusa'))).toBe(true);
    expect(await page.getByTestId('summary').textContent()).toContain('157,652');
    const year = await landingValues(page);

    // The east handle, six months in: January to June 2023, smaller circles.
    b = await brushBoxes(page);
    await mouseDrag(page, b.e.x + b.e.width / 2, mid, -b.perMonth * 5.8);
    expect(await windowNow(page)).toEqual([monthIndex('2023-01'), monthIndex('2023-06')]);
    await page.waitForFunction(() => /from=2023-01&to=2023-06/.test(location.search));
    await settle(page);
    const half = await landingValues(page);
    expect(half.length).toBeGreaterThan(0);
    expect(half).not.toEqual(year);
    expect((await landingCounts(page)).drawn).toBe((await landingCounts(page)).expected);
    expect(await page.getByTestId('summary').textContent()).not.toContain('157,652');

    // The west handle past the east one: the edges swap, at least one month remains.
    b = await brushBoxes(page);
    await mouseDrag(page, b.w.x + b.w.width / 2, mid, b.perMonth * 8.1);
    expect(await windowNow(page)).toEqual([monthIndex('2023-07'), monthIndex('2023-08')]);

    // Far right: the window keeps its length and stops at the end of the axis.
    b = await brushBoxes(page);
    await mouseDrag(page, b.sel.x + b.sel.width / 2, mid, 5000);
    const end = await windowNow(page);
    expect(end[1] - end[0]).toBe(1);
    const axisEnd = await page.locator('[data-testid=timeline] .axis text').last().textContent();
    expect(end[1]).toBe(monthIndex(`${axisEnd}-12`));

    // A drag on the empty track draws a new window, snapped to whole months: March to August 2016.
    b = await brushBoxes(page);
    const x2016 = await page.evaluate(() => {
      const t = [...document.querySelectorAll('[data-testid=timeline] .axis text')].find(
        (e) => e.textContent === '2016',
      )!;
      return t.previousElementSibling!.getBoundingClientRect().x;
    });
    await mouseDrag(page, x2016 + b.perMonth * 2.2, mid, b.perMonth * 5.9);
    expect(await windowNow(page)).toEqual([monthIndex('2016-03'), monthIndex('2016-08')]);
    await page.waitForFunction(() => /from=2016-03&to=2016-08/.test(location.search));
    // Escape during a drag gives it up: the window goes back.
    b = await brushBoxes(page);
    await page.mouse.move(b.sel.x + b.sel.width / 2, mid);
    await page.mouse.down();
    await page.mouse.move(b.sel.x + b.sel.width / 2 + b.perMonth * 12, mid, { steps: 4 });
    expect(await windowNow(page)).toEqual([monthIndex('2017-03'), monthIndex('2017-08')]);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await windowNow(page)).toEqual([monthIndex('2016-03'), monthIndex('2016-08')]);
  });

  it('touch: a sideways drag moves the window, a vertical swipe scrolls the page, a wobbly tap centres', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    const page = await ctx.newPage();
    await page.goto(baseUrl() + '?from=2019-01&to=2019-12');
    await waitForMapIdle(page);
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const cdp = await ctx.newCDPSession(page);
    const touch = async (points: [number, number][]) => {
      const [first, ...rest] = points;
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: first[0], y: first[1] }],
      });
      for (const [x, y] of rest) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const line = (x: number, y: number, dx: number, dy: number, n = 10) =>
      Array.from({ length: n + 1 }, (_, i) => [x + (dx * i) / n, y + (dy * i) / n] as [number, number]);
    const top = () =>
      page.evaluate(() => document.querySelector('[data-testid=timeline]')!.getBoundingClientRect().top);

    let b = await brushBoxes(page);
    const mid = b.sel.y + b.sel.height / 2;
    const top0 = await top();
    await touch(line(b.sel.x + b.sel.width / 2, mid, b.perMonth * 48.2, 0));
    expect(await windowNow(page)).toEqual([monthIndex('2023-01'), monthIndex('2023-12')]);
    expect(await top(), 'a sideways drag does not scroll the page').toBe(top0);
    await repaintIdle(page);
    expect((await landingCounts(page)).keys.some((k) => k.includes('lampedusa'))).toBe(true);

    // A vertical swipe over the brush scrolls the page (the embed never traps scrolling) and leaves
    // the window as it was.
    b = await brushBoxes(page);
    await touch(line(b.sel.x + b.sel.width / 2, mid, 3, 300, 12));
    await expect.poll(top, { timeout: 5000 }).toBeGreaterThan(top0 + 50);
    expect(await windowNow(page)).toEqual([monthIndex('2023-01'), monthIndex('2023-12')]);

    // A tap on the track that wobbles by two pixels is a tap: the window centres on that month.
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    b = await brushBoxes(page);
    const x2016 = await page.evaluate(() => {
      const t = [...document.querySelectorAll('[data-testid=timeline] .axis text')].find(
        (e) => e.textContent === '2016',
      )!;
      return t.previousElementSibling!.getBoundingClientRect().x;
    });
    const at = x2016 + b.perMonth * 5.5;
    await touch([
      [at, b.track.y + b.track.height / 2],
      [at + 2, b.track.y + b.track.height / 2 + 1],
      [at + 1, b.track.y + b.track.height / 2],
    ]);
    expect(await windowNow(page)).toEqual([monthIndex('2016-01'), monthIndex('2016-12')]);
    await ctx.close();
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
    const details = other.page.getByTestId('agreement-details');
    await details.waitFor({ timeout: 10000 });
    // The summary and the cited documents' addresses are not in the first load (details.json): the
    // panel shows them once they arrive, as the data has them.
    const data = JSON.parse(readFileSync('data/agreements.json', 'utf8')) as {
      id: string;
      summary_en: string;
    }[];
    const summary = data.find((a) => a.id === 'italy-albania-protocol-2023')!.summary_en;
    await details.getByText(summary.slice(0, 60)).waitFor({ timeout: 10000 });
    const sources = validateCsv('data/sources.csv', readFileSync('data/sources.csv', 'utf8'), SOURCE_SPEC);
    const want = sources.records.find((s) => s.id === 'legge-14-2024')!.url!;
    expect(await details.locator(`[data-testid=source] a[href="${want}"]`).count()).toBe(1);
    expect(await details.locator('.loading').count()).toBe(0);
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
