/** Shape the validated catalog into the files the app fetches from public/data/. */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { capitals, type Catalog } from '../../src/lib/data/crosscheck';
import type { Incident } from './iom';
import { buildRoutes } from './routes-geo';
import { encodeCounts } from '../../src/lib/data/countsFile';
import { splitDetails, type FullCatalog } from '../../src/lib/data/details';
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

type Rec = Record<string, unknown>;

/**
 * The Italian long texts (`*_it`: agreement titles, summaries and event notes, programme purposes,
 * family and segment descriptions) taken out of the catalog into `texts-it.json`, English text →
 * Italian, the shape of the French and Arabic text maps (src/lib/i18n/names.ts): the first load
 * then carries English only (issue #15: 14 KB gzip of Italian in every reader's first load), and
 * Italian arrives with the Italian messages (src/lib/i18n/i18n.svelte.ts). Throws when one English
 * text has two Italian ones (the map could not say which).
 */
export function splitItalian(records: Record<string, Rec[]>): {
  records: Record<string, Rec[]>;
  texts: Record<string, string>;
} {
  const texts: Record<string, string> = {};
  const take = (r: Rec, where: string): Rec => {
    const out: Rec = {};
    for (const [k, v] of Object.entries(r)) {
      if (!k.endsWith('_it')) {
        out[k] = v;
        continue;
      }
      const en = r[`${k.slice(0, -3)}_en`];
      if (typeof v !== 'string' || v === '' || typeof en !== 'string' || en === '') continue;
      if (texts[en] !== undefined && texts[en] !== v)
        throw new Error(`${where}.${k}: "${en}" has two Italian texts ("${texts[en]}", "${v}")`);
      texts[en] = v;
    }
    return out;
  };
  const out: Record<string, Rec[]> = {};
  for (const [name, list] of Object.entries(records))
    out[name] = list.map((r) => {
      const x = take(r, `${name}/${String(r.id)}`);
      if (Array.isArray(x.events))
        x.events = (x.events as Rec[]).map((e, i) => take(e, `${name}/${String(r.id)}/events[${i}]`));
      return x;
    });
  return { records: out, texts };
}

export function buildOutputs(cat: Catalog, incidents: Incident[]): Record<string, unknown> {
  const caps = capitals(cat.places);
  const codes = new Set<string>([
    ...caps.keys(),
    ...cat.places.map((p) => p.country).filter((c): c is string => !!c),
  ]);
  const it = splitItalian({
    families: cat.families as unknown as Rec[],
    segments: cat.segments as unknown as Rec[],
    programmes: cat.programmes.map(strip),
    agreements: cat.agreements as unknown as Rec[],
  });
  // Detail texts (sources' titles, notes and non-provider addresses, agreements' summaries and
  // event notes, route descriptions) wait in details.json: read when a panel opens, prefetched
  // after the first view (src/lib/data/details.ts).
  const split = splitDetails({
    sources: cat.sources.map((x) => strip(x) as FullCatalog['sources'][number]),
    ...(it.records as unknown as Omit<FullCatalog, 'sources'>),
  });
  return {
    'catalog.json': {
      version: 1,
      sources: split.catalog.sources,
      places: cat.places.map(strip),
      countries: countryNames([...codes].sort(), caps),
      families: split.catalog.families,
      segments: split.catalog.segments,
      programmes: it.records.programmes,
      agreements: split.catalog.agreements,
    },
    'texts-it.json': { version: 1, lang: 'it', texts: it.texts },
    'details.json': split.details,
    // Column by column (src/lib/data/countsFile.ts): a third of the bytes of one object per row.
    'counts.json': encodeCounts(cat.counts.map(strip) as never),
    'incidents.json': {
      version: 1,
      source: 'iom-mmp',
      columns: INCIDENT_COLUMNS,
      rows: incidents.map((i) => INCIDENT_COLUMNS.map((c) => i[c])),
    },
    'routes.geojson': buildRoutes(cat.families, cat.segments, cat.places),
  };
}
