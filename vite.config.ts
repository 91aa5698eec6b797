import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { poster } from './scripts/poster/plugin';

// base './' keeps every asset path relative, so dist/ works under any sub-path or from file://.
export default defineConfig({
  base: './',
  plugins: [svelte(), poster()],
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
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  // ES module workers, so the import worker loads the Excel reader only for an .xlsx file.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
