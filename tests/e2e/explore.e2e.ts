/** Explore mode: search, charts, the data table in sync with the map, Italian, and axe on every panel. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, saveShotPath, waitForMapIdle, type Opened } from './browser';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const mi = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

async function setWindow(page: Page, from: string, to: string) {
  await page.evaluate(([a, b]) => ((window as any).__crossings.window = [a, b]), [mi(from), mi(to)]);
  await waitForMapIdle(page);
}

async function searchFor(page: Page, text: string, id: string) {
  const input = page.getByTestId('search-input');
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  await page.locator(`#search-listbox [role=option][data-id="${id}"]`).waitFor();
  // Keyboard first: arrow down to the result, then Enter.
  const ids = await page
    .locator('#search-listbox [role=option]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  for (let i = 0; i <= ids.indexOf(id); i++) await input.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  expect(await page.locator(`#${active}`).getAttribute('data-id')).toBe(id);
  await input.press('Enter');
}

/** Wait until the map stops moving (a flight from search or "show on map"). */
async function settle(page: Page) {
  await page.waitForFunction(() => !(window as any).__crossingsMap.isMoving(), null, { timeout: 10000 });
  await waitForMapIdle(page);
}

describe('explore (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  let o: Opened;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
    page = o.page;
  });
  afterAll(async () => {
    await page?.screenshot({ path: saveShotPath('explore') });
    await browser?.close();
  });

  it('search: "lampedusa" finds the place, flies there and opens its details', async () => {
    await searchFor(page, 'lampedusa', 'lampedusa');
    const details = page.getByTestId('place-details');
    await details.waitFor();
    expect(await details.locator('h2').textContent()).toBe('Lampedusa');
    expect(await page.evaluate(() => (window as any).__crossings.selection)).toEqual({
      kind: 'place',
      id: 'lampedusa',
    });
    await settle(page);
    const c = await page.evaluate(() => (window as any).__crossingsMap.getCenter());
    expect(Math.abs(c.lng - 12.61)).toBeLessThan(0.2);
    expect(Math.abs(c.lat - 35.5)).toBeLessThan(0.2);
    expect(await page.getByTestId('search-input').getAttribute('aria-expanded')).toBe('false');
  });

  it('search: "Bihac" (no accent) finds Bihać; Escape closes the list', async () => {
    const input = page.getByTestId('search-input');
    await input.fill('');
    await input.pressSequentially('Bihac');
    await page.locator('#search-listbox [data-id="bihac"]').waitFor();
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await searchFor(page, 'Bihac', 'bihac');
    await page.getByTestId('place-details').locator('h2', { hasText: 'Bihać' }).waitFor();
    await settle(page);
  });

  it("the chart of Italy's sea arrivals has one bar per month of the window, with agreements marked", async () => {
    await setWindow(page, '2023-01', '2023-12');
    await searchFor(page, 'Italy', 'ITA');
    const fig = page.locator('figure[data-series="sea_arrivals|country|ITA"]');
    await fig.waitFor();
    expect(await fig.locator('rect[data-bar]').count()).toBe(12);
    expect(await fig.locator('figcaption').textContent()).toMatch(/Sea arrivals/);
    expect(await fig.locator('figcaption').textContent()).toMatch(/Source: /);
    // Italy–Libya memorandum renewed in February 2023, among the agreements Italy is party to.
    expect(await fig.locator('[data-agreement-mark]').count()).toBeGreaterThan(0);
    await setWindow(page, '2022-03', '2023-08');
    await expect.poll(() => fig.locator('rect[data-bar]').count()).toBe(18);
    await settle(page);
  });

  it('a route family has one chart per metric (Frontex detections, IOM dead and missing)', async () => {
    await setWindow(page, '2023-01', '2023-12');
    await page.evaluate(() => (window as any).__crossings.select({ kind: 'family', id: 'central-med' }));
    const charts = page.getByTestId('route-details').locator('figure[data-metric]');
    await charts.first().waitFor();
    const metrics = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')));
    expect(metrics).toContain('frontex_detections');
    expect(metrics).toContain('dead_missing');
  });

  async function mapCounts() {
    return page.evaluate(async () => {
      const map = (window as any).__crossingsMap;
      const app = (window as any).__crossings;
      const data = async (id: string) => (await map.getSource(id).getData()).features as any[];
      const uniq = (fs: any[], p: string) => new Set(fs.map((f) => f.properties[p])).size;
      const rendered = (layer: string, p: string) =>
        new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => f.properties[p])).size;
      return {
        landings: app.layers.landings ? (await data('landings')).length : null,
        landingsRendered: app.layers.landings ? rendered('landings-circles', 'key') : null,
        agreements: app.layers.agreements ? uniq(await data('agreement-markers'), 'id') : null,
        // Every agreement with a status at the window's end, arcs or not (the model's one list).
        agreementsShown: app.layers.agreements
          ? (window as any).__crossingsModel.view('agreements').shown.length
          : null,
        programmes: app.layers.programmes ? (await data('programmes')).length : null,
        routes: app.layers.routes ? app.data.routes.features.length : null,
      };
    });
  }
  async function tableCounts() {
    return page.evaluate(() => {
      const n = (id: string) => {
        const t = document.querySelector(`table[data-table="${id}"]`);
        return t ? t.querySelectorAll('tbody tr[data-row]').length : null;
      };
      const arcs = [...document.querySelectorAll('table[data-table="agreements"] tbody tr[data-row]')].filter(
        (tr) => tr.lastElementChild?.textContent?.trim().startsWith('marker at the capital of'),
      ).length;
      return {
        landings: n('landings'),
        agreements: n('agreements'),
        agreementsArc: arcs,
        programmes: n('programmes'),
        routes: n('routes'),
        deaths: n('deaths'),
      };
    });
  }

  it('the table lists the same features as the map shows, for several windows and overlays', async () => {
    await page.evaluate(() => (window as any).__crossings.select(null));
    await page.getByTestId('tab-table').click();
    await page.getByTestId('data-table').waitFor();
    expect(await page.getByTestId('details').isHidden()).toBe(true);
    for (const [from, to] of [
      ['2023-01', '2023-12'],
      ['2016-01', '2016-06'],
    ]) {
      await setWindow(page, from, to);
      const [m, tb] = [await mapCounts(), await tableCounts()];
      expect(tb.landings).toBe(m.landings);
      // The table lists every agreement the legend counts; those drawn as markers are the map's markers.
      expect(tb.agreements).toBe(m.agreementsShown);
      expect(tb.agreementsArc).toBe(m.agreements);
      expect(tb.routes).toBe(m.routes);
      expect(tb.programmes).toBeNull();
      expect(m.landings).toBeGreaterThan(0);
      // Every circle the map draws is in view at the start and is a row of the table.
      expect(m.landingsRendered).toBe(m.landings);
    }
    await page.getByTestId('toggle-programmes').check();
    await page.getByTestId('toggle-routes').uncheck();
    await setWindow(page, '2023-01', '2023-12');
    const [m, tb] = [await mapCounts(), await tableCounts()];
    expect(tb.programmes).toBe(m.programmes);
    expect(m.programmes).toBeGreaterThan(0);
    expect(tb.routes).toBeNull();
    await page.getByTestId('toggle-routes').check();
    await page.getByTestId('toggle-programmes').uncheck();

    // IOM incidents: the table lists the points the GPU layer draws in the window.
    await page.getByTestId('toggle-deaths').check();
    await page.locator('table[data-table="deaths"]').waitFor({ timeout: 30000 });
    for (const [from, to] of [
      ['2023-01', '2023-12'],
      ['2015-04', '2015-04'],
    ]) {
      await setWindow(page, from, to);
      await expect
        .poll(() => page.evaluate(() => (window as any).__crossingsGpu.count()), { timeout: 20000 })
        .toBeGreaterThan(0);
      const gpu = await page.evaluate(() => (window as any).__crossingsGpu.count());
      expect((await tableCounts()).deaths).toBe(gpu);
    }
    await page.getByTestId('toggle-deaths').uncheck();
    await setWindow(page, '2023-01', '2023-12');
  });

  it('the table sorts with aria-sort, shows numbers right-aligned, and downloads exactly its rows as CSV', async () => {
    const table = page.locator('table[data-table="landings"]');
    const th = table.locator('th[data-col="value"]');
    await th.locator('button').click();
    expect(await th.getAttribute('aria-sort')).toBe('descending');
    const values = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent ?? ''));
    const nums = values.map((v) => Number(v.replace(/[^\d]/g, '')));
    expect([...nums].sort((a, b) => b - a)).toEqual(nums);
    expect(
      await table
        .locator('td.num')
        .first()
        .evaluate((e) => getComputedStyle(e).textAlign),
      // `end` since the RTL work (logical properties): right-aligned in a left-to-right page.
    ).toMatch(/^(right|end)$/);
    await th.locator('button').click();
    expect(await th.getAttribute('aria-sort')).toBe('ascending');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-landings').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    const rows = await table.locator('tbody tr[data-row]').count();
    expect(lines.length - 1).toBe(rows);
    expect(lines[0].split(',').length).toBe(4);
    // Same order as shown (ascending by value now).
    const firstShown = (await table.locator('tbody tr[data-row] th button').first().textContent())!
      .replace('⌖', '')
      .trim();
    expect(lines[1].replace(/^"/, '').startsWith(firstShown)).toBe(true);
  });

  it('"show on map" flies to the row and selects it', async () => {
    const row = page.locator('table[data-table="landings"] tr[data-row="sea_arrivals|country|MLT"]');
    await row.locator('button.show').click();
    await settle(page);
    expect(await page.evaluate(() => (window as any).__crossings.selection)).toEqual({
      kind: 'country',
      id: 'MLT',
    });
  });

  it('switching to Italian changes strings, month names and numbers, and keeps the view', async () => {
    await setWindow(page, '2023-01', '2023-12');
    const before = await page.evaluate(() => {
      const m = (window as any).__crossingsMap;
      return { c: m.getCenter(), z: m.getZoom(), w: (window as any).__crossings.window };
    });
    await page.getByTestId('lang').selectOption('it');
    await expect.poll(() => page.getByTestId('tab-table').textContent()).toBe('Tabella');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    const caption = await page.locator('table[data-table="landings"] caption').textContent();
    expect(caption).toMatch(/gen 2023/);
    expect(caption).toMatch(/dic 2023/);
    expect(await page.getByTestId('summary').textContent()).toContain('157.652');
    const cells = await page.locator('table[data-table="landings"] td.num').allTextContents();
    expect(cells).toContain('157.652');
    expect(await page.getByTestId('search-input').getAttribute('placeholder')).toMatch(/Cerca/);
    const after = await page.evaluate(() => {
      const m = (window as any).__crossingsMap;
      return { c: m.getCenter(), z: m.getZoom(), w: (window as any).__crossings.window };
    });
    expect(after).toEqual(before);
    // Search finds Italian names too and shows them in Italian.
    await searchFor(page, 'Libia', 'LBY');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('place-details').locator('h2', { hasText: 'Libia' }).waitFor();
    await settle(page);
    await page.getByTestId('lang').selectOption('en');
  });

  it('axe finds no serious or critical violation with each panel open', async () => {
    await page.addScriptTag({ content: AXE });
    const check = async (label: string) => {
      const r = await page.evaluate(async () => {
        const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return res.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`,
          );
      });
      expect(r, label).toEqual([]);
    };
    await setWindow(page, '2023-01', '2023-12');
    await page.evaluate(() => (window as any).__crossings.select({ kind: 'country', id: 'ITA' }));
    await page.getByTestId('tab-details').click();
    await page.locator('figure[data-series]').first().waitFor();
    await check('details (country with charts)');
    await page.evaluate(() =>
      (window as any).__crossings.select({ kind: 'segment', id: 'cm-zuwara-lampedusa' }),
    );
    await page.getByTestId('route-details').waitFor();
    await check('details (route with charts)');
    await page.getByTestId('tab-table').click();
    await page.getByTestId('data-table').waitFor();
    await check('table');
    await page.getByTestId('tab-about').click();
    await page.getByTestId('about').waitFor();
    await check('about');
    const input = page.getByTestId('search-input');
    await input.fill('lamp');
    await page.locator('#search-listbox [role=option]').first().waitFor();
    await check('search list open');
    await input.press('Escape');
    expect(o.consoleErrors).toEqual([]);
  });
});
