/**
 * Input first, map after, on the built site: 30 rapid → presses on the timeline move the slider at
 * once; the map follows, at most one map update per frame, and ends on the final window: its
 * rendered landing circles and agreement markers and the summary are those of a page opened on
 * that window directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, repaintIdle, settleFrames, type Opened } from './browser';

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** What the map draws of the window-dependent overlays: landing circles (key and label) and markers. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const map = (window as any).__crossingsMap;
    const props = (layer: string, keys: string[]) =>
      [
        ...new Set<string>(
          map
            .queryRenderedFeatures({ layers: [layer] })
            .map((f: any) => JSON.stringify(keys.map((k) => f.properties[k] ?? null))),
        ),
      ].sort();
    return {
      landings: props('landings-circles', ['key', 'value', 'label']),
      markers: props('agreements-markers', ['id', 'status']),
    };
  });
}

describe('input first, map after (built site, real Chromium + WebGL)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser, '?from=2020-01&to=2020-12', { width: 1280, height: 720 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('after 30 rapid key presses the map shows the final window, updated at most once per frame', async () => {
    const page = o.page;
    const slider = page.getByTestId('timeline-window');
    await slider.focus();
    // Count animation frames and map updates over the presses.
    await page.evaluate(() => {
      const w = window as any;
      w.__testFrames = 0;
      w.__testApplied0 = w.__crossingsGpu.applied.frames;
      const tick = () => {
        w.__testFrames++;
        if (!w.__testStop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    // The control answers at once: its value is the final window before the map has caught up.
    await expect
      .poll(() => slider.getAttribute('aria-valuenow'), { timeout: 5000 })
      .toBe(String(monthIndex('2022-07')));
    await settleFrames(page);
    await repaintIdle(page);
    const counts = await page.evaluate(() => {
      const w = window as any;
      w.__testStop = true;
      return { frames: w.__testFrames, applied: w.__crossingsGpu.applied.frames - w.__testApplied0 };
    });
    expect(counts.applied).toBeGreaterThan(0);
    expect(counts.applied).toBeLessThanOrEqual(counts.frames);

    const state = await page.evaluate(() => ({
      window: [...(window as any).__crossings.window],
      shown: [...(window as any).__crossings.shownWindow],
    }));
    expect(state.window).toEqual([monthIndex('2022-07'), monthIndex('2023-06')]);
    expect(state.shown).toEqual(state.window);
    const after = await drawn(page);
    const summary = await page.getByTestId('summary').textContent();
    expect(after.landings.length).toBeGreaterThan(0);

    // The same window opened directly.
    const direct = await openApp(browser, '?from=2022-07&to=2023-06', { width: 1280, height: 720 });
    await repaintIdle(direct.page);
    const want = await drawn(direct.page);
    expect(after).toEqual(want);
    expect(summary).toBe(await direct.page.getByTestId('summary').textContent());
    // And not the window the presses started from.
    const start = await openApp(browser, '?from=2020-01&to=2020-12', { width: 1280, height: 720 });
    await repaintIdle(start.page);
    expect(await drawn(start.page)).not.toEqual(want);
    expect(o.consoleErrors).toEqual([]);
  });
});
