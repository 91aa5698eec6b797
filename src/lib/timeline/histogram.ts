/**
 * Which figures the timeline histogram shows for a metric, and its bars. It shows ONE series, or
 * the sum of the series of one metric and one kind of area (e.g. Frontex detections on all its
 * routes); different metrics are never added. For sea arrivals Italy's monthly series is the
 * headline. Years with no monthly figures fall back to annual totals: drawn across the year's
 * width, and (when monthly bars are drawn too) scaled as a monthly average so heights compare.
 */
import type { Metric, Qualifier } from '../data/schema';
import type { MessageKey } from '../i18n/keys';
import type { CountRow, CountryInfo } from '../data/types';
import type { MonthIndex } from '../data/time';
import type { Series } from '../filter/aggregate';
import type { Window } from '../filter/window';
import { nameOf, routeAreaName } from '../i18n/names';

export type AreaType = CountRow['area_type'];
export type Resolution = 'monthly' | 'annual' | 'mixed' | 'none';

/** The series the histogram is made of, as the UI captions it. */
export interface HistogramScope {
  metric: Metric;
  areaType: AreaType | null;
  /** Areas summed (one for a single series), sorted. */
  areas: string[];
  series: Series[];
}

export interface Bar {
  from: MonthIndex;
  /** Equal to `from` for a monthly bar; the year's last month (within the domain) for an annual one. */
  to: MonthIndex;
  /** The figure itself (a month's count, or a year's total). */
  value: number;
  /** What the bar's height encodes: `value`, or value / 12 for annual bars among monthly ones. */
  height: number;
  qualifier: Qualifier;
  annual: boolean;
  /** True when some of the summed series have no figure for this period. */
  partial: boolean;
}

export interface Histogram extends HistogramScope {
  resolution: Resolution;
  bars: Bar[];
  /** Largest bar height (for the y scale). */
  max: number;
  /** Bar with the largest value among bars of the dominant resolution. */
  peak: Bar | null;
  /** First and last month with a figure, or null. */
  first: MonthIndex | null;
  last: MonthIndex | null;
}

/** Metrics with one headline series (shown instead of a sum). */
export const HEADLINE: Partial<Record<Metric, { areaType: AreaType; area: string }>> = {
  sea_arrivals: { areaType: 'country', area: 'ITA' },
};

/** When no headline: publishers' routes partition a metric, so prefer them, then countries, then places. */
const AREA_PREFERENCE: AreaType[] = ['route', 'country', 'place'];

export function pickSeries(all: Iterable<Series>, metric: Metric): HistogramScope {
  const mine = [...all].filter((s) => s.metric === metric);
  const head = HEADLINE[metric];
  const headline = head && mine.find((s) => s.areaType === head.areaType && s.area === head.area);
  if (headline) return { metric, areaType: headline.areaType, areas: [headline.area], series: [headline] };
  for (const type of AREA_PREFERENCE) {
    const series = mine.filter((s) => s.areaType === type).sort((a, b) => a.area.localeCompare(b.area));
    if (series.length) return { metric, areaType: type, areas: series.map((s) => s.area), series };
  }
  return { metric, areaType: null, areas: [], series: [] };
}

const RANK: Record<Qualifier, number> = { exact: 0, approx: 1, at_least: 2 };
const worst = (a: Qualifier, b: Qualifier) => (RANK[b] > RANK[a] ? b : a);

/** A single month of a series: value and qualifier, or null when missing. */
export function monthOf(s: Series, m: MonthIndex): { value: number; qualifier: Qualifier } | null {
  const i = m - s.start;
  if (i < 0 || i >= s.length || s.pPresent[i + 1] - s.pPresent[i] !== 1) return null;
  const qualifier: Qualifier =
    s.pAtLeast[i + 1] - s.pAtLeast[i] > 0
      ? 'at_least'
      : s.pApprox[i + 1] - s.pApprox[i] > 0
        ? 'approx'
        : 'exact';
  return { value: s.pValue[i + 1] - s.pValue[i], qualifier };
}

export function buildBars(series: readonly Series[], domain: Window): Bar[] {
  const bars: Bar[] = [];
  if (!series.length) return bars;
  for (let y = Math.floor(domain[0] / 12); y <= Math.floor(domain[1] / 12); y++) {
    const a = Math.max(domain[0], y * 12);
    const b = Math.min(domain[1], y * 12 + 11);
    const months: Bar[] = [];
    for (let m = a; m <= b; m++) {
      let value = 0;
      let present = 0;
      let qualifier: Qualifier = 'exact';
      for (const s of series) {
        const v = monthOf(s, m);
        if (!v) continue;
        value += v.value;
        present++;
        qualifier = worst(qualifier, v.qualifier);
      }
      if (present) {
        const partial = present < series.length;
        months.push({
          from: m,
          to: m,
          value,
          height: value,
          qualifier: partial ? 'at_least' : qualifier,
          annual: false,
          partial,
        });
      }
    }
    if (months.length) {
      bars.push(...months);
      continue;
    }
    let value = 0;
    let present = 0;
    let qualifier: Qualifier = 'exact';
    for (const s of series) {
      const t = s.annual.get(y);
      if (!t) continue;
      value += t.value;
      present++;
      qualifier = worst(qualifier, t.qualifier);
    }
    if (present) {
      const partial = present < series.length;
      bars.push({
        from: a,
        to: b,
        value,
        height: value,
        qualifier: partial ? 'at_least' : qualifier,
        annual: true,
        partial,
      });
    }
  }
  return bars;
}

export function buildHistogram(all: Iterable<Series>, metric: Metric, domain: Window): Histogram {
  const scope = pickSeries(all, metric);
  const bars = buildBars(scope.series, domain);
  const nMonthly = bars.filter((b) => !b.annual).length;
  const nAnnual = bars.length - nMonthly;
  const resolution: Resolution = !bars.length
    ? 'none'
    : !nAnnual
      ? 'monthly'
      : !nMonthly
        ? 'annual'
        : 'mixed';
  if (resolution === 'mixed') for (const b of bars) if (b.annual) b.height = b.value / 12;
  const dominant = bars.filter((b) => b.annual === (resolution === 'annual'));
  const peak = dominant.reduce<Bar | null>((p, b) => (!p || b.value > p.value ? b : p), null);
  return {
    ...scope,
    resolution,
    bars,
    max: bars.reduce((m, b) => Math.max(m, b.height), 0),
    peak,
    first: bars.length ? bars[0].from : null,
    last: bars.length ? bars[bars.length - 1].to : null,
  };
}

/** The window of the last 12 months with figures (or ending at the domain's end when there are none). */
export function lastTwelve(h: Pick<Histogram, 'last'>, domain: Window): [MonthIndex, MonthIndex] {
  const end = Math.min(domain[1], h.last ?? domain[1]);
  return [Math.max(domain[0], end - 11), end];
}

/** An area's name in the language: a country from the catalog, a publisher's route, or the raw id. */
export function areaName(
  areaType: AreaType | null,
  area: string,
  countries: Record<string, CountryInfo> | undefined,
  lang: string,
): string {
  if (areaType === 'country') {
    const c = countries?.[area];
    return c ? nameOf(c, lang) : area;
  }
  if (areaType === 'route') return routeAreaName(area, lang);
  return area;
}

/**
 * How to caption the histogram: which message (single area, all routes, a list of areas) and the
 * resolution note. Message keys live in locales/<lang>/timeline.json.
 */
export function captionKeys(h: Pick<Histogram, 'areaType' | 'areas' | 'resolution' | 'metric'>): {
  scope: 'none' | 'single' | 'allRoutes' | 'areas';
  resolution: `timeline.res.${Resolution}`;
  note: MessageKey | null;
} {
  const scope = !h.areas.length
    ? 'none'
    : h.areas.length === 1
      ? 'single'
      : h.areaType === 'route'
        ? 'allRoutes'
        : 'areas';
  const note =
    h.metric === 'frontex_detections'
      ? scope === 'allRoutes' || scope === 'areas'
        ? 'timeline.note.frontexSum'
        : 'timeline.note.frontex'
      : h.metric === 'dead_missing'
        ? 'timeline.note.dead'
        : null;
  return { scope, resolution: `timeline.res.${h.resolution}`, note };
}
