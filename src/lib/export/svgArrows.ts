/** Direction arrows along route lines in the SVG export, as the map's `symbol-placement: line` arrows. */
import { r2 } from './svgMarkup';

export interface Arrow {
  x: number;
  y: number;
  /** Direction of travel in degrees, clockwise from +x on screen (y down): SVG's rotate(). */
  angle: number;
}

/**
 * Arrow positions along a screen polyline: floor(length / spacing) arrows `spacing` apart,
 * centred on the line (so no arrow sits on an end); one in the middle of a line shorter than
 * `spacing` but at least 3 × `size` long; none on shorter lines.
 */
export function arrowsAlong(points: [number, number][], spacing = 90, size = 7): Arrow[] {
  const segs: { x: number; y: number; dx: number; dy: number; len: number; at: number }[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const dx = points[i][0] - x0;
    const dy = points[i][1] - y0;
    const len = Math.hypot(dx, dy);
    if (!(len > 0)) continue;
    segs.push({ x: x0, y: y0, dx, dy, len, at: total });
    total += len;
  }
  if (!(spacing > 0) || total < 3 * size) return [];
  const n = Math.max(1, Math.floor(total / spacing));
  const first = (total - (n - 1) * spacing) / 2;
  const out: Arrow[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = first + i * spacing;
    while (k < segs.length - 1 && segs[k].at + segs[k].len < d) k++;
    const s = segs[k];
    const t = (d - s.at) / s.len;
    out.push({
      x: s.x + s.dx * t,
      y: s.y + s.dy * t,
      angle: (Math.atan2(s.dy, s.dx) * 180) / Math.PI,
    });
  }
  return out;
}

/**
 * A filled triangle of length `size` centred on (x, y), its tip pointing along `angle` (degrees,
 * as from `arrowsAlong`): path data for <path d=…>.
 */
export function arrowPath(x: number, y: number, angle: number, size = 7, halfWidth = size * 0.4): string {
  const a = (angle * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  // Local frame: u along the direction, v across it.
  const at = (u: number, v: number) => `${r2(x + u * c - v * s)},${r2(y + u * s + v * c)}`;
  const half = size / 2;
  return `M${at(half, 0)}L${at(-half, halfWidth)}L${at(-half, -halfWidth)}Z`;
}
