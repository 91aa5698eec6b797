/** Shapes of the generated files in public/data/, as the app reads them. */
import type { Count, Place, Programme, Source } from './schema';
import type { Agreement, AgreementEvent, RouteFamily, RouteSegment } from './json-schema';
import type { FeatureCollection, LineString } from 'geojson';

type Plain<T> = Omit<T, '_row'>;
export interface CountryInfo {
  /** In English; other languages: src/lib/i18n/names/<lang>.json, keyed by this name. */
  name: string;
  capital: string | null;
}
/**
 * A source as the first load has it: who published it, when, under which licence, and where, for a
 * data provider (./providers.ts). Its title and note, and the other sources' addresses, are in
 * details.json, merged in when it arrives (./details.ts): until then `url` is absent, not null.
 */
export type CatalogSource = Omit<Plain<Source>, 'title' | 'note' | 'url'> & { url?: string | null };
/** An agreement as the first load has it: the summary and the events' notes come with details.json. */
export type CatalogAgreement = Omit<Agreement, 'summary_en' | 'events'> & {
  summary_en?: string;
  events: (Omit<AgreementEvent, 'note_en'> & { note_en?: string | null })[];
};
export type CatalogEvent = CatalogAgreement['events'][number];
/** A route family or segment as the first load has it: the description comes with details.json. */
export type CatalogFamily = Omit<RouteFamily, 'description_en'> & { description_en?: string };
export type CatalogSegment = Omit<RouteSegment, 'description_en'> & { description_en?: string };
export interface CatalogFile {
  version: 1;
  sources: CatalogSource[];
  places: Plain<Place>[];
  countries: Record<string, CountryInfo>;
  families: CatalogFamily[];
  segments: CatalogSegment[];
  programmes: Plain<Programme>[];
  agreements: CatalogAgreement[];
}
export type CountRow = Plain<Count>;
/** counts.json is written column by column: see ./countsFile.ts (CountsColumns, decodeCounts). */
/** Columns of incidents.json (written by scripts/data/outputs.ts, read by map/gpu/incidents.ts). */
export const INCIDENT_COLUMNS = [
  'id',
  'date',
  'lat',
  'lon',
  'dead',
  'missing',
  'deadMissing',
  'survivors',
  'cause',
  'route',
  'country',
  'location',
  'quality',
  'source',
  'link',
] as const;
export interface IncidentsFile {
  version: 1;
  source: string;
  columns: string[];
  rows: unknown[][];
}
export interface Manifest {
  version: 1;
  rows: Record<string, number>;
  files: Record<string, { bytes: number; sha256: string }>;
}
export interface AppData {
  manifest: Manifest;
  catalog: CatalogFile;
  counts: CountRow[];
  routes: FeatureCollection<LineString>;
}
