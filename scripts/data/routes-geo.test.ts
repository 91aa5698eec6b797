/** Sea legs of the routes stay at sea: sampled along their length, they do not cross land. */
import { feature } from 'topojson-client';
import { along, booleanPointInPolygon, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAtlas } from '../basemap/geo';
import { loadAll } from './load';
import { segmentLine, splineLine } from './routes-geo';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { catalog } = loadAll(root);
const places = new Map(catalog.places.map((p) => [p.id, p]));
const topo = readAtlas('land-50m');
const land = (feature(topo, topo.objects.land as GeometryCollection) as FeatureCollection)
  .features as Feature<Polygon | MultiPolygon>[];
const onLand = (pt: [number, number]) => land.some((f) => booleanPointInPolygon(pt, f));

/** Ends are ports on the coast: ignore the first and last few km of a leg. */
const END_KM = 12;
const STEP_KM = 5;

describe('sea legs do not cut across land', () => {
  const sea = catalog.segments.filter((s) => s.mode === 'sea');
  it('there are sea legs to check', () => expect(sea.length).toBeGreaterThan(10));
  it.each(sea.map((s) => [s.id, s] as const))('%s', (_, seg) => {
    const line = lineString(segmentLine(seg, places));
    const km = length(line, { units: 'kilometers' });
    const overLand: number[] = [];
    for (let d = END_KM; d <= km - END_KM; d += STEP_KM) {
      const p = along(line, d, { units: 'kilometers' }).geometry.coordinates as [number, number];
      if (onLand(p)) overLand.push(Math.round(d));
    }
    // Allow crossing a sliver (a cape or small island at 1:50m): at most two samples (~10 km).
    expect(overLand.length, `km over land along ${seg.id}: ${overLand.join(', ')}`).toBeLessThanOrEqual(2);
  });
});

/**
 * Distance in km from a point to a polyline as the map draws it: straight between vertices in the
 * plane (MapLibre draws a line's segments straight on screen, not as great circles), longitude
 * scaled by the cosine of the latitude, 111.2 km a degree.
 */
function planarKm(p: [number, number], line: [number, number][]): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = [line[i - 1][0] * k, line[i - 1][1]];
    const [bx, by] = [line[i][0] * k, line[i][1]];
    const [px, py] = [p[0] * k, p[1]];
    const [dx, dy] = [bx - ax, by - ay];
    const t =
      dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
  }
  return best * 111.2;
}

describe('thinned route lines (first-load bytes, issue #15)', () => {
  it.each(catalog.segments.map((s) => [s.id, s] as const))(
    '%s stays within 200 m of its spline',
    (_, seg) => {
      const fine = splineLine(seg, places);
      const thin = segmentLine(seg, places);
      // Fewer points, the same ends, and every spline point within 200 m (0.001° + rounding).
      expect(thin.length).toBeLessThan(fine.length / 2);
      expect(thin[0]).toEqual(fine[0].map((v) => Math.round(v * 1e3) / 1e3));
      let worst = 0;
      for (const p of fine) worst = Math.max(worst, planarKm(p, thin));
      expect(worst).toBeLessThan(0.2);
      expect(worst).toBeGreaterThan(0); // it was thinned, not copied
    },
  );
});
