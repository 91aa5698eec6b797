/**
 * Pole of inaccessibility: the interior point farthest from a polygon's edges, found by the
 * quadtree search of Mapbox's polylabel (Agafonkin, 2016). A centroid can fall outside a concave
 * country (Croatia, Norway) or on a lake; this point cannot, and it sits where a label has the most
 * room. Re-implemented here (~60 lines) so the build needs no extra package.
 *
 * The search runs in Web Mercator so that "room" is measured as the map shows it.
 */
import type { Position } from 'geojson';

type Ring = Position[];

const RAD = Math.PI / 180;
const toMerc = ([x, y]: Position): Position => [x, Math.log(Math.tan(Math.PI / 4 + (y * RAD) / 2)) / RAD];
const fromMerc = ([x, y]: Position): Position => [x, (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD];

interface Cell {
  x: number;
  y: number;
  h: number; // half the cell size
  d: number; // signed distance from the centre to the polygon outline (> 0 inside)
  max: number; // best distance any point in this cell could reach
}

function segDistSq(px: number, py: number, a: Position, b: Position): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the outline: positive inside (even–odd over all rings). */
export function signedDistance(x: number, y: number, rings: Ring[]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      minSq = Math.min(minSq, segDistSq(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function cell(x: number, y: number, h: number, rings: Ring[]): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** The polygon's pole of inaccessibility in lon/lat; `precision` is in (Mercator) degrees. */
export function polylabel(polygon: Ring[], precision = 0.01): [number, number] {
  const rings = polygon.map((r) => r.map(toMerc));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings[0])
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return fromMerc([minX, minY]) as [number, number];

  // A sorted array as priority queue is plenty for country-sized inputs.
  const queue: Cell[] = [];
  const push = (c: Cell) => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid].max < c.max) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, c);
  };
  const h = size / 2;
  for (let x = minX; x < maxX; x += size)
    for (let y = minY; y < maxY; y += size) push(cell(x + h, y + h, h, rings));

  // Start from the bbox centre, or from the centroid-ish mean of the outer ring if that is better.
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0, rings);
  const mean = rings[0].reduce(
    (a, p) => [a[0] + p[0] / rings[0].length, a[1] + p[1] / rings[0].length],
    [0, 0],
  );
  const meanCell = cell(mean[0], mean[1], 0, rings);
  if (meanCell.d > best.d) best = meanCell;

  while (queue.length) {
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const ch = c.h / 2;
    for (const [dx, dy] of [
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ])
      push(cell(c.x + dx * ch, c.y + dy * ch, ch, rings));
  }
  return fromMerc([best.x, best.y]) as [number, number];
}
