/**
 * The map at a preset's size: the current view fitted into the export's map box (not the browser
 * window's aspect). `fittedView` is the pure part (the SVG uses it directly); `renderMapAt` resizes
 * the live map's container off screen to the box, draws at the preset's density, copies the canvas
 * and puts everything back (size, pixel ratio, view). Using the live map keeps every overlay,
 * feature-state and the GPU layer exactly as the reader sees them.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { VIEW_LIMITS } from '../state/url';

export interface MapViewAt {
  center: [number, number];
  zoom: number;
}

/**
 * The view that shows all of what a `from`-sized map shows inside a `to`-sized box: same centre,
 * zoom changed by log2 of the tighter of the two scale ratios (contain, never crop).
 */
export function fittedView(
  view: MapViewAt,
  from: { width: number; height: number },
  to: { width: number; height: number },
): MapViewAt {
  const ratio = Math.min(to.width / from.width, to.height / from.height);
  const zoom = view.zoom + Math.log2(ratio);
  return {
    center: [view.center[0], view.center[1]],
    zoom: Math.min(VIEW_LIMITS.zoom[1], Math.max(VIEW_LIMITS.zoom[0], zoom)),
  };
}

const idle = (map: MLMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

/** Draw the map at `width` × `height` CSS px and `density`, fitted as above; returns a copy. */
export async function renderMapAt(
  map: MLMap,
  width: number,
  height: number,
  density: number,
): Promise<{ canvas: HTMLCanvasElement; view: MapViewAt }> {
  const container = map.getContainer();
  const box = container.getBoundingClientRect();
  const c = map.getCenter();
  const before = { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
  const ratio = map.getPixelRatio();
  const saved = container.style.cssText;
  const view = fittedView(before, box, { width, height });
  try {
    // Off screen, out of the layout: the page does not move while the file is drawn.
    container.style.cssText = `position:fixed;inset:auto;left:${-width - 100}px;top:0;width:${width}px;height:${height}px`;
    map.resize();
    map.setPixelRatio(density);
    map.jumpTo(view);
    await idle(map);
    const out = document.createElement('canvas');
    out.width = Math.round(width * density);
    out.height = Math.round(height * density);
    out.getContext('2d')!.drawImage(map.getCanvas(), 0, 0, out.width, out.height);
    return { canvas: out, view };
  } finally {
    container.style.cssText = saved;
    map.setPixelRatio(ratio);
    map.resize();
    map.jumpTo(before);
    map.triggerRepaint();
  }
}
