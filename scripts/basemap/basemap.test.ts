/** The offline basemap as built: region, labels, the islands where people land, and the first-load budget. */
import { gzipSync } from 'node:zlib';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_BOUNDS, REGION_BBOX } from '../../src/lib/data/region';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { buildBasemap, COARSE_FILES, COARSE_GZIP_BUDGET, fileBytes } from '../basemap';
import { BASEMAP_TILES, tileOf, tilePath, tilesIn } from '../../src/lib/map/basemapTiles';
import { cellsInView } from '../../src/lib/map/basemap';

let files: Record<string, unknown>;
beforeAll(async () => {
  files = await buildBasemap();
}, 120_000);

const inBox = ([lon, lat]: [number, number], [w, s, e, n]: readonly number[]) =>
  lon >= w && lon <= e && lat >= s && lat <= n;
type Land = Feature<Polygon | MultiPolygon>;

describe('region', () => {
  it.each([
    ['Kigali', -1.95, 30.0588],
    ['Agadez', 16.9733, 7.9911],
    ['Khartoum', 15.5518, 32.5324],
    ['The Hague', 52.0767, 4.2986],
    ['London', 51.5085, -0.1257],
    ['Dakar (Atlantic coast of Africa)', 14.6937, -17.4441],
    ['Ankara', 39.9199, 32.8543],
    ['Djibouti (Horn of Africa)', 11.589, 43.145],
  ])('%s is inside the region', (_, lat, lon) => expect(inBox([lon, lat], REGION_BBOX)).toBe(true));
});

describe('labels', () => {
  it('has one label per country, inside that country', () => {
    const labels = files['country-labels.json'] as FeatureCollection<
      Point,
      { iso3: string; name_en: string; name_it: string }
    >;
    const isos = labels.features.map((f) => f.properties.iso3);
    expect(new Set(isos).size).toBe(isos.length);
    for (const iso of ['ITA', 'LBY', 'TUN', 'NER', 'SDN', 'GBR', 'NLD', 'RWA', 'MLT', 'TUR', 'BIH'])
      expect(isos, iso).toContain(iso);
    const coarse = files['basemap-coarse.json'] as FeatureCollection;
    const byIso = new Map(
      coarse.features
        .filter((f) => f.properties?.k === 'country')
        .map((f) => [f.properties!.iso3, f as Land]),
    );
    // Italy's label is on the mainland, not on Sicily or Sardinia; Greece's not on Crete.
    for (const f of labels.features) {
      const country = byIso.get(f.properties.iso3);
      if (!country || f.properties.iso3 === 'MLT') continue; // Malta is too small for 1:50m: checked below at 1:10m
      expect(booleanPointInPolygon(f.geometry.coordinates, country), f.properties.name_en).toBe(true);
    }
    const ita = labels.features.find((f) => f.properties.iso3 === 'ITA')!.geometry.coordinates;
    expect(ita[1]).toBeGreaterThan(38.5);
    expect(labels.features.every((f) => f.properties.name_en && f.properties.name_it)).toBe(true);
  });

  it('names the seas the brief asks for, in English and Italian, all in open water', () => {
    const seas = files['sea-labels.json'] as FeatureCollection<Point, { name_en: string; name_it: string }>;
    const names = seas.features.map((f) => f.properties.name_en);
    for (const n of ['Mediterranean Sea', 'Adriatic Sea', 'Strait of Sicily', 'Aegean Sea', 'Atlantic Ocean'])
      expect(names).toContain(n);
    const land = (files['basemap-coarse.json'] as FeatureCollection).features.filter(
      (f) => f.properties?.k === 'country',
    ) as Land[];
    for (const f of seas.features)
      expect(
        land.some((c) => booleanPointInPolygon(f.geometry.coordinates, c)),
        f.properties.name_en,
      ).toBe(false);
  });
});

describe('fine geometry where people land', () => {
  const index = () =>
    files['basemap-fine/index.json'] as {
      cellDeg: number;
      minzoom: number;
      cells: Record<string, [number, number, number, number]>;
    };
  it.each([
    ['Lampedusa', 12.6096, 35.5014],
    ['Malta (Valletta)', 14.5148, 35.8997],
    ['Gozo', 14.25, 36.045],
    ['Lesbos (Mytilene)', 26.5553, 39.1077],
    ['Gran Canaria (Las Palmas)', -15.4134, 28.0997],
    ['El Hierro', -17.99, 27.74],
  ])('%s is land in a 1:10m cell loaded for its view', (_, lon, lat) => {
    const keys = cellsInView(index(), [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01]);
    expect(keys.length).toBeGreaterThan(0);
    const hit = keys.some((k) =>
      (files[`basemap-fine/${k}.json`] as FeatureCollection).features.some(
        (f) => f.properties?.k === 'land' && booleanPointInPolygon(point([lon, lat]), f as Land),
      ),
    );
    expect(hit).toBe(true);
  });

  it('loads only a few cells for a zoomed-in view', () => {
    // A view around the Strait of Sicily at zoom ~7 spans about 5°×3°.
    expect(cellsInView(index(), [10, 34.5, 15, 37.5]).length).toBeLessThanOrEqual(4);
  });
});

/**
 * The tiles a first view needs: the map loads one zoom of tiles, 2 at 1280×720 and 3 on a larger
 * screen; here every tile at that zoom meeting the fitted bounds padded by 10° and 5° (more than any
 * window shows).
 */
const firstViewTiles = (z: number) => {
  const [[w, s], [e, n]] = INITIAL_BOUNDS;
  return tilesIn([w - 10, s - 5, e + 10, n + 5], z).map(([, x, y]) => tilePath(z, x, y));
};

describe('vector tiles', () => {
  const decode = (name: string) =>
    new VectorTile(new PbfReader(files[name] as Uint8Array)).layers[BASEMAP_TILES.layer];
  it('writes every tile inside the bounds at every zoom, open sea as an empty tile', () => {
    for (let z = BASEMAP_TILES.minzoom; z <= BASEMAP_TILES.maxzoom; z++)
      for (const [, x, y] of tilesIn(BASEMAP_TILES.bounds, z))
        expect(files[tilePath(z, x, y)], tilePath(z, x, y)).toBeInstanceOf(Uint8Array);
  });
  it('carries countries (iso3, out), coast and borders, as the GeoJSON did', () => {
    const [x, y] = tileOf(12.5, 42, 3); // Italy
    const layer = decode(tilePath(3, x, y));
    expect(layer.extent).toBe(BASEMAP_TILES.extent);
    const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(props).toContainEqual({ k: 'country', iso3: 'ITA', out: 0 });
    expect(props.some((p) => p.k === 'coast')).toBe(true);
    expect(props.some((p) => p.k === 'border')).toBe(true);
  });
  it('keeps the full detail at the deepest zoom (no simplification there)', () => {
    // Lampedusa is in the 1:50m coarse layer only as a few vertices; the z6 tile must still hold Malta.
    const [x, y] = tileOf(14.4, 35.9, BASEMAP_TILES.maxzoom);
    const layer = decode(tilePath(BASEMAP_TILES.maxzoom, x, y));
    const isos = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.iso3);
    expect(isos).toContain('MLT');
  });
});

describe('first load', () => {
  it.each([2, 3])(
    `keeps the first view's tiles (zoom %i) and the label files under ${COARSE_GZIP_BUDGET / 1024} kB gzip`,
    (z) => {
      const names = [...firstViewTiles(z), ...COARSE_FILES];
      const total = names.reduce((s, n) => s + gzipSync(fileBytes(files[n])).length, 0);
      expect(total).toBeLessThan(COARSE_GZIP_BUDGET);
    },
  );
});
