/**
 * The coarse basemap as static vector tiles (`basemap-tiles/{z}/{x}/{y}.pbf` under public/data),
 * written by scripts/basemap/tiles.ts and read by the map's own worker: the first view loads only the
 * tiles it shows, already cut and simplified for its zoom, so nothing parses or re-tiles the whole
 * basemap on load. Shared by the build script and the style (no MapLibre import here).
 */
/** The fine (1:10m) basemap's folder under data/: one file a 5° cell and index.json (map/basemap.ts). */
export const FINE_DIR = 'basemap-fine';

export const BASEMAP_TILES = {
  /** Folder under public/data/. */
  dir: 'basemap-tiles',
  /** The one layer of every tile. */
  layer: 'basemap',
  minzoom: 0,
  /** Deepest tiles written; the map overzooms them beyond (they carry the full 1:50m detail). */
  maxzoom: 6,
  /** [west, south, east, north]: the map's maxBounds plus a degree (see scripts/basemap/coarse.ts). */
  bounds: [-46, -26, 76, 73] as [number, number, number, number],
  /** Tile coordinate units: 4096 for a 512 px tile is an eighth of a pixel. */
  extent: 4096,
  /** Pixels of geometry beyond each tile edge: enough for line joins and antialiasing, not labels. */
  bufferPx: 8,
  /** Simplification per zoom in pixels, as the GeoJSON source used (`tolerance: 0.3`). */
  tolerancePx: 0.3,
} as const;

/** Web Mercator tile column/row of a longitude/latitude at zoom z. */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** Every tile [z, x, y] at zoom z that meets the bounds [west, south, east, north]. */
export function tilesIn(
  bounds: readonly [number, number, number, number],
  z: number,
): [number, number, number][] {
  const [w, s, e, n] = bounds;
  const [x0, y0] = tileOf(w, n, z);
  const [x1, y1] = tileOf(e, s, z);
  const out: [number, number, number][] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([z, x, y]);
  return out;
}

export const tilePath = (z: number, x: number, y: number) => `${BASEMAP_TILES.dir}/${z}/${x}/${y}.pbf`;
