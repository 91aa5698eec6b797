/**
 * What a first visit downloads before the map is idle: every request the page and its workers make
 * from navigation until MapLibre's first `idle`, each sized as the file in the built site compressed
 * with gzip level 9 (what a static host with precompressed files sends). Used by
 * tests/e2e/budgets.e2e.ts and by `npx tsx scripts/first-load.ts` (the before/after numbers).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface Fetched {
  /** Path inside the built site (assets/index-….js), or the URL when it is not a file of the site. */
  path: string;
  raw: number;
  gzip: number;
}

export interface FirstLoad {
  files: Fetched[];
  requests: number;
  gzip: number;
  raw: number;
  /** Milliseconds from navigation to the map's first idle (informative; speed is the bench's job). */
  ms: number;
}

export const gzipSize = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

/** The file of the built site a URL asks for ('' and directories mean index.html). */
export function fileFor(url: string, base: string, dist: string): string | null {
  if (!url.startsWith(base)) return null;
  let rel = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(dist, rel));
  if (!file.startsWith(normalize(dist)) || !existsSync(file)) return null;
  return statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

/**
 * Open `base + query` in a fresh context (no cache) and list what was requested until the map went
 * idle. `base` is the URL the built site `dist` is served at.
 */
export async function measureFirstLoad(
  browser: Browser,
  base: string,
  dist: string,
  query = '',
  viewport = { width: 1280, height: 720 },
): Promise<FirstLoad> {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-GB' });
  const page = await ctx.newPage();
  const urls: string[] = [];
  let open = true;
  // Requests of the page and of its dedicated workers (MapLibre's worker fetches the basemap).
  ctx.on('request', (r) => {
    if (open && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) urls.push(r.url());
  });
  const t0 = Date.now();
  await page.goto(base + query);
  await page.waitForFunction(() => !!(window as any).__crossingsMap, null, { timeout: 60000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).__crossingsMap;
        if (map.loaded() && map.isStyleLoaded()) return resolve();
        map.once('idle', () => resolve());
      }),
  );
  open = false;
  const ms = Date.now() - t0;
  await ctx.close();
  const files = urls.map((u): Fetched => {
    const file = fileFor(u, base, dist);
    if (!file) return { path: u, raw: 0, gzip: 0 };
    const buf = readFileSync(file);
    return {
      path: file.slice(normalize(dist).length).replace(/^\//, ''),
      raw: buf.length,
      gzip: gzipSize(buf),
    };
  });
  return {
    files,
    requests: files.length,
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    raw: files.reduce((s, f) => s + f.raw, 0),
    ms,
  };
}
