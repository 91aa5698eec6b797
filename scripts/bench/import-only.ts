/**
 * The import case of the bench alone (the whole bench takes long): serves CROSSINGS_DIST (default
 * dist/), imports the 1,000,000-row CSV through the UI BENCH_RUNS times (default 3) and prints each
 * run's figures and their medians. Run: npx tsx scripts/bench/import-only.ts
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/e2e/browser';
import { serve } from './server';
import { measureImport, type ImportFigures } from './import';

const DIST = process.env.CROSSINGS_DIST ?? 'dist';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const server = await serve({ '/': DIST });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
try {
  const runs: ImportFigures[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { errors, ...f } = await measureImport(browser, server.url);
    console.log(`run ${r + 1}`, JSON.stringify(f), errors.length ? `errors: ${errors.join(' | ')}` : '');
    runs.push(f);
  }
  const med = (k: keyof ImportFigures) => [...runs.map((x) => x[k])].sort((a, b) => a - b)[runs.length >> 1];
  console.log(
    'median',
    JSON.stringify(
      Object.fromEntries((Object.keys(runs[0]) as (keyof ImportFigures)[]).map((k) => [k, med(k)])),
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
