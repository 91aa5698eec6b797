/**
 * Small geometry helpers for the basemap build: read world-atlas TopoJSON, clip to a bbox, round
 * coordinates (bytes matter: this is shipped to the browser) and pick a country's largest polygon.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { area, bboxClip } from '@turf/turf';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';

export type BBox = readonly [number, number, number, number];
type Ring = Position[];

const require = createRequire(import.meta.url);

/** world-atlas ships TopoJSON files only; read them from node_modules rather than bundling copies. */
export function readAtlas(name: `${'countries' | 'land'}-${'10m' | '50m' | '110m'}`): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), 'utf8')) as Topology;
}

export const roundTo = (digits: number) => {
  const f = 10 ** digits;
  return (n: number) => Math.round(n * f) / f;
};

/** Rounds a line and drops the repeated vertices that rounding creates. */
function roundLine(line: Position[], r: (n: number) => number): Position[] {
  const out: Position[] = [];
  for (const [x, y] of line) {
    const p = [r(x), r(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Twice the signed area of a ring (shoelace, lon/lat): > 0 counter-clockwise. */
export function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/** Outer ring counter-clockwise, holes clockwise (RFC 7946). */
function wind(ring: Ring, outer: boolean): Ring {
  return signedArea(ring) > 0 === outer ? ring : [...ring].reverse();
}

/**
 * Rounds every polygon ring and normalises its winding; rings that collapse (< 4 positions or no
 * area) are dropped, as are polygons whose outer ring did. MapLibre tells outer rings from holes by
 * winding, so a clipped or simplified island wound the wrong way would be read as a hole of the
 * polygon before it and not drawn.
 */
export function roundPolygons(polys: Ring[][], digits: number): Ring[][] {
  const r = roundTo(digits);
  const out: Ring[][] = [];
  const ok = (ring: Ring) => ring.length >= 4 && signedArea(ring) !== 0;
  for (const rings of polys) {
    const [outer, ...holes] = rings.map((ring) => roundLine(ring, r));
    if (ok(outer)) out.push([wind(outer, true), ...holes.filter(ok).map((h) => wind(h, false))]);
  }
  return out;
}

export function roundLines(lines: Position[][], digits: number): Position[][] {
  const r = roundTo(digits);
  return lines.map((l) => roundLine(l, r)).filter((l) => l.length >= 2);
}

/** Polygon or MultiPolygon as a list of polygons (each a list of rings). */
export function polygonsOf(g: Geometry | null): Ring[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/**
 * Clips polygons to a bbox. turf's bboxClip (Sutherland–Hodgman) can leave empty or degenerate
 * rings; those are removed so MapLibre and point-in-polygon tests see valid-ish rings only.
 */
export function clipPolygons(polys: Ring[][], bbox: BBox): Ring[][] {
  polys = polys.map((rings) => rings.map(unwrap)).filter((rings) => rings.every(closed));
  if (!polys.length) return [];
  const mp: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: polys },
  };
  const clipped = bboxClip(mp, [...bbox]).geometry as Polygon | MultiPolygon;
  return polygonsOf(clipped)
    .map((rings) => rings.filter((ring) => ring.length >= 4 && ringArea(ring) > 0))
    .filter((rings) => rings.length > 0);
}

export function clipLines(lines: Position[][], bbox: BBox): Position[][] {
  lines = lines.map(unwrap);
  if (!lines.length) return [];
  const ml: Feature<MultiLineString> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiLineString', coordinates: lines },
  };
  const g = bboxClip(ml, [...bbox]).geometry;
  const out = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return out.filter((l) => l.length >= 2);
}

/**
 * Natural Earth cuts shapes at ±180°, so Fiji's or Chukotka's rings jump from 180 to -180. Clipped
 * as is, such a jump becomes a stripe across the whole map (and the merged Eurasia would be lost).
 * Unwrapping longitudes (±360° at each jump) moves those parts past 180°, out of our extent. A ring
 * that still does not close goes round the pole (Antarctica) and is dropped.
 */
function unwrap(line: Position[]): Position[] {
  let offset = 0;
  const out = line.map((p, i) => {
    if (i > 0) {
      const dx = p[0] - line[i - 1][0];
      if (dx > 180) offset -= 360;
      else if (dx < -180) offset += 360;
    }
    return offset ? [p[0] + offset, p[1]] : p;
  });
  // Where the ring started decides which side got shifted; shift back so it starts at -180 or east.
  const minX = out.reduce((m, p) => Math.min(m, p[0]), Infinity);
  const k = Math.ceil((-180 - minX) / 360);
  return k > 0 ? out.map(([x, y]) => [x + 360 * k, y]) : out;
}
const closed = (ring: Ring) =>
  ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];

/** Planar shoelace area (absolute), in squared degrees: enough to reject zero-area clip leftovers. */
function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(s / 2);
}

/** Geodesic area in km², so a polygon's size is not inflated by latitude. */
export function polygonAreaKm2(rings: Ring[]): number {
  return area({ type: 'Polygon', coordinates: rings }) / 1e6;
}

export function largestPolygon(polys: Ring[][]): { rings: Ring[]; km2: number } | null {
  let best: { rings: Ring[]; km2: number } | null = null;
  for (const rings of polys) {
    const km2 = polygonAreaKm2(rings);
    if (!best || km2 > best.km2) best = { rings, km2 };
  }
  return best;
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

export function boundsOf(polys: Ring[][]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polys)
    for (const [x, y] of rings[0])
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  return [w, s, e, n];
}
