/**
 * The PNG export of a size preset: exactly the preset's pixels, the live map redrawn off screen for
 * the preset's map box (the current view fitted into it, its labels at the page's text scale:
 * `mapBox`) and composited with the shared page layout on a 2D canvas, with the preset's dpi in a
 * pHYs chunk.
 */
import type { Map as MLMap } from 'maplibre-gl';
import type { Frame } from './frame';
import { mapBox, presetPage, type Mark, type Measure, type Page } from './layout';
import { outputSize, type SizePreset } from './presets';
import { renderMapAt } from './mapAt';
import { withDpi } from './phys';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

export function drawMark(g: CanvasRenderingContext2D, m: Mark) {
  if (m.t === 'text') {
    g.font = `${m.bold ? '700 ' : ''}${m.size}px ${FONT}`;
    g.fillStyle = m.color;
    g.fillText(m.text, m.x, m.y);
  } else if (m.t === 'line') {
    g.strokeStyle = m.color;
    g.lineWidth = m.width;
    g.globalAlpha = m.opacity ?? 1;
    g.setLineDash(m.dash ? m.dash.split(' ').map(Number) : []);
    g.beginPath();
    g.moveTo(m.x1, m.y1);
    g.lineTo(m.x2, m.y2);
    g.stroke();
    g.setLineDash([]);
    g.globalAlpha = 1;
  } else if (m.t === 'poly') {
    g.beginPath();
    m.points.forEach(([px, py], i) => (i ? g.lineTo(px, py) : g.moveTo(px, py)));
    g.closePath();
    if (m.fill) {
      g.fillStyle = m.fill;
      g.fill();
    }
    g.strokeStyle = m.stroke;
    g.lineWidth = m.width;
    g.stroke();
  } else if (m.t === 'rect') {
    g.fillStyle = m.color;
    g.globalAlpha = m.fillOpacity;
    g.fillRect(m.x, m.y, m.w, m.h);
    g.globalAlpha = 1;
    if (m.stroke) {
      g.strokeStyle = m.stroke;
      g.lineWidth = 1;
      g.strokeRect(m.x, m.y, m.w, m.h);
    }
  } else {
    g.beginPath();
    g.arc(m.cx, m.cy, m.r, 0, 2 * Math.PI);
    g.fillStyle = m.color;
    g.globalAlpha = m.fillOpacity;
    g.fill();
    g.globalAlpha = 1;
    g.strokeStyle = m.stroke;
    g.lineWidth = 1;
    g.stroke();
  }
}

export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
}

/** Text measured with the canvas's own font metrics. */
export function canvasMeasure(): Measure {
  const g = document.createElement('canvas').getContext('2d')!;
  return (s, size, bold) => {
    g.font = `${bold ? '700 ' : ''}${size}px ${FONT}`;
    return g.measureText(s).width;
  };
}

export async function exportPngPreset(
  map: MLMap,
  frame: Frame,
  preset: SizePreset,
): Promise<PngResult & { page: Page }> {
  const page = presetPage(frame, preset, canvasMeasure());
  const size = outputSize(preset);
  const k = preset.density;
  const shot = await renderMapAt(map, mapBox(page), k);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d')!;
  g.scale(size.width / page.width, size.height / page.height);
  g.fillStyle = frame.theme.bg;
  g.fillRect(0, 0, page.width, page.height);
  g.drawImage(shot.canvas, page.map.x, page.map.y, page.map.width, page.map.height);
  for (const m of page.marks) drawMark(g, m);
  const raw = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))),
      'image/png',
    ),
  );
  const bytes = withDpi(new Uint8Array(await raw.arrayBuffer()), preset.dpi);
  return {
    blob: new Blob([bytes as BlobPart], { type: 'image/png' }),
    width: canvas.width,
    height: canvas.height,
    page,
  };
}
