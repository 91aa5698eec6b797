/**
 * Text placement without geography (no d3-geo): a label's box, lines centred on a point, and a
 * label placed beside a point as MapLibre's variable anchors place it. The overlays' `svg()` use
 * these on the first load; svgLabels.ts (place names, with the projection) builds on them.
 */
import { el, r2, svgEscape, type Attrs } from './svgMarkup';

/** Average advance of a character, in ems, for the overlap estimate (chars × size × 0.6). */
export const CHAR_EM = 0.6;
export const LINE_HEIGHT = 1.2;

/** A label's screen box: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];

export interface Placed {
  x: number;
  y: number;
  size: number;
  spacing: number;
  lines: string[];
}

/** Lines centred on the anchor; 0.35 em puts the middle of capitals on the baseline's y. */
export function textElement(l: Placed, attrs: Attrs = {}): string {
  const y0 = l.y - ((l.lines.length - 1) / 2) * LINE_HEIGHT * l.size + 0.35 * l.size;
  const common = {
    'font-size': r2(l.size),
    'letter-spacing': l.spacing ? r2(l.spacing * l.size) : undefined,
    ...attrs,
  };
  if (l.lines.length === 1) return el('text', { x: r2(l.x), y: r2(y0), ...common }, svgEscape(l.lines[0]));
  return el(
    'text',
    common,
    l.lines
      .map((line, i) => el('tspan', { x: r2(l.x), y: r2(y0 + i * LINE_HEIGHT * l.size) }, svgEscape(line)))
      .join(''),
  );
}

/** MapLibre's `text-variable-anchor` values the overlays use, tried in order. */
export type Anchor = 'top' | 'bottom' | 'left' | 'right';

export interface PlacedAround {
  x: number;
  y: number;
  anchor: Anchor;
}

/**
 * A label of `lines` at `size` px beside the point `p`, as MapLibre's `text-variable-anchor` with
 * `text-radial-offset` places it: each anchor in turn ('top' puts the text's top edge `offset` px
 * below the point, 'left' its left edge `offset` px to the right…), the first whose box is inside
 * the map and free in the collision index (`place` reserves it). Null when none fits: the label is
 * dropped, as on the map.
 */
export function placeAround(
  p: readonly [number, number],
  offset: number,
  lines: readonly string[],
  size: number,
  map: { width: number; height: number; place: (b: Box) => boolean },
  anchors: readonly Anchor[] = ['top', 'bottom', 'left', 'right'],
  emPerChar = CHAR_EM,
): PlacedAround | null {
  const w = Math.max(...lines.map((l) => [...l].length)) * size * emPerChar;
  const h = lines.length * size * LINE_HEIGHT;
  for (const anchor of anchors) {
    const [cx, cy] =
      anchor === 'top'
        ? [p[0], p[1] + offset + h / 2]
        : anchor === 'bottom'
          ? [p[0], p[1] - offset - h / 2]
          : anchor === 'left'
            ? [p[0] + offset + w / 2, p[1]]
            : [p[0] - offset - w / 2, p[1]];
    const box: Box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > map.width || box[3] > map.height) continue;
    if (map.place(box)) return { x: cx, y: cy, anchor };
  }
  return null;
}

/** Lines of text centred on (x, y), one <tspan> per line (a label placed by `placeAround`). */
export const linesText = (x: number, y: number, lines: readonly string[], size: number, attrs = {}) =>
  textElement({ x, y, size, spacing: 0, lines: [...lines] }, attrs);
