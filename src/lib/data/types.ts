/** Shapes of the generated files in public/data/, as the app reads them. */
import type { Count, Place, Programme, Source } from './schema';
import type { Agreement, RouteFamily, RouteSegment } from './json-schema';
import type { FeatureCollection, LineString } from 'geojson';

type Plain<T> = Omit<T, '_row'>;
export interface CountryInfo {
  /** In English; other languages: src/lib/i18n/names/<lang>.json, keyed by this name. */
  name: string;
  capital: string | null;
}
/**
 * A source as the first load has it: who published it, where, when, under which licence. Its title
 * and note are in sources.json, loaded after the first view (./sourceDetails.svelte.ts).
 */
export type CatalogSource = Omit<Plain<Source>, 'title' | 'note'>;
/** A source's title and editors' note (sources.json). */
export interface SourceDetail {
  title: string;
  note: string | null;
}
export interface SourcesFile {
  version: 1;
  sources: Record<string, SourceDetail>;
}
export interface CatalogFile {
  version: 1;
  sources: CatalogSource[];
  places: Plain<Place>[];
  countries: Record<string, CountryInfo>;
  families: RouteFamily[];
  segments: RouteSegment[];
  programmes: Plain<Programme>[];
  agreements: Agreement[];
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
