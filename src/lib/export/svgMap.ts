/**
 * The map part of the SVG export, as pure functions (no DOM, no MapLibre): the offline basemap
 * redrawn with d3-geo in the live map's Web Mercator, its place names as real <text>, and
 * direction arrows for route lines.
 *
 * Winding. GeoJSON (RFC 7946, and our Natural Earth files) winds exterior rings counterclockwise;
 * d3-geo works on the sphere and reads a ring by the side it encloses on its right, so a
 * counterclockwise country is "the whole globe except the country". Clipped to the frame, that is
 * the frame rectangle with the country cut out, and land and sea come out one colour.
 * `rewindForD3` turns every ring the way d3 expects before any path is drawn.
 *
 * Every string that comes from data (names, iso codes) goes through `svgEscape`.
 */
import { geoArea, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { Theme } from '../map/theme';

// ---------------------------------------------------------------------------------------------
// Markup

/** Characters XML 1.0 forbids outright (they would make the file unreadable, escaped or not). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text content and attribute values (both quote kinds, so either quoting is safe). */
export const svgEscape = (s: string): string =>
  String(s)
    .replace(XML_INVALID, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);

export type Attrs = Record<string, string | number | undefined>;

const attrString = (a: Attrs) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${svgEscape(String(v))}"`)
    .join('');

/**
 * One element. Attribute values are escaped and `undefined`/'' attributes left out; `body` is
 * markup, inserted as given (escape text with `svgEscape` first). Without a body: self-closing.
 */
export const el = (tag: string, attrs: Attrs, body?: string): string =>
  body === undefined ? `<${tag}${attrString(attrs)}/>` : `<${tag}${attrString(attrs)}>${body}</${tag}>`;

/** Rounded for output: 0.01 px is far below anything a printer or an editor shows. */
const r2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Projection

export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface MapProjection {
  /** d3 Mercator, clipped to [0,0]–[width,height]. `projection([lon, lat])` is not clipped. */
  projection: GeoProjection;
  /** SVG path data for a feature or geometry; '' when nothing of it is in the box. */
  path: (g: Feature | Geometry) => string;
}

/** MapLibre draws a 512 px world at zoom 0; d3's Mercator scale is the world width over 2π. */
export const mercatorScale = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

/**
 * The d3 projection that puts every point where MapLibre draws it for a map of width × height at
 * this centre and zoom. `precision(0)` turns off d3's great-circle resampling: MapLibre joins
 * vertices with straight lines in Mercator, and so does this (long edges such as the basemap's
 * clip edges along parallels would otherwise bow towards the pole).
 */
export function makeProjection(view: MapView, width: number, height: number): MapProjection {
  const projection = geoMercator()
    .scale(mercatorScale(view.zoom))
    .center(view.center)
    .translate([width / 2, height / 2])
    .precision(0)
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const gp = geoPath(projection).digits(2);
  return { projection, path: (g) => gp(g as Feature) ?? '' };
}

/** Projects a line's vertices to screen points, leaving out those that do not project. */
export function projectLine(projection: GeoProjection, coords: Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of coords) {
    const p = projection([c[0], c[1]]);
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push([p[0], p[1]]);
  }
  return out;
}

export const insideBox = (p: readonly [number, number], width: number, height: number) =>
  p[0] >= 0 && p[1] >= 0 && p[0] <= width && p[1] <= height;

// ---------------------------------------------------------------------------------------------
// Winding

const HEMISPHERE = 2 * Math.PI;

/**
 * A copy of the ring wound for d3: an exterior ring must enclose less than a hemisphere (clockwise
 * as seen on the map), a hole more (counterclockwise, its complement being the hole).
 */
function windRing(ring: Position[], exterior: boolean): Position[] {
  const copy = ring.map((p) => [...p]);
  const big = geoArea({ type: 'Polygon', coordinates: [copy] }) > HEMISPHERE;
  return big === exterior ? copy.reverse() : copy;
}

const windPolygon = (rings: Position[][]) => rings.map((ring, i) => windRing(ring, i === 0));

function rewindGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Polygon':
      return { ...g, coordinates: windPolygon(g.coordinates) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map(windPolygon) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map(rewindGeometry) };
    default:
      return structuredClone(g);
  }
}

/**
 * A copy of a feature (or geometry) with every polygon ring wound the way d3-geo expects, ring by
 * ring, whatever the input's winding (RFC 7946, d3, or a mix after clipping). The input is not
 * changed. No polygon here spans a hemisphere, which is what makes the area test unambiguous.
 */
export function rewindForD3<T extends Feature | Geometry>(x: T): T {
  if (x.type === 'Feature') {
    const f = x as Feature;
    return {
      ...f,
      properties: f.properties && { ...f.properties },
      geometry: f.geometry && rewindGeometry(f.geometry),
    } as T;
  }
  return rewindGeometry(x as Geometry) as T;
}

// ---------------------------------------------------------------------------------------------
// Basemap

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

const FONT = "'Noto Sans', system-ui, sans-serif";
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

// ---------------------------------------------------------------------------------------------
// Labels

/** Text size of the live style at a zoom: ['interpolate', ['linear'], ['zoom'], 2, 10, 5, 14] × scale. */
export function countryLabelSize(zoom: number, scale = 1): number {
  const t = Math.min(1, Math.max(0, (zoom - 2) / 3));
  return (10 + 4 * t) * scale;
}

/** ['match', ['get', 'kind'], 'ocean', 15, 'strait', 11, 13] × scale. */
export const seaLabelSize = (kind: string | undefined, scale = 1) =>
  (kind === 'ocean' ? 15 : kind === 'strait' ? 11 : 13) * scale;

/** Average advance of a character, in ems, for the overlap estimate (chars × size × 0.6). */
const CHAR_EM = 0.6;
const LINE_HEIGHT = 1.2;
/** MapLibre's default text-padding around each label's box. */
const PADDING = 2;

/**
 * Words into lines the way MapLibre's `text-max-width` does it (in ems): one line when it fits,
 * else the break points that make the lines closest to equal length.
 */
export function wrapLabel(text: string, maxWidthEm: number, emPerChar: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const width = (ws: string[]) => ws.join(' ').length * emPerChar;
  if (words.length < 2 || width(words) <= maxWidthEm) return [words.join(' ')];
  const n = Math.ceil(width(words) / maxWidthEm);
  const target = width(words) / n;
  let best: string[][] = [words];
  let bestCost = Infinity;
  // Labels are a few words long: every set of break points is cheap to try.
  for (let mask = 1; mask < 2 ** (words.length - 1); mask++) {
    const lines: string[][] = [[words[0]]];
    for (let i = 1; i < words.length; i++)
      if (mask & (1 << (i - 1))) lines.push([words[i]]);
      else lines[lines.length - 1].push(words[i]);
    const cost = lines.reduce((c, l) => c + (width(l) - target) ** 2, 0);
    if (cost < bestCost) [best, bestCost] = [lines, cost];
  }
  return best.map((l) => l.join(' '));
}

interface LabelStyle {
  size: (p: LabelProps) => number;
  /** Letter spacing in ems (`text-letter-spacing`). */
  spacing: number;
  /** `text-max-width` in ems. */
  maxWidth: number;
  uppercase: boolean;
}

interface Placed {
  x: number;
  y: number;
  size: number;
  spacing: number;
  lines: string[];
}

/** A label's screen box: [x0, y0, x1, y1]. */
export type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function upper(s: string, lang: string) {
  try {
    return s.toLocaleUpperCase(lang);
  } catch {
    return s.toUpperCase();
  }
}

export function labelName(p: LabelProps, lang: string): string {
  const v = (p as unknown as Record<string, unknown>)[`name_${lang}`];
  return typeof v === 'string' && v.trim() ? v : p.name_en;
}

/**
 * Labels in priority order whose anchor is in the box and whose estimated box (chars × size × 0.6,
 * plus letter spacing; lines × 1.2 em) meets none already placed. `taken` is shared between
 * layers, as MapLibre's collision index is.
 */
function placeLabels(
  fc: FeatureCollection<Point, LabelProps>,
  style: LabelStyle,
  x: BasemapInput,
  projection: GeoProjection,
  taken: Box[],
): Placed[] {
  const placed: Placed[] = [];
  const sorted = [...fc.features].sort(
    (a, b) => (a.properties?.rank ?? Infinity) - (b.properties?.rank ?? Infinity),
  );
  for (const f of sorted) {
    if (!f.properties || f.geometry?.type !== 'Point') continue;
    const name = labelName(f.properties, x.lang);
    if (!name) continue;
    const p = projection(f.geometry.coordinates as [number, number]);
    if (!p || !insideBox(p, x.width, x.height)) continue;
    const text = style.uppercase ? upper(name, x.lang) : name;
    const emPerChar = CHAR_EM + style.spacing;
    const lines = wrapLabel(text, style.maxWidth, emPerChar);
    const size = style.size(f.properties);
    const w = Math.max(...lines.map((l) => l.length)) * size * emPerChar;
    const h = lines.length * size * LINE_HEIGHT;
    const box: Box = [
      p[0] - w / 2 - PADDING,
      p[1] - h / 2 - PADDING,
      p[0] + w / 2 + PADDING,
      p[1] + h / 2 + PADDING,
    ];
    if (taken.some((b) => overlaps(b, box))) continue;
    taken.push(box);
    placed.push({ x: p[0], y: p[1], size, spacing: style.spacing, lines });
  }
  return placed;
}

/** Lines centred on the anchor; 0.35 em puts the middle of capitals on the baseline's y. */
function textElement(l: Placed): string {
  const y0 = l.y - ((l.lines.length - 1) / 2) * LINE_HEIGHT * l.size + 0.35 * l.size;
  const common = { 'font-size': r2(l.size), 'letter-spacing': r2(l.spacing * l.size) };
  if (l.lines.length === 1) return el('text', { x: r2(l.x), y: r2(y0), ...common }, svgEscape(l.lines[0]));
  return el(
    'text',
    common,
    l.lines
      .map((line, i) => el('tspan', { x: r2(l.x), y: r2(y0 + i * LINE_HEIGHT * l.size) }, svgEscape(line)))
      .join(''),
  );
}

/**
 * Place names above the overlays: sea names (italic) and country names (capitals), with halos.
 * `taken` is the collision index: the boxes placed here are added to it, so overlay labels placed
 * afterwards (SvgContext.place) give way to place names, as on the live map.
 */
export function labelsGroup(x: BasemapInput, taken: Box[] = []): string {
  const { projection } = makeProjection(x.view, x.width, x.height);
  const th = x.theme;
  // MapLibre places the topmost layer first: country names win over sea names.
  const countries = placeLabels(
    x.countryLabels,
    { size: () => countryLabelSize(x.view.zoom, th.scale), spacing: 0.05, maxWidth: 8, uppercase: true },
    x,
    projection,
    taken,
  );
  const seas = placeLabels(
    x.seaLabels,
    { size: (p) => seaLabelSize(p.kind, th.scale), spacing: 0.1, maxWidth: 7, uppercase: false },
    x,
    projection,
    taken,
  );
  // A halo of width h is a stroke of 2h drawn under the fill (paint-order).
  const halo = (color: string, width: number) => ({
    stroke: color,
    'stroke-width': width * 2,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  });
  return el(
    'g',
    { id: 'labels', 'font-family': FONT, 'text-anchor': 'middle' },
    el(
      'g',
      { id: 'sea-labels', 'font-style': 'italic', fill: th.seaLabel, ...halo(th.water, 1) },
      seas.map(textElement).join(''),
    ) +
      el(
        'g',
        { id: 'country-labels', fill: th.label, ...halo(th.labelHalo, 1.5) },
        countries.map(textElement).join(''),
      ),
  );
}

/**
 * `<g id="basemap">` then `<g id="labels">`. To draw overlays between the two (as the live map
 * does, labels on top), call `basemapGroup` and `labelsGroup` separately.
 */
export const basemapSvg = (x: BasemapInput): string => basemapGroup(x) + labelsGroup(x);

// ---------------------------------------------------------------------------------------------
// Route arrows

export interface Arrow {
  x: number;
  y: number;
  /** Direction of travel in degrees, clockwise from +x on screen (y down): SVG's rotate(). */
  angle: number;
}

/**
 * Arrow positions along a screen polyline: floor(length / spacing) arrows `spacing` apart,
 * centred on the line (so no arrow sits on an end); one in the middle of a line shorter than
 * `spacing` but at least 3 × `size` long; none on shorter lines.
 */
export function arrowsAlong(points: [number, number][], spacing = 90, size = 7): Arrow[] {
  const segs: { x: number; y: number; dx: number; dy: number; len: number; at: number }[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const dx = points[i][0] - x0;
    const dy = points[i][1] - y0;
    const len = Math.hypot(dx, dy);
    if (!(len > 0)) continue;
    segs.push({ x: x0, y: y0, dx, dy, len, at: total });
    total += len;
  }
  if (!(spacing > 0) || total < 3 * size) return [];
  const n = Math.max(1, Math.floor(total / spacing));
  const first = (total - (n - 1) * spacing) / 2;
  const out: Arrow[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = first + i * spacing;
    while (k < segs.length - 1 && segs[k].at + segs[k].len < d) k++;
    const s = segs[k];
    const t = (d - s.at) / s.len;
    out.push({
      x: s.x + s.dx * t,
      y: s.y + s.dy * t,
      angle: (Math.atan2(s.dy, s.dx) * 180) / Math.PI,
    });
  }
  return out;
}

/**
 * A filled triangle of length `size` centred on (x, y), its tip pointing along `angle` (degrees,
 * as from `arrowsAlong`): path data for <path d=…>.
 */
export function arrowPath(x: number, y: number, angle: number, size = 7): string {
  const a = (angle * Math.PI) / 180;
  const [c, s] = [Math.cos(a), Math.sin(a)];
  // Local frame: u along the direction, v across it.
  const at = (u: number, v: number) => `${r2(x + u * c - v * s)},${r2(y + u * s + v * c)}`;
  const half = size / 2;
  return `M${at(half, 0)}L${at(-half, half * 0.8)}L${at(-half, -half * 0.8)}Z`;
}
