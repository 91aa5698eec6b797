/**
 * Fetch the generated data (relative URLs, so the site works under any sub-path) and check its
 * shape before the app trusts it. Each file is requested with its content hash from the manifest,
 * so a CDN can cache it forever while a new build still shows new data.
 */
import type { AppData, CatalogFile, CountsFile, IncidentsFile, Manifest } from './types';

export const DATA_BASE = './data/';

export class DataLoadError extends Error {}

async function getJson<T>(name: string, hash?: string): Promise<T> {
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

export async function loadManifest(): Promise<Manifest> {
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
    getJson<CountsFile>('counts.json', h('counts.json')),
    getJson<AppData['routes']>('routes.geojson', h('routes.geojson')),
  ]);
  expect(
    catalog.version === 1 && Array.isArray(catalog.sources) && Array.isArray(catalog.agreements),
    'catalog.json',
    'expected version 1 with sources and agreements',
  );
  expect(
    counts.version === 1 && Array.isArray(counts.counts),
    'counts.json',
    'expected version 1 with counts',
  );
  expect(
    routes.type === 'FeatureCollection' && Array.isArray(routes.features),
    'routes.geojson',
    'expected a FeatureCollection',
  );
  return { manifest, catalog, counts: counts.counts, routes };
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
