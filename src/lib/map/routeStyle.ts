/** Paint for the route lines and arrows, from a theme. Pure: tested without a map. */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Theme } from './theme';
import { dimOpacity } from '../overlays/focus';

export const ROUTE_SOURCE = 'routes';
export const ROUTE_LAYERS = ['routes-casing', 'routes-line', 'routes-arrows'] as const;

export function groupColor(theme: Theme): ExpressionSpecification {
  return [
    'match',
    ['get', 'group'],
    ...Object.entries(theme.routes).flat(),
    theme.fg,
  ] as unknown as ExpressionSpecification;
}

/** Width grows on hover/selection; `flow` (0–1, set as feature-state by the flow overlay) thickens a line. */
export function routeWidth(theme: Theme, extra = 0): ExpressionSpecification {
  const base = 2.2 * theme.scale + extra;
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    3,
    [
      '+',
      base,
      ['*', 8 * theme.scale, ['coalesce', ['feature-state', 'flow'], 0]],
      ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0],
      ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 0],
    ],
    8,
    [
      '+',
      base * 1.8,
      ['*', 14 * theme.scale, ['coalesce', ['feature-state', 'flow'], 0]],
      ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0],
      ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 0],
    ],
  ] as ExpressionSpecification;
}

/** The direction arrows: one every ARROW_SPACING px along a line, the SDF image at this size. */
export const ARROW_SPACING = 90;
export const ARROW_ICON_SIZE = 0.55;
const ARROW_IMAGE = 24;
export const ARROW_HALO = 1.5;

/**
 * The arrow as drawn on the map, in px at a theme scale (the SVG export draws the same): the
 * image's triangle runs from 20 % to 85 % of its width and spans its height at the base.
 */
export const arrowShape = (scale: number) => {
  const px = ARROW_IMAGE * ARROW_ICON_SIZE * scale;
  return { length: 0.65 * px, halfWidth: 0.5 * px, halo: ARROW_HALO };
};

export function routeLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'routes-casing',
      type: 'line',
      source: ROUTE_SOURCE,
      metadata: { 'crossings:legend': 'route' },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': theme.labelHalo,
        'line-width': routeWidth(theme, 2.5 * theme.scale),
        'line-opacity': dimOpacity(0.85),
      },
    },
    {
      id: 'routes-line',
      type: 'line',
      source: ROUTE_SOURCE,
      metadata: { 'crossings:legend': 'route' },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': groupColor(theme),
        'line-width': routeWidth(theme),
        'line-opacity': dimOpacity(1),
        'line-dasharray': [
          'case',
          ['==', ['get', 'mode'], 'land'],
          ['literal', [2, 1.2]],
          ['literal', [1, 0]],
        ],
      },
    },
    {
      id: 'routes-arrows',
      type: 'symbol',
      source: ROUTE_SOURCE,
      metadata: { 'crossings:legend': 'route-arrow' },
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': ARROW_SPACING,
        'icon-image': 'route-arrow',
        'icon-size': ARROW_ICON_SIZE * theme.scale,
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: {
        'icon-color': groupColor(theme),
        'icon-halo-color': theme.labelHalo,
        'icon-halo-width': ARROW_HALO,
        'icon-opacity': dimOpacity(1),
      },
    },
  ];
}

/** An SDF-ready arrowhead (pointing right, i.e. along the line) drawn into RGBA pixels. */
export function arrowImage(size = ARROW_IMAGE): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = Math.abs(y / size - 0.5) * 2;
      const inside = u > 0.2 && u < 0.85 && v < (0.85 - u) * 1.6;
      data.set([0, 0, 0, inside ? 255 : 0], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}
