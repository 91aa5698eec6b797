/**
 * The timeline brush as pure logic: pixels ↔ months with snapping to month boundaries, centring the
 * window on a month, and the keyboard map of the three sliders (window, start, end).
 * Windows are inclusive [from, to] month indices and never shorter than one month.
 */
import type { MonthIndex } from '../data/time';
import { resizeWindow, slideWindow, type Window } from '../filter/window';

export type Span = [MonthIndex, MonthIndex];
export type BrushTarget = 'window' | 'start' | 'end';

export interface MonthScale {
  domain: Window;
  width: number;
  /** Months in the domain. */
  count: number;
  /** Width of one month in pixels. */
  bw: number;
  /** Left edge of month m (x(d1 + 1) is the right edge of the domain). */
  x(m: MonthIndex): number;
  /** The month under pixel px (clamped to the domain). */
  monthAt(px: number): MonthIndex;
  /** The month boundary nearest to px, as the month that starts there (d0 … d1 + 1). */
  boundaryAt(px: number): MonthIndex;
}

export function monthScale(domain: Window, width: number): MonthScale {
  const count = domain[1] - domain[0] + 1;
  const w = Math.max(1, width);
  const bw = w / count;
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return {
    domain,
    width: w,
    count,
    bw,
    x: (m) => (m - domain[0]) * bw,
    monthAt: (px) => clamp(domain[0] + Math.floor(px / bw), domain[0], domain[1]),
    boundaryAt: (px) => clamp(domain[0] + Math.round(px / bw), domain[0], domain[1] + 1),
  };
}

/**
 * The window a selection in pixels stands for: each edge snaps to the nearest month boundary, at
 * least one month, inside the domain.
 */
export function windowAt(s: MonthScale, x0: number, x1: number): Span {
  const last = s.domain[1];
  const from = s.boundaryAt(x0);
  const to = Math.max(from, s.boundaryAt(x1) - 1);
  return [Math.min(from, last), Math.min(to, last)];
}

/** Centre the window (keeping its length) on month m, clamped into the domain. */
export function centreOn(w: Window, m: MonthIndex, domain: Window): Span {
  const len = w[1] - w[0];
  const from = Math.max(domain[0], Math.min(domain[1] - len, m - Math.floor(len / 2)));
  return [from, from + len];
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
}

const DELTA: Record<string, number> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: 12,
  PageDown: -12,
};

/**
 * The window a key press leads to, or null when the key is not ours (let the browser have it).
 *
 * Window slider: ←/→ (↓/↑) move by a month, PageDown/PageUp by a year, Home/End to the ends of the
 * domain (keeping the length); Shift+arrows (or Shift+PageUp/PageDown) move the end edge,
 * Alt+Shift+arrows the start edge.
 * Start and end sliders: arrows ±1 month, PageUp/PageDown ±12, Home/End as far as they can go.
 */
export function keyStep(target: BrushTarget, k: KeyInput, w: Window, domain: Window): Span | null {
  const d = DELTA[k.key];
  const len = w[1] - w[0];
  if (target === 'window') {
    if (d !== undefined) {
      if (k.shiftKey) return resizeWindow(w, d, domain, k.altKey ? 'start' : 'end');
      return slideWindow(w, d, domain);
    }
    if (k.key === 'Home') return [domain[0], domain[0] + len];
    if (k.key === 'End') return [domain[1] - len, domain[1]];
    return null;
  }
  if (d !== undefined) return resizeWindow(w, d, domain, target);
  if (k.key === 'Home') return target === 'start' ? [domain[0], w[1]] : [w[0], w[0]];
  if (k.key === 'End') return target === 'start' ? [w[1], w[1]] : [w[0], domain[1]];
  return null;
}

export const sameWindow = (a: Window, b: Window) => a[0] === b[0] && a[1] === b[1];
