/**
 * Fetch the generated data (relative URLs, so the site works under any sub-path) and check its
 * shape before the app trusts it. Each file is requested with its content hash from the manifest,
 * so a CDN can cache it forever while a new build still shows new data.
 */
import type { AppData, CatalogFile, IncidentsFile, Manifest } from './types';
import { decodeCounts } from './countsFile';

/**
 * The offline single file (`npm run build:offline`) inlines every data file, keyed by its name
 * under public/data/ (e.g. "catalog.json", "basemap-fine/index.json"): read from there when present.
 * MapLibre then loads data URLs through the `crossings-data://` protocol (see map/basemap.ts).
 */
export function inlinedData(name: string): unknown {
  return (globalThis as { __CROSSINGS_DATA__?: Record<string, unknown> }).__CROSSINGS_DATA__?.[name];
}
export const INLINED_PROTOCOL = 'crossings-data';
export const DATA_BASE =
  (globalThis as { __CROSSINGS_DATA__?: unknown }).__CROSSINGS_DATA__ !== undefined
    ? `${INLINED_PROTOCOL}://`
    : './data/';

export class DataLoadError extends Error {}

export async function getJson<T>(name: string, hash?: string): Promise<T> {
  const inlined = inlinedData(name);
  if (inlined !== undefined) return inlined as T;
  const url = DATA_BASE + name + (hash ? `?v=${hash}` : '');
  const res = await fetch(url);
  if (!res.ok) throw new DataLoadError(`${name}: HTTP ${res.status}`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new DataLoadError(`${name}: not valid JSON`);
  }
}

function expect(cond: unknown, file: string, what: string): asserts cond {
  if (!cond) throw new DataLoadError(`${file}: ${what}`);
}

let manifestOnce: Promise<Manifest> | null = null;
/** The manifest, fetched once (the app's data and a language's data texts both need it). */
export function loadManifest(): Promise<Manifest> {
  manifestOnce ??= fetchManifest().catch((e) => {
    manifestOnce = null;
    throw e;
  });
  return manifestOnce;
}

/**
 * A language's long texts from the data (`texts-<lang>.json`, written by `npm run data`: the
 * Italian texts of the catalog, scripts/data/outputs.ts splitItalian), or null when the data has
 * none for it (French and Arabic texts are in their chunks).
 */
export async function loadDataTexts(lang: string): Promise<Record<string, string> | null> {
  const name = `texts-${lang}.json`;
  const m = await loadManifest();
  if (!m.files[name]) return null;
  const f = await getJson<{ version: number; lang: string; texts: Record<string, string> }>(
    name,
    m.files[name].sha256,
  );
  expect(
    f?.version === 1 && f.lang === lang && typeof f.texts === 'object',
    name,
    'expected { version: 1, lang, texts }',
  );
  return f.texts;
}

async function fetchManifest(): Promise<Manifest> {
  const m = await getJson<Manifest>('manifest.json');
  expect(
    m && m.version === 1 && typeof m.files === 'object',
    'manifest.json',
    'expected { version: 1, files }',
  );
  return m;
}

export async function loadAppData(): Promise<AppData> {
  const manifest = await loadManifest();
  const h = (n: string) => manifest.files[n]?.sha256;
  const [catalog, counts, routes] = await Promise.all([
    getJson<CatalogFile>('catalog.json', h('catalog.json')),
    getJson<unknown>('counts.json', h('counts.json')),
    getJson<AppData['routes']>('routes.geojson', h('routes.geojson')),
  ]);
  expect(
    catalog.version === 1 && Array.isArray(catalog.sources) && Array.isArray(catalog.agreements),
    'catalog.json',
    'expected version 1 with sources and agreements',
  );
  let rows;
  try {
    rows = decodeCounts(counts);
  } catch (e) {
    throw new DataLoadError((e as Error).message);
  }
  expect(
    routes.type === 'FeatureCollection' && Array.isArray(routes.features),
    'routes.geojson',
    'expected a FeatureCollection',
  );
  return { manifest, catalog, counts: rows, routes };
}

export async function loadIncidents(manifest: Manifest): Promise<IncidentsFile> {
  const f = await getJson<IncidentsFile>('incidents.json', manifest.files['incidents.json']?.sha256);
  expect(
    f.version === 1 && Array.isArray(f.columns) && Array.isArray(f.rows),
    'incidents.json',
    'expected columns and rows',
  );
  return f;
}
