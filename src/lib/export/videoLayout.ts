/**
 * The layout of a video frame, compact enough for the small presets: a header (title, window), the
 * map with the month in large type over its corner, and a footer with the legend (each group on
 * wrapped rows of swatch + label + count, no notes) and the full source line on every frame.
 * The footer's height is measured for every month first, so all frames share one map box.
 */
import type { Frame } from './frame';
import { wrap } from './frame';
import { withCount } from '../overlays/format';
import type { LegendGroup, Swatch } from '../overlays/types';

export type Measure = (s: string, size: number, bold?: boolean) => number;

const PAD = 12;
export const HEADER = 50;
const ROW = 16;
const SRC = 10;
const SRC_ROW = 13;

interface Placed {
  x: number;
  y: number;
  text: string;
  swatch?: Swatch;
  bold?: boolean;
}

/** Legend and source rows of the footer, at y from 0; and its height. */
function footer(
  frame: Frame,
  W: number,
  measure: Measure,
): { placed: Placed[]; src: string[]; height: number } {
  const placed: Placed[] = [];
  let y = 14;
  const inner = W - 2 * PAD;
  for (const g of frame.legend as LegendGroup[]) {
    let x = PAD;
    const title = `${g.title}:`;
    placed.push({ x, y, text: title, bold: true });
    x += measure(title, 11, true) + 8;
    for (const item of g.items) {
      const label = withCount(item.label, item.count, frame.lang);
      const w = (item.swatch ? 16 : 0) + measure(label, 11) + 12;
      if (x + w > W - PAD && x > PAD + 40) {
        y += ROW;
        x = PAD + 12;
      }
      placed.push({ x, y, text: label, swatch: item.swatch });
      x += w;
    }
    y += ROW;
  }
  const src = wrap(frame.sources, inner, (s) => measure(s, SRC));
  const height = y + src.length * SRC_ROW + 4;
  return { placed, src, height };
}

export const footerHeight = (frame: Frame, W: number, measure: Measure) => footer(frame, W, measure).height;

function swatch(g: CanvasRenderingContext2D, s: Swatch, x: number, y: number) {
  const cy = y - 4;
  g.fillStyle = s.color;
  g.strokeStyle = s.color;
  g.setLineDash([]);
  if (s.kind === 'line') {
    g.lineWidth = Math.min(3, s.width ?? 2);
    if (s.dash) g.setLineDash([4, 3]);
    g.beginPath();
    g.moveTo(x, cy);
    g.lineTo(x + 12, cy);
    g.stroke();
    g.setLineDash([]);
  } else if (s.kind === 'diamond') {
    g.beginPath();
    g.moveTo(x + 6, cy - 5);
    g.lineTo(x + 11, cy);
    g.lineTo(x + 6, cy + 5);
    g.lineTo(x + 1, cy);
    g.closePath();
    g.lineWidth = 1.5;
    if (s.hollow) g.stroke();
    else g.fill();
  } else if (s.kind === 'fill') {
    g.globalAlpha = Math.max(0.4, s.opacity);
    g.fillRect(x, cy - 5, 12, 10);
    g.globalAlpha = 1;
    g.strokeStyle = s.stroke ?? s.color;
    g.lineWidth = 1;
    g.strokeRect(x, cy - 5, 12, 10);
  } else {
    g.beginPath();
    g.arc(x + 6, cy, 5, 0, 2 * Math.PI);
    g.globalAlpha = s.kind === 'circle' ? 0.5 : 0.85;
    g.fill();
    g.globalAlpha = 1;
    g.lineWidth = 1;
    g.stroke();
  }
}

/**
 * Draw one frame at CSS size W × H (the context already scaled to the output density). The map
 * canvas fills the box between header and footer.
 */
export function drawVideoFrame(
  g: CanvasRenderingContext2D,
  mapCanvas: HTMLCanvasElement,
  frame: Frame,
  month: string,
  W: number,
  H: number,
  footerH: number,
  measure: Measure,
  font: string,
) {
  const th = frame.theme;
  g.fillStyle = th.bg;
  g.fillRect(0, 0, W, H);
  const mapY = HEADER,
    mapH = H - HEADER - footerH;
  g.drawImage(mapCanvas, 0, mapY, W, mapH);
  g.fillStyle = th.fg;
  g.font = `700 18px ${font}`;
  g.fillText(frame.title, PAD, 22);
  g.fillStyle = th.muted;
  g.font = `12px ${font}`;
  const sub = wrap(frame.subtitle, W - 2 * PAD, (s) => measure(s, 12));
  g.fillText(sub.length > 1 ? sub[0] + ' …' : (sub[0] ?? ''), PAD, 40);
  // The month, large, over the map's top-left corner.
  const fs = Math.round(Math.max(20, Math.min(40, W / 28)));
  g.font = `700 ${fs}px ${font}`;
  const mw = g.measureText(month).width;
  g.globalAlpha = 0.85;
  g.fillStyle = th.bg;
  g.fillRect(8, mapY + 8, mw + 20, fs + 14);
  g.globalAlpha = 1;
  g.fillStyle = th.fg;
  g.fillText(month, 18, mapY + 8 + fs + 2);
  // Footer: legend rows, then the source line.
  const f = footer(frame, W, measure);
  const top = H - footerH;
  for (const p of f.placed) {
    let x = p.x;
    if (p.swatch) {
      swatch(g, p.swatch, x, top + p.y);
      x += 16;
    }
    g.fillStyle = p.bold ? th.muted : th.fg;
    g.font = `${p.bold ? '700 ' : ''}11px ${font}`;
    g.fillText(p.text, x, top + p.y);
  }
  g.fillStyle = th.fg;
  g.font = `${SRC}px ${font}`;
  const srcTop = top + (f.height - f.src.length * SRC_ROW - 4);
  f.src.forEach((line, i) => g.fillText(line, PAD, srcTop + 10 + i * SRC_ROW));
}
