/**
 * The poster's picture: the coarse basemap (country fills, borders, coastline) as one small SVG in
 * Web Mercator world pixels at zoom 0 (src/lib/map/posterView.ts), simplified to about half a pixel
 * at zoom 3 and drawn with the theme's basemap colours. No labels: they would not land where the
 * live map's collision engine puts them, and the fade would show them jump.
 */
import type { FeatureCollection, Position } from 'geojson';
import type { Theme } from '../../src/lib/map/theme';
import { mercX, mercY } from '../../src/lib/map/posterView';

/** Units per world pixel at zoom 0: 8, i.e. one unit is one screen pixel at zoom 3. */
export const UNITS = 8;
/** Douglas–Peucker tolerance in units (half a pixel at zoom 3). */
const TOLERANCE = 0.5;

function simplify(pts: number[][], tol: number): number[][] {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy) || 1;
    let best = -1;
    let far = tol;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs(dy * (pts[i][0] - ax) - dx * (pts[i][1] - ay)) / len;
      if (d > far) [far, best] = [d, i];
    }
    if (best > 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** One path's `d` for many lines or rings: integer units, relative moves, rings closed with z. */
function pathOf(lines: Position[][], origin: [number, number], closed: boolean): string {
  let d = '';
  for (const line of lines) {
    const all = line.map(([lon, lat]) => [mercX(lon) * UNITS - origin[0], mercY(lat) * UNITS - origin[1]]);
    // A closed ring starts and ends at one point: simplify its two halves, each with distinct ends.
    const mid = all.length >> 1;
    const halves = closed ? [all.slice(0, mid + 1), all.slice(mid)] : [all];
    const pts = halves
      .flatMap((h, i) => simplify(h, TOLERANCE).slice(i ? 1 : 0))
      .map(([x, y]) => [Math.round(x), Math.round(y)]);
    const kept = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
    if (kept.length < (closed ? 4 : 2)) continue;
    let [px, py] = kept[0];
    d += `M${px} ${py}l`;
    for (const [x, y] of kept.slice(1, closed ? -1 : undefined)) {
      d += `${x - px} ${y - py} `.replace(/ -/g, '-');
      [px, py] = [x, y];
    }
    d = d.trimEnd() + (closed ? 'z' : '');
  }
  return d;
}

export interface Poster {
  svg: string;
  /** [x, y, width, height] of the picture in world px at zoom 0. */
  box: [number, number, number, number];
}

/** The basemap of `scripts/basemap/coarse.ts` (k: country | coast | border) as an SVG. */
export function posterSvg(coarse: FeatureCollection, bbox: readonly number[], theme: Theme): Poster {
  const [w, s, e, n] = bbox;
  const origin: [number, number] = [Math.floor(mercX(w) * UNITS), Math.floor(mercY(n) * UNITS)];
  const width = Math.ceil(mercX(e) * UNITS) - origin[0];
  const height = Math.ceil(mercY(s) * UNITS) - origin[1];
  const rings = (out: number) =>
    coarse.features
      .filter((f) => f.properties?.k === 'country' && (f.properties.out === 1) === (out === 1))
      .flatMap((f) =>
        f.geometry.type === 'Polygon'
          ? f.geometry.coordinates
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates.flat()
            : [],
      );
  const lines = (k: string) =>
    coarse.features
      .filter((f) => f.properties?.k === k)
      .flatMap((f) => (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : []));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="${theme.water}"/>` +
    `<path fill="${theme.land}" d="${pathOf(rings(0), origin, true)}"/>` +
    `<path fill="${theme.landOutside}" d="${pathOf(rings(1), origin, true)}"/>` +
    `<g fill="none" stroke-width="0.8" vector-effect="non-scaling-stroke">` +
    `<path stroke="${theme.coast}" d="${pathOf(lines('coast'), origin, false)}"/>` +
    `<path stroke="${theme.border}" stroke-dasharray="3 1.5" d="${pathOf(lines('border'), origin, false)}"/>` +
    `</g></svg>`;
  return { svg, box: [origin[0] / UNITS, origin[1] / UNITS, width / UNITS, height / UNITS] };
}
