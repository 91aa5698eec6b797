/**
 * The chapter's subject in present mode (a story chapter's `focus:`): an agreement, a place, a route
 * (family or segment) or a country. The other overlays read `input.focus` in their `mapData` and
 * dim what is not the subject (feature-state `dim`, see `dimmed`); this overlay rings and names the
 * subject above them (a ring at its point, the country's outline, and its name in large type), and
 * gives it a line in the legend, so the room's key says what is highlighted.
 *
 * `focusTarget` is where the subject is: the point the camera keeps clear of the card and the key
 * (present/camera.ts), and the point the browser tests project onto the screen.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { Feature, LineString, Point } from 'geojson';
import type { CatalogAgreement as Agreement } from '../data/types';
import type { CatalogFile } from '../data/types';
import type { Focus } from '../data/stories';
import { capitalOf } from '../filter/agreements';
import { COUNTRY_ISO_PROPERTY, COUNTRY_SOURCE, COUNTRY_SOURCE_LAYER } from '../map/basemap';
import { shortTitle } from './shortTitle';
import { featureKey } from '../map/fingerprint';
import { nameOf } from '../i18n/names';
import { el } from '../export/svgMarkup';
import { anchorParty } from './agreements';
import type { Overlay } from './types';

export type { Focus };

type RouteFeature = Feature<LineString, { id: string; family: string; group?: string }>;

export interface FocusTarget {
  focus: Focus;
  /** The subject's name in the reader's language. */
  name: string;
  /** Where it is labelled and what the camera keeps in view. */
  point: [number, number];
  /** Countries outlined (a country, or an agreement's non-EU parties). */
  countries: string[];
  /** The route group's colour key, for a route (its legend swatch). */
  group: string | null;
}

/** The middle of a line, by length along it (planar degrees: enough to place a label). */
export function lineMiddle(coords: readonly [number, number][]): [number, number] {
  if (coords.length < 2) return coords[0] ?? [0, 0];
  const seg = coords.slice(1).map((c, i) => Math.hypot(c[0] - coords[i][0], c[1] - coords[i][1]));
  let half = seg.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < seg.length; i++) {
    if (half <= seg[i] || i === seg.length - 1) {
      const k = seg[i] ? Math.min(1, half / seg[i]) : 0;
      const [a, b] = [coords[i], coords[i + 1]];
      return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
    }
    half -= seg[i];
  }
  return coords[0];
}

/** Where a focus is and what it is called, or null when the data does not know it. */
export function focusTarget(
  cat: CatalogFile,
  routes: { features: readonly Feature[] } | null,
  focus: Focus | null,
  lang: string,
): FocusTarget | null {
  if (!focus) return null;
  const base = { focus, countries: [] as string[], group: null };
  switch (focus.kind) {
    case 'agreement': {
      const a = cat.agreements.find((x) => x.id === focus.id);
      const at = a ? capitalOf(cat, anchorParty(a)) : null;
      if (!a || !at) return null;
      const countries = a.parties.filter((p) => p !== 'EU').sort();
      return { ...base, name: nameOf(a, lang, 'title'), point: at, countries };
    }
    case 'place': {
      const p = cat.places.find((x) => x.id === focus.id);
      return p ? { ...base, name: nameOf(p, lang), point: [p.lon, p.lat] } : null;
    }
    case 'country': {
      const c = cat.countries[focus.id];
      const at = c ? capitalOf(cat, focus.id) : null;
      return c && at ? { ...base, name: nameOf(c, lang), point: at, countries: [focus.id] } : null;
    }
    case 'route': {
      const segs = (routes?.features ?? []) as RouteFeature[];
      const fam = cat.families.find((f) => f.id === focus.id);
      const seg = segs.find((s) => s.properties.id === focus.id);
      const first = fam ? segs.find((s) => s.properties.family === fam.id) : seg;
      if (!first) return null;
      const named = fam ?? cat.segments.find((s) => s.id === focus.id);
      const group = fam?.group ?? cat.families.find((f) => f.id === first.properties.family)?.group;
      return {
        ...base,
        name: nameOf(named, lang),
        point: lineMiddle(first.geometry.coordinates as [number, number][]),
        group: group ?? null,
      };
    }
  }
}

/** What a map feature is, for deciding whether it is the subject. */
export type Subject =
  | { kind: 'agreement'; agreement: Agreement }
  | { kind: 'place'; id: string; country: string | null }
  | { kind: 'route'; id: string; family: string };

/**
 * Whether a feature is dimmed while `focus` is the subject: only features of the subject's own
 * kind are (the other agreements beside the agreement, the other routes beside the route, the other
 * places beside the place), so the evidence around it stays legible. A country dims the places
 * outside it and the agreements it is not a party to.
 */
export function dimmed(focus: Focus | null, s: Subject): boolean {
  if (!focus) return false;
  switch (focus.kind) {
    case 'agreement':
      return s.kind === 'agreement' && s.agreement.id !== focus.id;
    case 'place':
      return s.kind === 'place' && s.id !== focus.id;
    case 'route':
      return s.kind === 'route' && s.id !== focus.id && s.family !== focus.id;
    case 'country':
      return (
        (s.kind === 'place' && s.country !== focus.id) ||
        (s.kind === 'agreement' && !s.agreement.parties.includes(focus.id))
      );
  }
}

/**
 * Whether a programme marker (a recipient country and its main funder) is dimmed while `focus` is
 * the subject: it stays when the subject is that country or its funder, or an agreement the country
 * is a party to; a place or a route dims every programme (context, not the subject).
 */
export function programmeDimmed(
  focus: Focus | null,
  cat: Pick<CatalogFile, 'agreements'>,
  country: string,
  funder: string,
): boolean {
  if (!focus) return false;
  if (focus.kind === 'country') return country !== focus.id && funder !== focus.id;
  if (focus.kind === 'agreement')
    return !cat.agreements.find((a) => a.id === focus.id)?.parties.includes(country);
  return true;
}

/**
 * Whether the dead and missing are dimmed: by any subject but a route (the deaths are the routes'
 * evidence; the layer is one GPU draw, so it dims as a whole).
 */
export const deathsDimmed = (focus: Focus | null): boolean => !!focus && focus.kind !== 'route';

/** The opacity of a dimmable mark: `full`, or a quarter of it when feature-state `dim` is set. */
export const DIM = 0.25;
export const dimOpacity = (full: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'dim'], false],
  full * DIM,
  full,
];

const SOURCE = 'focus';
/** The basemap's country-name layer (map/basemap.ts). */
const COUNTRY_LABELS = 'country-labels';
const countryFilter = (isos: string[]): FilterSpecification => [
  'in',
  ['get', COUNTRY_ISO_PROPERTY],
  ['literal', isos],
];

/**
 * The focus overlay's view: the subject (null without one: the view is never null itself, so the
 * host applies "no subject" too and the basemap's country names come back) and its map label.
 */
export interface FocusView {
  target: FocusTarget | null;
  /** The name drawn on the map: an agreement's short name (shortTitle.ts), else the name. */
  label: string;
}

/** Basemap country names without the focused country's: its name is the focus label. */
const labelFilter = (iso: string | null): FilterSpecification => [
  '!=',
  ['get', COUNTRY_ISO_PROPERTY],
  iso ?? '',
];

export const focus: Overlay<CatalogFile, FocusView> = {
  id: 'focus',
  prepare: ({ data }) => data.catalog,
  view: (cat, { data, focus, lang, t }) => {
    const target = focusTarget(cat, data.routes, focus, lang);
    const a =
      target?.focus.kind === 'agreement' ? cat.agreements.find((x) => x.id === target.focus.id) : null;
    return { target, label: a ? shortTitle(a, cat.countries, lang, t) : (target?.name ?? '') };
  },
  sources: () => ({ [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }),
  layers: (theme) => [
    {
      id: 'focus-country',
      type: 'line',
      source: COUNTRY_SOURCE,
      'source-layer': COUNTRY_SOURCE_LAYER,
      filter: countryFilter([]),
      metadata: { 'crossings:legend': 'focus' },
      paint: { 'line-color': theme.highlight, 'line-width': 2.5 * theme.scale },
    },
    {
      id: 'focus-ring',
      type: 'circle',
      source: SOURCE,
      filter: ['!=', ['get', 'kind'], 'route'],
      metadata: { 'crossings:legend': 'focus' },
      paint: {
        'circle-radius': 16 * theme.scale,
        'circle-opacity': 0,
        'circle-stroke-color': theme.highlight,
        'circle-stroke-width': 3 * theme.scale,
      },
    },
    {
      id: 'focus-label',
      type: 'symbol',
      source: SOURCE,
      // Above the basemap's names, so the subject's name wins the collisions.
      metadata: { 'crossings:legend': 'focus', 'crossings:top': true },
      layout: {
        'text-field': ['get', 'name'],
        'text-size': 14 * theme.scale,
        'text-font': ['Noto Sans Bold', 'sans-serif'],
        'text-max-width': 9,
        'text-anchor': 'top',
        'text-offset': ['literal', [0, 1.3]],
        // Always drawn, and the names it covers give way (it is placed first: it is above them).
        'text-allow-overlap': true,
        'text-ignore-placement': false,
      },
      paint: { 'text-color': theme.fg, 'text-halo-color': theme.labelHalo, 'text-halo-width': 2.5 },
    },
  ],
  mapData: ({ target: v, label }) => {
    const features: Feature<Point>[] = v
      ? [
          {
            type: 'Feature',
            id: 0,
            properties: { kind: v.focus.kind, id: v.focus.id, name: label },
            geometry: { type: 'Point', coordinates: v.point },
          },
        ]
      : [];
    const fc = { type: 'FeatureCollection' as const, features };
    return {
      data: { [SOURCE]: { fc, key: featureKey(fc) } },
      filters: {
        'focus-country': countryFilter(v?.countries ?? []),
        [COUNTRY_LABELS]: labelFilter(v?.focus.kind === 'country' ? v.focus.id : null),
      },
    };
  },
  // Always applied, with no features when there is no subject: leaving a chapter about a country
  // must give the basemap its name back (a hidden overlay is not derived, so not applied).
  visible: () => true,
  legend: ({ target: v }, { theme, t }) =>
    v
      ? [
          {
            overlay: 'focus',
            title: t('layers.focus'),
            items: [
              {
                label: v.name,
                key: 'focus',
                testid: 'legend-focus',
                swatch:
                  v.focus.kind === 'route' && v.group
                    ? { kind: 'line', color: theme.routes[v.group as keyof typeof theme.routes], width: 5 }
                    : { kind: 'point', color: theme.labelHalo, stroke: theme.highlight, r: 6 },
              },
            ],
          },
        ]
      : [],
  table: () => null,
  svg: ({ target: v, label: name }, { theme }, ctx) => {
    if (!v) return '';
    const p = ctx.project(v.point);
    if (!p) return '';
    const outline = v.countries
      .map((c) => ctx.countryPath(c))
      .filter(Boolean)
      .map((d) =>
        el('path', { d, fill: 'none', stroke: theme.highlight, 'stroke-width': 2.5 * theme.scale }),
      );
    const ring =
      v.focus.kind === 'route'
        ? ''
        : el('circle', {
            cx: p[0].toFixed(1),
            cy: p[1].toFixed(1),
            r: 16 * theme.scale,
            fill: 'none',
            stroke: theme.highlight,
            'stroke-width': 3 * theme.scale,
          });
    const size = 14 * theme.scale;
    const label = el(
      'text',
      {
        x: p[0].toFixed(1),
        y: (p[1] + 1.3 * size + size).toFixed(1),
        'text-anchor': 'middle',
        'font-size': size,
        'font-weight': 700,
        fill: theme.fg,
        stroke: theme.labelHalo,
        'stroke-width': 4,
        'paint-order': 'stroke',
      },
      name,
    );
    return [...outline, ring, label].join('');
  },
  // The subject is a way of looking at the data, not a row of it: nothing to export.
  exportItems: () => [],
};
