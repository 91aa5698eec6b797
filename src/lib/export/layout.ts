/**
 * Lays out an export page (header, map box, legend, sources, "made with") as a flat list of marks
 * that the PNG (canvas) and SVG renderers draw the same way. The legend is the overlay model's
 * groups: each swatch kind (line, dashed line, circle, fill, point) and each count as on screen.
 * Units are CSS pixels.
 */
import { wrap, type Frame } from './frame';
import { minScale, type SizePreset } from './presets';
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
  /**
   * The text scale the page is laid out at (1 for a 640-wide column, up to 1.6): the map's own
   * labels, lines and circles are drawn at the same scale (`mapBox`), so they match the frame.
   */
  scale: number;
}

/**
 * The box the map is rendered at, in CSS px, and how much it is enlarged into the page's map box:
 * the map drawn `scale` times smaller and blown up `scale` times shows the same extent with labels,
 * line widths and circles `scale` times bigger (a 1200-wide or print page is read smaller).
 */
export function mapBox(page: Page): { width: number; height: number; scale: number } {
  const k = page.scale;
  return { width: page.map.width / k, height: page.map.height / k, scale: k };
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

/** A swatch whose size means something (circle radius, line width) at scale k. */
function scaleSwatch(s: Swatch, k: number): Swatch {
  if (k === 1) return s;
  if (s.kind === 'circle' || s.kind === 'point') return { ...s, r: s.r * k };
  if (s.kind === 'line') return { ...s, width: (s.width ?? 3) * k };
  return s;
}

/** Marks laid out from y = 0 down, and the height they take. */
interface Block {
  marks: Mark[];
  height: number;
}

const shift = (m: Mark, dy: number): Mark => {
  switch (m.t) {
    case 'text':
    case 'rect':
      return { ...m, y: m.y + dy };
    case 'line':
      return { ...m, y1: m.y1 + dy, y2: m.y2 + dy };
    case 'circle':
      return { ...m, cy: m.cy + dy };
    case 'poly':
      return { ...m, points: m.points.map(([x, y]) => [x, y + dy] as [number, number]) };
  }
};

/** Text sizes grow with the page (a 1200-wide page is read smaller than a 640-wide column). */
export const textScale = (width: number) => Math.min(1.6, Math.max(1, width / 800));

function header(frame: Frame, width: number, measure: Measure, k: number): Block {
  const th = frame.theme;
  const inner = width - 2 * PAD * k;
  const marks: Mark[] = [];
  let y = PAD * k;
  for (const line of wrap(frame.title, inner, (s) => measure(s, 20 * k, true))) {
    y += 22 * k;
    marks.push({ t: 'text', x: PAD * k, y, text: line, size: 20 * k, bold: true, color: th.fg });
  }
  y += 4 * k;
  for (const line of wrap(frame.subtitle, inner, (s) => measure(s, 13 * k))) {
    y += 17 * k;
    marks.push({ t: 'text', x: PAD * k, y, text: line, size: 13 * k, color: th.muted });
  }
  return { marks, height: Math.max(HEADER * k, y + 10 * k) };
}

/** The text cut with "…" to fit `max` (a label longer than its column). */
function ellipsis(text: string, max: number, width: (s: string) => number): string {
  if (width(text) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && width(chars.join('') + '…') > max) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** One legend group laid out in a column from (x0, 0), `width` wide. */
function groupBlock(
  g: Frame['legend'][number],
  frame: Frame,
  x0: number,
  width: number,
  measure: Measure,
  k: number,
  notes: boolean,
): Block {
  const th = frame.theme;
  const marks: Mark[] = [];
  // A title longer than its column wraps (never runs off the page).
  const titleLines = wrap(g.title, width, (s) => measure(s, 12 * k, true));
  titleLines.forEach((text, i) =>
    marks.push({
      t: 'text',
      x: x0,
      y: i * 15 * k,
      text,
      size: 12 * k,
      bold: true,
      color: th.muted,
      group: g.overlay,
    }),
  );
  let y = (titleLines.length - 1) * 15 * k + 8 * k;
  let x = x0;
  const rows: { x: number; item: (typeof g.items)[number]; label: string }[][] = [[]];
  for (const it of g.items) {
    // The map's circles and lines are drawn at the page's scale (mapBox): so are their swatches.
    const item = { ...it, swatch: it.swatch && scaleSwatch(it.swatch, k) };
    const room = width - swatchWidth(item.swatch) - 6;
    const label = ellipsis(withCount(item.label, item.count, frame.lang), room, (s) => measure(s, 12 * k));
    const w = swatchWidth(item.swatch) + 6 + measure(label, 12 * k) + 16 * k;
    if (x + w > x0 + width && x > x0) {
      rows.push([]);
      x = x0;
    }
    rows[rows.length - 1].push({ x, item, label });
    x += w;
  }
  for (const row of rows) {
    const rowH = Math.max(18 * k, ...row.map((r) => swatchHeight(r.item.swatch)));
    for (const { x: ix, item, label } of row) {
      if (item.swatch) marks.push(...swatchMarks(item.swatch, ix, y, rowH));
      marks.push({
        t: 'text',
        x: ix + swatchWidth(item.swatch) + 6,
        y: y + rowH / 2 + 4 * k,
        text: label,
        size: 12 * k,
        color: th.fg,
        group: g.overlay,
      });
    }
    y += rowH + 2;
  }
  if (notes)
    for (const n of g.notes ?? [])
      for (const line of wrap(n.text, width, (s) => measure(s, 11 * k, n.strong))) {
        y += 14 * k;
        marks.push({
          t: 'text',
          x: x0,
          y,
          text: line,
          size: 11 * k,
          bold: n.strong,
          color: n.strong ? th.fg : th.muted,
        });
      }
  return { marks, height: y };
}

/**
 * Legend (groups in `cols` columns, in order), notes, source line, byline and "made with", from
 * y = 0 down.
 */
function footer(frame: Frame, width: number, measure: Measure, k: number, notes = true, cols = 1): Block {
  const th = frame.theme;
  const pad = PAD * k;
  const inner = width - 2 * pad;
  const gap = 24 * k;
  const colW = (inner - gap * (cols - 1)) / cols;
  const marks: Mark[] = [];
  let y = 22 * k;
  for (let i = 0; i < frame.legend.length; i += cols) {
    let rowH = 0;
    const row = frame.legend.slice(i, i + cols);
    // A last row with fewer groups shares the whole width (its items then sit side by side).
    const w = row.length === cols ? colW : (inner - gap * (row.length - 1)) / row.length;
    row.forEach((g, j) => {
      const b = groupBlock(g, frame, pad + j * (w + gap), w, measure, k, notes);
      marks.push(...b.marks.map((m) => shift(m, y)));
      rowH = Math.max(rowH, b.height);
    });
    y += rowH + 18 * k;
  }
  const para = (text: string, color: string, bold = false) => {
    for (const line of wrap(text, inner, (s) => measure(s, 11 * k, bold))) {
      marks.push({ t: 'text', x: pad, y, text: line, size: 11 * k, bold, color });
      y += 15 * k;
    }
  };
  if (frame.note) para(frame.note, th.fg);
  para(frame.sources, th.fg);
  y += 4 * k;
  const tail = frame.byline ? `${frame.byline} · ${frame.madeWith}` : frame.madeWith;
  for (const line of wrap(tail, inner, (s) => measure(s, 11 * k))) {
    marks.push({ t: 'text', x: pad, y, text: line, size: 11 * k, color: th.muted });
    y += 15 * k;
  }
  return { marks, height: Math.ceil(y - 15 * k + pad) };
}

/** A page as wide as the map, as tall as its text needs (the map box is given). */
export function layoutPage(
  frame: Frame,
  mapWidth: number,
  mapHeight: number,
  measure: Measure = estimate,
): Page {
  const k = 1;
  const head = header(frame, mapWidth, measure, k);
  const foot = footer(frame, mapWidth, measure, k);
  const top = head.height;
  return {
    width: mapWidth,
    height: top + mapHeight + foot.height,
    map: { x: 0, y: top, width: mapWidth, height: mapHeight },
    marks: [...head.marks, ...foot.marks.map((m) => shift(m, top + mapHeight))],
    scale: k,
  };
}

/**
 * A page of exactly `width` × `height` (a size preset): header, legend and source line take what
 * they need and the map fills the rest. While the map would get less than MIN_MAP_SHARE of the
 * page, the legend is laid out tighter: groups side by side, then without its notes (they stay in
 * the app), then in the smallest type.
 */
export const MIN_MAP_SHARE = 0.5;
export function layoutForSize(
  frame: Frame,
  width: number,
  height: number,
  measure: Measure = estimate,
  /** The smallest scale the output allows (presets.ts `minScale`: print keeps 7 pt labels). */
  minScale = 1,
): Page {
  // Most to least: every note in one column; side-by-side groups; no notes; more columns; then
  // smaller type (halfway, then the smallest the output allows). The map's own labels follow the
  // type (mapBox), so the type is kept large as long as the map keeps its share.
  const cols = Math.max(1, Math.min(frame.legend.length, Math.floor(width / 380)));
  const more = Math.min(frame.legend.length, cols + 1);
  const big = Math.max(minScale, textScale(width));
  const scales = [...new Set([big, (big + minScale) / 2, minScale])];
  const tries: [number, boolean, number][] = [
    [big, true, 1],
    [big, true, cols],
    ...scales.flatMap((k): [number, boolean, number][] => [
      [k, false, cols],
      [k, false, more],
    ]),
  ];
  let head = header(frame, width, measure, 1);
  let foot = footer(frame, width, measure, 1, false, cols);
  let scale = 1;
  for (const [k, notes, c] of tries) {
    head = header(frame, width, measure, k);
    foot = footer(frame, width, measure, k, notes, c);
    scale = k;
    if (height - head.height - foot.height >= MIN_MAP_SHARE * height) break;
  }
  const top = head.height;
  const mapHeight = Math.max(1, height - top - foot.height);
  return {
    width,
    height,
    map: { x: 0, y: top, width, height: mapHeight },
    marks: [...head.marks, ...foot.marks.map((m) => shift(m, top + mapHeight))],
    scale,
  };
}

/** The page of a size preset (PNG and SVG), its type never under the preset's minimum. */
export const presetPage = (frame: Frame, preset: SizePreset, measure: Measure = estimate): Page =>
  layoutForSize(frame, preset.width, preset.height, measure, minScale(preset));
