/**
 * Time windows: [from, to] in month indices, inclusive. A record is visible when its interval
 * overlaps the window.
 */
import type { MonthIndex } from '../data/time';

export type Window = readonly [MonthIndex, MonthIndex];

export function overlaps(start: MonthIndex, end: MonthIndex, w: Window): boolean {
  return start <= w[1] && end >= w[0];
}

export function clampWindow(w: Window, domain: Window): [MonthIndex, MonthIndex] {
  const len = Math.min(w[1] - w[0], domain[1] - domain[0]);
  const from = Math.max(domain[0], Math.min(w[0], domain[1] - len));
  return [from, Math.max(from, Math.min(from + len, domain[1]))];
}

/** Slide the window by `step` months, keeping its length; wrap to the start when `loop`. */
export function slideWindow(w: Window, step: number, domain: Window, loop = false): [MonthIndex, MonthIndex] {
  const len = w[1] - w[0];
  let from = w[0] + step;
  if (from + len > domain[1]) from = loop ? domain[0] : domain[1] - len;
  if (from < domain[0]) from = loop ? domain[1] - len : domain[0];
  return [from, from + len];
}

/** Resize by moving the end (or the start when `edge` is 'start'), at least one month long. */
export function resizeWindow(
  w: Window,
  delta: number,
  domain: Window,
  edge: 'start' | 'end' = 'end',
): [MonthIndex, MonthIndex] {
  if (edge === 'end') return [w[0], Math.min(domain[1], Math.max(w[0], w[1] + delta))];
  return [Math.max(domain[0], Math.min(w[1], w[0] + delta)), w[1]];
}

export const yearWindow = (year: number): [MonthIndex, MonthIndex] => [year * 12, year * 12 + 11];
