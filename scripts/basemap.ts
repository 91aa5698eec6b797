/**
 * The offline basemap, generated from Natural Earth (npm world-atlas) at build time, so the map
 * needs no tile server, no glyph server and no network beyond the site itself.
 *
 *   basemap-coarse.json        1:50m countries, borders, coastline (loaded with the page)
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
import { SEA_LABELS } from './basemap/names';

/** Files the page loads before any zoom: kept together under this gzip budget (tested). */
export const COARSE_FILES = ['basemap-coarse.json', 'country-labels.json', 'sea-labels.json'] as const;
export const COARSE_GZIP_BUDGET = 250 * 1024;

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
  const files: Record<string, unknown> = {
    'basemap-coarse.json': buildCoarse(),
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

/** Sizes as build-data.ts writes them (compact JSON.stringify). */
export function sizesOf(files: Record<string, unknown>): FileSize[] {
  return Object.entries(files).map(([name, value]) => {
    const text = JSON.stringify(value);
    return { name, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
  });
}

function printSizes(sizes: FileSize[]) {
  const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(8)} kB`;
  const fine = sizes.filter((s) => s.name.startsWith('basemap-fine/') && !s.name.endsWith('index.json'));
  const sum = (xs: FileSize[], k: 'raw' | 'gzip') => xs.reduce((a, s) => a + s[k], 0);
  for (const s of sizes.filter((x) => !fine.includes(x)))
    console.log(`  ${s.name.padEnd(28)} ${kb(s.raw)} raw ${kb(s.gzip)} gzip`);
  const coarse = sizes.filter((s) => (COARSE_FILES as readonly string[]).includes(s.name));
  console.log(`  ${'coarse total'.padEnd(28)} ${kb(sum(coarse, 'raw'))} raw ${kb(sum(coarse, 'gzip'))} gzip`);
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
    writeFileSync(p, JSON.stringify(value));
  }
  console.log(`Basemap written to ${outDir}:`);
  printSizes(sizesOf(files));
}
