/**
 * Turn route segments (ordered place ids) into smooth lines with Turf. Sea legs go through routing
 * waypoints placed at sea, so the curve follows open water; a two-point leg gets a gentle arc.
 */
import { bezierSpline, lineString, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Place } from '../../src/lib/data/schema';
import type { RouteFamily, RouteSegment } from '../../src/lib/data/json-schema';

/**
 * The spline is sampled finely (4000 steps) so its shape is right, then thinned for the first load
 * (issue #15): Douglas–Peucker within 0.001° (~110 m, under 2 px at the map's zoom 11 and far under
 * one at the zooms a reader sees routes at), and coordinates to 3 decimals (the same ~110 m). 6,030
 * points were 37 KB gzip of the first load.
 */
const TOLERANCE_DEG = 0.001;
const round = (n: number) => Math.round(n * 1e3) / 1e3;

/** A midpoint pushed sideways by `bend` × the leg's length, so straight legs read as flows. */
export function arcMidpoint(a: [number, number], b: [number, number], bend = 0.12): [number, number] {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  return [(a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend];
}

/** A segment's smooth line, sampled finely (before thinning). */
export function splineLine(seg: RouteSegment, places: Map<string, Place>): [number, number][] {
  const pts = seg.waypoints.map((id) => {
    const p = places.get(id);
    if (!p) throw new Error(`segment ${seg.id}: unknown place ${id}`);
    return [p.lon, p.lat] as [number, number];
  });
  const ctrl =
    pts.length === 2 ? [pts[0], arcMidpoint(pts[0], pts[1], seg.mode === 'sea' ? 0.12 : 0.05), pts[1]] : pts;
  return bezierSpline(lineString(ctrl), { resolution: 4000, sharpness: 0.75 }).geometry.coordinates as [
    number,
    number,
  ][];
}

/** The line the app draws for a segment: the fine spline, thinned and rounded. */
export function segmentLine(seg: RouteSegment, places: Map<string, Place>): [number, number][] {
  const thin = simplify(lineString(splineLine(seg, places)), { tolerance: TOLERANCE_DEG, highQuality: true });
  const out: [number, number][] = [];
  for (const [x, y] of thin.geometry.coordinates) {
    const p: [number, number] = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

export function buildRoutes(
  families: RouteFamily[],
  segments: RouteSegment[],
  places: Place[],
): FeatureCollection<LineString> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const fam = new Map(families.map((f) => [f.id, f]));
  const features: Feature<LineString>[] = segments.map((s, i) => ({
    type: 'Feature',
    id: i,
    properties: {
      id: s.id,
      family: s.family,
      group: fam.get(s.family)?.group ?? null,
      mode: s.mode,
      name: s.name,
      frontex_route: s.frontex_route ?? fam.get(s.family)?.frontex_route ?? null,
    },
    geometry: { type: 'LineString', coordinates: segmentLine(s, byId) },
  }));
  return { type: 'FeatureCollection', features };
}
