/** The benchmark's targets (issue 4) and their evaluation: pure, unit-tested. */

export interface SizeFigures {
  points: number;
  generateAndSortMs: number;
  scrubMethod: 'pointer' | 'assignment';
  scrubMs: number;
  scrubSamplesMs: number[];
  scrubLayerRenderMs: number;
  scrubMapRedrawMs: number;
  pointsInWindow: number;
  longestTaskDuringScrubMs: number;
  longTasksDuringScrub: number;
  playFps: number;
  playFrameMs: number;
  playNewMonthRatio: number;
  playDistinctMonths: number;
  playSeconds: number;
  jsHeapMB: number;
  arrayBuffersMB: number;
}

export interface ViewportFigures {
  viewport: { name: string; width: number; height: number; deviceScaleFactor: number };
  runs: number;
  baseline: {
    timeToInteractiveMs: number;
    frameMs: number;
    fps: number;
    jsHeapMB: number;
    arrayBuffersMB: number;
    perRunFrameMs: number[];
    longestTaskWhileRepaintingMs: number;
  };
  app: Record<string, unknown> & { timeToInteractiveMs: number };
  sizes: Record<string, SizeFigures>;
}

export const TARGETS = {
  scrub100k: 'scrub latency at 100k points ≤ 2× the baseline frame and ≤ 100 ms',
  scrub1M: 'scrub latency at 1M points ≤ 300 ms, with no main-thread task over 50 ms during the scrubs',
  play: 'play at ≥ 0.9× the baseline frame rate up to 100k points (1k and 100k), with a new month every frame',
  heap100k: 'JS heap ≤ 40 MB at 100k points',
  heap1M: 'JS heap ≤ 80 MB at 1M points',
  heapNote:
    'JS heap = V8 heap in use after a GC (usedSize, what performance.memory reports); the typed arrays the GPU layer keeps for picking live in ArrayBuffers outside it and are reported next to it (arrayBuffersMB)',
  newMonthEveryFrame:
    'at least 95% of the frames drawn while playing show a new month (the first frame of a run cannot)',
};

export function median(xs: number[]): number {
  const a = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export interface Check {
  viewport: string;
  id: string;
  value: string;
  limit: string;
  pass: boolean;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

export function evaluateTargets(viewports: Record<string, ViewportFigures>): Check[] {
  const out: Check[] = [];
  for (const [name, v] of Object.entries(viewports)) {
    const frame = v.baseline.frameMs;
    const k100 = v.sizes['100000'];
    const k1m = v.sizes['1000000'];
    if (k100)
      out.push({
        viewport: name,
        id: 'scrub-100k',
        value: `${f(k100.scrubMs)} ms (${f(k100.scrubMs / frame, 2)}× baseline frame of ${f(frame)} ms)`,
        limit: `≤ ${f(2 * frame)} ms (2× baseline frame) and ≤ 100 ms`,
        pass: k100.scrubMs <= 2 * frame && k100.scrubMs <= 100,
      });
    if (k1m)
      out.push({
        viewport: name,
        id: 'scrub-1M',
        value: `${f(k1m.scrubMs)} ms, longest task during scrubs ${f(k1m.longestTaskDuringScrubMs)} ms`,
        limit: '≤ 300 ms, no task > 50 ms',
        pass: k1m.scrubMs <= 300 && k1m.longestTaskDuringScrubMs <= 50,
      });
    for (const key of ['1000', '100000']) {
      const s = v.sizes[key];
      if (!s) continue;
      out.push({
        viewport: name,
        id: `play-${key === '1000' ? '1k' : '100k'}`,
        value: `${f(s.playFps)} fps (${f(s.playFps / v.baseline.fps, 2)}× baseline ${f(v.baseline.fps)} fps), new month in ${f(100 * s.playNewMonthRatio, 0)}% of frames`,
        limit: `≥ ${f(0.9 * v.baseline.fps)} fps and ≥ 95% of frames with a new month`,
        pass: s.playFps >= 0.9 * v.baseline.fps && s.playNewMonthRatio >= 0.95,
      });
    }
    if (k100)
      out.push({
        viewport: name,
        id: 'heap-100k',
        value: `${f(k100.jsHeapMB)} MB JS heap (+ ${f(k100.arrayBuffersMB)} MB ArrayBuffers)`,
        limit: '≤ 40 MB',
        pass: k100.jsHeapMB <= 40,
      });
    if (k1m)
      out.push({
        viewport: name,
        id: 'heap-1M',
        value: `${f(k1m.jsHeapMB)} MB JS heap (+ ${f(k1m.arrayBuffersMB)} MB ArrayBuffers)`,
        limit: '≤ 80 MB',
        pass: k1m.jsHeapMB <= 80,
      });
  }
  return out;
}
