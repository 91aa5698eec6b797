/**
 * Byte budgets (bench/budgets.json) on the built site: what a first visit downloads before the map is
 * idle, per entry URL, in Chromium; the size of each chunk in dist/assets; and what the first paint
 * waits for (index.html, its stylesheets and images). Sizes are gzip -9 of the built files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch } from './browser';
import { gzipSize, measureFirstLoad } from './firstLoad';

interface Budgets {
  firstLoad: Record<string, { query: string; gzip: number; requests: number }>;
  posterPath: { gzip: number };
  chunks: Record<string, { file: string; gzip: number; each?: boolean }>;
}
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Budgets;
const dist = process.env.CROSSINGS_DIST ?? 'dist';
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('first load to an idle map (gzip -9, 1280×720)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [entry, b] of Object.entries(budgets.firstLoad))
    it(`${entry} (${b.query || '/'}): ≤ ${kb(b.gzip)} in ≤ ${b.requests} requests`, async () => {
      const r = await measureFirstLoad(browser, baseUrl(), dist, b.query);
      const list = r.files.map((f) => `${kb(f.gzip).padStart(9)}  ${f.path}`).join('\n');
      console.log(`${entry}: ${r.requests} requests, ${kb(r.gzip)} gzip -9, idle after ${r.ms} ms\n${list}`);
      // Every request is a file of the built site (nothing from another origin, nothing missing).
      expect(r.files.filter((f) => f.raw === 0).map((f) => f.path)).toEqual([]);
      expect(r.gzip, `${entry} first load over budget:\n${list}`).toBeLessThanOrEqual(b.gzip);
      expect(r.requests, `${entry} requests over budget:\n${list}`).toBeLessThanOrEqual(b.requests);
    });
});

describe('chunks in dist/assets (gzip -9)', () => {
  const files = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const sizes = new Map(files.map((f) => [f, gzipSize(readFileSync(join(dist, 'assets', f)))]));
  const claimed = new Set<string>();

  for (const [name, c] of Object.entries(budgets.chunks)) {
    const re = new RegExp(c.file);
    it(`${name}: ${c.each ? 'each file' : 'all'} ≤ ${kb(c.gzip)}`, () => {
      const mine = files.filter((f) => re.test(f) && !claimed.has(f));
      // A named group that matches nothing means the chunking changed: the budget would check nothing.
      expect(mine.length, `no file in ${dist}/assets matches ${c.file}`).toBeGreaterThan(0);
      if (c.each) {
        const over = mine.filter((f) => sizes.get(f)! > c.gzip).map((f) => `${f} ${kb(sizes.get(f)!)}`);
        expect(over).toEqual([]);
      } else {
        const total = mine.reduce((s, f) => s + sizes.get(f)!, 0);
        expect(total, mine.join(', ')).toBeLessThanOrEqual(c.gzip);
        for (const f of mine) claimed.add(f);
      }
    });
  }

  it('MapLibre is a chunk of its own, loaded by the entry, not copied into the app chunk', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const app = files.find((f) => /^app-[\w-]+\.js$/.test(f))!;
    const maplibre = files.find((f) => /^maplibre-(?!gl-worker)[\w-]+\.js$/.test(f))!;
    expect(html).toContain(`assets/${maplibre}`);
    const code = readFileSync(join(dist, 'assets', app), 'utf8');
    expect(code).toContain(`./${maplibre}`);
    // A string only MapLibre's map code has (its WebGL context error listener) is in its chunk only.
    const marker = 'webglcontextcreationerror';
    expect(readFileSync(join(dist, 'assets', maplibre), 'utf8')).toContain(marker);
    expect(code).not.toContain(marker);
  });

  it("the lazy parts' English messages are in en-parts, not in the app chunk (src/lib/i18n/en-parts.ts)", () => {
    const dir = 'src/lib/i18n/locales/en/lazy';
    const lazy = readdirSync(dir).flatMap((f) => Object.keys(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    const read = (re: RegExp) =>
      readFileSync(
        join(
          dist,
          'assets',
          files.find((f) => re.test(f))!,
        ),
        'utf8',
      );
    const app = read(/^app-[\w-]+\.js$/);
    const parts = read(/^en-parts-[\w-]+\.js$/);
    // Minified, a key is a quoted property name: "ba.title":`Before and after`.
    const quoted = (code: string, k: string) => code.includes(`"${k}":`) || code.includes(`'${k}':`);
    expect(lazy.length).toBeGreaterThan(100);
    expect(lazy.filter((k) => !quoted(parts, k))).toEqual([]);
    expect(lazy.filter((k) => quoted(app, k))).toEqual([]);
  });
});

describe('what the first paint waits for', () => {
  it(`index.html, its stylesheets, blocking scripts and images ≤ ${kb(budgets.posterPath.gzip)}`, () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const linked = [
      ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="\.?\/?([^"]+)"/g),
      ...html.matchAll(/<img[^>]+src="\.?\/?([^":]+)"/g),
      // Classic scripts block the parser where they stand (the poster's placement script).
      ...html.matchAll(/<script(?![^>]*type="module")(?![^>]*\b(?:async|defer)\b)[^>]*src="\.?\/?([^"]+)"/g),
    ].map((m) => m[1]);
    const parts = [
      { path: 'index.html', gzip: gzipSize(html) },
      ...linked.map((p) => ({ path: p, gzip: gzipSize(readFileSync(join(dist, p))) })),
    ];
    const total = parts.reduce((s, p) => s + p.gzip, 0);
    console.log(`poster path: ${kb(total)}: ${parts.map((p) => `${p.path} ${kb(p.gzip)}`).join(', ')}`);
    expect(linked.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(budgets.posterPath.gzip);
  });
});
