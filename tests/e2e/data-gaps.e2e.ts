/**
 * Issue 14 on the built site: gaps say "no data for …" (legend and table, and the map draws no
 * circle there), incomplete periods are never shown as exact, a multi-country programme is listed
 * once and counted in no country total, and an announced agreement is not "signed".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, repaintIdle } from './browser';

async function tableRows(page: Page, id: string, cols: string[]) {
  await page.getByTestId('tab-table').click();
  const table = page.locator(`table[data-table=${id}]`);
  await table.waitFor();
  return table.evaluate((t, cols) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('data-col'));
    return [...t.querySelectorAll('tbody tr[data-row]')].map((tr) => {
      const cells = [...tr.children];
      return Object.fromEntries([
        ['key', tr.getAttribute('data-row')],
        ...cols.map((c) => [c, (cells[heads.indexOf(c)]?.textContent ?? '').trim()]),
      ]);
    });
  }, cols);
}

describe('data gaps and incomplete periods (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const drawnLandings = (page: Page) =>
    page.evaluate(() =>
      [
        ...new Set(
          (window as any).__crossingsMap
            .queryRenderedFeatures({ layers: ['landings-circles'] })
            .map((f: any) => f.properties.key as string),
        ),
      ].sort(),
    ) as Promise<string[]>;

  it('2022: Greece and Spain have no sea-arrivals figure — the legend and table say so, the map draws no circle', async () => {
    const { page } = await openApp(browser, '?v=1&from=2022-01&to=2022-12&layers=routes,landings');
    await repaintIdle(page);
    const legend = (await page.getByTestId('landing-legend').textContent()) ?? '';
    expect(legend).toMatch(/No data for .*Greece.*Spain|No data for .*Spain.*Greece/);
    const drawn = await drawnLandings(page);
    expect(drawn).toContain('sea_arrivals|country|ITA');
    expect(drawn.some((k) => k.endsWith('|GRC') || k.endsWith('|ESP'))).toBe(false);
    await page.getByTestId('tab-table').click();
    const notes = (await page.getByTestId('table-notes-landings').textContent()) ?? '';
    expect(notes).toContain('Greece');
    await page.context().close();
  });

  it('2021: Greece has its UNHCR figure (4,331), drawn as a circle; Spain still has none', async () => {
    const { page } = await openApp(browser, '?v=1&from=2021-01&to=2021-12&layers=routes,landings');
    await repaintIdle(page);
    const drawn = await drawnLandings(page);
    expect(drawn).toContain('sea_arrivals|country|GRC');
    const legend = (await page.getByTestId('landing-legend').textContent()) ?? '';
    expect(legend).toMatch(/No data for .*Spain/);
    expect(legend).not.toMatch(/No data for [^.]*Greece/);
    const rows = await tableRows(page, 'landings', ['value']);
    expect(rows.find((r) => r.key === 'sea_arrivals|country|GRC')?.value).toBe('4,331');
    await page.context().close();
  });

  it('Oct–Dec 2025 (after the Frontex file ends): the routes legend says "No Frontex figures", per route', async () => {
    const { page } = await openApp(browser, '?v=1&from=2025-10&to=2025-12&layers=routes');
    await repaintIdle(page);
    const note = (await page.getByTestId('routes-nodata').textContent()) ?? '';
    expect(note).toMatch(/^No Frontex figures for Oct 2025 – Dec 2025: /);
    expect(note).toContain('Central Mediterranean');
    expect(note).toContain('Eastern Mediterranean');
    await page.getByTestId('tab-table').click();
    const tableNote = (await page.getByTestId('table-notes-routes').textContent()) ?? '';
    expect(tableNote).toContain('No Frontex figures for Oct 2025 – Dec 2025');
    await page.context().close();
    // Inside the file's months there is no such note.
    const { page: p2 } = await openApp(browser, '?v=1&from=2025-01&to=2025-09&layers=routes');
    await repaintIdle(p2);
    expect(await p2.getByTestId('routes-nodata').count()).toBe(0);
    await p2.context().close();
  });

  it('2012 (before the IOM file begins): the dead-and-missing legend says "No IOM figures", per route', async () => {
    const { page } = await openApp(browser, '?v=1&from=2012-01&to=2012-12&layers=routes,deaths');
    await repaintIdle(page);
    const note = (await page.getByTestId('deaths-nodata').textContent()) ?? '';
    expect(note).toMatch(/^No IOM figures for Jan 2012 – Dec 2012: /);
    expect(note).toContain('Central Mediterranean');
    await page.context().close();
  });

  it('November 2019 (a mid-month snapshot) is shown as incomplete, never as the exact 4,301', async () => {
    const { page } = await openApp(browser, '?v=1&from=2019-11&to=2019-11&layers=routes,landings');
    await repaintIdle(page);
    const rows = await tableRows(page, 'landings', ['value', 'note']);
    const greece = rows.find((r) => r.key === 'sea_arrivals|country|GRC')!;
    expect(greece).toBeDefined();
    expect(greece.value).not.toBe('4,301');
    expect(greece.value).toContain('4,301');
    expect(greece.note).toMatch(/incomplete/);
    await page.context().close();
  });

  it('2017: the €200m Fondo Africa is listed once and in no country total; Niger shows its own €65m', async () => {
    const { page } = await openApp(browser, '?v=1&from=2017-01&to=2017-12&layers=routes,programmes');
    await repaintIdle(page);
    const rows = await tableRows(page, 'programmes', ['amount_EUR', 'shared']);
    const niger = rows.find((r) => r.key === 'NER')!;
    expect(niger.amount_EUR.replace(/[^\d]/g, '')).toBe('65000000');
    expect(Number(niger.shared)).toBeGreaterThan(0);
    const notes = (await page.getByTestId('table-notes-programmes').textContent()) ?? '';
    expect(notes.match(/Fondo Africa \(budget law 2017/g)).toHaveLength(1);
    await page.context().close();
  });

  it('June 2023: EU–Tunisia is "announced, not signed"; July 2023: signed', async () => {
    for (const [month, label] of [
      ['2023-06', 'announced, not signed'],
      ['2023-07', 'signed'],
    ]) {
      const { page } = await openApp(browser, `?v=1&from=${month}&to=${month}&layers=routes,agreements`);
      await repaintIdle(page);
      const rows = await tableRows(page, 'agreements', ['status']);
      expect(rows.find((r) => r.key === 'eu-tunisia-mou-2023')?.status).toBe(label);
      await page.context().close();
    }
  });
});
