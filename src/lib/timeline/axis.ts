/**
 * Axes of the timeline and the detail charts as plain data: the unit a metric counts, a y-axis of
 * a few round ticks, and the months the timeline draws (from where the metric's figures start).
 */
import type { Metric } from '../data/schema';
import type { MessageKey } from '../i18n/keys';
import type { MonthIndex } from '../data/time';
import type { Window } from '../filter/window';

export type Unit = 'people' | 'detections';

/** What one unit of a metric is: Frontex counts detections (one person can be detected twice). */
export const METRIC_UNIT: Record<Metric, Unit> = {
  sea_arrivals: 'people',
  irregular_arrivals: 'people',
  dead_missing: 'people',
  frontex_detections: 'detections',
};

/** Message keys of the units (literal, so the key check sees them). */
export const UNIT_KEY: Record<Unit, MessageKey> = {
  people: 'timeline.unit.people',
  detections: 'timeline.unit.detections',
};

export interface YAxis {
  /** The top of the axis: the last tick, at or above the largest value. */
  top: number;
  /** Tick values from 0 to top, evenly spaced. */
  ticks: number[];
}

/** Round steps (×10^k) a count axis may use. */
const STEPS = [1, 2, 2.5, 5];

/**
 * Three or four round ticks from 0 covering `max` (counts: steps are whole numbers, at least 1).
 * The step is the smallest of 1, 2, 2.5, 5 × 10^k that reaches `max` in at most three steps.
 */
export function yAxis(max: number): YAxis {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  let step = 1;
  search: for (let k = 0; k < 16; k++)
    for (const s of STEPS) {
      const v = s * 10 ** k;
      if (!Number.isInteger(v)) continue;
      if (Math.ceil(max / v) <= 3) {
        step = v;
        break search;
      }
    }
  const n = Math.max(2, Math.ceil(max / step));
  const ticks = Array.from({ length: n + 1 }, (_, i) => i * step);
  return { top: ticks[ticks.length - 1], ticks };
}

export interface ChartDomain {
  /** The months drawn: from January of the first figure's year (or of the window's start when that is earlier) to the end of the app's domain. */
  domain: [MonthIndex, MonthIndex];
  /** The metric's first month with a figure when that is later than the app's domain start (say so on the chart), else null. */
  dataFrom: MonthIndex | null;
}

/**
 * The timeline's visible months for a metric whose first figure is `first`: years before the
 * figures start are not drawn (they would be a blank stretch of the axis), unless the window
 * reaches back into them, then the axis widens to January of the window's first year. The app's
 * domain still bounds everything.
 */
export function chartDomain(first: MonthIndex | null, window: Window, domain: Window): ChartDomain {
  const from = Math.min(first ?? domain[0], window[0]);
  const start = Math.max(domain[0], Math.min(domain[1], Math.floor(from / 12) * 12));
  return {
    domain: [start, domain[1]],
    dataFrom: first !== null && first > domain[0] ? first : null,
  };
}
