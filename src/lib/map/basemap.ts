/**
 * The offline basemap style: Natural Earth geometry written to public/data by scripts/basemap.ts.
 * No tile server, no `glyphs` URL (MapLibre draws labels with local fonts), no network beyond the site.
 *
 * Coarse 1:50m countries are static vector tiles (basemapTiles.ts): the first view fetches only the
 * few it shows; 1:10m cells (Lampedusa, Gozo, the Aegean islands) are fetched only for the part of
 * the region in view once the map is zoomed in.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MLMap,
  StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { Theme } from './theme';
import { addProtocol } from 'maplibre-gl';
import { inlinedData, INLINED_PROTOCOL } from '../data/load';
import { BASEMAP_TILES, FINE_DIR } from './basemapTiles';

export const COUNTRY_SOURCE = 'basemap';
export const COUNTRY_SOURCE_LAYER = BASEMAP_TILES.layer;
export const COUNTRY_ISO_PROPERTY = 'iso3';
/** Overlays are inserted below this layer so that place names stay readable above them. */
export const FIRST_LABEL_LAYER = 'sea-labels';
const FINE_SOURCE = FINE_DIR;
const LABEL_LAYERS = ['sea-labels', 'country-labels'];

const is = (k: string): FilterSpecification => ['==', ['get', 'k'], k];
const tiled = { source: COUNTRY_SOURCE, 'source-layer': COUNTRY_SOURCE_LAYER } as const;

/** Layer definitions with the theme's colours; also used to re-colour on a theme change. */
export function basemapLayers(theme: Theme, fineMinzoom = 5): LayerSpecification[] {
  const s = theme.scale;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.water } },
    {
      id: 'country-fill',
      type: 'fill',
      ...tiled,
      filter: is('country'),
      paint: { 'fill-color': ['case', ['==', ['get', 'out'], 1], theme.landOutside, theme.land] },
    },
    {
      id: 'coast',
      type: 'line',
      ...tiled,
      filter: is('coast'),
      maxzoom: fineMinzoom,
      paint: { 'line-color': theme.coast, 'line-width': 0.8 * s },
    },
    {
      id: 'borders',
      type: 'line',
      ...tiled,
      filter: is('border'),
      paint: { 'line-color': theme.border, 'line-width': 0.8 * s, 'line-dasharray': [3, 1.5] },
    },
    {
      id: 'fine-cell',
      type: 'fill',
      source: FINE_SOURCE,
      minzoom: fineMinzoom,
      filter: is('cell'),
      paint: { 'fill-color': theme.water, 'fill-antialias': false },
    },
    {
      id: 'fine-land',
      type: 'fill',
      source: FINE_SOURCE,
      minzoom: fineMinzoom,
      filter: is('land'),
      paint: { 'fill-color': theme.land },
    },
    {
      id: 'fine-coast',
      type: 'line',
      source: FINE_SOURCE,
      minzoom: fineMinzoom,
      filter: is('coast'),
      paint: { 'line-color': theme.coast, 'line-width': 0.9 * s },
    },
    {
      id: 'fine-borders',
      type: 'line',
      source: FINE_SOURCE,
      minzoom: fineMinzoom,
      filter: is('border'),
      paint: { 'line-color': theme.border, 'line-width': 0.9 * s, 'line-dasharray': [3, 1.5] },
    },
    {
      id: 'sea-labels',
      type: 'symbol',
      source: 'sea-labels',
      layout: {
        'text-field': ['get', 'name_en'],
        'text-size': ['match', ['get', 'kind'], 'ocean', 15 * s, 'strait', 11 * s, 13 * s],
        'text-font': ['Noto Sans Italic', 'sans-serif'],
        'text-letter-spacing': 0.1,
        'text-max-width': 7,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': theme.seaLabel, 'text-halo-color': theme.water, 'text-halo-width': 1 },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'country-labels',
      layout: {
        'text-field': ['get', 'name_en'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10 * s, 5, 14 * s],
        'text-font': ['Noto Sans Regular', 'sans-serif'],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.05,
        'text-max-width': 8,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * Offline single file: data URLs given to MapLibre elsewhere (`${DATA_BASE}routes.geojson?v=…`) use
 * the `crossings-data://` protocol, answered from the inlined copies (file:// cannot be fetched).
 */
let protocolAdded = false;
function addInlinedProtocol() {
  if (protocolAdded || (globalThis as { __CROSSINGS_DATA__?: unknown }).__CROSSINGS_DATA__ === undefined)
    return;
  protocolAdded = true;
  addProtocol(INLINED_PROTOCOL, async ({ url }) => {
    const name = url.slice(INLINED_PROTOCOL.length + 3).split('?')[0];
    const data = inlinedData(name);
    if (data === undefined) throw new Error(`${name}: not in the offline file`);
    // Vector tiles are inlined as base64 (scripts/build-offline.ts).
    if (name.endsWith('.pbf'))
      return { data: Uint8Array.from(atob(data as string), (c) => c.charCodeAt(0)).buffer };
    return { data: data as object };
  });
}

/** Inlined data (offline single file) as an object, else the URL for MapLibre to fetch. */
const dataOrUrl = (base: string, name: string) =>
  (inlinedData(name) as FeatureCollection | undefined) ?? `${base}${name}`;

/** fetch + JSON, or the inlined copy (offline single file). */
async function fetchJson<T>(base: string, name: string): Promise<T> {
  const inlined = inlinedData(name);
  if (inlined !== undefined) return inlined as T;
  const r = await fetch(base + name);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/**
 * The tile URL template. Absolute, because MapLibre's worker fetches it and would resolve a
 * relative URL against its own script; `version` (the manifest's hash) lets a CDN cache tiles forever.
 */
export function tileUrl(base: string, version?: string): string {
  const abs = /^[a-z][a-z0-9+.-]*:/i.test(base) ? base : new URL(base, document.baseURI).href;
  return `${abs}${BASEMAP_TILES.dir}/{z}/{x}/{y}.pbf${version ? `?v=${version}` : ''}`;
}

export function basemapStyle(theme: Theme, base: string, tilesVersion?: string): StyleSpecification {
  addInlinedProtocol();
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const { minzoom, maxzoom, bounds } = BASEMAP_TILES;
  return {
    version: 8,
    sources: {
      [COUNTRY_SOURCE]: {
        type: 'vector',
        tiles: [tileUrl(base, tilesVersion)],
        minzoom,
        maxzoom,
        bounds: [...bounds],
      },
      [FINE_SOURCE]: { type: 'geojson', data: empty },
      'country-labels': { type: 'geojson', data: dataOrUrl(base, 'country-labels.json') },
      'sea-labels': { type: 'geojson', data: dataOrUrl(base, 'sea-labels.json') },
    },
    layers: basemapLayers(theme),
  };
}

/** Country and sea names in the interface language (English where a name is missing). */
export function setLabelLanguage(map: MLMap, lang: string) {
  const field: ExpressionSpecification = ['coalesce', ['get', `name_${lang}`], ['get', 'name_en']];
  for (const id of LABEL_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', field);
}

interface FineIndex {
  cellDeg: number;
  minzoom: number;
  cells: Record<string, [number, number, number, number]>;
}

/** Cells whose rectangle meets the given bounds. Pure, for tests. */
export function cellsInView(index: FineIndex, bounds: [number, number, number, number]): string[] {
  const [w, s, e, n] = bounds;
  return Object.entries(index.cells)
    .filter(([, b]) => b[0] < e && b[2] > w && b[1] < n && b[3] > s)
    .map(([k]) => k);
}

/**
 * Fetches the fine cells in view whenever the map rests at or beyond the fine zoom. Cells are
 * kept once loaded; the source is updated only when a new cell arrives.
 */
export function attachFineBasemap(map: MLMap, base: string, onError?: (e: unknown) => void) {
  const loaded = new Map<string, Feature[]>();
  const pending = new Set<string>();
  let index: FineIndex | null = null;

  const update = async () => {
    if (!index || map.getZoom() < index.minzoom - 0.5) return;
    const b = map.getBounds();
    const wanted = cellsInView(index, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]).filter(
      (k) => !loaded.has(k) && !pending.has(k),
    );
    if (!wanted.length) return;
    wanted.forEach((k) => pending.add(k));
    const results = await Promise.allSettled(
      wanted.map(async (k) => {
        loaded.set(k, (await fetchJson<FeatureCollection>(base, `${FINE_DIR}/${k}.json`)).features);
      }),
    );
    wanted.forEach((k) => pending.delete(k));
    for (const r of results) if (r.status === 'rejected') onError?.(r.reason);
    const source = map.getSource(FINE_SOURCE) as GeoJSONSource | undefined;
    source?.setData({ type: 'FeatureCollection', features: [...loaded.values()].flat() });
  };

  fetchJson<FineIndex>(base, `${FINE_DIR}/index.json`)
    .then((i) => {
      index = i;
      map.on('moveend', update);
      void update();
    })
    .catch((e) => onError?.(e));
}
