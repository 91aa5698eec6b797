/**
 * The bench's import case: a reader's 1,000,000-row CSV chosen in the "your data" panel of the built
 * site. Measures the time from choosing the file to the preview (read, parsed and checked in the
 * worker), the long main-thread tasks meanwhile and after "draw", the time from "draw" to the first
 * frame with the points, and what a time-window change costs on the reader's layer (the same GPU
 * time-window layer as the dead and missing).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bigCsv } from './import-data';

export const IMPORT_ROWS = 1_000_000;

export interface ImportFigures {
  rows: number;
  bytes: number;
  /** File chosen → preview with "draw" ready. */
  toPreviewMs: number;
  /** "Draw" pressed → first frame of the reader's GPU layer that drew the points. */
  drawToFrameMs: number;
  longestTaskDuringImportMs: number;
  longTasksDuringImport: number;
  longestTaskAfterDrawMs: number;
  /** Window assignment → first frame drawn with it (median of the changes). */
  windowChangeMs: number;
  /** Main-thread time in the reader's GPU layer render() for those frames (median). */
  windowLayerRenderMs: number;
  pointsInWindow: number;
}

let cached: string | null = null;
/** The CSV on disk (written once per process). */
export function importFile(): string {
  if (cached) return cached;
  const f = join(mkdtempSync(join(tmpdir(), 'crossings-bench-import-')), 'million.csv');
  writeFileSync(f, bigCsv(IMPORT_ROWS));
  return (cached = f);
}

const INIT = () => {
  const b = { longTasks: [] as [number, number][] };
  (window as unknown as { __imp: typeof b }).__imp = b;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task API */
  }
};

export async function measureImport(
  browser: Browser,
  base: string,
  vp = { width: 1280, height: 720 },
): Promise<ImportFigures & { errors: string[] }> {
  const file = importFile();
  const ctx = await browser.newContext({
    viewport: vp,
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  await ctx.addInitScript(`globalThis.__name ??= (f) => f; (${INIT.toString()})();`);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${base}/`);
    await page.waitForFunction(() => (window as any).__crossingsMap?.loaded(), null, { timeout: 120000 });
    await page.getByTestId('user-data').locator('summary').click();
    const now = () => page.evaluate(() => performance.now());
    const t0 = await now();
    await page.getByTestId('user-file').setInputFiles(file);
    await page.getByTestId('user-add').waitFor({ timeout: 300000 });
    const tReady = await now();
    const tasks = (from: number, to: number) =>
      page.evaluate(
        ([a, b]) =>
          (window as any).__imp.longTasks.filter(([s, d]: [number, number]) => s + d >= a && s <= b),
        [from, to],
      ) as Promise<[number, number][]>;
    const during = await tasks(t0, tReady);
    const tDraw = await now();
    await page.getByTestId('user-add').click();
    // The first frame that drew the points (a big set is uploaded over a few frames first).
    await page.waitForFunction(() => !!(window as any).__crossingsUserGpu?.lastFrame?.drawn, null, {
      timeout: 60000,
    });
    const firstAt = await page.evaluate(() => (window as any).__crossingsUserGpu.lastFrame.at as number);
    await page.waitForTimeout(500);
    const after = await tasks(tDraw, await now());
    const changes: { ms: number; render: number; count: number }[] = [];
    for (let k = 0; k < 7; k++) {
      const w: [number, number] = [2015 * 12 + k * 12, 2015 * 12 + k * 12 + 11];
      const r = await page.evaluate(
        (w) =>
          new Promise<{ ms: number; render: number; count: number }>((resolve) => {
            const gpu = (window as any).__crossingsUserGpu;
            const t = performance.now();
            (window as any).__crossings.window = w;
            const poll = () => {
              const f = gpu.lastFrame;
              if (f && f.window[0] === w[0] && f.window[1] === w[1])
                resolve({ ms: f.at - t, render: f.renderMs, count: f.count });
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          }),
        w,
      );
      changes.push(r);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    return {
      rows: IMPORT_ROWS,
      bytes: statSync(file).size,
      toPreviewMs: tReady - t0,
      drawToFrameMs: firstAt - tDraw,
      longestTaskDuringImportMs: Math.max(0, ...during.map((x) => x[1])),
      longTasksDuringImport: during.length,
      longestTaskAfterDrawMs: Math.max(0, ...after.map((x) => x[1])),
      windowChangeMs: med(changes.map((c) => c.ms)),
      windowLayerRenderMs: med(changes.map((c) => c.render)),
      pointsInWindow: med(changes.map((c) => c.count)),
      errors,
    };
  } finally {
    await ctx.close();
  }
}
