/**
 * The first view's data asked for with the page (issue #15: time to an interactive map). The app
 * fetches `data/manifest.json`, then the catalog, counts and routes with the manifest's hashes
 * (src/lib/data/load.ts) — after its own code has arrived and run, and after the poster (which
 * now waits for the poster's paint, scripts/build/posterFirst.ts). `<link rel="preload" as="fetch">`
 * for exactly those URLs lets the browser fetch the 54 KB while it paints the poster and downloads
 * the code; the app's `fetch` then finds them. The hashes are read from the manifest `npm run data`
 * wrote (the build runs it first). The offline file drops these links (its data is inlined).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The data files the first view waits for (loadAppData), besides the manifest. */
export const FIRST_VIEW_DATA = ['catalog.json', 'counts.json', 'routes.geojson'] as const;

/** The preload links for a manifest's files, in the order the app asks for them. */
export function preloadLinks(manifest: { files: Record<string, { sha256: string }> }): string {
  const urls = [
    './data/manifest.json',
    ...FIRST_VIEW_DATA.map((n) => {
      const f = manifest.files[n];
      if (!f) throw new Error(`data/manifest.json names no ${n}: run \`npm run data\``);
      return `./data/${n}?v=${f.sha256}`;
    }),
  ];
  return urls.map((u) => `<link rel="preload" as="fetch" crossorigin href="${u}">`).join('\n    ');
}

export function dataPreload(dataDir = join(process.cwd(), 'public/data')): Plugin {
  return {
    name: 'crossings-data-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const p = join(dataDir, 'manifest.json');
        if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run data\` before the build`);
        const links = preloadLinks(JSON.parse(readFileSync(p, 'utf8')));
        return html.replace('</head>', () => `    ${links}\n</head>`);
      },
    },
  };
}
