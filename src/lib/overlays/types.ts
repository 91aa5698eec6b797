/**
 * The overlay contract. An overlay is one plain module that declares, as pure functions of the data,
 * the time window and the theme/language, everything that is drawn or said about it: its MapLibre
 * sources and layers, what it shows for a window (computed once, in `view`), the map updates for that
 * view, its legend, table, summary phrase, hit-testing, SVG drawing and data export. The host
 * (OverlayHost.svelte), the legend, the summary line, the table, the PNG/SVG exports and the CSV/
 * GeoJSON export all read these functions, so they cannot disagree. See docs/architecture.md.
 */
import type {
  CustomLayerInterface,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AppData } from '../data/types';
import type { Metric } from '../data/schema';
import type { MonthIndex } from '../data/time';
import type { Theme } from '../map/theme';
import type { Incident } from '../map/gpu/incidents';
import type { SortedPoints } from '../map/gpu/points';
import type { UserLayer } from '../state/userData.svelte';
import type { Table } from '../ui/table/rows';
import type { Layers, OverlayId } from './registry';
import type { Lang } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/keys';
import type { Selection } from '../state/selection';
import type { Focus } from '../data/stories';

export type { Lang, Selection };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The IOM incidents once loaded: records, their time-sorted arrays and prefix sums. */
export interface IncidentData {
  list: Incident[];
  sorted: SortedPoints;
  /** Prefix sums of dead and missing in sorted order (length n + 1). */
  dmPrefix: Float64Array;
}

/** Everything an overlay may read. In the app its fields are reactive getters over the state. */
export interface OverlayInput {
  readonly data: AppData;
  readonly window: readonly [MonthIndex, MonthIndex];
  readonly theme: Theme;
  readonly lang: Lang;
  readonly t: Translate;
  readonly metric: Metric;
  readonly selection: Selection;
  /** What the pointer is over or the keyboard has focused (highlighted; read only in mapData). */
  readonly hover: Selection;
  /** A story chapter's subject (present mode): highlighted, the rest of its kind dimmed. */
  readonly focus: Focus | null;
  readonly layers: Layers;
  readonly incidents: IncidentData | null;
  /** The IOM incidents could not be loaded (the legend says so instead of "loading…"). */
  readonly incidentsFailed?: boolean;
  /** The reader's own data, once they chose to draw it (null: none). */
  readonly user: UserLayer | null;
  /** Where the generated data is served from (`./data/` or the offline protocol). */
  readonly dataBase: string;
}

/** A legend swatch, drawn the same way on screen, in the PNG and in the SVG. */
export type Swatch =
  | { kind: 'line'; color: string; width?: number; dash?: boolean; opacity?: number }
  | { kind: 'circle'; color: string; r: number }
  | { kind: 'fill'; color: string; opacity: number; stroke?: string }
  | { kind: 'point'; color: string; stroke: string; r: number }
  /** The agreement marker: a diamond, hollow for "ended". */
  | { kind: 'diamond'; color: string; stroke: string; hollow?: boolean };

export interface LegendItem {
  label: string;
  /**
   * Which map mark this entry explains: the `crossings:legend` metadata of the layers that draw it
   * (a test checks every layer with rendered features has its entry in the legend).
   */
  key?: string;
  swatch?: Swatch;
  /** How many of these the map shows for the window (shown as "label (n)"). */
  count?: number;
  /** Pressing the item selects this (on screen only). */
  select?: Selection;
  testid?: string;
}
export interface LegendNote {
  text: string;
  strong?: boolean;
  testid?: string;
}
export interface LegendGroup {
  overlay: OverlayId;
  title: string;
  items: LegendItem[];
  /** Items drawn as one row of nested/side-by-side reference circles. */
  circles?: boolean;
  notes?: LegendNote[];
  /** A sub-list (e.g. undated agreements) with its heading. */
  list?: { title: string; items: LegendItem[]; testid: string };
  link?: { href: string; text: string; testid?: string };
  testid?: string;
}

/** GeoJSON for a source, with a cheap fingerprint so the host calls setData only on change. */
export interface SourceData {
  fc: FeatureCollection;
  key: string;
}
/** What the host applies to the map for a view: source data, feature-state, filters. */
export interface MapData {
  data?: Record<string, SourceData>;
  /** Feature-state per source: every feature's full state (the host sets only what changed). */
  state?: Record<string, Map<string | number, Record<string, number | boolean>>>;
  filters?: Record<string, FilterSpecification>;
}

/** Projection and helpers for drawing an overlay into the SVG export (screen pixels of the map box). */
export interface SvgContext {
  width: number;
  height: number;
  project(lonLat: [number, number]): [number, number] | null;
  /** An SVG path `d` for a geometry, clipped to the box ('' when outside). */
  path(g: Geometry | Feature): string;
  /** The path of a basemap country (ISO 3166 alpha-3), '' when not in view. */
  countryPath(iso3: string): string;
  /**
   * Reserve a label's box [x0, y0, x1, y1] in the shared collision index (place names are already
   * in it): false, and nothing reserved, when it would overlap a label already placed.
   */
  place(box: [number, number, number, number]): boolean;
  /** Screen points of a line (for arrows along it). */
  line(coords: [number, number][]): [number, number][];
}

/** What a tooltip says about a feature: its name, then value · period · metric, then the source. */
export interface TooltipContent {
  title: string;
  lines: string[];
  source?: string;
}

/** One row of the CSV/GeoJSON export: the same columns for every overlay (empty when not relevant). */
export interface ExportRow {
  layer: OverlayId;
  id: string;
  name: string;
  lon: number | null;
  lat: number | null;
  metric: string;
  value: number | null;
  qualifier: string;
  complete: boolean | null;
  status: string;
  window_from: string;
  window_to: string;
  sources: string;
}
export interface ExportItem {
  row: Omit<ExportRow, 'layer' | 'window_from' | 'window_to'>;
  geometry: Geometry | null;
}

/** A custom (GPU) layer an overlay owns; the host adds it in z-order and again after a context loss. */
export interface CustomSpec<L extends CustomLayerInterface, V> {
  id: string;
  create(input: OverlayInput): L;
  /** Push the view into the layer; true when the map must redraw now. */
  update(layer: L, view: V, input: OverlayInput): boolean;
  /**
   * What is under a screen point, or null: the selection a click means (null for points that cannot
   * be selected, such as a reader's own rows) and the properties the tooltip reads.
   */
  pick?(
    layer: L,
    x: number,
    y: number,
    view: V,
    input: OverlayInput,
  ): { sel: Selection; props: Record<string, unknown> } | null;
}

export interface Overlay<P = unknown, V = unknown, L extends CustomLayerInterface = CustomLayerInterface> {
  id: OverlayId;
  /** Built once per data load (series, arcs…); may read only `input.data` and `input.metric`. */
  prepare(input: OverlayInput): P;
  /** What the overlay shows for the window: the features, their counts and statuses. */
  view(prepared: P, input: OverlayInput): V;
  /** Sources to add once (static data by URL, or empty collections filled by `mapData`). */
  sources(input: OverlayInput): Record<string, SourceSpecification>;
  /** MapLibre layers, bottom to top. A theme or language change diffs these against the map. */
  layers(theme: Theme, lang: Lang): LayerSpecification[];
  /** Images the layers use (added once). */
  images?(): Record<string, { width: number; height: number; data: Uint8Array; sdf?: boolean }>;
  custom?: CustomSpec<L, V>;
  mapData(view: V, input: OverlayInput): MapData;
  /** Layers that answer hover and click, and the selection a clicked feature means. */
  interactive?: {
    layers: string[];
    select(props: Record<string, unknown>): Selection;
    /** Small marks win the pointer over larger ones drawn above them (default 0). */
    priority?: number;
  };
  /** The hover tooltip for a feature under the pointer (its properties: MapLibre's, or a custom pick's). */
  tooltip?(
    hit: { props: Record<string, unknown>; sel: Selection },
    view: V,
    input: OverlayInput,
  ): TooltipContent | null;
  /** Whether the overlay is drawn (its toggle, or for the reader's points whether there are any). */
  visible(input: OverlayInput): boolean;
  legend(view: V, input: OverlayInput): LegendGroup[];
  table(view: V, input: OverlayInput): Table | null;
  /** A phrase for the summary line, or null. */
  summary?(view: V, input: OverlayInput): string | null;
  /**
   * Whose data it draws for this view (the published source line): source ids of the figures and
   * geometry drawn, and how many drawn items are sourced to documents (agreement texts, press).
   */
  credits?(view: V, input: OverlayInput): { data: string[]; documents: number };
  /** The inner markup of this overlay's `<g id="…">` in the SVG export. */
  svg(view: V, input: OverlayInput, ctx: SvgContext): string;
  exportItems(view: V, input: OverlayInput): ExportItem[];
}

/** A heterogenous list of overlays (each keeps its own P and V). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOverlay = Overlay<any, any, any>;
