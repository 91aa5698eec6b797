/**
 * The offline basemap, generated from Natural Earth (npm world-atlas) at build time, so the map
 * needs no tile server, no glyph server and no network beyond the site itself.
 *
 *   basemap-tiles/z/x/y.pbf    the same as vector tiles z0–6 (what the live map loads)
 *   basemap-coarse.json        1:50m countries, borders, coastline (SVG export and SVG map)
 *   country-labels.json        one point per country, in its largest polygon
 *   sea-labels.json            hand-placed sea names
 *   basemap-fine/index.json    the 1:10m cells that exist (land only)
 *   basemap-fine/<cell>.json   1:10m land, coast, borders for one 5°×5° cell (loaded when zoomed in)
 *
 * `buildBasemap()` returns name → JSON for scripts/build-data.ts; `npx tsx scripts/basemap.ts`
 * writes them to public/data/ on its own and prints their sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Point } from 'geojson';
import { buildCoarse, buildCountryLabels } from './basemap/coarse';
import { buildFine } from './basemap/fine';
import { buildTiles } from './basemap/tiles';
import { SEA_LABELS } from './basemap/names';

/** Label files the page loads with the first view's tiles (see scripts/basemap/basemap.test.ts). */
export const COARSE_FILES = ['country-labels.json', 'sea-labels.json'] as const;
/** The first view's basemap (its tiles and the label files), gzip: 216 kB as one GeoJSON before. */
export const COARSE_GZIP_BUDGET = 60 * 1024;

export function buildSeaLabels(): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: SEA_LABELS.map(({ lon, lat, ...properties }) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [lon, lat] },
    })),
  };
}

export async function buildBasemap(): Promise<Record<string, unknown>> {
  const { index, cells } = buildFine();
  const coarse = buildCoarse();
  const files: Record<string, unknown> = {
    ...buildTiles(coarse),
    'basemap-coarse.json': coarse,
    'country-labels.json': buildCountryLabels(),
    'sea-labels.json': buildSeaLabels(),
    'basemap-fine/index.json': index,
  };
  for (const [key, fc] of Object.entries(cells)) files[`basemap-fine/${key}.json`] = fc;
  return files;
}

export interface FileSize {
  name: string;
  raw: number;
  gzip: number;
}

/** A file as build-data.ts writes it: tiles as they are, everything else as compact JSON. */
export const fileBytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : Buffer.from(JSON.stringify(value));

export function sizesOf(files: Record<string, unknown>): FileSize[] {
  return Object.entries(files).map(([name, value]) => {
    const bytes = fileBytes(value);
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

function printSizes(sizes: FileSize[]) {
  const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(8)} kB`;
  const fine = sizes.filter((s) => s.name.startsWith('basemap-fine/') && !s.name.endsWith('index.json'));
  const tiles = sizes.filter((s) => s.name.endsWith('.pbf'));
  const sum = (xs: FileSize[], k: 'raw' | 'gzip') => xs.reduce((a, s) => a + s[k], 0);
  for (const s of sizes.filter((x) => !fine.includes(x) && !tiles.includes(x)))
    console.log(`  ${s.name.padEnd(28)} ${kb(s.raw)} raw ${kb(s.gzip)} gzip`);
  console.log(
    `  ${`tiles (${tiles.length})`.padEnd(28)} ${kb(sum(tiles, 'raw'))} raw ${kb(sum(tiles, 'gzip'))} gzip`,
  );
  const largest = fine.reduce((a, b) => (b.raw > a.raw ? b : a));
  console.log(
    `  ${`fine cells (${fine.length})`.padEnd(28)} ${kb(sum(fine, 'raw'))} raw ${kb(sum(fine, 'gzip'))} gzip`,
  );
  console.log(
    `  ${`largest cell ${largest.name.slice(13)}`.padEnd(28)} ${kb(largest.raw)} raw ${kb(largest.gzip)} gzip`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/data');
  const files = await buildBasemap();
  for (const [name, value] of Object.entries(files)) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, fileBytes(value));
  }
  console.log(`Basemap written to ${outDir}:`);
  printSizes(sizesOf(files));
}
