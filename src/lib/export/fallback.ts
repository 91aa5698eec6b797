/**
 * The no-JavaScript fallback picture: the default view (the app's first screen: default window,
 * layers and metric, the map fitted to INITIAL_BOUNDS) drawn as an article-column page by the SVG
 * exporter, from the overlay model, with the generated headline, the summary, the legend and the
 * source line. Pure: `scripts/build-fallback.ts` runs it after `vite build` and rasterises it to
 * the PNG that the embed snippet's <noscript> shows (AMP, RSS readers, Apple News, no scripts).
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { AppData } from '../data/types';
import type { OverlayInput } from '../overlays/types';
import { creditsOf, entriesFor, legendOf, summaryOf, svgGroupsOf } from '../overlays/describe';
import { DEFAULT_LAYERS } from '../overlays/registry';
import { buildSeriesOnce } from '../overlays/series';
import { periodText } from '../overlays/format';
import { THEMES } from '../map/theme';
import { fitView } from '../map/svgView';
import { INITIAL_BOUNDS } from '../data/region';
import { DEFAULT_WINDOW } from '../state/app.svelte';
import { headlineFigure } from '../state/derived.svelte';
import { i18n, tDynamic as t, type Lang } from '../i18n/i18n.svelte';
import { creditLines, DATA_PROVIDERS } from '../ui/credits';
import { summaryText } from '../ui/summary';
import { buildFrame } from './frame';
import { publishedText } from './headline';
import { mapBox, presetPage, type Measure } from './layout';
import { fittedView } from './mapAt';
import { PRESETS } from './presets';
import { sourceLine } from './sourceLine';
import { buildSvg } from './svg';
import type { BasemapProps, LabelProps } from './svgMap';

export interface FallbackInput {
  data: AppData;
  basemap: FeatureCollection<Geometry, BasemapProps>;
  countryLabels: FeatureCollection<Point, LabelProps>;
  seaLabels: FeatureCollection<Point, LabelProps>;
  lang: Lang;
  /** The app's address, for the "made with" line. */
  url: string;
}

export interface Fallback {
  svg: string;
  width: number;
  height: number;
  /** The headline and the source line: the image's alt text. */
  alt: string;
}

export { fallbackFile } from './embed';

/**
 * Text widths for a renderer without a canvas (the rasteriser's sans-serif, DejaVu Sans, is wide):
 * on the safe side of `estimate`, so a wrapped line never runs off the page.
 */
const wide: Measure = (s, size, bold) => s.length * size * (bold ? 0.68 : 0.6);

export function fallbackSvg(x: FallbackInput): Fallback {
  i18n.lang = x.lang;
  const theme = THEMES.light;
  const window = DEFAULT_WINDOW;
  const metric = 'sea_arrivals' as const;
  const input: OverlayInput = {
    data: x.data,
    window,
    theme,
    lang: x.lang,
    t,
    metric,
    selection: null,
    hover: null,
    layers: DEFAULT_LAYERS,
    incidents: null,
    user: null,
    focus: null,
    dataBase: './data/',
  };
  const entries = entriesFor(input);
  const summary = summaryText({
    period: periodText(window, x.lang),
    metric,
    headline: headlineFigure(buildSeriesOnce(x.data), metric, window),
    phrases: summaryOf(entries, input),
    lang: x.lang,
    t,
  });
  const text = publishedText(
    { title: '', desc: '', note: '', byline: '' },
    { metric, window, lang: x.lang, summary },
  );
  const sources = sourceLine(creditsOf(entries, input), x.data.catalog.sources, t);
  const frame = buildFrame({
    lang: x.lang,
    theme,
    window,
    legend: legendOf(entries, input),
    credits: creditLines(
      x.data.catalog.sources.filter((s) => DATA_PROVIDERS.includes(s.id)),
      x.lang,
    ),
    url: x.url,
    text,
    sources,
  });
  const preset = PRESETS.article;
  const page = presetPage(frame, preset, wide);
  const box = mapBox(page);
  // As the app's first screen (fitted to INITIAL_BOUNDS), kept on the basemap like an export.
  const view = fittedView(fitView(INITIAL_BOUNDS, box.width, box.height), box, box);
  const svg = buildSvg({
    page,
    theme,
    lang: x.lang,
    view,
    basemap: x.basemap,
    countryLabels: x.countryLabels,
    seaLabels: x.seaLabels,
    overlays: (ctx) => svgGroupsOf(entries, input, ctx),
    title: frame.title,
    description: [frame.subtitle, frame.sources].join(' — '),
    licences: frame.licences,
  });
  return { svg, width: preset.width, height: preset.height, alt: `${frame.title}. ${sources}` };
}
