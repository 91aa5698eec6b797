/**
 * Everything the overlays show, derived from the app state: series are built once per data load;
 * each window change recomputes only window sums (prefix sums, O(series)) and tiny feature lists.
 */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';
import { TIME_DOMAIN } from './app.svelte';
import { buildSeries, sumWindow, type Series, type WindowSum } from '../filter/aggregate';
import { landingPoints, landingValues, maxSumForLength, radiusScale } from '../filter/landings';
import { arcsAt, buildArcs, countByStatus, partiesAt } from '../filter/agreements';
import { fundingByCountry, programmesIn } from '../filter/programmes';
import { isUndated } from '../filter/lifecycle';
import { ROUTE_AREAS, type Metric } from '../data/schema';

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

  series = $derived.by((): Map<string, Series> =>
    this.app.data ? buildSeries(this.app.data.counts) : new Map(),
  );
  landingMetric = $derived.by((): Metric =>
    this.app.metric === 'irregular_arrivals' ? 'irregular_arrivals' : 'sea_arrivals',
  );
  landingPoints = $derived.by(() =>
    this.app.data ? landingPoints(this.series, this.landingMetric, this.app.data.catalog) : [],
  );
  windowLength = $derived.by(() => this.app.window[1] - this.app.window[0] + 1);
  /** Scale domain depends on the window's length only, so circles compare while playing. */
  landingMax = $derived.by(() =>
    maxSumForLength(
      this.landingPoints.map((p) => this.series.get(p.key)!),
      this.windowLength,
      TIME_DOMAIN,
    ),
  );
  landingRadius = $derived.by(() =>
    radiusScale(this.landingMax, 44 * (this.app.theme === 'projector' ? 1.3 : 1)),
  );
  landingValues = $derived.by(() => landingValues(this.landingPoints, this.series, this.app.window));

  arcs = $derived.by(() => (this.app.data ? buildArcs(this.app.data.catalog) : []));
  arcsNow = $derived.by(() => arcsAt(this.arcs, this.app.window[1]));
  agreementCounts = $derived.by(() =>
    countByStatus(this.app.data?.catalog.agreements ?? [], this.app.window[1]),
  );
  parties = $derived.by(() => partiesAt(this.app.data?.catalog.agreements ?? [], this.app.window[1]));
  undatedAgreements = $derived.by(() => (this.app.data?.catalog.agreements ?? []).filter(isUndated));

  programmesNow = $derived.by(() => programmesIn(this.app.data?.catalog.programmes ?? [], this.app.window));
  funding = $derived.by(() => fundingByCountry(this.app.data?.catalog.programmes ?? [], this.app.window));

  /** Frontex detections per route area in the window, and the scale maximum for this length. */
  flowSeries = $derived.by(() =>
    Object.keys(ROUTE_AREAS)
      .map((r) => this.series.get(`frontex_detections|route|${r}`))
      .filter((s): s is Series => !!s),
  );
  flowMax = $derived.by(() => maxSumForLength(this.flowSeries, this.windowLength, TIME_DOMAIN));
  flow = $derived.by(() => {
    const out = new Map<string, WindowSum>();
    for (const s of this.flowSeries) {
      const r = sumWindow(s, this.app.window);
      if (r) out.set(s.area, r);
    }
    return out;
  });

  /** The headline figure for the selected metric in the window (one metric, never mixed). */
  headline = $derived.by((): WindowSum | null => {
    const h = HEADLINE[this.app.metric];
    let value = 0,
      covered = 0,
      complete = true,
      q = 0;
    const rank = { exact: 0, approx: 1, at_least: 2 } as const;
    for (const area of h.areas) {
      const s = this.series.get(`${this.app.metric}|${h.areaType}|${area}`);
      const r = s ? sumWindow(s, this.app.window) : null;
      if (!r) continue;
      value += r.value;
      covered += r.covered;
      complete &&= r.complete;
      q = Math.max(q, rank[r.qualifier]);
    }
    return covered
      ? { value, covered, complete, qualifier: (['exact', 'approx', 'at_least'] as const)[q] }
      : null;
  });
}

const KEY = Symbol('derived');
export const setDerived = (d: Derived) => setContext(KEY, d);
export const getDerived = () => getContext<Derived>(KEY);
