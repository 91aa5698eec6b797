/**
 * `npm run data`: validate every file in data/ (collecting ALL errors), transform raw files, and
 * write public/data/*.json|geojson + manifest.json. Exits non-zero on any error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatError } from '../src/lib/data/schema';
import { loadAll } from './data/load';
import { buildOutputs } from './data/outputs';
import { buildBasemap, fileBytes } from './basemap';
import { BASEMAP_TILES, FINE_DIR } from '../src/lib/map/basemapTiles';
import { renderLicenseData } from './data/license-data';
import { incompletePeriods } from './data/checks';
import { readFileSync, existsSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { formatWarning, parseStories } from '../src/lib/data/stories';
import { storyRefs, type RefCatalog } from '../src/lib/data/storyRefs';
import { missingNames } from './data/names-report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The stories of data/stories/*.md, checked against the catalog: the pipeline's story validator
 * (also run by the browser test on a story exported from the app).
 */
export function validateStories(dataRoot: string, catalog: RefCatalog) {
  const storyDir = join(dataRoot, 'data/stories');
  return parseStories(
    (existsSync(storyDir) ? readdirSync(storyDir) : [])
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .sort()
      .map((f) => ({ file: `data/stories/${f}`, text: readFileSync(join(storyDir, f), 'utf8') })),
    // Every story should carry every language the app speaks (one folder per locale).
    storyRefs(catalog, readdirSync(join(root, 'src/lib/i18n/locales')).sort()),
  );
}

export async function main(dataRoot = root, outDir = join(root, 'public/data')): Promise<number> {
  const { catalog, incidents, errors, warnings, notices, report } = loadAll(dataRoot);
  const stories = validateStories(dataRoot, catalog);
  errors.push(...stories.errors);
  report.push(...stories.report);
  console.log('Data report (rows read / rejected):');
  for (const r of report)
    console.log(
      `  ${r.file.padEnd(52)} ${String(r.rows).padStart(6)} rows  ${r.rejected ? `${r.rejected} rejected` : 'ok'}`,
    );
  if (warnings.length) {
    console.log(
      `\n${warnings.length} upstream anomalies in raw files, read as "not available" (the raw files are kept as obtained):`,
    );
    for (const w of warnings) console.log('  ' + formatError(w));
  }
  const partial = incompletePeriods(catalog.counts);
  if (partial.length) {
    console.log(
      `\nIncomplete periods (figures cover only part of the period; shown as "at least", never exact):`,
    );
    for (const line of partial) console.log('  ' + line);
  }
  if (notices.length) {
    console.log(
      `\n${notices.length} old per-language name column(s) (read; names now live in one map per language):`,
    );
    for (const n of notices) console.log('  ' + formatError(n));
  }
  const langs = readdirSync(join(root, 'src/lib/i18n/locales'))
    .filter((l) => l !== 'en')
    .sort();
  const unnamed = missingNames(catalog, langs);
  console.log(
    unnamed.length
      ? `\n${unnamed.length} name(s) missing in a language (the map shows the English name, marked as English):`
      : `\nNames: every country, place, route and route area has a name in ${langs.join(', ')}.`,
  );
  for (const line of unnamed) console.log('  ' + line);
  if (stories.warnings.length) {
    console.log(`\n${stories.warnings.length} story warning(s) (the stories are still written):`);
    for (const w of stories.warnings) console.log('  ' + formatWarning(w));
  }
  if (errors.length) {
    console.error(
      `\n${errors.length} error(s); nothing was written. Fix these and run \`npm run data\` again:`,
    );
    for (const e of errors) console.error('  ' + formatError(e));
    return 1;
  }
  const licence = renderLicenseData(catalog.sources);
  const licencePath = join(dataRoot, 'LICENSE_DATA.md');
  if (!existsSync(licencePath) || readFileSync(licencePath, 'utf8') !== licence) {
    writeFileSync(licencePath, licence);
    console.log(`\nLICENSE_DATA.md regenerated from data/sources.csv: commit it.`);
  }
  const files: Record<string, unknown> = { ...buildOutputs(catalog, incidents), ...(await buildBasemap()) };
  files['stories.json'] = stories.file;
  rmSync(outDir, { recursive: true, force: true });
  const manifest: Record<string, { bytes: number; sha256: string }> = {};
  // The basemap's tiles are one manifest entry (their folder, hashed together): hundreds of
  // entries would make manifest.json, which the page loads first, several times larger.
  const tiles = createHash('sha256');
  let tileBytes = 0;
  // The fine basemap's ~200 cells likewise: the offline inliner lists them from their index.json.
  const fine = createHash('sha256');
  let fineBytes = 0;
  for (const [name, value] of Object.entries(files)) {
    const bytes = fileBytes(value);
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    if (name.startsWith(`${BASEMAP_TILES.dir}/`)) {
      tiles.update(name).update(bytes);
      tileBytes += bytes.length;
      continue;
    }
    if (name.startsWith(`${FINE_DIR}/`)) {
      fine.update(name).update(bytes);
      fineBytes += bytes.length;
      continue;
    }
    manifest[name] = {
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    };
  }
  if (tileBytes) manifest[BASEMAP_TILES.dir] = { bytes: tileBytes, sha256: tiles.digest('hex').slice(0, 16) };
  if (fineBytes) manifest[FINE_DIR] = { bytes: fineBytes, sha256: fine.digest('hex').slice(0, 16) };
  const rows = {
    counts: catalog.counts.length,
    incidents: incidents.length,
    agreements: catalog.agreements.length,
    programmes: catalog.programmes.length,
    places: catalog.places.length,
    sources: catalog.sources.length,
  };
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify({ version: 1, rows, files: manifest }, null, 2),
  );
  const total = Object.values(manifest).reduce((a, b) => a + b.bytes, 0);
  console.log(
    `\nWrote ${Object.keys(manifest).length} files (${(total / 1024).toFixed(0)} kB) + manifest.json to ${outDir}`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code));
}
