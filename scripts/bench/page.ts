/**
 * The bench's page helpers: a fresh page per measure with the recorders installed before the page's
 * own scripts (long tasks, the last input, time to an interactive map, Event Timing, LCP and layout
 * shifts), the map's render rate and the JS heap after a GC.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EVENT_INIT } from './events';

export const MB = 1024 * 1024;
export const log = (...a: unknown[]) => console.log('[bench]', ...a);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Viewport {
  name: string;
  width: number;
  height: number;
}

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

/** Largest contentful paint (its element) and layout shifts, recorded from the first paint on. */
const PAINT_INIT = () => {
  const p = { lcp: 0, lcpElement: '', lcpSize: 0, cls: 0, shifts: 0 };
  (window as unknown as { __benchPaint: typeof p }).__benchPaint = p;
  const describe = (el: Element | null) =>
    el
      ? [
          el.tagName.toLowerCase(),
          el.id ? `#${el.id}` : '',
          el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '',
          typeof el.className === 'string' && el.className
            ? `.${el.className.trim().split(/\s+/).join('.')}`
            : '',
        ].join('')
      : '';
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as (PerformanceEntry & { element: Element | null; size: number })[]) {
        p.lcp = e.startTime;
        p.lcpSize = e.size;
        p.lcpElement = describe(e.element);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (e.hadRecentInput) continue;
        p.cls += e.value;
        p.shifts++;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    /* no paint timing */
  }
};

export async function newPage(browser: Browser, vp: { width: number; height: number }) {
  const ctx = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
  await ctx.addInitScript(
    `globalThis.__name ??= (f) => f; (${INIT.toString()})(); (${PAINT_INIT.toString()})(); ${EVENT_INIT}`,
  );
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { ctx, page, errors };
}

export async function waitInteractive(page: Page): Promise<number> {
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

export async function heap(ctx: BrowserContext, page: Page) {
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
export async function renderRate(page: Page, ms: number, mode: 'repaint' | 'advance' | 'observe') {
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
