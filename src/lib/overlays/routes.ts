/**
 * Routes: segments coloured by family, dashed on land, with direction arrows; line width carries the
 * Frontex detections on the segment's route in the window (feature-state, no re-tiling).
 */
import type { Feature, LineString } from 'geojson';
import type { Theme } from '../map/theme';
import { ARROW_SPACING, arrowImage, arrowShape, ROUTE_SOURCE, routeLayers } from '../map/routeStyle';
import { maxSumForLength } from '../filter/landings';
import { sumWindow, type Series, type WindowSum } from '../filter/aggregate';
import { formatCount } from '../filter/format';
import { ROUTE_AREAS } from '../data/schema';
import { TIME_DOMAIN } from '../state/app.svelte';
import { monthIndex } from '../data/time';
import { nameOf } from '../i18n/names';
import { el } from '../export/svgMarkup';
import { arrowPath, arrowsAlong } from '../export/svgArrows';
import { periodText } from './format';
import { buildSeriesOnce } from './series';
import type { Overlay } from './types';
import { dimmed } from './focus';
import { routeGapNote, routesWithoutFigure } from './routeGaps';

type RouteProps = {
  id: string;
  family: string;
  group: keyof Theme['routes'];
  mode: 'sea' | 'land';
  name: string;
  frontex_route: string | null;
};

interface Prepared {
  segments: Feature<LineString, RouteProps>[];
  flowSeries: Series[];
  series: Map<string, Series>;
  /** The Frontex route areas the drawn segments carry. */
  flowAreas: string[];
  /** Frontex route rows as [first month, last month, source ids] (the source line). */
  flowSources: [number, number, string[]][];
}
export interface RoutesView {
  segments: Feature<LineString, RouteProps>[];
  /** Frontex detections per route area in the window. */
  flow: Map<string, WindowSum>;
  /** Scale maximum for windows of this length (widths compare while playing). */
  flowMax: number;
  /** Frontex route areas of the drawn segments with no figure at all in the window. */
  noFlow: string[];
  selected: string | null;
  flowSources: [number, number, string[]][];
}

export const routes: Overlay<Prepared, RoutesView> = {
  id: 'routes',
  prepare: ({ data }) => {
    const series = buildSeriesOnce(data);
    const segments = data.routes.features as Feature<LineString, RouteProps>[];
    return {
      segments,
      series,
      flowAreas: [
        ...new Set(segments.map((f) => f.properties.frontex_route).filter((r): r is string => !!r)),
      ],
      flowSeries: Object.keys(ROUTE_AREAS)
        .map((r) => series.get(`frontex_detections|route|${r}`))
        .filter((s): s is Series => !!s),
      flowSources: data.counts
        .filter((c) => c.metric === 'frontex_detections' && c.area_type === 'route' && c.area in ROUTE_AREAS)
        .map((c) => {
          const first = monthIndex(c.period);
          return [first, c.period.length === 4 ? first + 11 : first, c.sources];
        }),
    };
  },
  view: (p, { window, selection }) => {
    const flow = new Map<string, WindowSum>();
    for (const s of p.flowSeries) {
      const r = sumWindow(s, [window[0], window[1]]);
      if (r) flow.set(s.area, r);
    }
    return {
      segments: p.segments,
      flow,
      flowMax: maxSumForLength(p.flowSeries, window[1] - window[0] + 1, TIME_DOMAIN),
      noFlow: routesWithoutFigure(p.series, 'frontex_detections', p.flowAreas, window),
      selected: selection?.kind === 'segment' ? selection.id : null,
      flowSources: p.flowSources,
    };
  },
  // The routes the app has already loaded (not their URL: the map's worker would fetch them again).
  sources: ({ data }) => ({ [ROUTE_SOURCE]: { type: 'geojson', data: data.routes } }),
  layers: (theme) => routeLayers(theme),
  images: () => ({ 'route-arrow': { ...arrowImage(), sdf: true } }),
  mapData: (v, { hover, focus }) => {
    const state = new Map<number, Record<string, number | boolean>>();
    v.segments.forEach((f, i) => {
      const fl = f.properties.frontex_route ? v.flow.get(f.properties.frontex_route) : undefined;
      state.set(i, {
        flow: fl && v.flowMax > 0 ? fl.value / v.flowMax : 0,
        selected: f.properties.id === v.selected,
        // Pointer or keyboard focus on the segment, or on its family (legend, search, table).
        hover:
          (hover?.kind === 'segment' && hover.id === f.properties.id) ||
          (hover?.kind === 'family' && hover.id === f.properties.family),
        dim: dimmed(focus, { kind: 'route', id: f.properties.id, family: f.properties.family }),
      });
    });
    return { state: { [ROUTE_SOURCE]: state } };
  },
  interactive: {
    layers: ['routes-line'],
    select: (p) => ({ kind: 'segment', id: String(p.id) }),
  },
  visible: ({ layers }) => layers.routes,
  tooltip: ({ props }, v, { data, lang, t, window }) => {
    const f = v.segments.find((x) => x.properties.id === props.id);
    if (!f) return null;
    const p = f.properties;
    const fam = data.catalog.families.find((x) => x.id === p.family);
    const fl = p.frontex_route ? v.flow.get(p.frontex_route) : undefined;
    return {
      title: nameOf(p, lang),
      lines: [
        `${fam ? nameOf(fam, lang) : p.family} · ${t(`details.mode.${p.mode}`)}`,
        fl
          ? t('tooltip.detections', {
              value: formatCount(fl.value, fl.qualifier, lang),
              period: periodText(window, lang),
            })
          : t('tooltip.noDetections', { period: periodText(window, lang) }),
      ],
      source: fl ? 'Frontex' : undefined,
    };
  },
  legend: (v, { data, theme, lang, t, window }) => [
    {
      overlay: 'routes',
      title: t('legend.routes'),
      items: [
        ...data.catalog.families.map((f) => ({
          label: nameOf(f, lang),
          key: 'route',
          swatch: { kind: 'line' as const, color: theme.routes[f.group], width: 4 },
          select: { kind: 'family' as const, id: f.id },
        })),
        { label: t('legend.sea'), swatch: { kind: 'line', color: theme.fg, width: 3 } },
        { label: t('legend.land'), swatch: { kind: 'line', color: theme.fg, width: 3, dash: true } },
        { label: t('legend.arrows'), key: 'route-arrow' },
      ],
      notes: [
        { text: t('legend.flow') },
        ...routeGapNote('routes.noData', v.noFlow, lang, t, window).map((text) => ({
          text,
          testid: 'routes-nodata',
        })),
      ],
    },
  ],
  table: (v, { data, lang, t, window }) => {
    const families = new Map(data.catalog.families.map((f) => [f.id, f]));
    return {
      id: 'routes',
      caption: t('table.caption.routes', { period: periodText(window, lang) }),
      notes: routeGapNote('routes.noData', v.noFlow, lang, t, window),
      columns: [
        { key: 'name', label: t('table.col.segment') },
        { key: 'family', label: t('details.family') },
        { key: 'mode', label: t('table.col.mode') },
        { key: 'detections', label: t('table.col.detections'), numeric: true },
      ],
      rows: v.segments.map((f) => {
        const p = f.properties;
        const fam = families.get(p.family);
        const flow = p.frontex_route ? v.flow.get(p.frontex_route) : undefined;
        return {
          key: p.id,
          sel: { kind: 'segment' as const, id: p.id },
          cells: {
            name: nameOf(p, lang),
            family: fam ? nameOf(fam, lang) : p.family,
            mode: t(`details.mode.${p.mode}`),
            detections: flow?.value ?? null,
          },
          display: flow ? { detections: formatCount(flow.value, flow.qualifier, lang) } : undefined,
        };
      }),
    };
  },
  svg: (v, { theme }, ctx) => {
    const color = (f: Feature<LineString, RouteProps>) => theme.routes[f.properties.group] ?? theme.fg;
    const width = (f: Feature<LineString, RouteProps>) => {
      const fl = f.properties.frontex_route ? v.flow.get(f.properties.frontex_route) : undefined;
      return 2.2 * theme.scale + 8 * theme.scale * (fl && v.flowMax > 0 ? fl.value / v.flowMax : 0);
    };
    const out: string[] = [];
    for (const f of v.segments) {
      const d = ctx.path(f);
      if (!d) continue;
      const w = width(f);
      out.push(
        el('path', {
          d,
          class: 'casing',
          stroke: theme.labelHalo,
          'stroke-width': (w + 2.5 * theme.scale).toFixed(2),
          'stroke-opacity': 0.85,
        }),
        el('path', {
          d,
          'data-id': f.properties.id,
          stroke: color(f),
          'stroke-width': w.toFixed(2),
          'stroke-dasharray':
            f.properties.mode === 'land' ? `${(2 * w).toFixed(1)} ${(1.2 * w).toFixed(1)}` : undefined,
        }),
      );
      // The map's arrows: same spacing, size and halo (routeStyle.ts).
      const shape = arrowShape(theme.scale);
      const arrows = arrowsAlong(
        ctx.line(f.geometry.coordinates as [number, number][]),
        ARROW_SPACING,
        shape.length,
      );
      for (const a of arrows)
        out.push(
          el('path', {
            class: 'arrow',
            d: arrowPath(a.x, a.y, a.angle, shape.length, shape.halfWidth),
            fill: color(f),
            stroke: theme.labelHalo,
            'stroke-width': 2 * shape.halo,
            'stroke-linejoin': 'round',
            'paint-order': 'stroke',
          }),
        );
    }
    return out.join('');
  },
  credits: (v, { window }) => ({
    data: v.flow.size
      ? v.flowSources.filter(([a, b]) => a <= window[1] && b >= window[0]).flatMap(([, , ids]) => ids)
      : [],
    documents: v.segments.length,
  }),
  exportItems: (v, { data, lang }) => {
    const segs = new Map(data.catalog.segments.map((s) => [s.id, s]));
    return v.segments.map((f) => {
      const p = f.properties;
      const fl = p.frontex_route ? v.flow.get(p.frontex_route) : undefined;
      return {
        row: {
          id: p.id,
          name: nameOf(p, lang),
          lon: null,
          lat: null,
          metric: fl ? 'frontex_detections' : '',
          value: fl?.value ?? null,
          qualifier: fl?.qualifier ?? '',
          complete: fl?.complete ?? null,
          status: p.mode,
          sources: segs.get(p.id)?.sources.join(' ') ?? '',
        },
        geometry: f.geometry,
      };
    });
  },
};
