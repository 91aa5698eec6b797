/**
 * Dead and missing (IOM Missing Migrants Project): one small dark point per incident, area ∝ the
 * dead and missing, drawn by a custom GPU layer that filters by time with a uniform (no setData, no
 * re-tiling while scrubbing). IOM's figures are a lower bound, and the legend says so.
 */
import type { SortedPoints } from '../map/gpu/points';
import { windowRange } from '../map/gpu/points';
import { DatedPointsLayer, type DatedPointsStyle } from '../map/gpu/DatedPointsLayer';
import type { Incident } from '../map/gpu/incidents';
import type { Theme } from '../map/theme';
import { formatPartialDate } from '../i18n/i18n.svelte';
import { routeAreaName } from '../i18n/names';
import { el } from '../export/svgMarkup';
import { num, periodText } from './format';
import type { IncidentData, Overlay } from './types';
import type { Series } from '../filter/aggregate';
import { buildSeriesOnce } from './series';
import { routeGapNote, routesWithoutFigure } from './routeGaps';
import { DIM, deathsDimmed } from './focus';

export const DEATHS_LAYER = 'deaths-points';

export interface DeathsView {
  /** The points the GPU layer draws (null until loaded). */
  points: SortedPoints | null;
  list: Incident[] | null;
  /** The sorted index range inside the window. */
  range: { first: number; count: number };
  deadMissing: number;
  order: Uint32Array | null;
  /** IOM route areas with no figure at all in the window (outside the file's years). */
  noData: string[];
}
interface Prepared {
  series: Map<string, Series>;
  /** The route areas IOM's figures are kept for (one dead-and-missing series each). */
  areas: string[];
}

/** The GPU layer's style; `dim` while a chapter's subject is not a route (see focus.ts). */
export const deathsStyle = (th: Theme, dim = false): DatedPointsStyle => ({
  color: th.death,
  opacity: 0.75 * (dim ? DIM : 1),
  haloColor: th.labelHalo,
  haloOpacity: 0.85 * (dim ? DIM : 1),
  halo: 1,
  sizeScale: th.scale,
});

/** The incidents of the view, in time order (for the table and the exports). */
export function incidentsInView(v: DeathsView): Incident[] {
  if (!v.list || !v.order) return [];
  const out: Incident[] = [];
  for (let k = 0; k < v.range.count; k++) {
    const x = v.list[v.order[v.range.first + k]];
    if (x) out.push(x);
  }
  return out;
}

export const deaths: Overlay<Prepared, DeathsView, DatedPointsLayer> = {
  id: 'deaths',
  prepare: ({ data }) => ({
    series: buildSeriesOnce(data),
    areas: [
      ...new Set(
        data.counts.filter((c) => c.metric === 'dead_missing' && c.area_type === 'route').map((c) => c.area),
      ),
    ],
  }),
  view: (p, { incidents, window }) => {
    const d: IncidentData | null = incidents;
    const noData = routesWithoutFigure(p.series, 'dead_missing', p.areas, window);
    if (!d)
      return { points: null, list: null, range: { first: 0, count: 0 }, deadMissing: 0, order: null, noData };
    const range = windowRange(d.sorted.t, d.sorted.tBase, window[0], window[1]);
    return {
      points: d.sorted,
      list: d.list,
      range,
      deadMissing: d.dmPrefix[range.first + range.count] - d.dmPrefix[range.first],
      order: d.sorted.order,
      noData,
    };
  },
  sources: () => ({}),
  layers: () => [],
  custom: {
    id: DEATHS_LAYER,
    create: ({ theme }) => new DatedPointsLayer(DEATHS_LAYER, deathsStyle(theme)),
    update: (layer, v, { window, theme, focus }) => {
      if (layer.getPoints() !== v.points) layer.setPoints(v.points);
      layer.setStyle(deathsStyle(theme, deathsDimmed(focus)));
      return layer.setWindow(window[0], window[1]);
    },
    pick: (layer, x, y, v) => {
      const i = layer.pick(x, y);
      const rec = i === null ? undefined : v.list?.[i];
      return rec ? { sel: { kind: 'incident', id: rec.id }, props: { id: rec.id } } : null;
    },
  },
  mapData: () => ({}),
  visible: ({ layers }) => layers.deaths,
  tooltip: ({ sel }, v, { lang, t }) => {
    const x = sel && v.list?.find((y) => y.id === sel.id);
    if (!x) return null;
    return {
      title: x.location ?? t('incident.kicker'),
      lines: [t('tooltip.deadMissing', { n: num(x.deadMissing, lang) }), formatPartialDate(x.date, lang)],
      source: t('deaths.iomLink'),
    };
  },
  legend: (v, { data, theme, lang, t, window, incidentsFailed }) => {
    const iom = data.catalog.sources.find((s) => s.id === 'iom-mmp');
    return [
      {
        overlay: 'deaths',
        title: t('deaths.title'),
        testid: 'deaths-legend',
        items: [
          {
            label: t('deaths.point'),
            key: 'death',
            swatch: { kind: 'point', color: theme.death, stroke: theme.labelHalo, r: 4.5 },
            count: v.points ? v.range.count : undefined,
          },
        ],
        notes: [
          v.points
            ? {
                text: t('deaths.inWindow', {
                  incidents: num(v.range.count, lang),
                  deadMissing: num(v.deadMissing, lang),
                }),
                testid: 'deaths-count',
              }
            : { text: t(incidentsFailed ? 'deaths.loadError' : 'deaths.loading') },
          { text: t('deaths.caveat'), strong: true, testid: 'deaths-caveat' },
          { text: t('deaths.size') },
          ...routeGapNote('deaths.noData', v.noData, lang, t, window).map((text) => ({
            text,
            testid: 'deaths-nodata',
          })),
        ],
        link: iom?.url
          ? {
              href: iom.url,
              text: `${t('deaths.attribution')} ${t('deaths.iomLink')}`,
              testid: 'deaths-attribution',
            }
          : undefined,
      },
    ];
  },
  table: (v, { lang, t, window }) => {
    if (!v.points) return null;
    const route = (r: string | null) => {
      return r ? routeAreaName(r, lang) : '';
    };
    return {
      id: 'deaths',
      caption: t('table.caption.deaths', { period: periodText(window, lang) }),
      notes: routeGapNote('deaths.noData', v.noData, lang, t, window),
      columns: [
        { key: 'date', label: t('incident.date') },
        { key: 'location', label: t('incident.location') },
        { key: 'route', label: t('incident.route') },
        { key: 'deadMissing', label: t('metric.dead_missing'), numeric: true },
      ],
      rows: incidentsInView(v).map((x) => ({
        key: x.id,
        sel: { kind: 'incident' as const, id: x.id },
        at: [x.lon, x.lat] as [number, number],
        cells: {
          date: x.date,
          location: x.location ?? '',
          route: route(x.route),
          deadMissing: x.deadMissing,
        },
        display: { date: formatPartialDate(x.date, lang) },
      })),
    };
  },
  svg: (v, { theme }, ctx) => {
    if (!v.points) return '';
    const out: string[] = [];
    for (let k = 0; k < v.range.count; k++) {
      const i = v.order![v.range.first + k];
      const x = v.list![i];
      const p = x && ctx.project([x.lon, x.lat]);
      if (!p || p[0] < 0 || p[1] < 0 || p[0] > ctx.width || p[1] > ctx.height) continue;
      out.push(
        el('circle', {
          cx: p[0].toFixed(1),
          cy: p[1].toFixed(1),
          r: (v.points.size[v.range.first + k] * theme.scale).toFixed(2),
          'data-id': x.id,
        }),
      );
    }
    return el(
      'g',
      {
        fill: theme.death,
        'fill-opacity': 0.75,
        stroke: theme.labelHalo,
        'stroke-opacity': 0.85,
        'stroke-width': 1,
      },
      out.join(''),
    );
  },
  credits: () => ({ data: ['iom-mmp'], documents: 0 }),
  exportItems: (v) =>
    incidentsInView(v).map((x) => ({
      row: {
        id: x.id,
        name: x.location ?? '',
        lon: x.lon,
        lat: x.lat,
        metric: 'dead_missing',
        value: x.deadMissing,
        qualifier: 'at_least',
        complete: null,
        status: '',
        sources: 'iom-mmp',
      },
      geometry: { type: 'Point', coordinates: [x.lon, x.lat] },
    })),
};
