/**
 * The SVG export: the map in vectors, from the same model the live map draws. Bottom to top: the
 * basemap (sea, land wound for d3-geo, coast, borders), one `<g id="<overlay id>">` per visible overlay
 * in the registry's z-order (each drawn by its own module's `svg()`), the basemap labels on top (the
 * data sandwich, as on the map), then the page frame (title, legend from the overlay model, sources)
 * as real `<text>`, so a graphics desk can edit it in Illustrator or Inkscape. Every string is
 * escaped: names and sources come from data, never from markup.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Theme } from '../map/theme';
import type { Lang } from '../i18n/i18n.svelte';
import type { OverlayId } from '../overlays/registry';
import type { SvgContext } from '../overlays/types';
import { mapBox, type Page, type Mark } from './layout';
import {
  basemapGroup,
  el,
  labelsGroup,
  makeProjection,
  projectLine,
  rewindForD3,
  svgEscape,
  type BasemapInput,
  type BasemapProps,
  type Box,
  type LabelProps,
} from './svgMap';

export { svgEscape as escapeXml, mercatorScale } from './svgMap';

export interface SvgInput {
  page: Page;
  theme: Theme;
  lang: Lang;
  /** The view of the map drawing, at mapBox(page)'s size (the PNG's view; fittedView). */
  view: { center: [number, number]; zoom: number };
  basemap: FeatureCollection<Geometry, BasemapProps>;
  countryLabels: FeatureCollection<Point, LabelProps>;
  seaLabels: FeatureCollection<Point, LabelProps>;
  /** The visible overlays' groups for this projection (OverlayModel.svgGroups). */
  overlays: (ctx: SvgContext) => { id: OverlayId; body: string }[];
  /** Accessible title/description of the document. */
  title: string;
  description: string;
  /** The file's size in pixels when it differs from the page's (a preset written at 2×). */
  output?: { width: number; height: number };
  /** Full attributions and licences, kept in <metadata> (not on the page). */
  licences?: string[];
}

/** The projection context overlays draw with (exported for tests). */
export function svgContext(
  view: SvgInput['view'],
  width: number,
  height: number,
  basemap: FeatureCollection<Geometry, BasemapProps>,
  taken: Box[] = [],
): SvgContext {
  const { projection, path } = makeProjection(view, width, height);
  const byIso = new Map<string, Feature<Geometry, BasemapProps>>();
  for (const f of basemap.features)
    if (f.properties?.k === 'country' && f.properties.iso3) byIso.set(f.properties.iso3, f);
  const countryCache = new Map<string, string>();
  return {
    width,
    height,
    project: (c) => {
      const p = projection(c);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
    },
    path,
    countryPath: (iso) => {
      if (!countryCache.has(iso)) {
        const f = byIso.get(iso);
        countryCache.set(iso, f ? path(rewindForD3(f)) : '');
      }
      return countryCache.get(iso)!;
    },
    line: (coords) => projectLine(projection, coords),
    place: (b) => {
      if (taken.some((t) => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1])) return false;
      taken.push(b);
      return true;
    },
  };
}

/**
 * The map's markup in three layers (basemap, overlays in z-order, place names), for the export and
 * the no-WebGL map. The overlays are drawn first, and so place their labels first: the circles'
 * labels sit above the place names on the live map (`crossings:top`) and win collisions there, so
 * they do here; place names then take what is free. (Other overlay labels, below the place names
 * on the map, win here too: the one difference.)
 */
export function drawMap(
  base: BasemapInput,
  overlays: SvgInput['overlays'],
  idPrefix = '',
): { basemap: string; overlays: string; labels: string } {
  const taken: Box[] = [];
  const ctx = svgContext(base.view, base.width, base.height, base.basemap, taken);
  const groups = overlays(ctx)
    .map((g) => el('g', { id: `${idPrefix}${g.id}`, 'data-overlay': g.id, fill: 'none' }, g.body))
    .join('');
  return { basemap: basemapGroup(base), overlays: groups, labels: labelsGroup(base, taken) };
}

function markToSvg(m: Mark): string {
  if (m.t === 'text')
    return el(
      'text',
      { x: m.x, y: m.y, 'font-size': m.size, 'font-weight': m.bold ? 700 : undefined, fill: m.color },
      svgEscape(m.text),
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
      'stroke-opacity': m.opacity,
    });
  if (m.t === 'poly')
    return el('path', {
      d: `M${m.points.map(([px, py]) => `${px},${py}`).join('L')}Z`,
      fill: m.fill ?? 'none',
      stroke: m.stroke,
      'stroke-width': m.width,
    });
  if (m.t === 'rect')
    return el('rect', {
      x: m.x,
      y: m.y,
      width: m.w,
      height: m.h,
      fill: m.color,
      'fill-opacity': m.fillOpacity,
      stroke: m.stroke,
    });
  return el('circle', {
    cx: m.cx,
    cy: m.cy,
    r: m.r,
    fill: m.color,
    'fill-opacity': m.fillOpacity,
    stroke: m.stroke,
  });
}

export function buildSvg(x: SvgInput): string {
  const { page, theme: th } = x;
  // The map is drawn at the size it is rendered at for the PNG (mapBox) and enlarged by the page's
  // text scale, so its labels, lines and circles are sized like the PNG's and the page's text.
  const { width: w, height: h, scale: k } = mapBox(page);
  const base = {
    width: w,
    height: h,
    view: x.view,
    theme: th,
    lang: x.lang,
    basemap: x.basemap,
    countryLabels: x.countryLabels,
    seaLabels: x.seaLabels,
  };
  const drawn = drawMap(base, x.overlays);
  const clipId = 'crossings-map-clip';
  const body = [
    el('title', {}, svgEscape(x.title)),
    el('desc', {}, svgEscape(x.description)),
    x.licences?.length
      ? el(
          'metadata',
          { id: 'crossings-credits' },
          x.licences.map((l) => el('dc:rights', {}, svgEscape(l))).join(''),
        )
      : '',
    el('rect', { width: page.width, height: page.height, fill: th.bg }),
    el(
      'defs',
      {},
      el('clipPath', { id: clipId }, el('rect', { width: page.map.width, height: page.map.height })),
    ),
    el(
      'g',
      {
        id: 'map',
        // The Web Mercator view of the page's map box (512 px tiles at the page's CSS px), so the
        // picture can be georeferenced; the drawing inside is at zoom − log2(scale), enlarged.
        'data-center': `${x.view.center[0].toFixed(5)},${x.view.center[1].toFixed(5)}`,
        'data-zoom': (x.view.zoom + Math.log2(k)).toFixed(4),
        transform: `translate(${page.map.x},${page.map.y})`,
        'clip-path': `url(#${clipId})`,
        'font-family': 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif',
      },
      el(
        'g',
        { id: 'map-drawing', transform: k === 1 ? undefined : `scale(${+k.toFixed(4)})` },
        drawn.basemap + el('g', { id: 'overlays' }, drawn.overlays) + drawn.labels,
      ),
    ),
    el(
      'g',
      { id: 'frame', 'font-family': 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif' },
      page.marks.map(markToSvg).join(''),
    ),
  ].join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        width: x.output?.width ?? page.width,
        height: x.output?.height ?? page.height,
        viewBox: `0 0 ${page.width} ${page.height}`,
        role: 'img',
      },
      body,
    )
  );
}
