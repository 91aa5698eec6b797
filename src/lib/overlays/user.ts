/**
 * The reader's own data (a file they loaded): points dated to the month or day drawn by the same GPU
 * time-window layer as the dead and missing (uploaded once; a window change is two uniforms and a
 * binary search), and lines, polygons and year-only points as MapLibre features filtered by the
 * window. Never added to any curated figure.
 */
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import type { UserLayer } from '../state/userData.svelte';
import type { UserFeature } from '../data/import/types';
import { codeIso } from '../data/import/dateCode';
import { unpack } from '../data/import/columns';
import { windowRange } from '../map/gpu/points';
import { DatedPointsLayer, type DatedPointsStyle } from '../map/gpu/DatedPointsLayer';
import type { Theme } from '../map/theme';
import { formatPartialDate } from '../i18n/i18n.svelte';
import { el, svgEscape } from '../export/svgMarkup';
import { num, periodText } from './format';
import type { Overlay } from './types';

export const USER_GPU_LAYER = 'user-points-gpu';
/** The table lists at most this many of the reader's points in the window (its caption says so). */
export const USER_TABLE_MAX = 2000;

export interface UserView {
  layer: UserLayer | null;
  /** The sorted GPU points inside the window. */
  range: { first: number; count: number };
  /** Lines, polygons and year-only points overlapping the window. */
  features: UserFeature[];
  window: readonly [number, number];
}

/** One reader's point, by its index in the file-order columns. */
export interface UserPointRow {
  row: number;
  name: string;
  lon: number;
  lat: number;
  date: string;
  value: number | null;
  note: string | null;
}

export function pointAt(l: UserLayer, i: number): UserPointRow {
  const p = l.points;
  const v = p.value[i];
  const note = unpack(p.notes, p.noteAt, i);
  return {
    row: p.row[i],
    name: unpack(p.names, p.nameAt, i),
    lon: p.lon[i],
    lat: p.lat[i],
    date: codeIso(p.date[i]),
    value: Number.isNaN(v) ? null : v,
    note: note || null,
  };
}

/** The reader's points in the window, in time order (at most `max`), then the features. */
export function userRows(v: UserView, max = Infinity): UserPointRow[] {
  const out: UserPointRow[] = [];
  const l = v.layer;
  if (l?.sorted)
    for (let k = 0; k < v.range.count && out.length < max; k++)
      out.push(pointAt(l, l.sorted.order[v.range.first + k]));
  for (const f of v.features) {
    if (out.length >= max) break;
    out.push({
      row: f.row,
      name: f.name,
      lon: f.lon,
      lat: f.lat,
      date: f.date,
      value: f.value,
      note: f.note,
    });
  }
  return out;
}

export const userStyle = (th: Theme): DatedPointsStyle => ({
  color: th.highlight,
  opacity: 0.95,
  haloColor: th.fg,
  haloOpacity: 0.9,
  halo: 1.2,
  sizeScale: th.scale,
});

const SOURCE = 'user';
const fcCache = new WeakMap<readonly UserFeature[], { fc: FeatureCollection; key: string }>();
let serial = 0;
function sourceData(features: readonly UserFeature[]) {
  let d = fcCache.get(features);
  if (!d) {
    d = {
      key: `user-${++serial}-${features.length}`,
      fc: {
        type: 'FeatureCollection',
        features: features.map((p) => ({
          type: 'Feature',
          properties: { name: p.name, from: p.from, to: p.to, value: p.value, date: p.date },
          geometry: p.geometry ?? { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      },
    };
    fcCache.set(features, d);
  }
  return d;
}
const EMPTY: UserFeature[] = [];

export const user: Overlay<null, UserView, DatedPointsLayer> = {
  id: 'user',
  prepare: () => null,
  view: (_p, { user: layer, window }) => {
    const s = layer?.sorted;
    return {
      layer,
      range: s ? windowRange(s.t, s.tBase, window[0], window[1]) : { first: 0, count: 0 },
      features: layer ? layer.features.filter((p) => p.from <= window[1] && p.to >= window[0]) : EMPTY,
      window,
    };
  },
  sources: () => ({ [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }),
  layers: (theme) => [
    {
      id: 'user-fills',
      type: 'fill',
      source: SOURCE,
      metadata: { 'crossings:legend': 'user-point' },
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': theme.highlight, 'fill-opacity': 0.25, 'fill-outline-color': theme.fg },
    },
    {
      id: 'user-lines',
      type: 'line',
      source: SOURCE,
      metadata: { 'crossings:legend': 'user-point' },
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      paint: { 'line-color': theme.highlight, 'line-width': 2.5 * theme.scale },
    },
    {
      id: 'user-points',
      type: 'circle',
      source: SOURCE,
      metadata: { 'crossings:legend': 'user-point' },
      filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
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
  custom: {
    id: USER_GPU_LAYER,
    create: ({ theme }) => new DatedPointsLayer(USER_GPU_LAYER, userStyle(theme)),
    update: (layer, v, { window, theme }) => {
      const s = v.layer?.sorted ?? null;
      if (layer.getPoints() !== s) layer.setPoints(s);
      layer.setStyle(userStyle(theme));
      return layer.setWindow(window[0], window[1]);
    },
    // The reader's rows are not selectable, but the pointer shows what the row says.
    pick: (layer, x, y, v) => {
      const i = layer.pick(x, y);
      if (i === null || !v.layer) return null;
      const p = pointAt(v.layer, i);
      return { sel: null, props: { name: p.name, date: p.date, value: p.value, note: p.note, row: p.row } };
    },
  },
  mapData: (v) => {
    const time: FilterSpecification = [
      'all',
      ['<=', ['get', 'from'], v.window[1]],
      ['>=', ['get', 'to'], v.window[0]],
    ];
    const of = (type: string): FilterSpecification => [
      'all',
      ['in', ['geometry-type'], ['literal', [type, `Multi${type}`]]],
      time,
    ];
    return {
      data: { [SOURCE]: sourceData(v.layer?.features ?? EMPTY) },
      filters: {
        'user-points': of('Point'),
        'user-lines': of('LineString'),
        'user-fills': of('Polygon'),
        'user-labels': time,
      },
    };
  },
  visible: ({ user: l }) => !!l && (l.points.n > 0 || l.features.length > 0),
  interactive: { layers: ['user-points', 'user-lines', 'user-fills'], select: () => null },
  tooltip: ({ props }, _v, { lang, t }) => ({
    title: String(
      props.name || (typeof props.row === 'number' ? t('import.rowLabel', { row: props.row }) : ''),
    ),
    lines: [
      ...(typeof props.date === 'string' ? [formatPartialDate(props.date, lang)] : []),
      ...(typeof props.value === 'number' ? [num(props.value, lang)] : []),
      ...(typeof props.note === 'string' && props.note ? [props.note] : []),
    ],
    source: t('user.legend'),
  }),
  legend: (v, { theme, t }) =>
    v.layer
      ? [
          {
            overlay: 'user',
            title: t('user.legend'),
            items: [
              {
                label: t('user.legendItem'),
                key: 'user-point',
                count: v.range.count + v.features.length,
                swatch: { kind: 'point', color: theme.highlight, stroke: theme.fg, r: 5 },
              },
            ],
            notes: [{ text: t('user.legendNote') }],
          },
        ]
      : [],
  table: (v, { lang, t, window }) => {
    if (!v.layer) return null;
    const total = v.range.count + v.features.length;
    const rows = userRows(v, USER_TABLE_MAX);
    const caption = t('table.caption.user', { period: periodText(window, lang) });
    return {
      id: 'user',
      caption:
        total > rows.length ? `${caption} ${t('import.tableCapped', { n: rows.length, total })}` : caption,
      columns: [
        { key: 'name', label: t('table.col.place') },
        { key: 'date', label: t('incident.date') },
        { key: 'value', label: t('table.col.value'), numeric: true },
        { key: 'note', label: t('table.col.note') },
      ],
      rows: rows.map((p) => ({
        key: `row-${p.row}`,
        sel: null,
        at: [p.lon, p.lat] as [number, number],
        cells: {
          name: p.name || t('import.rowLabel', { row: p.row }),
          date: p.date,
          value: p.value,
          note: p.note ?? '',
        },
        display: { date: formatPartialDate(p.date, lang) },
      })),
    };
  },
  svg: (v, { theme }, ctx) => {
    const out: string[] = [];
    for (const p of userRows(v)) {
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
    const shapes = v.features
      .filter((f) => f.geometry)
      .map((f) =>
        el('path', {
          d: ctx.path(f.geometry!),
          fill: f.geometry!.type.includes('Polygon') ? theme.highlight : 'none',
          'fill-opacity': 0.25,
        }),
      )
      .join('');
    return el('g', { fill: theme.highlight, stroke: theme.fg, 'stroke-width': 1.5 }, shapes + out.join(''));
  },
  exportItems: (v) =>
    userRows(v).map((p) => ({
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
