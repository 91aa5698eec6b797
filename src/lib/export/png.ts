/**
 * The PNG export: the live map canvas (preserveDrawingBuffer is on) composited with the shared page
 * layout on a 2D canvas, at 1× or 2×. For 2× the map is redrawn at twice the pixel ratio first.
 * `exportPngPreset` writes a size preset instead: exactly the preset's pixels, the map redrawn at the
 * preset's map box (the current view fitted into it) and the preset's dpi in a pHYs chunk.
 */
import type { Map as MLMap } from 'maplibre-gl';
import type { Frame } from './frame';
import { layoutForSize, layoutPage, type Mark, type Measure, type Page } from './layout';
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

/** Wait until the map has drawn everything at its current settings. */
const idle = (map: MLMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
}

export async function exportPng(map: MLMap, frame: Frame, scale: 1 | 2): Promise<PngResult> {
  const box = map.getContainer().getBoundingClientRect();
  const mw = Math.round(box.width);
  const mh = Math.round(box.height);
  const before = map.getPixelRatio();
  if (before !== scale) {
    map.setPixelRatio(scale);
    await idle(map);
  }
  try {
    const measureCanvas = document.createElement('canvas').getContext('2d')!;
    const page: Page = layoutPage(frame, mw, mh, (s, size, bold) => {
      measureCanvas.font = `${bold ? '700 ' : ''}${size}px ${FONT}`;
      return measureCanvas.measureText(s).width;
    });
    const canvas = document.createElement('canvas');
    canvas.width = page.width * scale;
    canvas.height = page.height * scale;
    const g = canvas.getContext('2d')!;
    g.scale(scale, scale);
    g.fillStyle = frame.theme.bg;
    g.fillRect(0, 0, page.width, page.height);
    g.drawImage(map.getCanvas(), page.map.x, page.map.y, page.map.width, page.map.height);
    for (const m of page.marks) drawMark(g, m);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))),
        'image/png',
      ),
    );
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    if (before !== scale) {
      map.setPixelRatio(before);
      map.triggerRepaint();
    }
  }
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
  const page = layoutForSize(frame, preset.width, preset.height, canvasMeasure());
  const size = outputSize(preset);
  const k = preset.density;
  const shot = await renderMapAt(map, page.map.width, page.map.height, k);
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
