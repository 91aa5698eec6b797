/**
 * Lays out an export page (header, map box, legend, sources, "made with") as a flat list of marks
 * that the PNG (canvas) and SVG renderers draw the same way. Units are CSS pixels.
 */
import { wrap, type Frame } from './frame';

export type Mark =
  | { t: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; color: string }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: string }
  | { t: 'circle'; cx: number; cy: number; r: number; color: string };

export interface Page {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  marks: Mark[];
}

export type Measure = (text: string, size: number, bold?: boolean) => number;
/** A width estimate good enough for sans-serif text when no canvas is at hand. */
export const estimate: Measure = (s, size, bold) => s.length * size * (bold ? 0.6 : 0.54);

const PAD = 16;
const HEADER = 64;

export function layoutPage(
  frame: Frame,
  mapWidth: number,
  mapHeight: number,
  measure: Measure = estimate,
): Page {
  const th = frame.theme;
  const width = mapWidth;
  const inner = width - 2 * PAD;
  const marks: Mark[] = [
    { t: 'text', x: PAD, y: PAD + 18, text: frame.title, size: 20, bold: true, color: th.fg },
  ];
  let y = PAD + 40;
  for (const line of wrap(frame.subtitle, inner, (s) => measure(s, 13))) {
    marks.push({ t: 'text', x: PAD, y, text: line, size: 13, color: th.muted });
    y += 17;
  }
  const top = Math.max(HEADER, y);
  const map = { x: 0, y: top, width: mapWidth, height: mapHeight };
  y = top + mapHeight + 22;

  for (const g of frame.legend) {
    marks.push({ t: 'text', x: PAD, y, text: g.title, size: 12, bold: true, color: th.muted });
    y += 8;
    let x = PAD;
    let rowH = 18;
    const rows: { x: number; item: (typeof g.items)[number] }[][] = [[]];
    for (const item of g.items) {
      const sw = item.kind === 'circle' ? Math.max(2 * (item.r ?? 4), 8) : 26;
      const w = sw + 6 + measure(item.label, 12) + 16;
      if (x + w > width - PAD && x > PAD) {
        rows.push([]);
        x = PAD;
      }
      rows[rows.length - 1].push({ x, item });
      x += w;
    }
    for (const row of rows) {
      rowH = Math.max(18, ...row.map((r) => (r.item.kind === 'circle' ? 2 * (r.item.r ?? 4) + 4 : 18)));
      const cy = y + rowH / 2;
      for (const { x: ix, item } of row) {
        if (item.kind === 'circle') {
          const r = item.r ?? 4;
          marks.push({ t: 'circle', cx: ix + r, cy: y + rowH - 2 - r, r, color: item.color });
          marks.push({ t: 'text', x: ix + 2 * r + 6, y: cy + 4, text: item.label, size: 12, color: th.fg });
        } else {
          marks.push({
            t: 'line',
            x1: ix,
            y1: cy,
            x2: ix + 26,
            y2: cy,
            color: item.color,
            width: 3,
            dash: item.kind === 'dash' ? '6 4' : undefined,
          });
          marks.push({ t: 'text', x: ix + 32, y: cy + 4, text: item.label, size: 12, color: th.fg });
        }
      }
      y += rowH + 2;
    }
    y += 14;
  }
  for (const line of wrap(frame.sources, inner, (s) => measure(s, 11))) {
    marks.push({ t: 'text', x: PAD, y, text: line, size: 11, color: th.fg });
    y += 15;
  }
  y += 4;
  marks.push({ t: 'text', x: PAD, y, text: frame.madeWith, size: 11, color: th.muted });
  return { width, height: Math.ceil(y + PAD), map, marks };
}
