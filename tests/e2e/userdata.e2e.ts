/** A reader's own file: a bad row lists its problem and breaks nothing; the good rows are drawn after the preview, filtered by time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, type Opened, repaintIdle } from './browser';

const count = (o: Opened, layer: string) =>
  o.page.evaluate((l) => (window as any).__crossingsMap.queryRenderedFeatures({ layers: [l] }).length, layer);
const gpu = (o: Opened) => o.page.evaluate(() => (window as any).__crossingsUserGpu.count() as number);
const idle = (o: Opened) => repaintIdle(o.page);

describe("a reader's own data (built site)", () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
  });
  afterAll(async () => browser?.close());

  it('a malformed file names file, row and column, and the curated layers keep drawing', async () => {
    const routes = await count(o, 'routes-line');
    const circles = await count(o, 'landings-circles');
    await o.page.getByTestId('user-data').locator('summary').click();
    await o.page.getByTestId('user-file').setInputFiles({
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,lat,lon,date\n<img src=x onerror=alert(1)>,95,10,2023\nSfax,34.74,10.76,2023-05\n',
      ),
    });
    const errors = o.page.getByTestId('user-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('mine.csv, row 2, column “lat”');
    // The preview shows the bad cell highlighted, as text (never HTML).
    expect(await o.page.locator('[data-testid=user-preview] td.bad').count()).toBe(1);
    expect(await o.page.locator('[data-testid=user-data] img').count()).toBe(0);
    // Nothing is drawn before the reader says so.
    expect(await gpu(o)).toBe(0);
    await o.page.getByTestId('user-add').click();
    await idle(o);
    expect(await count(o, 'routes-line')).toBe(routes);
    expect(await count(o, 'landings-circles')).toBe(circles);
    // The good row is drawn in its window (2023) and hidden outside it.
    expect(await gpu(o)).toBe(1);
    await o.page.evaluate(() => ((window as any).__crossings.window = [2019 * 12, 2019 * 12 + 11]));
    await idle(o);
    expect(await gpu(o)).toBe(0);
    expect(o.consoleErrors).toEqual([]);
  });
});
