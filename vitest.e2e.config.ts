import { defineConfig } from 'vitest/config';

// Browser tests against the BUILT site (dist/) served by `vite preview`, in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90000,
    hookTimeout: 90000,
  },
});
