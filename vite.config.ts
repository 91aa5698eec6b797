import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { maplibreCss } from './scripts/build/maplibre-css';
import { poster } from './scripts/poster/plugin';
import { posterFirst } from './scripts/build/posterFirst';
import { dataPreload } from './scripts/build/dataPreload';

/**
 * Writes `offline.json` beside index.html: every file of the bundle (JS chunks, lazy ones and
 * workers included, CSS, fonts, images). The offline single file is made from this list
 * (src/lib/offline/inline.ts, ASSETS_FILE), by `npm run build:offline` and by the app's "Download
 * for offline", so nothing there names a chunk: a new chunk or asset is picked up by itself.
 */
function offlineAssets(): Plugin {
  return {
    name: 'crossings-offline-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const files = Object.keys(bundle).filter((f) => f !== 'offline.json' && !/\.(html|map)$/.test(f));
      const source = `${JSON.stringify({ version: 1, files: files.sort() }, null, 1)}\n`;
      this.emitFile({ type: 'asset', fileName: 'offline.json', source });
    },
  };
}

// base './' keeps every asset path relative, so dist/ works under any sub-path or from file://.
export default defineConfig({
  base: './',
  plugins: [svelte(), offlineAssets(), maplibreCss(), poster(), posterFirst(), dataPreload()],
  resolve: {
    alias: [
      // MapLibre's RTL text plugin as one classic script (its package exports only the ESM source,
      // which imports a .wasm file): shipped as a local asset, loaded by the map's workers.
      {
        find: /^mapbox-gl-rtl-text-script/,
        replacement: fileURLToPath(
          new URL('./node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js', import.meta.url),
        ),
      },
    ],
  },
  build: {
    target: 'es2022',
    // MapLibre alone is ~1 MB minified: warn above it, not at it.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own: it changes only when the package does, so a returning
        // reader keeps it cached across deploys of the app (docs/architecture.md, "Chunks").
        // Everything else the first view needs is one chunk (not a dozen small common chunks): the
        // parts loaded on first use (src/lib/ui/parts.ts) stay chunks of their own.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 2 },
            // The entry (main.ts) stays out of it: an entry inside a group makes Vite write a second
            // <script type=module> for MapLibre instead of a modulepreload.
            {
              name: 'app',
              tags: ['$initial'],
              test: (id) => !/index\.html|[\\/]src[\\/]main\.ts$/.test(id),
              priority: 1,
            },
          ],
        },
      },
    },
  },
  // ES module workers, so the import worker loads the Excel reader only for an .xlsx file.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
