/** Shape the validated catalog into the files the app fetches from public/data/. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import { capitals, type Catalog } from '../../src/lib/data/crosscheck';
import type { Incident } from './iom';
import { buildRoutes } from './routes-geo';
import { INCIDENT_COLUMNS } from '../../src/lib/data/types';

countries.registerLocale(en);
countries.registerLocale(it);

const strip = <T extends object>(r: T) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));

export function countryNames(codes: Iterable<string>, caps: Map<string, { id: string }>) {
  const out: Record<string, { name_en: string; name_it: string; capital: string | null }> = {};
  for (const c of codes) {
    const special = c === 'EU' ? { name_en: 'European Union', name_it: 'Unione europea' } : null;
    out[c] = {
      name_en: special?.name_en ?? countries.getName(c, 'en') ?? c,
      name_it: special?.name_it ?? countries.getName(c, 'it') ?? c,
      capital: caps.get(c)?.id ?? null,
    };
  }
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
