/**
 * The bench's dated-point cases: the bare-basemap baseline's frame rate, and the app with synthetic
 * point layers of 1k, 100k and 1M points: scrub latency from pointer input on the timeline brush to
 * the first frame drawn with the new window, long tasks during the scrubs, full-speed play, heap.
 */
import type { Browser, Page } from 'playwright-core';
import { median, type SizeFigures } from './targets';
import { heap, log, newPage, renderRate, sleep, waitInteractive, type Viewport } from './page';

export const SIZES = [1_000, 100_000, 1_000_000];
export const SEED = 20260101;
const SCRUBS_PER_RUN = 5;
const FRAME_SAMPLE_MS = 2000;
export const PLAY_MS = 4000;

export async function measureBaseline(browser: Browser, base: string, vp: Viewport) {
  const { ctx, page, errors } = await newPage(browser, vp);
  await page.goto(`${base}/__baseline/index.html`);
  const ttiMs = await waitInteractive(page);
  await sleep(300);
  const t0 = await page.evaluate(() => performance.now());
  const rate = await renderRate(page, FRAME_SAMPLE_MS, 'repaint');
  const longestTaskMs = await page.evaluate(
    (s) =>
      (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench.longTasks
        .filter(([t, d]) => t + d >= s)
        .reduce((m, [, d]) => Math.max(m, d), 0),
    t0,
  );
  const h = await heap(ctx, page);
  await ctx.close();
  if (errors.length) log('baseline page errors:', errors.slice(0, 3));
  return { ttiMs, frameMs: rate.frameMs ?? NaN, fps: rate.fps, longestTaskMs, heap: h };
}

interface Gpu {
  count(): number;
  lastFrame: { window: [number, number]; at: number; count: number; renderMs: number } | null;
  lastRedrawMs: number;
}

/** One scrub by pointer on the brush selection; returns input → frame latency and the frame's window. */
async function scrubByPointer(page: Page, dx: number, state: { x: number; y: number }) {
  const before = await page.evaluate(
    () => (window as unknown as { __crossingsGpu: Gpu }).__crossingsGpu.lastFrame,
  );
  state.x += dx;
  await page.mouse.move(state.x, state.y, { steps: 1 });
  const ok = await page
    .waitForFunction(
      (b) => {
        const f = (window as unknown as { __crossingsGpu: Gpu }).__crossingsGpu.lastFrame;
        return !!f && (!b || f.window[0] !== b[0] || f.window[1] !== b[1]);
      },
      before?.window ?? null,
      { timeout: 10000, polling: 'raf' },
    )
    .then(() => true)
    .catch(() => false);
  if (!ok) return null;
  return page.evaluate(() => {
    const w = window as unknown as { __crossingsGpu: Gpu; __bench: { input: number } };
    const f = w.__crossingsGpu.lastFrame!;
    return {
      latencyMs: f.at - w.__bench.input,
      window: f.window,
      count: f.count,
      layerRenderMs: f.renderMs,
      mapRedrawMs: w.__crossingsGpu.lastRedrawMs,
    };
  });
}

/** Fallback while no timeline is mounted: assign the window in the page and time it. */
async function scrubByAssignment(page: Page, shift: number) {
  return page.evaluate(async (shift) => {
    const w = window as unknown as { __crossings: { window: [number, number] }; __crossingsGpu: Gpu };
    const [a, b] = w.__crossings.window;
    const target: [number, number] = [a + shift, b + shift];
    const t0 = performance.now();
    w.__crossings.window = target;
    while (true) {
      const f = w.__crossingsGpu.lastFrame;
      if (f && f.window[0] === target[0] && f.window[1] === target[1])
        return {
          latencyMs: f.at - t0,
          window: f.window,
          count: f.count,
          layerRenderMs: f.renderMs,
          mapRedrawMs: w.__crossingsGpu.lastRedrawMs,
        };
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, shift);
}

export async function measureApp(browser: Browser, base: string, vp: Viewport) {
  const { ctx, page, errors } = await newPage(browser, vp);
  await page.goto(`${base}/index.html`);
  const ttiMs = await waitInteractive(page);
  await page.waitForFunction(
    () => !!(window as unknown as { __crossingsBench?: unknown }).__crossingsBench,
    null,
    {
      timeout: 60000,
    },
  );
  const heapNoPoints = await heap(ctx, page);
  const hasBrush = (await page.locator('[data-testid=timeline] g.brush .selection').count()) > 0;

  // Control: the same app with no dated-point layer (the deaths overlay is off by default).
  const control = { playFps: NaN, longestTaskDuringScrubMs: NaN, longTasksDuringScrub: 0 };
  {
    await sleep(300);
    const c0 = await page.evaluate(() => performance.now());
    if (hasBrush) {
      const sel = page.locator('[data-testid=timeline] g.brush .selection');
      await sel.scrollIntoViewIfNeeded();
      const box = (await sel.boundingBox())!;
      const svgBox = (await page.locator('[data-testid=timeline] svg').first().boundingBox())!;
      const dx = Math.max(6, (2.5 * svgBox.width) / (17 * 12));
      let x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 0; i < SCRUBS_PER_RUN; i++) {
        x += (i % 2 ? -1 : 1) * dx;
        await page.mouse.move(x, y, { steps: 1 });
        await sleep(400);
      }
      await page.mouse.up();
    }
    const c1 = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(
      ({ s, e }) =>
        (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench.longTasks.filter(
          ([t, d]) => t + d >= s && t <= e,
        ),
      { s: c0, e: c1 },
    );
    control.longestTaskDuringScrubMs = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
    control.longTasksDuringScrub = tasks.length;
    await sleep(200);
    control.playFps = (await renderRate(page, PLAY_MS, 'advance')).fps;
    log(
      `${vp.width}x${vp.height} no points: play ${control.playFps.toFixed(1)} fps, longest task while dragging ${control.longestTaskDuringScrubMs} ms`,
    );
  }
  const sizes: Record<string, SizeFigures> = {};
  for (const n of SIZES) {
    // A known window: all of 2023.
    await page.evaluate(() => {
      (window as unknown as { __crossings: { window: [number, number] } }).__crossings.window = [
        2023 * 12,
        2023 * 12 + 11,
      ];
    });
    const load = await page.evaluate(
      ({ n, seed }) =>
        (
          window as unknown as { __crossingsBench: { syntheticPoints(n: number, s: number): { ms: number } } }
        ).__crossingsBench.syntheticPoints(n, seed),
      { n, seed: SEED },
    );
    await page.waitForFunction(
      () => {
        const g = (window as unknown as { __crossingsGpu?: Gpu }).__crossingsGpu;
        return !!g && g.count() > 0 && !!g.lastFrame && g.lastFrame.count === g.count();
      },
      null,
      { timeout: 60000 },
    );
    await sleep(500);

    // Scrub ------------------------------------------------------------------------------------
    const scrubStart = await page.evaluate(() => performance.now());
    const latencies: number[] = [];
    const counts: number[] = [];
    const layerMs: number[] = [];
    const redrawMs: number[] = [];
    let method: 'pointer' | 'assignment' = 'assignment';
    if (hasBrush) {
      method = 'pointer';
      const sel = page.locator('[data-testid=timeline] g.brush .selection');
      await sel.scrollIntoViewIfNeeded();
      const box = (await sel.boundingBox())!;
      const svgBox = (await page.locator('[data-testid=timeline] svg').first().boundingBox())!;
      const monthPx = svgBox.width / (17 * 12);
      const state = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(state.x, state.y);
      await page.mouse.down();
      for (let i = 0; i < SCRUBS_PER_RUN; i++) {
        // Alternate right/left by ~2.5 months so the window always changes and stays in 2022–2024.
        const r = await scrubByPointer(page, (i % 2 ? -1 : 1) * Math.max(6, 2.5 * monthPx), state);
        if (r) {
          latencies.push(r.latencyMs);
          counts.push(r.count);
          layerMs.push(r.layerRenderMs);
          redrawMs.push(r.mapRedrawMs);
        }
        await sleep(150);
      }
      await page.mouse.up();
    } else {
      for (let i = 0; i < SCRUBS_PER_RUN; i++) {
        const r = await scrubByAssignment(page, i % 2 ? -2 : 2);
        latencies.push(r.latencyMs);
        counts.push(r.count);
        layerMs.push(r.layerRenderMs);
        redrawMs.push(r.mapRedrawMs);
        await sleep(150);
      }
    }
    const scrubEnd = await page.evaluate(() => performance.now());
    const longTasks = await page.evaluate(
      ({ s, e }) =>
        (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench.longTasks.filter(
          ([t, d]) => t + d >= s && t <= e,
        ),
      { s: scrubStart, e: scrubEnd },
    );

    // Play: a new month every animation frame ---------------------------------------------------
    await sleep(200);
    const play = await renderRate(page, PLAY_MS, 'advance');
    await page.evaluate(() => {
      (window as unknown as { __crossings: { window: [number, number] } }).__crossings.window = [
        2023 * 12,
        2023 * 12 + 11,
      ];
    });
    await sleep(200);
    const h = await heap(ctx, page);
    sizes[String(n)] = {
      points: n,
      generateAndSortMs: load.ms,
      scrubMethod: method,
      scrubMs: median(latencies),
      scrubSamplesMs: latencies.map((x) => +x.toFixed(1)),
      scrubLayerRenderMs: median(layerMs),
      scrubMapRedrawMs: median(redrawMs),
      pointsInWindow: median(counts),
      longestTaskDuringScrubMs: longTasks.reduce((m, [, d]) => Math.max(m, d), 0),
      longTasksDuringScrub: longTasks.length,
      playFps: play.fps,
      playFrameMs: play.frameMs ?? NaN,
      playNewMonthRatio: play.gpuFrames ? play.gpuWindowChanges / play.gpuFrames : 0,
      playDistinctMonths: play.distinctMonths,
      playSeconds: PLAY_MS / 1000,
      jsHeapMB: h.jsHeapMB,
      arrayBuffersMB: h.arrayBuffersMB,
    };
    log(
      `${vp.width}x${vp.height} n=${n}: scrub ${sizes[String(n)].scrubMs.toFixed(1)} ms (${method}),` +
        ` play ${play.fps.toFixed(1)} fps, new month/frame ${sizes[String(n)].playNewMonthRatio.toFixed(2)},` +
        ` heap ${h.jsHeapMB.toFixed(1)} MB + ${h.arrayBuffersMB.toFixed(1)} MB buffers`,
    );
  }

  // The real play button, for information (its speed is in months per second).
  let playButton: Record<string, number> | null = null;
  const play = page.locator('[data-testid=timeline-play]');
  if ((await play.count()) > 0) {
    await page
      .locator('[data-testid=timeline-speed]')
      .selectOption({ index: 3 })
      .catch(() => {});
    await play.click();
    const r = await renderRate(page, PLAY_MS, 'observe');
    await play.click();
    playButton = {
      fps: r.fps,
      distinctMonths: r.distinctMonths,
      seconds: PLAY_MS / 1000,
      points: SIZES[SIZES.length - 1],
    };
  }
  await ctx.close();
  if (errors.length) log('app page errors:', errors.slice(0, 3));
  return { ttiMs, heapNoPoints, control, sizes, playButton, errors };
}
