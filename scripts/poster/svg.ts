/**
 * The poster's picture: the coarse basemap (country fills, borders, coastline) as one small SVG in
 * Web Mercator world pixels at zoom 0 (src/lib/map/posterView.ts), drawn with the theme's basemap
 * colours. No labels: they would not land where the live map's collision engine puts them, and the
 * fade would show them jump.
 *
 * Every byte of it is on the first paint's path, so it is drawn only as finely as it is ever seen.
 * It is largest before the app lays out its map box, stretched to the whole window: at 1920 × 1080
 * that is zoom 3.5, 11.2 CSS px per world pixel (a phone at 2 device px per CSS px: zoom 2, 7.9
 * device px). The grid, the simplification and the smallest island kept are about a pixel there.
 *
 * The countries become one topology (topojson-server), simplified once per shared arc (Visvalingam,
 * topojson-simplify), so neighbours keep a common edge: no slivers or overlaps between the fills
 * and the borders. From it come three paths, none of which repeats another's edges:
 * - all land merged into one fill; its outline is the coastline, stroked by a `<use>` of the same
 *   path (the coast costs no bytes of its own);
 * - the land outside the region, merged, over it;
 * - the land borders, each shared arc once.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { merge, mesh } from 'topojson-client';
import { presimplify } from 'topojson-simplify';
import type { Theme } from '../../src/lib/map/theme';
import { mercX, mercY } from '../../src/lib/map/posterView';

/** How fine the picture is. Units² below are about 1.25 px² at the largest size (1.1 px a unit). */
export interface Detail {
  /** Units per world pixel at zoom 0: the grid of the integer coordinates (10: 1.1 px at 1920 × 1080). */
  units: number;
  /**
   * Visvalingam threshold, units² (the triangle a point makes with its neighbours): a point goes
   * when the area it adds or takes away is a few px² at the largest size.
   */
  minTriangle: number;
  /** The same for land borders: thin dashed lines, where a pixel more or less does not show. */
  minTriangleBorder: number;
  /** Islands and lakes smaller than this (units²) are left out. */
  minRing: number;
}

/**
 * Chosen by rendering the fills at 1920 × 1080 against the unsimplified basemap: they differ on
 * fewer pixels than the old poster's (8 units, Douglas–Peucker at 0.5) did, at 40 % of its bytes.
 */
export const DETAIL: Detail = { units: 10, minTriangle: 3, minTriangleBorder: 12, minRing: 1 };
/**
 * How far (units) the edges the basemap's bbox cut are pushed out of the picture: the coast stroke
 * runs along every outline of the land, and must not draw those cuts.
 */
const OUTSIDE = 3;

type Ring = number[][];

/** Twice the signed area of a ring (shoelace). */
function area2(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a;
}

function inside([x, y]: number[], ring: Ring): boolean {
  let yes = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}

/**
 * Integer units, no point twice in a row and none on the straight line between its neighbours
 * (rounding makes some): those change nothing drawn. The ends of a line or ring stay.
 */
function snap(line: Position[]): Ring {
  const out: Ring = [];
  for (const [x, y] of line) {
    const p = [Math.round(x), Math.round(y)];
    const q = out[out.length - 1];
    if (q && q[0] === p[0] && q[1] === p[1]) continue;
    const o = out[out.length - 2];
    if (o && (q[0] - o[0]) * (p[1] - o[1]) === (q[1] - o[1]) * (p[0] - o[0])) out.pop();
    out.push(p);
  }
  return out;
}

/** A relative pair: a minus sign separates as well as a space does. */
const pair = (dx: number, dy: number) => `${dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`;

/**
 * One path's `d` for many rings (closed with z) or lines: a relative move, then relative pairs
 * with no command letter (after `m` they are `l`). Plain pairs throughout gzip smaller than the
 * shorter `h`/`v` mixed in (measured: 3% on this picture). The first `m` counts from 0,0.
 */
export function pathOf(lines: Ring[], closed: boolean): string {
  let d = '';
  let [px, py] = [0, 0];
  for (const line of lines) {
    const pts = closed && line.length > 1 ? line.slice(0, -1) : line;
    if (pts.length < (closed ? 3 : 2)) continue;
    const [mx, my] = pts[0];
    d += `m${pair(mx - px, my - py).trimStart()}`;
    [px, py] = [mx, my];
    for (const [x, y] of pts.slice(1)) {
      d += pair(x - px, y - py);
      [px, py] = [x, y];
    }
    if (closed) {
      d += 'z';
      // After z the current point is the ring's start again.
      [px, py] = [mx, my];
    }
  }
  return d;
}

export interface Poster {
  svg: string;
  /** [x, y, width, height] of the picture in world px at zoom 0. */
  box: [number, number, number, number];
  /** What was drawn, for the tests: rings of the land fill and of the land outside the region. */
  land: Ring[][];
  outside: Ring[][];
  borders: Ring[];
}

type Country = GeometryObject<{ out: boolean }>;

/**
 * Merged polygons as rings in integer units, holes kept. Left out: islands and lakes under
 * `minRing`, and polygons inside another (an enclave such as San Marino is a country of its own in
 * the coarse basemap and its neighbour has no hole for it: the coast stroke would ring it). Outer
 * rings turn one way and holes the other, so the default nonzero fill leaves the holes empty and a
 * polygon that overlaps another after simplification does not punch one.
 */
function mergedRings(topo: Topology, countries: Country[], minRing: number): Ring[][] {
  const big = (r: Ring) => r.length >= 4 && Math.abs(area2(r)) / 2 >= minRing;
  const turn = (r: Ring, sign: number) => (Math.sign(area2(r)) === sign ? r : r.reverse());
  const polys: Ring[][] = [];
  // merge puts each polygon's outer ring first; when it goes, so do its holes.
  for (const [outer, ...holes] of merge(topo, countries as never).coordinates.map((p) => p.map(snap)))
    // Negative outer rings (y down): most already turn that way, and a reversed ring gzips worse.
    if (big(outer)) polys.push([turn(outer, -1), ...holes.filter(big).map((h) => turn(h, 1))]);
  const within = (p: number[], poly: Ring[]) =>
    inside(p, poly[0]) && !poly.slice(1).some((h) => inside(p, h));
  return polys.filter((poly, i) => !polys.some((other, j) => j !== i && within(poly[0][0], other)));
}

/** The basemap of `scripts/basemap/coarse.ts` (k: country, with `out: 1` outside the region) as an SVG. */
export function posterSvg(
  coarse: FeatureCollection,
  bbox: readonly number[],
  theme: Theme,
  { units: UNITS, minTriangle, minTriangleBorder, minRing }: Detail = DETAIL,
): Poster {
  const [w, s, e, n] = bbox;
  const origin: [number, number] = [Math.floor(mercX(w) * UNITS), Math.floor(mercY(n) * UNITS)];
  const width = Math.ceil(mercX(e) * UNITS) - origin[0];
  const height = Math.ceil(mercY(s) * UNITS) - origin[1];
  // Points on the bbox (coarse.ts clipped the countries to it) go just outside the picture.
  const x = (lon: number) =>
    lon <= w ? -OUTSIDE : lon >= e ? width + OUTSIDE : mercX(lon) * UNITS - origin[0];
  const y = (lat: number) =>
    lat >= n ? -OUTSIDE : lat <= s ? height + OUTSIDE : mercY(lat) * UNITS - origin[1];
  const features: Feature[] = coarse.features
    .filter((f) => f.properties?.k === 'country')
    .map((f) => {
      const polys =
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates
            : [];
      return {
        type: 'Feature',
        properties: { out: f.properties?.out === 1 },
        geometry: {
          type: 'MultiPolygon',
          coordinates: polys.map((p) => p.map((r) => r.map(([lon, lat]) => [x(lon), y(lat)]))),
        },
      };
    });
  // No quantization: the projected floats of a shared lon/lat are equal, which is all it needs.
  const topo = presimplify(
    topology({ countries: { type: 'FeatureCollection', features } as never }) as never,
  ) as Topology;
  const countries = (topo.objects.countries as unknown as { geometries: Country[] }).geometries;
  // An arc two countries use is a land border; one used once is coast. presimplify gave each point
  // its weight (the arc ends Infinity, so junctions stay where both neighbours expect them).
  const uses = new Map<number, number>();
  for (const c of countries)
    if (c.type === 'MultiPolygon')
      for (const arc of c.arcs.flat(2))
        uses.set(arc < 0 ? ~arc : arc, (uses.get(arc < 0 ? ~arc : arc) ?? 0) + 1);
  topo.arcs = topo.arcs.map((arc, i) => {
    const min = (uses.get(i) ?? 0) > 1 ? minTriangleBorder : minTriangle;
    const weight = (p: Position) => p[2];
    let kept = arc.filter((p) => weight(p) >= min);
    // A small island is one closed arc, all of whose points weigh less than that: it would be left
    // as a line from its start back to it. Keep its two heaviest points, a triangle, and let its
    // area (minRing, below) decide.
    const [a, z] = [arc[0], arc[arc.length - 1]];
    if (kept.length < 4 && arc.length >= 4 && a[0] === z[0] && a[1] === z[1]) {
      const top = arc
        .slice(1, -1)
        .map(weight)
        .sort((p, q) => q - p)[1];
      kept = arc.filter((p, j) => j === 0 || j === arc.length - 1 || weight(p) >= top);
    }
    return kept.map(([x, y]) => [x, y]);
  });
  const land = mergedRings(topo, countries, minRing);
  const outside = mergedRings(
    topo,
    countries.filter((c) => (c.properties as { out?: boolean } | undefined)?.out),
    minRing,
  );
  const borders = mesh(topo, topo.objects.countries as never, (a, b) => a !== b)
    .coordinates.map(snap)
    .filter((l) => l.length >= 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${theme.water}"/>` +
    // The fill is the group's, not the path's: the <use> below draws the path again with none.
    `<g fill="${theme.land}"><path id="l" vector-effect="non-scaling-stroke" d="${pathOf(land.flat(), true)}"/></g>` +
    `<path fill="${theme.landOutside}" d="${pathOf(outside.flat(), true)}"/>` +
    `<g fill="none" stroke-width="0.8">` +
    `<use href="#l" stroke="${theme.coast}"/>` +
    // Borders solid at the dash's share of ink (the live map's 3-on 1.5-off is 2/3), not dashed: a
    // dashed stroke of every border costs the GPU process ~600 ms to rasterise on a software GPU
    // (SwiftShader, measured with scripts/bench/timeline.ts), and the map's WebGL context waits
    // behind it, while the poster is on screen for under a second.
    `<path stroke="${theme.border}" stroke-opacity="0.67" vector-effect="non-scaling-stroke" d="${pathOf(borders, false)}"/>` +
    `</g></svg>`;
  return {
    svg,
    box: [origin[0] / UNITS, origin[1] / UNITS, width / UNITS, height / UNITS],
    land,
    outside,
    borders,
  };
}
