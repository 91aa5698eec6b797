/**
 * The landings/arrivals overlay: one circle per place or country series of the chosen arrivals
 * metric, sized by the window sum (area ∝ value, d3 sqrt scale on a domain that depends only on the
 * window's length, so circles compare across time while playing).
 */
import { scaleSqrt } from 'd3-scale';
import type { Metric } from '../data/schema';
import type { CatalogFile } from '../data/types';
import { sumWindow, type Series, type WindowSum } from './aggregate';
import type { Window } from './window';

/**
 * Where a national total is drawn. A country total is not a place: it is drawn at a point that
 * reads as "this country's arrivals" and labelled "all ports". Italy's is set in the Sicily Channel
 * region where most landings happen; others default to the capital.
 */
export const COUNTRY_ANCHORS: Record<string, [number, number]> = {
  ITA: [14.6, 37.6],
  GRC: [23.2, 38.6],
  ESP: [-3.7, 37.9],
  MLT: [14.45, 35.95],
};

export interface LandingPoint {
  key: string;
  areaType: 'country' | 'place';
  area: string;
  coords: [number, number];
}

export function landingPoints(series: Map<string, Series>, metric: Metric, cat: CatalogFile): LandingPoint[] {
  const places = new Map(cat.places.map((p) => [p.id, p]));
  const out: LandingPoint[] = [];
  for (const s of series.values()) {
    if (s.metric !== metric || s.areaType === 'route') continue;
    let coords: [number, number] | undefined;
    if (s.areaType === 'place') {
      const p = places.get(s.area);
      if (p) coords = [p.lon, p.lat];
    } else {
      const cap = cat.countries[s.area]?.capital;
      const p = cap ? places.get(cap) : undefined;
      coords = COUNTRY_ANCHORS[s.area] ?? (p ? [p.lon, p.lat] : undefined);
    }
    if (coords) out.push({ key: s.key, areaType: s.areaType as 'country' | 'place', area: s.area, coords });
  }
  return out;
}

/** Largest window sum of any series among `keys` for windows of this length (cached by caller). */
export function maxSumForLength(series: Series[], len: number, domain: Window): number {
  let max = 0;
  for (const s of series)
    for (let a = domain[0]; a + len - 1 <= domain[1]; a++) {
      const r = sumWindow(s, [a, a + len - 1]);
      if (r && r.value > max) max = r.value;
    }
  return max;
}

export function radiusScale(max: number, maxRadius = 48) {
  return scaleSqrt()
    .domain([0, Math.max(1, max)])
    .range([0, maxRadius])
    .clamp(true);
}

/** Three reference values for the legend: nice numbers at about 1/10, 1/3 and all of the max. */
export function referenceValues(max: number): number[] {
  const nice = (v: number) => {
    if (v <= 0) return 0;
    const p = 10 ** Math.floor(Math.log10(v));
    const m = v / p;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  };
  return [...new Set([nice(max / 10), nice(max / 3), nice(max)])].filter((v) => v > 0);
}

export interface LandingValue extends WindowSum {
  point: LandingPoint;
}

export function landingValues(
  points: LandingPoint[],
  series: Map<string, Series>,
  w: Window,
): LandingValue[] {
  const out: LandingValue[] = [];
  for (const p of points) {
    const r = sumWindow(series.get(p.key)!, w);
    if (r && r.value > 0) out.push({ ...r, point: p });
  }
  return out.sort((a, b) => b.value - a.value);
}
