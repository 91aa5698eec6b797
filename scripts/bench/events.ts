/**
 * INP-style input timing for the bench: Event Timing entries (PerformanceObserver 'event',
 * durationThreshold 16) recorded in the page while the bench presses keys, toggles layers and
 * plays/pauses. An interaction's duration runs from the input to the next paint after its
 * handlers, so it includes what the handlers (and the microtasks they queue) cost.
 */
import type { Page } from 'playwright-core';
import { median } from './targets';

/** Installed in the page (as a string, via addInitScript): collects event entries in __benchEvents. */
export const EVENT_INIT = `(() => {
  const list = [];
  window.__benchEvents = list;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries())
        list.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId || 0,
          processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) { /* no Event Timing */ }
})();`;

export interface EventEntry {
  name: string;
  start: number;
  duration: number;
  id: number;
  processing: number;
  delay: number;
}

export interface InputFigures {
  /** Interactions measured (one per key press / click; those under 16 ms have no entry and count as 16). */
  interactions: number;
  p75Ms: number;
  medianMs: number;
  maxMs: number;
  /** Median of the longest handler processing per interaction (processingEnd − processingStart). */
  processingMedianMs: number;
}

export const clearEvents = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __benchEvents: unknown[] }).__benchEvents.length = 0;
  });

export const readEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __benchEvents: EventEntry[] }).__benchEvents.slice());

export function quantile(xs: number[], q: number): number {
  const a = xs.filter((x) => Number.isFinite(x)).sort((p, r) => p - r);
  if (!a.length) return NaN;
  // Nearest rank, as web-vitals reports INP's high percentile.
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil(q * a.length) - 1))];
}

/**
 * Per interaction (entries grouped by interactionId; keydown/keyup/pointer/click of one press are one
 * interaction) the longest entry's duration. `expected` interactions happened; those with no entry
 * took under the 16 ms threshold and count as 16 ms, so the percentile is over every press.
 */
export function summarise(entries: EventEntry[], expected: number): InputFigures {
  const byId = new Map<number, { duration: number; processing: number }>();
  for (const e of entries) {
    if (!e.id) continue;
    const cur = byId.get(e.id) ?? { duration: 0, processing: 0 };
    cur.duration = Math.max(cur.duration, e.duration);
    cur.processing = Math.max(cur.processing, e.processing);
    byId.set(e.id, cur);
  }
  const durations = [...byId.values()].map((x) => x.duration);
  const processing = [...byId.values()].map((x) => x.processing);
  while (durations.length < expected) durations.push(16);
  return {
    interactions: Math.max(expected, byId.size),
    p75Ms: quantile(durations, 0.75),
    medianMs: median(durations),
    maxMs: Math.max(...durations),
    processingMedianMs: median(processing),
  };
}

/** Wait until the entries of the last interaction have been delivered (they arrive after the paint). */
export async function settle(page: Page, ms = 300) {
  await page.evaluate(
    (ms) =>
      new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, ms)))),
    ms,
  );
}
