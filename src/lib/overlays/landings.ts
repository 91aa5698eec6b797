/**
 * Landings and arrivals: one translucent circle per place or national series of the arrivals metric
 * (area ∝ window sum; the scale depends only on the window's length, so circles compare while
 * playing), labelled with the place and its figure. National totals are labelled "all ports".
 */
import type { Feature, Point } from 'geojson';
import type { Metric } from '../data/schema';
import { sumWindow, type Series } from '../filter/aggregate';
import {
  landingPoints,
  landingValues,
  maxSumForLength,
  radiusScale,
  referenceValues,
  type LandingPoint,
  type LandingValue,
} from '../filter/landings';
import { formatCount } from '../filter/format';
import { qualifierNote } from '../ui/table/rows';
import { TIME_DOMAIN } from '../state/app.svelte';
import { monthIndex } from '../data/time';
import { nameOf } from '../i18n/names';
import { el } from '../export/svgMarkup';
import { linesText, placeAround } from '../export/svgText';
import { featureKey } from '../map/fingerprint';
import { buildSeriesOnce } from './series';
import { num, periodText } from './format';
import type { Overlay, OverlayInput } from './types';
import { dimOpacity, dimmed } from './focus';

interface Prepared {
  metric: Metric;
  series: Map<string, Series>;
  /** Each series' rows as [first month, last month, publishers, source ids] (tooltip, source line). */
  publishers: Map<string, [number, number, string[], string[]][]>;
  points: LandingPoint[];
  /** Scale maxima by window length, filled on first use. */
  maxByLength: Map<number, number>;
}
export interface LandingsView {
  metric: Metric;
  publishers: Map<string, [number, number, string[], string[]][]>;
  values: LandingValue[];
  /** Countries with a series of this metric but no figure at all in the window ("no data for …"). */
  noData: string[];
  radius: (v: number) => number;
  /** Legend reference values. */
  refs: number[];
}

/** Sea arrivals unless the reader picked Spain's irregular arrivals. */
export const landingMetric = (m: Metric): Metric =>
  m === 'irregular_arrivals' ? 'irregular_arrivals' : 'sea_arrivals';

const SOURCE = 'landings';
/** Radius of the largest circle for a window's length, in CSS px (the legend says area ∝ value). */
export const MAX_RADIUS = 34;

function nameFor(v: LandingValue, { data, lang, t }: OverlayInput): string {
  const p = v.point;
  const cat = data.catalog;
  if (p.areaType === 'place')
    return nameOf(cat.places.find((x) => x.id === p.area) ?? { name: p.area }, lang);
  return `${nameOf(cat.countries[p.area] ?? { name: p.area }, lang)} · ${t('landings.allPorts')}`;
}

/** A circle's label, on the map and in the SVG: the place, then its figure ("Lampedusa", "≈110,000"). */
export const circleLabel = (x: LandingValue, input: OverlayInput): [string, string] => [
  nameFor(x, input),
  formatCount(x.value, x.qualifier, input.lang),
];

/** The label's text size and its radial offset from the circle's centre (px), as in `layers`. */
export const LABEL_SIZE = 12;
const labelOffset = (radius: number, scale: number) => 0.3 * LABEL_SIZE * scale + radius;

/** "No data for 2021: Greece, Spain", or nothing when every country has a figure. */
function noDataNote(v: LandingsView, { data, lang, t, window }: OverlayInput): string[] {
  if (!v.noData.length) return [];
  const names = v.noData.map((c) => nameOf(data.catalog.countries[c] ?? { name: c }, lang));
  return [t('landings.noData', { period: periodText(window, lang), areas: names.join(', ') })];
}

export const landings: Overlay<Prepared, LandingsView> = {
  id: 'landings',
  prepare: ({ data, metric }) => {
    const m = landingMetric(metric);
    const series = buildSeriesOnce(data);
    const publisher = new Map(data.catalog.sources.map((x) => [x.id, x.publisher]));
    const publishers = new Map<string, [number, number, string[], string[]][]>();
    for (const c of data.counts) {
      if (c.metric !== m) continue;
      const k = `${c.metric}|${c.area_type}|${c.area}`;
      const first = monthIndex(c.period);
      const last = c.period.length === 4 ? first + 11 : first;
      const rows = publishers.get(k) ?? publishers.set(k, []).get(k)!;
      rows.push([first, last, c.sources.map((id) => publisher.get(id) ?? id), c.sources]);
    }
    return {
      metric: m,
      series,
      publishers,
      points: landingPoints(series, m, data.catalog),
      maxByLength: new Map(),
    };
  },
  view: (p, { window, theme }) => {
    const len = window[1] - window[0] + 1;
    let max = p.maxByLength.get(len);
    if (max === undefined) {
      max = maxSumForLength(
        p.points.map((x) => p.series.get(x.key)!),
        len,
        TIME_DOMAIN,
      );
      p.maxByLength.set(len, max);
    }
    // Capped so that a long window's largest circle (Italy, all time) marks the sea, not covers it.
    const radius = radiusScale(max, MAX_RADIUS * (theme.id === 'projector' ? 1.3 : 1));
    return {
      metric: p.metric,
      publishers: p.publishers,
      values: landingValues(p.points, p.series, [window[0], window[1]]),
      noData: p.points
        .filter((x) => x.areaType === 'country' && !sumWindow(p.series.get(x.key)!, [window[0], window[1]]))
        .map((x) => x.area)
        .sort(),
      radius,
      refs: referenceValues(max),
    };
  },
  sources: () => ({ [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }),
  layers: (theme) => [
    {
      id: 'landings-circles',
      type: 'circle',
      source: SOURCE,
      metadata: { 'crossings:legend': 'landing-circle' },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': theme.landing,
        // Translucent with an outline: the routes underneath stay visible.
        'circle-opacity': [
          'case',
          ['boolean', ['feature-state', 'hover'], false],
          0.55,
          ['boolean', ['feature-state', 'dim'], false],
          0.08,
          0.3,
        ],
        'circle-stroke-color': theme.landing,
        'circle-stroke-opacity': dimOpacity(1),
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 1.5 * theme.scale],
      },
    },
    {
      // Above the basemap's place names (metadata `crossings:top`): the largest circles' labels win
      // the collisions, smaller ones are dropped by MapLibre where they do not fit.
      id: 'landings-labels',
      type: 'symbol',
      source: SOURCE,
      metadata: { 'crossings:legend': 'label', 'crossings:top': true },
      layout: {
        'text-field': ['get', 'label'],
        'text-size': LABEL_SIZE * theme.scale,
        'text-font': ['Noto Sans Bold', 'sans-serif'],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        // In ems: labelOffset(radius) / text-size.
        'text-radial-offset': ['+', 0.3, ['/', ['get', 'radius'], LABEL_SIZE * theme.scale]],
        'text-justify': 'auto',
        'text-allow-overlap': false,
        'symbol-sort-key': ['-', 0, ['get', 'value']],
      },
      paint: {
        'text-color': theme.label,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.8,
        'text-opacity': dimOpacity(1),
      },
    },
  ],
  mapData: (v, input) => {
    const features = v.values.map((x, i): Feature<Point> => ({
      type: 'Feature',
      id: i,
      properties: {
        key: x.point.key,
        area: x.point.area,
        areaType: x.point.areaType,
        value: x.value,
        qualifier: x.qualifier,
        radius: v.radius(x.value),
        label: circleLabel(x, input).join('\n'),
      },
      geometry: { type: 'Point', coordinates: x.point.coords },
    }));
    const fc = { type: 'FeatureCollection' as const, features };
    const h = input.hover;
    const f = input.focus;
    const places = f ? new Map(input.data.catalog.places.map((p) => [p.id, p.country])) : null;
    const state = new Map<number, Record<string, boolean>>();
    v.values.forEach((x, i) => {
      const { area, areaType } = x.point;
      const country = areaType === 'place' ? (places?.get(area) ?? null) : area;
      state.set(i, {
        hover: !!h && (h.kind === 'place' || h.kind === 'country') && h.id === area,
        dim: dimmed(f, { kind: 'place', id: area, country }),
      });
    });
    return { data: { [SOURCE]: { fc, key: featureKey(fc) } }, state: { [SOURCE]: state } };
  },
  interactive: {
    layers: ['landings-circles'],
    select: (p) => ({ kind: p.areaType === 'place' ? 'place' : 'country', id: String(p.area) }),
  },
  visible: ({ layers }) => layers.landings,
  tooltip: ({ props }, v, input) => {
    const x = v.values.find((y) => y.point.key === props.key);
    if (!x) return null;
    const { lang, t, window } = input;
    const note = qualifierNote(x.qualifier, x.complete);
    return {
      title: nameFor(x, input),
      lines: [
        `${formatCount(x.value, x.qualifier, lang)} · ${t(`metric.${v.metric}`).toLowerCase()}`,
        periodText(window, lang) + (note ? ` (${t(`table.note.${note}`)})` : ''),
      ],
      // The publishers of the figures summed for this window only.
      source: [
        ...new Set(
          (v.publishers.get(x.point.key) ?? [])
            .filter(([a, b]) => a <= window[1] && b >= window[0])
            .flatMap(([, , p]) => p),
        ),
      ].join('; '),
    };
  },
  legend: (v, input) => {
    const { theme, lang, t } = input;
    return v.refs.length || v.noData.length
      ? [
          {
            overlay: 'landings',
            title: t(`metric.${v.metric}`),
            circles: true,
            items: v.refs.map((r) => ({
              label: num(r, lang),
              key: 'landing-circle',
              swatch: { kind: 'circle' as const, color: theme.landing, r: v.radius(r) },
            })),
            notes: [{ text: t('legend.circlesNote') }, ...noDataNote(v, input).map((text) => ({ text }))],
            testid: 'landing-legend',
          },
        ]
      : [];
  },
  table: (v, input) => {
    const { data, lang, t, window } = input;
    const cat = data.catalog;
    const country = (code: string) => (cat.countries[code] ? nameOf(cat.countries[code], lang) : code);
    return {
      id: 'landings',
      caption: t('table.caption.landings', {
        metric: t(`metric.${v.metric}`),
        period: periodText(window, lang),
      }),
      notes: noDataNote(v, input),
      columns: [
        { key: 'name', label: t('table.col.place') },
        { key: 'country', label: t('table.col.country') },
        { key: 'value', label: t(`metric.${v.metric}`), numeric: true },
        { key: 'note', label: t('table.col.note') },
      ],
      rows: v.values.map((x) => {
        const p = x.point;
        const place = p.areaType === 'place' ? cat.places.find((y) => y.id === p.area) : undefined;
        const n = qualifierNote(x.qualifier, x.complete);
        return {
          key: p.key,
          sel: { kind: p.areaType, id: p.area },
          cells: {
            name: nameFor(x, input),
            country: place ? (place.country ? country(place.country) : '') : country(p.area),
            value: x.value,
            note: n ? t(`table.note.${n}`) : '',
          },
          display: { value: formatCount(x.value, x.qualifier, lang) },
        };
      }),
    };
  },
  svg: (v, input, ctx) => {
    const { theme } = input;
    const circles: string[] = [];
    const labels: string[] = [];
    const size = LABEL_SIZE * theme.scale;
    // Largest first, as `symbol-sort-key` on the map: every circle's label is tried beside it
    // (variable anchors, radial offset) and kept where it meets no place name or other label, as
    // MapLibre's collision engine does. The same labels as on the map and in the PNG.
    for (const x of v.values) {
      const p = ctx.project(x.point.coords);
      if (!p || p[0] < 0 || p[1] < 0 || p[0] > ctx.width || p[1] > ctx.height) continue;
      const r = v.radius(x.value);
      circles.push(
        el('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: r.toFixed(1), 'data-key': x.point.key }),
      );
      const lines = circleLabel(x, input);
      const at = placeAround(p, labelOffset(r, theme.scale), lines, size, ctx, undefined, 0.62);
      if (at) labels.push(linesText(at.x, at.y, lines, size, { 'data-for': x.point.key }));
    }
    return (
      el(
        'g',
        {
          class: 'circles',
          fill: theme.landing,
          'fill-opacity': 0.45,
          stroke: theme.landing,
          'stroke-width': 1.5,
        },
        circles.join(''),
      ) +
      el(
        'g',
        {
          class: 'labels',
          'font-size': size,
          'font-weight': 700,
          'text-anchor': 'middle',
          fill: theme.label,
          // text-halo-width 1.8 on the map: a stroke twice that, under the fill.
          stroke: theme.labelHalo,
          'stroke-width': 3.6,
          'stroke-linejoin': 'round',
          'paint-order': 'stroke',
        },
        labels.join(''),
      )
    );
  },
  credits: (v, { window }) => ({
    data: v.values.flatMap((x) =>
      (v.publishers.get(x.point.key) ?? [])
        .filter(([a, b]) => a <= window[1] && b >= window[0])
        .flatMap(([, , , ids]) => ids),
    ),
    documents: 0,
  }),
  exportItems: (v, input) =>
    v.values.map((x) => ({
      row: {
        id: x.point.key,
        name: nameFor(x, input).replace(` · ${input.t('landings.allPorts')}`, ''),
        lon: x.point.coords[0],
        lat: x.point.coords[1],
        metric: v.metric,
        value: x.value,
        qualifier: x.qualifier,
        complete: x.complete,
        status: '',
        sources: '',
      },
      geometry: { type: 'Point', coordinates: x.point.coords },
    })),
};
