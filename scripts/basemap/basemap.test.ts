/** The offline basemap as built: region, labels, the islands where people land, and the first-load budget. */
import { gzipSync } from 'node:zlib';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGION_BBOX } from '../../src/lib/data/region';
import { buildBasemap, COARSE_FILES, COARSE_GZIP_BUDGET } from '../basemap';
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

describe('first load', () => {
  it(`keeps the coarse files under ${COARSE_GZIP_BUDGET / 1024} kB gzip`, () => {
    const total = COARSE_FILES.reduce((s, n) => s + gzipSync(JSON.stringify(files[n])).length, 0);
    expect(total).toBeLessThan(COARSE_GZIP_BUDGET);
  });
});
