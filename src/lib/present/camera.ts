/**
 * Present mode's camera, without the DOM: the part of the screen the chapter card and the key leave
 * free (MapLibre `padding`, so the chapter's centre is the middle of what the room can see), and
 * where to put the centre so that the chapter's subject lands inside that free area with room for
 * its ring and name. Web Mercator with 512-px tiles, as MapLibre draws.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Padding {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
type Side = keyof Padding;
const SIDES: Side[] = ['left', 'right', 'top', 'bottom'];

/** How much of the screen an obstacle takes from one side (its far edge from that side, plus a gap). */
function cut(r: Rect, side: Side, w: number, h: number, gap: number): number {
  switch (side) {
    case 'left':
      return r.right + gap;
    case 'right':
      return w - r.left + gap;
    case 'top':
      return r.bottom + gap;
    case 'bottom':
      return h - r.top + gap;
  }
}

/**
 * The padding that keeps every obstacle out of the free rectangle, choosing for each obstacle the
 * side it is cut from so that the free rectangle is as large as possible.
 */
export function freePadding(w: number, h: number, obstacles: readonly Rect[], gap = 12): Padding {
  const rects = obstacles.filter((r) => r.right > r.left && r.bottom > r.top);
  let best: Padding = { left: 0, top: 0, right: 0, bottom: 0 };
  let bestArea = -1;
  const n = rects.length;
  for (let code = 0; code < 4 ** n; code++) {
    const p: Padding = { left: 0, top: 0, right: 0, bottom: 0 };
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / 4)) {
      const side = SIDES[c % 4];
      p[side] = Math.max(p[side], cut(rects[i], side, w, h, gap));
    }
    const area = Math.max(0, w - p.left - p.right) * Math.max(0, h - p.top - p.bottom);
    if (area > bestArea) [best, bestArea] = [p, area];
  }
  return best;
}

const TILE = 512;
const mercX = (lon: number, z: number) => ((lon + 180) / 360) * TILE * 2 ** z;
const mercY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE * 2 ** z;
};
const lonOf = (x: number, z: number) => (x / (TILE * 2 ** z)) * 360 - 180;
const latOf = (y: number, z: number) => {
  const n = Math.PI - (2 * Math.PI * y) / (TILE * 2 ** z);
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

/** Room the subject needs around its point: its ring, and its name below it. */
export interface Margin {
  x: number;
  top: number;
  bottom: number;
}

/**
 * The centre for a chapter: its own, moved just enough that `point` (the subject) falls inside the
 * free rectangle left by `padding`, `margin` away from its edges (on a free area too small for the
 * margins, the subject is put in its middle).
 */
export function centreFor(
  centre: [number, number],
  zoom: number,
  point: [number, number] | null,
  size: { width: number; height: number },
  padding: Padding,
  margin: Margin,
): [number, number] {
  if (!point) return centre;
  const cx = mercX(centre[0], zoom);
  const cy = mercY(centre[1], zoom);
  // The centre is drawn in the middle of the free rectangle; the subject's offset from it, in px.
  const dx = mercX(point[0], zoom) - cx;
  const dy = mercY(point[1], zoom) - cy;
  const halfW = (size.width - padding.left - padding.right) / 2;
  const halfH = (size.height - padding.top - padding.bottom) / 2;
  const clampOffset = (d: number, lo: number, hi: number) =>
    lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, d));
  const ox = clampOffset(dx, -halfW + margin.x, halfW - margin.x);
  const oy = clampOffset(dy, -halfH + margin.top, halfH - margin.bottom);
  return [lonOf(cx + (dx - ox), zoom), latOf(cy + (dy - oy), zoom)];
}

/**
 * The map-scale of present mode for a viewport: theme `scale` 1.8 at 768 px, 2.4 at 1080 px (labels
 * ≥ 18 and ≥ 24 px: the smallest basemap label is 10 × scale), linear between and beyond, in
 * [1, 4]. A viewport narrower than 4:3 counts by its width.
 */
export function presentScale(width: number, height: number): number {
  const eff = Math.min(height, width * 0.75);
  return Math.min(4, Math.max(1, 1.8 + ((eff - 768) * 0.6) / 312));
}
