/** Shape the validated catalog into the files the app fetches from public/data/. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { capitals, type Catalog } from '../../src/lib/data/crosscheck';
import type { Incident } from './iom';
import { buildRoutes } from './routes-geo';
import { INCIDENT_COLUMNS, type CountryInfo } from '../../src/lib/data/types';

countries.registerLocale(en);

const strip = <T extends object>(r: T) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));

/**
 * Each country's English name (i18n-iso-countries) and capital. Its name in other languages is in
 * the per-locale name map (src/lib/i18n/names/<lang>.json), keyed by this English name.
 */
export function countryNames(
  codes: Iterable<string>,
  caps: Map<string, { id: string }>,
): Record<string, CountryInfo> {
  const out: Record<string, CountryInfo> = {};
  for (const c of codes)
    out[c] = {
      name: c === 'EU' ? 'European Union' : (countries.getName(c, 'en') ?? c),
      capital: caps.get(c)?.id ?? null,
    };
  return out;
}

export function buildOutputs(cat: Catalog, incidents: Incident[]): Record<string, unknown> {
  const caps = capitals(cat.places);
  const codes = new Set<string>([
    ...caps.keys(),
    ...cat.places.map((p) => p.country).filter((c): c is string => !!c),
  ]);
  return {
    'catalog.json': {
      version: 1,
      sources: cat.sources.map(strip),
      places: cat.places.map(strip),
      countries: countryNames([...codes].sort(), caps),
      families: cat.families,
      segments: cat.segments,
      programmes: cat.programmes.map(strip),
      agreements: cat.agreements,
    },
    'counts.json': { version: 1, counts: cat.counts.map(strip) },
    'incidents.json': {
      version: 1,
      source: 'iom-mmp',
      columns: INCIDENT_COLUMNS,
      rows: incidents.map((i) => INCIDENT_COLUMNS.map((c) => i[c])),
    },
    'routes.geojson': buildRoutes(cat.families, cat.segments, cat.places),
  };
}
