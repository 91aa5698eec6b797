/**
 * The headline figure of the summary line for the selected metric (what the overlays show is in
 * the overlay model, src/lib/overlays/). Series are built once per data load; a window change costs
 * one prefix-sum lookup per series. It reads the shown window (app.shownWindow), so the headline and
 * the overlays' phrases in the summary line change in the same frame.
 */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';
import { sumWindow, type Series, type WindowSum } from '../filter/aggregate';
import { buildSeriesOnce } from '../overlays/series';
import type { Metric } from '../data/schema';

/** The headline series per metric for the summary line (one metric, one area or a same-metric sum). */
export const HEADLINE: Record<Metric, { areaType: string; areas: string[] }> = {
  sea_arrivals: { areaType: 'country', areas: ['ITA'] },
  irregular_arrivals: { areaType: 'country', areas: ['ESP'] },
  frontex_detections: {
    areaType: 'route',
    areas: ['central_med', 'eastern_med', 'western_balkans', 'western_med', 'western_african'],
  },
  dead_missing: {
    areaType: 'route',
    areas: ['central_med', 'eastern_med', 'western_balkans', 'western_med', 'western_african', 'sahara'],
  },
};

export class Derived {
  private app: AppState;
  constructor(app: AppState) {
    this.app = app;
  }

  /** Count series (prefix sums), built once per data load and shared with the overlays. */
  series = $derived.by((): Map<string, Series> =>
    this.app.data ? buildSeriesOnce(this.app.data) : new Map(),
  );

  /** The headline figure for the selected metric in the window (one metric, never mixed). */
  headline = $derived.by((): WindowSum | null =>
    headlineFigure(this.series, this.app.metric, this.app.shownWindow),
  );
}

/** The headline figure of a metric in a window from its series (pure: the build's fallback too). */
export function headlineFigure(
  series: Map<string, Series>,
  metric: Metric,
  window: readonly [number, number],
): WindowSum | null {
  const h = HEADLINE[metric];
  let value = 0,
    covered = 0,
    complete = true,
    q = 0;
  const rank = { exact: 0, approx: 1, at_least: 2 } as const;
  for (const area of h.areas) {
    const s = series.get(`${metric}|${h.areaType}|${area}`);
    const r = s ? sumWindow(s, [window[0], window[1]]) : null;
    if (!r) continue;
    value += r.value;
    covered += r.covered;
    complete &&= r.complete;
    q = Math.max(q, rank[r.qualifier]);
  }
  return covered
    ? { value, covered, complete, qualifier: (['exact', 'approx', 'at_least'] as const)[q] }
    : null;
}

const KEY = Symbol('derived');
export const setDerived = (d: Derived) => setContext(KEY, d);
export const getDerived = () => getContext<Derived>(KEY);
