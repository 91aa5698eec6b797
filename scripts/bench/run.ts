/**
 * `npm run bench`: performance of the built site in headless Chromium, next to an in-run baseline.
 *
 * Serves the build (CROSSINGS_DIST, default dist/) gzip-compressed on 127.0.0.1 together with a
 * bare-basemap page (same MapLibre, style and options; built here from scripts/bench/baseline), and
 * at 640×360 and 1280×720, DPR 1, measures per run:
 *   - time to an interactive map (style and sources loaded), app and baseline;
 *   - baseline frame: the bare basemap repainting every frame (median frame interval, fps);
 *   - with synthetic dated point layers of 1k, 100k and 1M points (seeded; injected through
 *     window.__crossingsBench.syntheticPoints): scrub latency from pointer input on the timeline
 *     brush to the first frame drawn with the new window (the GPU layer's lastFrame), long tasks
 *     during the scrubs, frame rate and new-month-per-frame ratio while the window advances one
 *     month every animation frame, and the main-thread JS heap after a GC.
 * Each figure is the median over BENCH_RUNS runs (default 7). Writes bench/results.json.
 */
import { cpus, loadavg, release, totalmem, uptime, platform, arch } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/e2e/browser';
import { serve } from './server';
import { TARGETS, evaluateTargets, median, type SizeFigures, type ViewportFigures } from './targets';
import { measureImport, IMPORT_ROWS, type ImportFigures } from './import';

const DIST = process.env.CROSSINGS_DIST ?? 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const OUT = process.env.BENCH_OUT ?? 'bench/results.json';
const BASELINE_OUT = process.env.BENCH_BASELINE_DIR ?? '/tmp/crossings-bench-baseline';
const VIEWPORTS = [
  { name: 'embed', width: 640, height: 360 },
  { name: 'projector', width: 1280, height: 720 },
];
const SIZES = [1_000, 100_000, 1_000_000];
const SEED = 20260101;
const SCRUBS_PER_RUN = 5;
const FRAME_SAMPLE_MS = 2000;
const PLAY_MS = 4000;
const MB = 1024 * 1024;

const log = (...a: unknown[]) => console.log('[bench]', ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Installed in every page before its scripts: long tasks, last pointer input, time to interactive. */
const INIT = () => {
  const b = { longTasks: [] as [number, number][], input: 0, tti: 0 };
  (window as unknown as { __bench: typeof b }).__bench = b;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task API */
  }
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'keydown'])
    addEventListener(type, (e) => (b.input = e.timeStamp), true);
  const poll = () => {
    const m = (window as unknown as { __crossingsMap?: { isStyleLoaded(): boolean; loaded(): boolean } })
      .__crossingsMap;
    if (m && m.isStyleLoaded() && m.loaded()) b.tti = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

async function newPage(browser: Browser, vp: { width: number; height: number }) {
  const ctx = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
  await ctx.addInitScript(`globalThis.__name ??= (f) => f; (${INIT.toString()})();`);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { ctx, page, errors };
}

async function waitInteractive(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __bench: { tti: number } }).__bench.tti > 0,
    null,
    {
      timeout: 120000,
      polling: 50,
    },
  );
  return page.evaluate(() => (window as unknown as { __bench: { tti: number } }).__bench.tti);
}

async function heap(ctx: BrowserContext, page: Page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    totalSize: number;
    embedderHeapUsedSize?: number;
    backingStorageSize?: number;
  };
  const perf = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
  await cdp.detach();
  return {
    /** V8 heap in use after GC (what performance.memory.usedJSHeapSize reports, unrounded). */
    jsHeapMB: h.usedSize / MB,
    /** ArrayBuffer backing stores (typed arrays) held by the page, outside the V8 heap. */
    arrayBuffersMB: (h.backingStorageSize ?? 0) / MB,
    performanceMemoryMB: perf === null ? null : perf / MB,
  };
}

/** Median interval between map renders (and renders per second) while `during` runs. */
async function renderRate(page: Page, ms: number, mode: 'repaint' | 'advance' | 'observe') {
  return page.evaluate(
    async ({ ms, mode }) => {
      type M = { on(e: string, f: () => void): void; off(e: string, f: () => void): void; repaint: boolean };
      const w = window as unknown as {
        __crossingsMap: M;
        __crossings?: { window: [number, number] };
        __crossingsGpu?: {
          frames: number;
          windowChanges: number;
          lastFrame: { window: [number, number] } | null;
        };
      };
      const map = w.__crossingsMap;
      const gpu = w.__crossingsGpu;
      // Renders are counted from the first advance step (or from the start when not advancing),
      // so a frame already pending when the measurement starts is not counted.
      let counting = mode !== 'advance';
      let tStart = performance.now();
      const times: number[] = [];
      const shown = new Set<number>();
      let prev = gpu?.lastFrame?.window[1];
      let gpuFrames = 0;
      let newMonth = 0;
      const onRender = () => {
        if (!counting) return;
        times.push(performance.now());
        const cur = gpu?.lastFrame?.window[1];
        if (cur !== undefined) {
          shown.add(cur);
          gpuFrames++;
          if (cur !== prev) newMonth++;
          prev = cur;
        }
      };
      let steps = 0;
      map.on('render', onRender);
      const t0 = performance.now();
      if (mode === 'repaint') map.repaint = true;
      await new Promise<void>((resolve) => {
        const step = () => {
          if (performance.now() - t0 >= ms) return resolve();
          if (mode === 'advance' && w.__crossings) {
            if (!counting) {
              counting = true;
              tStart = performance.now();
            }
            // Play at full speed: the window slides one month every animation frame (looping).
            const [a, b] = w.__crossings.window;
            const len = b - a;
            const next = b + 1 > 2025 * 12 + 11 ? 2009 * 12 : a + 1;
            w.__crossings.window = [next, next + len];
            steps++;
          }
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      const elapsed = performance.now() - tStart;
      if (mode === 'repaint') map.repaint = false;
      map.off('render', onRender);
      const iv = times
        .slice(1)
        .map((t, i) => t - times[i])
        .sort((a, b) => a - b);
      return {
        frameMs: iv.length ? iv[iv.length >> 1] : null,
        fps: (times.length * 1000) / elapsed,
        renders: times.length,
        steps,
        gpuFrames,
        gpuWindowChanges: newMonth,
        distinctMonths: shown.size,
      };
    },
    { ms, mode },
  );
}

async function measureBaseline(browser: Browser, base: string, vp: (typeof VIEWPORTS)[number]) {
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

async function measureApp(browser: Browser, base: string, vp: (typeof VIEWPORTS)[number]) {
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

async function buildBaseline() {
  await build({
    configFile: false,
    root: 'scripts/bench/baseline',
    base: './',
    logLevel: 'warn',
    build: { outDir: BASELINE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}

function machine(browserVersion: string, renderer: string | null) {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: +(totalmem() / 1024 ** 3).toFixed(1),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    chromium: `${chromiumPath()} ${browserVersion}`,
    chromiumFlags: CHROMIUM_FLAGS,
    webglRenderer: renderer,
  };
}

const loadNow = () => ({ loadavg1_5_15: loadavg().map((x) => +x.toFixed(2)), uptime: execUptime() });
function execUptime() {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `up ${Math.round(uptime())} s`;
  }
}

async function main() {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error(`${DIST}/index.html is missing: build the site first`);
  log(`dist=${DIST} runs=${RUNS}`);
  const loadBefore = loadNow();
  await buildBaseline();
  const server = await serve({ '/__baseline/': BASELINE_OUT, '/': DIST });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  let renderer: string | null = null;
  const viewports: Record<string, ViewportFigures> = {};
  const allErrors: string[] = [];
  const importRuns: ImportFigures[] = [];
  try {
    {
      const { ctx, page } = await newPage(browser, VIEWPORTS[0]);
      await page.goto(`${server.url}/__baseline/index.html`);
      renderer = await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const ext = gl?.getExtension('WEBGL_debug_renderer_info');
        return gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : null;
      });
      await ctx.close();
    }
    for (const vp of VIEWPORTS) {
      const runs: {
        baseline: Awaited<ReturnType<typeof measureBaseline>>;
        app: Awaited<ReturnType<typeof measureApp>>;
      }[] = [];
      for (let r = 0; r < RUNS; r++) {
        log(`${vp.width}x${vp.height} run ${r + 1}/${RUNS}`);
        const baseline = await measureBaseline(browser, server.url, vp);
        const app = await measureApp(browser, server.url, vp);
        allErrors.push(...app.errors);
        log(
          `  baseline frame ${baseline.frameMs.toFixed(1)} ms (${baseline.fps.toFixed(1)} fps), tti ${baseline.ttiMs.toFixed(0)} ms; app tti ${app.ttiMs.toFixed(0)} ms`,
        );
        runs.push({ baseline, app });
      }
      const med = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
      const sizes: Record<string, SizeFigures> = {};
      for (const n of SIZES) {
        const k = String(n);
        const per = runs.map((x) => x.app.sizes[k]);
        const m = (f: (s: SizeFigures) => number) => median(per.map(f));
        sizes[k] = {
          points: n,
          generateAndSortMs: m((s) => s.generateAndSortMs),
          scrubMethod: per[0].scrubMethod,
          scrubMs: m((s) => s.scrubMs),
          scrubSamplesMs: per.map((s) => +s.scrubMs.toFixed(1)),
          scrubLayerRenderMs: m((s) => s.scrubLayerRenderMs),
          scrubMapRedrawMs: m((s) => s.scrubMapRedrawMs),
          pointsInWindow: m((s) => s.pointsInWindow),
          longestTaskDuringScrubMs: Math.max(...per.map((s) => s.longestTaskDuringScrubMs)),
          longTasksDuringScrub: per.reduce((a, s) => a + s.longTasksDuringScrub, 0),
          playFps: m((s) => s.playFps),
          playFrameMs: m((s) => s.playFrameMs),
          playNewMonthRatio: m((s) => s.playNewMonthRatio),
          playDistinctMonths: m((s) => s.playDistinctMonths),
          playSeconds: PLAY_MS / 1000,
          jsHeapMB: m((s) => s.jsHeapMB),
          arrayBuffersMB: m((s) => s.arrayBuffersMB),
        };
      }
      viewports[`${vp.width}x${vp.height}`] = {
        viewport: { ...vp, deviceScaleFactor: 1 },
        runs: runs.length,
        baseline: {
          timeToInteractiveMs: med((x) => x.baseline.ttiMs),
          frameMs: med((x) => x.baseline.frameMs),
          fps: med((x) => x.baseline.fps),
          jsHeapMB: med((x) => x.baseline.heap.jsHeapMB),
          arrayBuffersMB: med((x) => x.baseline.heap.arrayBuffersMB),
          perRunFrameMs: runs.map((x) => +x.baseline.frameMs.toFixed(2)),
          longestTaskWhileRepaintingMs: Math.max(...runs.map((x) => x.baseline.longestTaskMs)),
        },
        app: {
          timeToInteractiveMs: med((x) => x.app.ttiMs),
          jsHeapNoPointsMB: med((x) => x.app.heapNoPoints.jsHeapMB),
          arrayBuffersNoPointsMB: med((x) => x.app.heapNoPoints.arrayBuffersMB),
          perRunTimeToInteractiveMs: runs.map((x) => Math.round(x.app.ttiMs)),
          withoutDatedPoints: {
            note: 'control: the app with the deaths overlay off (no dated-point layer), same drags and same full-speed play',
            playFps: med((x) => x.app.control.playFps),
            longestTaskWhileDraggingMs: Math.max(...runs.map((x) => x.app.control.longestTaskDuringScrubMs)),
            longTasksWhileDragging: runs.reduce((a, x) => a + x.app.control.longTasksDuringScrub, 0),
          },
          playButton: runs[runs.length - 1].app.playButton,
        },
        sizes,
      };
    }
    // A reader's 1,000,000-row file imported through the UI (1280×720), median over min(RUNS, 3) runs.
    for (let r = 0; r < Math.min(RUNS, 3); r++) {
      log(`import ${IMPORT_ROWS} rows, run ${r + 1}`);
      const { errors, ...f } = await measureImport(browser, server.url);
      allErrors.push(...errors);
      importRuns.push(f);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const importFigures = Object.fromEntries(
    (Object.keys(importRuns[0] ?? {}) as (keyof ImportFigures)[]).map((k) => [
      k,
      median(importRuns.map((x) => x[k])),
    ]),
  );
  const checks = evaluateTargets(viewports);
  const results = {
    generatedAt: new Date().toISOString(),
    command: 'npm run bench',
    dist: DIST,
    machine: machine(browser.version(), renderer),
    load: { before: loadBefore, after: loadNow() },
    method: {
      runs: RUNS,
      statistic:
        'median over runs (each run: a fresh page of the bare-basemap baseline, then a fresh page of the app)',
      seed: SEED,
      pointSizes: SIZES,
      timeToInteractive:
        'navigation start → first animation frame where the map style and all sources are loaded',
      baselineFrame:
        'bare basemap page (same MapLibre, style and map options as the app), map.repaint = true: median interval between renders',
      scrub:
        'pointer drag of the timeline brush selection (d3-brush) by ~2.5 months; latency = GPU layer lastFrame.at − the pointer event timeStamp; median of 5 scrubs per run. scrubMapRedrawMs: main-thread time of the whole map redraw the window change causes; scrubLayerRenderMs: of the GPU layer within it (command submission; the GPU work is in SwiftShader)',
      longTasks: 'PerformanceObserver longtask entries overlapping the scrub phase (max over runs)',
      play: `the window slides one month every animation frame for ${PLAY_MS / 1000} s (full-speed play); fps = map renders per second from the first step; newMonthRatio = frames showing a month not shown by the previous frame / frames`,
      heap: 'CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage: usedSize (V8 JS heap); ArrayBuffer backing stores reported separately',
      points:
        'synthetic: uniform in the region box and over 2009-01…2025-12, sizes 2–8 px; window 2023 (≈6% of the points)',
    },
    targets: TARGETS,
    viewports,
    import: {
      note: "a reader's 1,000,000-row CSV chosen in the panel (scripts/bench/import.ts): file chosen → preview ready (read, parsed and checked in the worker), long main-thread tasks meanwhile and after draw, draw → first frame, and a time-window change on the reader's GPU layer (assignment → frame drawn)",
      runs: importRuns.length,
      ...importFigures,
    },
    checks,
    pass: checks.every((c) => c.pass),
    pageErrors: [...new Set(allErrors)].slice(0, 10),
  };
  mkdirSync(OUT.replace(/\/[^/]*$/, ''), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  for (const c of checks) log(`${c.pass ? 'PASS' : 'FAIL'} ${c.viewport} ${c.id}: ${c.value} (${c.limit})`);
  log(`wrote ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
