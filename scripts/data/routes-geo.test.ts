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
import { segmentLine } from './routes-geo';

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
