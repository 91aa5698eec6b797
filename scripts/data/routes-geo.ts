/**
 * Turn route segments (ordered place ids) into smooth lines with Turf. Sea legs go through routing
 * waypoints placed at sea, so the curve follows open water; a two-point leg gets a gentle arc.
 */
import { bezierSpline, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Place } from '../../src/lib/data/schema';
import type { RouteFamily, RouteSegment } from '../../src/lib/data/json-schema';

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** A midpoint pushed sideways by `bend` × the leg's length, so straight legs read as flows. */
export function arcMidpoint(a: [number, number], b: [number, number], bend = 0.12): [number, number] {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  return [(a[0] + b[0]) / 2 - dy * bend, (a[1] + b[1]) / 2 + dx * bend];
}

export function segmentLine(seg: RouteSegment, places: Map<string, Place>): [number, number][] {
  const pts = seg.waypoints.map((id) => {
    const p = places.get(id);
    if (!p) throw new Error(`segment ${seg.id}: unknown place ${id}`);
    return [p.lon, p.lat] as [number, number];
  });
  const ctrl =
    pts.length === 2 ? [pts[0], arcMidpoint(pts[0], pts[1], seg.mode === 'sea' ? 0.12 : 0.05), pts[1]] : pts;
  const curve = bezierSpline(lineString(ctrl), { resolution: 4000, sharpness: 0.75 });
  return curve.geometry.coordinates.map(([x, y]) => [round(x), round(y)] as [number, number]);
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
