/**
 * Lays out an export page (header, map box, legend, sources, "made with") as a flat list of marks
 * that the PNG (canvas) and SVG renderers draw the same way. The legend is the overlay model's
 * groups: each swatch kind (line, dashed line, circle, fill, point) and each count as on screen.
 * Units are CSS pixels.
 */
import { wrap, type Frame } from './frame';
import { withCount } from '../overlays/format';
import type { Swatch } from '../overlays/types';

export type Mark =
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold?: boolean;
      color: string;
      group?: string;
    }
  | {
      t: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: string;
      opacity?: number;
    }
  | { t: 'circle'; cx: number; cy: number; r: number; color: string; fillOpacity: number; stroke: string }
  | {
      t: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      color: string;
      fillOpacity: number;
      stroke?: string;
    }
  | { t: 'poly'; points: [number, number][]; fill: string | null; stroke: string; width: number };

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
const SW = 26;

const swatchWidth = (s: Swatch | undefined) =>
  !s
    ? 0
    : s.kind === 'circle'
      ? Math.max(2 * s.r, 8)
      : s.kind === 'point'
        ? 2 * s.r + 2
        : s.kind === 'diamond'
          ? 14
          : SW;
const swatchHeight = (s: Swatch | undefined) => (s?.kind === 'circle' ? 2 * s.r + 4 : 18);

function swatchMarks(s: Swatch, x: number, y: number, rowH: number): Mark[] {
  const cy = y + rowH / 2;
  switch (s.kind) {
    case 'line':
      return [
        {
          t: 'line',
          x1: x,
          y1: cy,
          x2: x + SW,
          y2: cy,
          color: s.color,
          width: s.width ?? 3,
          dash: s.dash ? '6 4' : undefined,
          opacity: s.opacity,
        },
      ];
    case 'circle':
      return [
        {
          t: 'circle',
          cx: x + s.r,
          cy: y + rowH - 2 - s.r,
          r: s.r,
          color: s.color,
          fillOpacity: 0.45,
          stroke: s.color,
        },
      ];
    case 'point':
      return [
        { t: 'circle', cx: x + s.r + 1, cy, r: s.r, color: s.color, fillOpacity: 0.75, stroke: s.stroke },
      ];
    case 'fill':
      return [
        { t: 'rect', x, y: cy - 6, w: SW, h: 12, color: s.color, fillOpacity: s.opacity, stroke: s.stroke },
      ];
    case 'diamond':
      return [
        {
          t: 'poly',
          points: [
            [x + 7, cy - 6],
            [x + 13, cy],
            [x + 7, cy + 6],
            [x + 1, cy],
          ],
          fill: s.hollow ? null : s.color,
          stroke: s.hollow ? s.color : s.stroke,
          width: s.hollow ? 2 : 1,
        },
      ];
  }
}

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
    marks.push({
      t: 'text',
      x: PAD,
      y,
      text: g.title,
      size: 12,
      bold: true,
      color: th.muted,
      group: g.overlay,
    });
    y += 8;
    let x = PAD;
    const rows: { x: number; item: (typeof g.items)[number]; label: string }[][] = [[]];
    for (const item of g.items) {
      const label = withCount(item.label, item.count, frame.lang);
      const w = swatchWidth(item.swatch) + 6 + measure(label, 12) + 16;
      if (x + w > width - PAD && x > PAD) {
        rows.push([]);
        x = PAD;
      }
      rows[rows.length - 1].push({ x, item, label });
      x += w;
    }
    for (const row of rows) {
      const rowH = Math.max(18, ...row.map((r) => swatchHeight(r.item.swatch)));
      for (const { x: ix, item, label } of row) {
        if (item.swatch) marks.push(...swatchMarks(item.swatch, ix, y, rowH));
        marks.push({
          t: 'text',
          x: ix + swatchWidth(item.swatch) + 6,
          y: y + rowH / 2 + 4,
          text: label,
          size: 12,
          color: th.fg,
          group: g.overlay,
        });
      }
      y += rowH + 2;
    }
    for (const n of g.notes ?? [])
      for (const line of wrap(n.text, inner, (s) => measure(s, 11, n.strong))) {
        y += 14;
        marks.push({
          t: 'text',
          x: PAD,
          y,
          text: line,
          size: 11,
          bold: n.strong,
          color: n.strong ? th.fg : th.muted,
        });
      }
    y += 18;
  }
  for (const line of wrap(frame.sources, inner, (s) => measure(s, 11))) {
    marks.push({ t: 'text', x: PAD, y, text: line, size: 11, color: th.fg });
    y += 15;
  }
  y += 4;
  marks.push({ t: 'text', x: PAD, y, text: frame.madeWith, size: 11, color: th.muted });
  return { width, height: Math.ceil(y + PAD), map, marks };
}
