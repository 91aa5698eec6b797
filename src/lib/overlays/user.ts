/**
 * The reader's own points (a CSV they loaded): drawn apart from the curated data, filtered by the
 * window with a MapLibre filter (the data is uploaded once per file, not per window). Never added to
 * any curated figure.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import type { UserPoint } from '../data/userData';
import { formatPartialDate } from '../i18n/i18n.svelte';
import { el, svgEscape } from '../export/svgMap';
import { periodText } from './format';
import type { Overlay } from './types';

export interface UserView {
  all: readonly UserPoint[];
  /** Points whose date overlaps the window. */
  shown: UserPoint[];
  window: readonly [number, number];
}

const SOURCE = 'user';
const fcCache = new WeakMap<readonly UserPoint[], { fc: FeatureCollection<Point>; key: string }>();
let serial = 0;
/** One FeatureCollection (and one fingerprint) per loaded file, built on first use. */
function sourceData(points: readonly UserPoint[]) {
  let d = fcCache.get(points);
  if (!d) {
    d = {
      key: `user-${++serial}-${points.length}`,
      fc: {
        type: 'FeatureCollection',
        features: points.map((p) => ({
          type: 'Feature',
          properties: { name: p.name, from: p.from, to: p.to, value: p.value, date: p.date },
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      },
    };
    fcCache.set(points, d);
  }
  return d;
}

export const user: Overlay<null, UserView> = {
  id: 'user',
  prepare: () => null,
  view: (_p, { user: all, window }) => ({
    all,
    shown: all.filter((p) => p.from <= window[1] && p.to >= window[0]),
    window,
  }),
  sources: () => ({ [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }),
  layers: (theme) => [
    {
      id: 'user-points',
      type: 'circle',
      source: SOURCE,
      metadata: { 'crossings:legend': 'user-point' },
      paint: {
        'circle-radius': 5 * theme.scale,
        'circle-color': theme.highlight,
        'circle-stroke-color': theme.fg,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'user-labels',
      type: 'symbol',
      source: SOURCE,
      metadata: { 'crossings:legend': 'label' },
      minzoom: 4,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': 11 * theme.scale,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
    },
  ],
  mapData: (v) => {
    const filter: FilterSpecification = [
      'all',
      ['<=', ['get', 'from'], v.window[1]],
      ['>=', ['get', 'to'], v.window[0]],
    ];
    return {
      data: { [SOURCE]: sourceData(v.all) },
      filters: { 'user-points': filter, 'user-labels': filter },
    };
  },
  visible: ({ user: all }) => all.length > 0,
  interactive: { layers: ['user-points'], select: () => null },
  tooltip: ({ props }, _v, { lang, t }) => ({
    title: String(props.name ?? ''),
    lines: [
      ...(typeof props.date === 'string' ? [formatPartialDate(props.date, lang)] : []),
      ...(typeof props.value === 'number' ? [String(props.value)] : []),
    ],
    source: t('user.legend'),
  }),
  legend: (v, { theme, t }) =>
    v.all.length
      ? [
          {
            overlay: 'user',
            title: t('user.legend'),
            items: [
              {
                label: t('user.legendItem'),
                key: 'user-point',
                count: v.shown.length,
                swatch: { kind: 'point', color: theme.highlight, stroke: theme.fg, r: 5 },
              },
            ],
            notes: [{ text: t('user.legendNote') }],
          },
        ]
      : [],
  table: (v, { lang, t, window }) =>
    v.all.length
      ? {
          id: 'user',
          caption: t('table.caption.user', { period: periodText(window, lang) }),
          columns: [
            { key: 'name', label: t('table.col.place') },
            { key: 'date', label: t('incident.date') },
            { key: 'value', label: t('table.col.value'), numeric: true },
            { key: 'note', label: t('table.col.note') },
          ],
          rows: v.shown.map((p) => ({
            key: `row-${p.row}`,
            sel: null,
            at: [p.lon, p.lat] as [number, number],
            cells: { name: p.name, date: p.date, value: p.value, note: p.note ?? '' },
            display: { date: formatPartialDate(p.date, lang) },
          })),
        }
      : null,
  svg: (v, { theme }, ctx) => {
    const out: string[] = [];
    for (const p of v.shown) {
      const s = ctx.project([p.lon, p.lat]);
      if (!s || s[0] < 0 || s[1] < 0 || s[0] > ctx.width || s[1] > ctx.height) continue;
      out.push(
        el(
          'circle',
          { cx: s[0].toFixed(1), cy: s[1].toFixed(1), r: 5 * theme.scale },
          el('title', {}, svgEscape(p.name)),
        ),
      );
    }
    return el('g', { fill: theme.highlight, stroke: theme.fg, 'stroke-width': 1.5 }, out.join(''));
  },
  exportItems: (v) =>
    v.shown.map((p) => ({
      row: {
        id: `row-${p.row}`,
        name: p.name,
        lon: p.lon,
        lat: p.lat,
        metric: 'reader',
        value: p.value,
        qualifier: '',
        complete: null,
        status: '',
        sources: 'reader',
      },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
};
