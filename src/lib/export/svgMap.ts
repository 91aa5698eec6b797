/**
 * The map part of the SVG export, as pure functions (no DOM, no MapLibre): the offline basemap
 * redrawn with d3-geo in the live map's Web Mercator (svgProjection.ts), its place names as real
 * <text> (svgLabels.ts), and direction arrows for route lines (svgArrows.ts). This module draws the
 * basemap and re-exports the others, so overlays import one module.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { Theme } from '../map/theme';
import { el, r2 } from './svgMarkup';
import { makeProjection, rewindForD3, type MapView } from './svgProjection';
import { labelsGroup } from './svgLabels';

export * from './svgMarkup';
export * from './svgProjection';
export * from './svgLabels';
export * from './svgArrows';

export interface BasemapProps {
  k: string;
  out?: number;
  iso3?: string;
}

export interface LabelProps {
  name_en: string;
  /** Lower first, as `symbol-sort-key` in the live style. */
  rank?: number;
  /** Sea labels: 'ocean' | 'sea' | 'strait'. */
  kind?: string;
}

export interface BasemapInput {
  width: number;
  height: number;
  view: MapView;
  theme: Theme;
  /** Label language: `name_${lang}`, English where missing. */
  lang: string;
  basemap: FeatureCollection<Geometry, BasemapProps>;
  countryLabels: FeatureCollection<Point, LabelProps>;
  seaLabels: FeatureCollection<Point, LabelProps>;
}

/** Line widths and dashes as in src/lib/map/basemap.ts (dashes there are in line widths). */
const COAST_WIDTH = 0.8;
const BORDER_WIDTH = 0.8;
const BORDER_DASH = [3, 1.5];

/** The basemap under the overlays: sea, land, coastline, borders. */
export function basemapGroup(x: BasemapInput): string {
  const { path } = makeProjection(x.view, x.width, x.height);
  const th = x.theme;
  const s = th.scale;
  const countries = x.basemap.features
    .filter((f) => f.properties?.k === 'country')
    .map((f) => ({ f, d: path(rewindForD3(f)) }))
    .filter(({ d }) => d !== '')
    .map(({ f, d }) =>
      el('path', { d, fill: f.properties.out ? th.landOutside : th.land, 'data-iso3': f.properties.iso3 }),
    );
  const lines = (k: string) =>
    x.basemap.features
      .filter((f) => f.properties?.k === k)
      .map((f) => path(f))
      .filter((d) => d !== '')
      .map((d) => el('path', { d }))
      .join('');
  const borderWidth = BORDER_WIDTH * s;
  return el(
    'g',
    { id: 'basemap' },
    el('rect', { id: 'sea', width: x.width, height: x.height, fill: th.water }) +
      el('g', { id: 'land' }, countries.join('')) +
      el(
        'g',
        { id: 'coast', fill: 'none', stroke: th.coast, 'stroke-width': r2(COAST_WIDTH * s) },
        lines('coast'),
      ) +
      el(
        'g',
        {
          id: 'borders',
          fill: 'none',
          stroke: th.border,
          'stroke-width': r2(borderWidth),
          'stroke-dasharray': BORDER_DASH.map((v) => r2(v * borderWidth)).join(' '),
        },
        lines('border'),
      ),
  );
}

/**
 * `<g id="basemap">` then `<g id="labels">`. To draw overlays between the two (as the live map
 * does, labels on top), call `basemapGroup` and `labelsGroup` separately.
 */
export const basemapSvg = (x: BasemapInput): string => basemapGroup(x) + labelsGroup(x);
