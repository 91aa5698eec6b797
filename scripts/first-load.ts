/**
 * First-load bytes to an idle map, for the before/after numbers of a change:
 *   npx tsx scripts/first-load.ts [dist] [--runs 3] [--query '?lang=ar'] [--size 1280x720]
 * Serves the built site (gzip, 127.0.0.1), opens it in Chromium (SwiftShader) and prints every file
 * requested before the map's first idle with its gzip -9 size, then the totals. The budgets in
 * bench/budgets.json are checked by tests/e2e/budgets.e2e.ts with the same measurement.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/e2e/browser';
import { measureFirstLoad } from '../tests/e2e/firstLoad';
import { serve } from './bench/server';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : def;
};
const runs = Number(opt('--runs', '1'));
const query = opt('--query', '');
const [w, h] = opt('--size', '1280x720').split('x').map(Number);
const dist = resolve(args[0] ?? 'dist');

const server = await serve({ '/': dist });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
try {
  for (let i = 0; i < runs; i++) {
    const r = await measureFirstLoad(browser, server.url + '/', dist, query, { width: w, height: h });
    if (i === 0)
      for (const f of r.files) console.log(`${(f.gzip / 1024).toFixed(1).padStart(8)} KB  ${f.path}`);
    console.log(
      `run ${i + 1}: ${r.requests} requests, ${(r.gzip / 1024).toFixed(1)} KB gzip -9 (${(r.raw / 1024).toFixed(1)} KB raw), idle after ${r.ms} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
