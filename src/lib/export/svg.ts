/**
 * The SVG export: the same view redrawn with d3-geo from the same data (basemap countries, route
 * lines, agreement arcs, landing circles) in Web Mercator at the map's centre and zoom, framed by
 * the shared page layout. Real <path>, <circle> and <text> elements, for print and editing.
 * Every string is escaped: names and sources come from data, never from markup.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import type { Theme } from '../map/theme';
import type { LandingValue } from '../filter/landings';
import type { Layers } from '../state/app.svelte';
import type { Page, Mark } from './layout';

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Attrs = Record<string, string | number | undefined>;
const attrs = (a: Attrs) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
const el = (tag: string, a: Attrs, body?: string) =>
  body === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${body}</${tag}>`;

export interface SvgInput {
  page: Page;
  theme: Theme;
  view: { center: [number, number]; zoom: number };
  layers: Layers;
  basemap: FeatureCollection<Geometry, { k: string; out?: number }>;
  routes: FeatureCollection<LineString, { group: string; mode: string }>;
  arcs: FeatureCollection<LineString, { status: string; multi?: number }>;
  landings: LandingValue[];
  radius: (v: number) => number;
  /** Accessible title/description of the document. */
  title: string;
  description: string;
}

/** MapLibre draws a 512 px world at zoom 0; d3's Mercator scale is the world width over 2π. */
export const mercatorScale = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

function markToSvg(m: Mark): string {
  if (m.t === 'text')
    return el(
      'text',
      { x: m.x, y: m.y, 'font-size': m.size, 'font-weight': m.bold ? 700 : undefined, fill: m.color },
      escapeXml(m.text),
    );
  if (m.t === 'line')
    return el('line', {
      x1: m.x1,
      y1: m.y1,
      x2: m.x2,
      y2: m.y2,
      stroke: m.color,
      'stroke-width': m.width,
      'stroke-dasharray': m.dash,
    });
  return el('circle', { cx: m.cx, cy: m.cy, r: m.r, fill: m.color, 'fill-opacity': 0.35, stroke: m.color });
}

export function buildSvg(x: SvgInput): string {
  const { page, theme: th } = x;
  const { width: w, height: h } = page.map;
  const projection = geoMercator()
    .scale(mercatorScale(x.view.zoom))
    .center(x.view.center)
    .translate([w / 2, h / 2])
    .clipExtent([
      [0, 0],
      [w, h],
    ]);
  const path = geoPath(projection);
  const d = (g: Feature | Geometry) => path(g as Feature) ?? '';

  const parts: string[] = [el('rect', { width: w, height: h, fill: th.water })];
  const countries = x.basemap.features.filter((f) => f.properties.k === 'country');
  parts.push(
    el(
      'g',
      { id: 'countries', stroke: th.border, 'stroke-width': 0.5 },
      countries
        .map((f) => el('path', { d: d(f), fill: f.properties.out ? th.landOutside : th.land }))
        .join(''),
    ),
  );
  const coast = x.basemap.features.find((f) => f.properties.k === 'coast');
  if (coast)
    parts.push(el('path', { id: 'coast', d: d(coast), fill: 'none', stroke: th.coast, 'stroke-width': 0.8 }));
  if (x.layers.agreements)
    parts.push(
      el(
        'g',
        { id: 'agreements', fill: 'none', 'stroke-width': 1.5 },
        x.arcs.features
          .map((f) =>
            el('path', {
              d: d(f),
              stroke: th.agreement[f.properties.status as keyof Theme['agreement']] ?? th.muted,
              'stroke-opacity': f.properties.multi ? 0.35 : 0.9,
              'stroke-dasharray': f.properties.status === 'ended' ? '3 4' : undefined,
            }),
          )
          .join(''),
      ),
    );
  if (x.layers.routes)
    parts.push(
      el(
        'g',
        { id: 'routes', fill: 'none', 'stroke-width': 2.5 * th.scale, 'stroke-linecap': 'round' },
        x.routes.features
          .map((f) =>
            el('path', {
              d: d(f),
              stroke: th.routes[f.properties.group as keyof Theme['routes']] ?? th.fg,
              'stroke-dasharray': f.properties.mode === 'land' ? '6 4' : undefined,
            }),
          )
          .join(''),
      ),
    );
  if (x.layers.landings)
    parts.push(
      el(
        'g',
        { id: 'landings', fill: th.landing, 'fill-opacity': 0.35, stroke: th.landing },
        x.landings
          .map((v) => {
            const p = projection(v.point.coords);
            return p && p[0] >= 0 && p[1] >= 0 && p[0] <= w && p[1] <= h
              ? el('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: x.radius(v.value).toFixed(1) })
              : '';
          })
          .join(''),
      ),
    );

  const clipId = 'crossings-map-clip';
  const body = [
    el('title', {}, escapeXml(x.title)),
    el('desc', {}, escapeXml(x.description)),
    el('rect', { width: page.width, height: page.height, fill: th.bg }),
    el('defs', {}, el('clipPath', { id: clipId }, el('rect', { width: w, height: h }))),
    el(
      'g',
      { id: 'map', transform: `translate(${page.map.x},${page.map.y})`, 'clip-path': `url(#${clipId})` },
      parts.join(''),
    ),
    el('g', { id: 'frame', 'font-family': 'system-ui, sans-serif' }, page.marks.map(markToSvg).join('')),
  ].join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: page.width,
        height: page.height,
        viewBox: `0 0 ${page.width} ${page.height}`,
        role: 'img',
      },
      body,
    )
  );
}
