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
  bounds: Bounds = MAP_BOUNDS,
): MapViewAt {
  const ratio = Math.min(to.width / from.width, to.height / from.height);
  const zoom = Math.min(VIEW_LIMITS.zoom[1], Math.max(VIEW_LIMITS.zoom[0], view.zoom + Math.log2(ratio)));
  // Then slide the centre so the box stays on the basemap (which ends at the bounds) where it can:
  // a wider box shows more of the region rather than an empty edge.
  const world = 512 * 2 ** zoom;
  const halfLng = (to.width / 2 / world) * 360;
  const halfY = (to.height / 2 / world) * 2 * Math.PI;
  const slide = (c: number, half: number, lo: number, hi: number) =>
    hi - lo <= 2 * half ? (lo + hi) / 2 : Math.min(hi - half, Math.max(lo + half, c));
  const lng = slide(view.center[0], halfLng, bounds[0][0], bounds[1][0]);
  const y = slide(mercY(view.center[1]), halfY, mercY(bounds[0][1]), mercY(bounds[1][1]));
  return { center: [lng, latOf(y)], zoom };
}

type Bounds = [[number, number], [number, number]];
/** The map's maxBounds (MapView) and the basemap's extent. */
export const MAP_BOUNDS: Bounds = [
  [VIEW_LIMITS.lng[0], VIEW_LIMITS.lat[0]],
  [VIEW_LIMITS.lng[1], VIEW_LIMITS.lat[1]],
];
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

const idle = (map: MLMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

/**
 * Draw the map laid out at `box.width` × `box.height` CSS px (`mapBox` in layout.ts), at
 * `density` × `box.scale` device pixels per CSS px, fitted as above; returns a copy of
 * `box.width × box.scale × density` pixels. A page's map box of W CSS px at text scale k is
 * rendered as a W/k-wide map at k times the pixel ratio: the same pixels and extent, with
 * MapLibre's labels, line widths and circles k times bigger, sized for the output like the
 * page's text.
 */
export async function renderMapAt(
  map: MLMap,
  box: { width: number; height: number; scale: number },
  density: number,
): Promise<{ canvas: HTMLCanvasElement; view: MapViewAt }> {
  const width = box.width;
  const height = box.height;
  const container = map.getContainer();
  const live = container.getBoundingClientRect();
  const c = map.getCenter();
  const before = { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
  const ratio = map.getPixelRatio();
  const saved = container.style.cssText;
  // The map's bounds keep a reader inside the region; a wide export box must still show the
  // whole current view, so they are lifted while it is drawn.
  const bounds = map.getMaxBounds();
  const minZoom = map.getMinZoom();
  const view = fittedView(before, live, { width, height });
  try {
    // Off screen, out of the layout: the page does not move while the file is drawn.
    container.style.cssText = `position:fixed;inset:auto;left:${-width - 100}px;top:0;width:${width}px;height:${height}px`;
    map.setMaxBounds(null);
    map.setMinZoom(Math.min(minZoom, view.zoom));
    map.resize();
    map.setPixelRatio(density * box.scale);
    map.jumpTo(view);
    await idle(map);
    const out = document.createElement('canvas');
    out.width = Math.round(width * box.scale * density);
    out.height = Math.round(height * box.scale * density);
    // The map keeps no drawing buffer (input first, #15): draw it now and copy it in this task.
    map.redraw();
    out.getContext('2d')!.drawImage(map.getCanvas(), 0, 0, out.width, out.height);
    return { canvas: out, view };
  } finally {
    container.style.cssText = saved;
    map.setPixelRatio(ratio);
    map.resize();
    map.setMinZoom(minZoom);
    map.setMaxBounds(bounds);
    map.jumpTo(before);
    map.triggerRepaint();
  }
}
