/**
 * Place names in the SVG export, placed as MapLibre places them: in priority order, each label's
 * box (estimated from its characters) kept clear of those already placed (one collision index for
 * place names and the overlays' labels, as on the live map).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoProjection } from 'd3-geo';
import { el } from './svgMarkup';
import { CHAR_EM, LINE_HEIGHT, textElement, type Box, type Placed } from './svgText';
export * from './svgText';
import { insideBox, makeProjection } from './svgProjection';
import type { BasemapInput, LabelProps } from './svgMap';

const FONT = "'Noto Sans', system-ui, sans-serif";

/** Text size of the live style at a zoom: ['interpolate', ['linear'], ['zoom'], 2, 10, 5, 14] × scale. */
export function countryLabelSize(zoom: number, scale = 1): number {
  const t = Math.min(1, Math.max(0, (zoom - 2) / 3));
  return (10 + 4 * t) * scale;
}

/** ['match', ['get', 'kind'], 'ocean', 15, 'strait', 11, 13] × scale. */
export const seaLabelSize = (kind: string | undefined, scale = 1) =>
  (kind === 'ocean' ? 15 : kind === 'strait' ? 11 : 13) * scale;

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
      seas.map((l) => textElement(l)).join(''),
    ) +
      el(
        'g',
        { id: 'country-labels', fill: th.label, ...halo(th.labelHalo, 1.5) },
        countries.map((l) => textElement(l)).join(''),
      ),
  );
}
