/**
 * The bench's bare-basemap page (scripts/bench/baseline: the same MapLibre, style and options as the
 * app's MapView, no overlays), built to BASELINE_OUT. Used by `npm run bench` (run.ts) and
 * scripts/bench/timeline.ts.
 */
import { build } from 'vite';

export const BASELINE_OUT = process.env.BENCH_BASELINE_DIR ?? '/tmp/crossings-bench-baseline';

export async function buildBaseline(): Promise<void> {
  await build({
    configFile: false,
    root: 'scripts/bench/baseline',
    base: './',
    logLevel: 'warn',
    build: { outDir: BASELINE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}
