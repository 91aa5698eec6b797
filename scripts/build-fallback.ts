/**
 * `npm run build` step after `vite build`: the no-JavaScript fallback pictures, dist/fallback-<lang>.png
 * (and the .svg they are rasterised from), one per UI language. Each is the default view drawn by
 * the SVG exporter from the overlay model (src/lib/export/fallback.ts) at the article-column size,
 * and rasterised with resvg (@resvg/resvg-js, a prebuilt binary from npm: no browser, no network).
 * The embed snippet's <noscript> shows it (src/lib/export/embed.ts; docs/embedding.md).
 *
 * The app's modules are Svelte 5 rune modules (.svelte.ts), so they are loaded through Vite's SSR
 * module loader with the project's own config rather than imported directly.
 *
 * Usage: tsx scripts/build-fallback.ts [dist]   (reads dist/data/, written by the build)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { Resvg } from '@resvg/resvg-js';
import type * as FallbackModule from '../src/lib/export/fallback';
import type * as DpiModule from '../src/lib/export/phys';
import type * as I18nModule from '../src/lib/i18n/i18n.svelte';
import { decodeCounts } from '../src/lib/data/countsFile';
import type * as PartsModule from '../src/lib/i18n/en-parts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const LANGS = ['en', 'it', 'fr', 'ar'] as const;

function read<T>(name: string): T {
  const f = join(dist, 'data', name);
  if (!existsSync(f))
    throw new Error(`${f} is missing: run \`npm run build\` (npm run data, then vite build) first`);
  return JSON.parse(readFileSync(f, 'utf8')) as T;
}

const server = await createServer({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const fb = (await server.ssrLoadModule('/src/lib/export/fallback.ts')) as typeof FallbackModule;
  const phys = (await server.ssrLoadModule('/src/lib/export/phys.ts')) as typeof DpiModule;
  const data = {
    manifest: read<FallbackModule.FallbackInput['data']['manifest']>('manifest.json'),
    catalog: read<FallbackModule.FallbackInput['data']['catalog']>('catalog.json'),
    counts: decodeCounts(read<unknown>('counts.json')) as FallbackModule.FallbackInput['data']['counts'],
    routes: read<FallbackModule.FallbackInput['data']['routes']>('routes.geojson'),
  };
  const base = {
    data,
    basemap: read<FallbackModule.FallbackInput['basemap']>('basemap-coarse.json'),
    countryLabels: read<FallbackModule.FallbackInput['countryLabels']>('country-labels.json'),
    seaLabels: read<FallbackModule.FallbackInput['seaLabels']>('sea-labels.json'),
    // The address the site will be served at, when the build knows it; else no address.
    url: process.env.CROSSINGS_URL ?? '',
  };
  const i18n = (await server.ssrLoadModule('/src/lib/i18n/i18n.svelte.ts')) as typeof I18nModule;
  // The picture is drawn by the exporter, a lazy part: its English messages are a chunk of their own.
  const parts = (await server.ssrLoadModule('/src/lib/i18n/en-parts.ts')) as typeof PartsModule;
  i18n.providePartMessages(parts.default);
  for (const lang of LANGS) {
    // The other languages' messages are a lazy chunk in the app; here they are loaded directly.
    if (lang !== 'en') {
      const m = (await server.ssrLoadModule(`/src/lib/i18n/lang/${lang}.ts`)) as I18nModule.LocaleModule;
      // The data's long texts in that language (the catalog's Italian: texts-it.json), as the app adds them.
      const dt = existsSync(join(dist, 'data', `texts-${lang}.json`))
        ? read<{ texts: Record<string, string> }>(`texts-${lang}.json`).texts
        : null;
      i18n.provideLocale(lang, dt ? { ...m, texts: { ...m.texts, ...dt } } : m);
    }
    const out = fb.fallbackSvg({ ...base, lang });
    const png = new Resvg(out.svg, {
      fitTo: { mode: 'width', value: out.width },
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    })
      .render()
      .asPng();
    const file = fb.fallbackFile(lang);
    writeFileSync(join(dist, file.replace(/\.png$/, '.svg')), out.svg);
    writeFileSync(join(dist, file), phys.withDpi(new Uint8Array(png), 96));
    console.log(`${file}: ${out.width} × ${out.height} px, ${Math.round(png.length / 1024)} kB — ${out.alt}`);
  }
} finally {
  await server.close();
}
