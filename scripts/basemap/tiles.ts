/**
 * The coarse basemap cut into static vector tiles (Mapbox Vector Tile 2.1, one layer) with the
 * same tiler MapLibre runs on a GeoJSON source (@maplibre/geojson-vt) and its encoder
 * (@maplibre/vt-pbf), so the map draws exactly what the GeoJSON source drew, without first parsing
 * and tiling the whole 600 kB file in its worker. Every tile inside the bounds is written (open sea
 * as an empty tile), so the map never asks for one that is not there.
 */
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BASEMAP_TILES, tilePath, tilesIn } from '../../src/lib/map/basemapTiles';

const TILE_PX = 512;

export function buildTiles(fc: FeatureCollection, t = BASEMAP_TILES): Record<string, Uint8Array> {
  const units = t.extent / TILE_PX;
  const index = new GeoJSONVT(fc as never, {
    maxZoom: t.maxzoom,
    indexMaxZoom: t.maxzoom,
    indexMaxPoints: 0,
    extent: t.extent,
    buffer: t.bufferPx * units,
    tolerance: t.tolerancePx * units,
  });
  const out: Record<string, Uint8Array> = {};
  for (let z = t.minzoom; z <= t.maxzoom; z++)
    for (const [, x, y] of tilesIn(t.bounds, z)) {
      const tile = index.getTile(z, x, y) ?? { features: [] };
      out[tilePath(z, x, y)] = fromGeojsonVt({ [t.layer]: tile as never }, { version: 2, extent: t.extent });
    }
  return out;
}
