/**
 * Importing readers' files through the UI on the built site: an Italian Excel CSV (question
 * answered, points drawn and filtered by the timeline, asserted in pixels), a 1,000,000-row file
 * (progress shown, parsed in the worker, drawn by the GPU time-window layer, the timeline filters
 * it), and cancel (nothing added, what was drawn stays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bigCsv, rowsInMonths } from '../../scripts/bench/import-data';
import { launch, openApp, repaintIdle, saveShotPath, type Opened } from './browser';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Serious or critical axe violations inside one element. */
async function runAxe(p: Page, selector: string): Promise<string[]> {
  if (!(await p.evaluate(() => !!(window as any).axe))) await p.addScriptTag({ content: AXE });
  return p.evaluate(async (sel) => {
    const res = await (window as any).axe.run(sel, { resultTypes: ['violations'] });
    return res.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}

const m = (y: number, mo = 1) => y * 12 + mo - 1;
const gpu = (p: Page) => p.evaluate(() => (window as any).__crossingsUserGpu.count() as number);
async function setWindow(p: Page, w: [number, number]) {
  await p.evaluate((w) => ((window as any).__crossings.window = w), w);
  await p.waitForFunction(
    (w) => {
      const f = (window as any).__crossingsUserGpu?.lastFrame;
      return !!f && f.window[0] === w[0] && f.window[1] === w[1];
    },
    w,
    { timeout: 30000 },
  );
  await repaintIdle(p);
}
/** The canvas pixel at a place (RGB), read back after the map is idle. */
const pixelAt = (p: Page, lonLat: [number, number]) =>
  p.evaluate((ll) => {
    const map = (window as any).__crossingsMap;
    const pt = map.project(ll);
    map.redraw(); // no kept drawing buffer: draw, then read in this task
    const src = map.getCanvas() as HTMLCanvasElement;
    const r = src.width / src.clientWidth;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const d = g.getImageData(Math.round(pt.x * r), Math.round(pt.y * r), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, lonLat);
const differs = (a: number[], b: number[]) => a.some((x, i) => Math.abs(x - b[i]) > 40);

describe('import through the UI (built site)', () => {
  let browser: Browser;
  let o: Opened;
  const dir = mkdtempSync(join(tmpdir(), 'crossings-import-'));
  const big = join(dir, 'million.csv');
  const N = 1_000_000;
  beforeAll(async () => {
    writeFileSync(big, bigCsv(N));
    browser = await launch();
    o = await openApp(browser);
    await o.page.getByTestId('user-data').locator('summary').click();
  });
  afterAll(async () => {
    await o?.page.screenshot({ path: saveShotPath('import') });
    await browser?.close();
  });

  it('an Italian Excel CSV: previewed, the open question answered, drawn and filtered by the timeline', async () => {
    const p = o.page;
    await p.evaluate(() => (window as any).__crossingsMap.jumpTo({ center: [13.5, 36.5], zoom: 6 }));
    await setWindow(p, [m(2023), m(2023, 12)]).catch(() => repaintIdle(p));
    const lampedusa: [number, number] = [12.6096, 35.5014];
    const before = await pixelAt(p, lampedusa);
    await p.getByTestId('user-file').setInputFiles(join('tests/fixtures/import', 'it-excel-utf8-bom.csv'));
    const q = p.getByTestId('user-q-decimal');
    await q.waitFor();
    expect(await p.getByTestId('user-notices').textContent()).toContain('semicolons');
    expect(await p.getByTestId('user-add').count()).toBe(0);
    await q.getByLabel('comma (1,5)').check();
    await p.getByTestId('user-add').waitFor();
    expect(await p.getByTestId('user-summary').textContent()).toContain('3 can be drawn, 0 rejected');
    expect(await runAxe(p, '[data-testid=user-data]')).toEqual([]);
    await p.getByTestId('user-add').click();
    await setWindow(p, [m(2023), m(2023, 12)]);
    expect(await gpu(p)).toBe(3);
    const drawn = await pixelAt(p, lampedusa);
    expect(differs(drawn, before)).toBe(true);
    // The pointer on a GPU-drawn row shows what the row says (name, date, value, note).
    const at = await p.evaluate((ll) => {
      const map = (window as any).__crossingsMap;
      const r = map.getCanvas().getBoundingClientRect();
      const q = map.project(ll);
      return { x: r.left + q.x, y: r.top + q.y };
    }, lampedusa);
    await p.mouse.move(at.x, at.y);
    const tip = p.getByTestId('map-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 10000 });
    const tipText = (await tip.textContent()) ?? '';
    expect(tipText).toContain('Lampedusa');
    expect(tipText).toContain('1,234');
    expect(tipText).toContain('sbarchi');
    await p.mouse.move(5, 5);
    // The table lists them, and a window without them draws none.
    await setWindow(p, [m(2019), m(2019, 12)]);
    expect(await gpu(p)).toBe(0);
    expect(differs(await pixelAt(p, lampedusa), before)).toBe(false);
    await setWindow(p, [m(2023, 9), m(2023, 9)]);
    expect(await gpu(p)).toBe(1);
    expect(o.consoleErrors).toEqual([]);
  });

  it('a 1,000,000-row file: progress shown, drawn by the GPU layer, the timeline filters it', async () => {
    const p = o.page;
    await p.getByTestId('user-file').setInputFiles(big);
    await p.locator('[data-testid=user-progress] progress').waitFor({ timeout: 30000 });
    await p.getByTestId('user-add').waitFor({ timeout: 120000 });
    expect(await p.getByTestId('user-summary').textContent()).toContain('1,000,000 can be drawn, 0 rejected');
    await p.getByTestId('user-add').click();
    await p.evaluate(() => (window as any).__crossingsMap.jumpTo({ center: [5, 40], zoom: 3.5 }));
    await setWindow(p, [m(2016), m(2016, 12)]);
    expect(await gpu(p)).toBe(rowsInMonths(N, 12, 23));
    await setWindow(p, [m(2019, 3), m(2019, 3)]);
    expect(await gpu(p)).toBe(rowsInMonths(N, 50, 50));
    await setWindow(p, [m(2015), m(2024, 12)]);
    expect(await gpu(p)).toBe(N);
    await setWindow(p, [m(2030), m(2030)]);
    expect(await gpu(p)).toBe(0);
    expect(await p.getByTestId('user-status').textContent()).toContain('1,000,000 points added');
  }, 240000);

  it('cancel stops the import: nothing added, the points already drawn stay', async () => {
    const p = o.page;
    await setWindow(p, [m(2016), m(2016, 12)]);
    await p.getByTestId('user-file').setInputFiles(big);
    await p.getByTestId('user-cancel').click({ timeout: 30000 });
    await p.getByTestId('user-message').waitFor();
    expect(await p.getByTestId('user-message').textContent()).toContain('Import cancelled');
    expect(await p.getByTestId('user-preview').count()).toBe(0);
    expect(await p.getByTestId('user-progress').count()).toBe(0);
    expect(await gpu(p)).toBe(rowsInMonths(N, 12, 23));
    expect(readFileSync(big).length).toBeGreaterThan(30e6);
    expect(o.consoleErrors).toEqual([]);
  }, 120000);
});
