/**
 * The map without WebGL: the same view drawn as SVG from the overlay model, by the renderer the SVG
 * export uses (basemap, one group per overlay in z-order, place names on top). Pure functions; the
 * component (SvgMapView.svelte) owns loading, size and gestures.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { Theme } from './theme';
import type { OverlayId } from '../overlays/registry';
import type { SvgContext } from '../overlays/types';
import { el, makeProjection, type BasemapProps, type LabelProps } from '../export/svgMap';
import { drawMap } from '../export/svg';

export interface SvgBasemap {
  basemap: FeatureCollection<Geometry, BasemapProps>;
  countryLabels: FeatureCollection<Point, LabelProps>;
  seaLabels: FeatureCollection<Point, LabelProps>;
}

export interface SvgView {
  center: [number, number];
  zoom: number;
}

/** The same limits as the live map (MapView: minZoom, maxZoom). */
export const SVG_ZOOM: readonly [number, number] = [1.5, 11];

const mercY = (lat: number) => {
  const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
};
const unMercY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The view that fits [[west, south], [east, north]] in width × height with padding (as MapLibre's fitBounds). */
export function fitView(
  bounds: readonly (readonly [number, number])[],
  width: number,
  height: number,
  padding = 16,
): SvgView {
  const [[w, s], [e, n]] = bounds;
  const dx = (e - w) / 360;
  const y0 = mercY(n),
    y1 = mercY(s);
  const scale = Math.min((width - 2 * padding) / (dx * 512), (height - 2 * padding) / ((y1 - y0) * 512));
  const zoom = Math.max(SVG_ZOOM[0], Math.min(SVG_ZOOM[1], Math.log2(Math.max(scale, 1e-9))));
  return { center: [(w + e) / 2, unMercY((y0 + y1) / 2)], zoom };
}

/** The centre after dragging the picture by (dx, dy) screen pixels. */
export function panned(view: SvgView, width: number, height: number, dx: number, dy: number): SvgView {
  const { projection } = makeProjection(view, width, height);
  const c = projection.invert?.([width / 2 - dx, height / 2 - dy]);
  if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return view;
  return {
    center: [Math.max(-45, Math.min(75, c[0])), Math.max(-25, Math.min(72, c[1]))],
    zoom: view.zoom,
  };
}

export const zoomed = (view: SvgView, by: number): SvgView => ({
  center: view.center,
  zoom: Math.max(SVG_ZOOM[0], Math.min(SVG_ZOOM[1], view.zoom + by)),
});

/** The map as one `<svg>` element's markup: basemap, overlays (z-order), place names on top. */
export function svgMapMarkup(x: {
  base: SvgBasemap;
  view: SvgView;
  width: number;
  height: number;
  theme: Theme;
  lang: string;
  overlays: (ctx: SvgContext) => { id: OverlayId; body: string }[];
  label: string;
}): string {
  const input = { ...x.base, view: x.view, width: x.width, height: x.height, theme: x.theme, lang: x.lang };
  // The export's renderer and collision order (drawMap); place names are drawn on top.
  const drawn = drawMap(input, x.overlays, 'svgmap-');
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: x.width,
      height: x.height,
      viewBox: `0 0 ${x.width} ${x.height}`,
      role: 'img',
      'aria-label': x.label,
      'font-family': 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif',
    },
    el('rect', { width: x.width, height: x.height, fill: x.theme.water }) +
      drawn.basemap +
      el('g', { id: 'svgmap-overlays' }, drawn.overlays) +
      drawn.labels,
  );
}
