import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Svelte's client runtime in the unit tests (as the Svelte docs recommend for testing runes), so
// rune modules react there ($effect, flushSync); Node's default, the server build, runs no effects.
// Svelte is inlined so the condition reaches it (an external dependency loads with Node's own).
const browser = process.env.VITEST ? { resolve: { conditions: ['browser'] } } : {};

export default defineConfig({
  // Rune modules compiled for the client too (Vitest compiles for the server in Node).
  plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
  ...browser,
  ssr: browser,
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/locales.setup.ts'],
    testTimeout: 30000,
    server: { deps: { inline: ['svelte'] } },
  },
});
