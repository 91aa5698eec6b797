/**
 * The chapter's subject, on the built site: programmes and the dead and missing dim around it (as
 * the routes and agreements already did), an agreement is labelled by its short name, and a focused
 * country's name is drawn once (the focus label, not the basemap's name beside it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, mapPixels, openApp, repaintIdle, saveShotPath, waitForMapIdle } from './browser';

async function chapter(page: Page, query: string) {
  await page.goto(`${baseUrl()}${query}`);
  await waitForMapIdle(page);
  await page.waitForFunction(() => !!(window as any).__crossings.focus, null, { timeout: 20000 });
  await page.waitForFunction(
    () => (window as any).__crossingsMap.queryRenderedFeatures({ layers: ['focus-label'] }).length > 0,
    null,
    { timeout: 20000 },
  );
  await repaintIdle(page);
}

interface Rendered {
  props: Record<string, any>;
  state: Record<string, any>;
}
const rendered = (page: Page, layer: string): Promise<Rendered[]> =>
  page.evaluate(
    (l) =>
      (window as any).__crossingsMap
        .queryRenderedFeatures({ layers: [l] })
        .map((f: any) => ({ props: f.properties, state: f.state })),
    layer,
  );

describe('the subject in view: dimming and labels', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = (await openApp(browser, '', { width: 1920, height: 1080 })).page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });
  afterAll(async () => browser?.close());

  it('a country focus: its programmes full, the others dimmed; its name drawn once', async () => {
    await chapter(page, '?present=migration-fund-2021&chapter=2');
    expect(await page.evaluate(() => (window as any).__crossings.focus)).toEqual({
      kind: 'country',
      id: 'BIH',
    });
    const markers = await rendered(page, 'programme-markers');
    const bih = markers.filter((m) => m.props.country === 'BIH');
    const others = markers.filter((m) => m.props.country !== 'BIH');
    expect(bih.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(bih.every((m) => !m.state.dim)).toBe(true);
    expect(others.every((m) => m.state.dim === true)).toBe(true);
    const labels = await rendered(page, 'focus-label');
    expect(labels.map((l) => l.props.name)).toEqual(['Bosnia and Herzegovina']);
    const countryNames = await rendered(page, 'country-labels');
    expect(countryNames.length).toBeGreaterThan(3);
    expect(countryNames.filter((c) => c.props.iso3 === 'BIH')).toEqual([]);
    expect(countryNames.some((c) => c.props.iso3 === 'MNE' || c.props.iso3 === 'SRB')).toBe(true);
    await page.screenshot({ path: saveShotPath('present-focus-bih-1920') });
  });

  it('an agreement focus is labelled by its short name, in the reader’s language', async () => {
    await chapter(page, '?present=central-med-2014-2025&chapter=3');
    expect((await rendered(page, 'focus-label')).map((l) => l.props.name)).toEqual(['Italy–Libya MoU 2017']);
    // The key keeps the full title.
    expect(await page.getByTestId('legend-focus').first().textContent()).toContain(
      'Italy–Libya Memorandum of Understanding',
    );
    await page.screenshot({ path: saveShotPath('present-focus-mou-1920') });
    await chapter(page, '?present=central-med-2014-2025&chapter=3&lang=it');
    expect((await rendered(page, 'focus-label')).map((l) => l.props.name)).toEqual([
      'Memorandum Italia–Libia 2017',
    ]);
  });

  it('leaving present mode brings the country name back', async () => {
    await chapter(page, '?present=migration-fund-2021&chapter=2');
    await page.evaluate(() => {
      const app = (window as any).__crossings;
      app.mode = 'explore';
      app.story = null;
      app.focus = null;
    });
    await repaintIdle(page);
    await expect
      .poll(async () => (await rendered(page, 'country-labels')).some((c) => c.props.iso3 === 'BIH'))
      .toBe(true);
  });

  it('the dead and missing dim under a subject that is not a route (pixels)', async () => {
    await page.goto(`${baseUrl()}?from=2016-01&to=2016-12&layers=deaths&theme=light`);
    await waitForMapIdle(page);
    await page.waitForFunction(
      () => (window as any).__crossingsModel.view('deaths')?.range.count > 100,
      null,
      {
        timeout: 30000,
      },
    );
    await repaintIdle(page);
    // The points are near-black (#050001); nothing else on the light basemap is that dark over an area.
    const dark = async () =>
      (await mapPixels(page, 7)).rgb.filter((c) => ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255) < 120)
        .length;
    const before = await dark();
    await page.evaluate(() => ((window as any).__crossings.focus = { kind: 'country', id: 'ITA' }));
    await repaintIdle(page);
    const dimmed = await dark();
    await page.evaluate(() => ((window as any).__crossings.focus = { kind: 'route', id: 'central-med' }));
    await repaintIdle(page);
    const route = await dark();
    expect(before).toBeGreaterThan(50);
    expect(dimmed).toBeLessThan(before * 0.3);
    // A route subject keeps them (its ring and name add a few dark pixels of their own).
    expect(route).toBeGreaterThan(before * 0.9);
  });
});
