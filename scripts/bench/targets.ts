/** The benchmark's targets (issues 4 and 15) and their evaluation: pure, unit-tested. */
import type { InputSummary, LoadSummary } from './aggregate';

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
  /** BENCH_PARTS=load / input. */
  load?: LoadSummary;
  inputs?: InputSummary;
  /** BENCH_PARTS=points: the rest. */
  baseline?: PointsBaseline;
  app?: Record<string, unknown> & { timeToInteractiveMs: number };
  sizes?: Record<string, SizeFigures>;
}

export interface PointsBaseline {
  timeToInteractiveMs: number;
  frameMs: number;
  fps: number;
  jsHeapMB: number;
  arrayBuffersMB: number;
  perRunFrameMs: number[];
  longestTaskWhileRepaintingMs: number;
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
  firstLoad: 'first-load transfer to an interactive map ≤ 580 KB gzip (MapLibre 6 floor ≈ 455 KB)',
  ttiRatio: 'time to an interactive map ≤ 1.10 × the bare MapLibre page in the same run',
  poster: 'bytes before the first meaningful paint ≤ 90 KB gzip; the LCP element is the poster; CLS = 0',
  inputs: 'timeline keys, layer toggles and play/pause: Event Timing p75 ≤ 100 ms at 640×360 and 1280×720',
};

export const LIMITS = {
  firstLoadBytes: 580 * 1024,
  ttiRatio: 1.1,
  bytesBeforeLcp: 90 * 1024,
  inputP75Ms: 100,
};

/** The LCP element counts as the poster when its id, test id or class says so. */
export const isPoster = (element: string) => /poster/i.test(element);

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
    if (v.load) out.push(...loadChecks(name, v.load));
    if (v.inputs) out.push(...inputChecks(name, v.inputs));
    if (!v.baseline || !v.sizes) continue;
    const frame = v.baseline.frameMs;
    const fps = v.baseline.fps;
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
        value: `${f(s.playFps)} fps (${f(s.playFps / fps, 2)}× baseline ${f(fps)} fps), new month in ${f(100 * s.playNewMonthRatio, 0)}% of frames`,
        limit: `≥ ${f(0.9 * fps)} fps and ≥ 95% of frames with a new month`,
        pass: s.playFps >= 0.9 * fps && s.playNewMonthRatio >= 0.95,
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

const kb = (b: number) => `${f(b / 1024)} KB`;

export function loadChecks(viewport: string, l: LoadSummary): Check[] {
  return [
    {
      viewport,
      id: 'first-load',
      value: `${kb(l.app.bytesToInteractive)} gzip in ${f(l.app.requestsToInteractive, 0)} requests (bare MapLibre page ${kb(l.baseline.bytesToInteractive)} in ${f(l.baseline.requestsToInteractive, 0)})`,
      limit: `≤ ${kb(LIMITS.firstLoadBytes)}`,
      pass: l.app.bytesToInteractive <= LIMITS.firstLoadBytes,
    },
    {
      viewport,
      id: 'tti-ratio',
      value: `${f(l.ttiRatio, 2)}× (app ${f(l.app.ttiMs, 0)} ms, bare ${f(l.baseline.ttiMs, 0)} ms)`,
      limit: `≤ ${f(LIMITS.ttiRatio, 2)}× the bare page`,
      pass: l.ttiRatio <= LIMITS.ttiRatio,
    },
    {
      viewport,
      id: 'poster',
      value: `${kb(l.app.bytesBeforeLcp)} before LCP at ${f(l.app.lcpMs, 0)} ms on ${l.app.lcpElement || 'no element'}; CLS ${f(l.maxCls, 3)} (worst run)`,
      limit: `≤ ${kb(LIMITS.bytesBeforeLcp)}, LCP = poster, CLS 0`,
      pass:
        l.app.bytesBeforeLcp <= LIMITS.bytesBeforeLcp && l.perRunLcpElement.every(isPoster) && l.maxCls === 0,
    },
  ];
}

export function inputChecks(viewport: string, inputs: InputSummary): Check[] {
  return (['keys', 'toggles', 'play'] as const).map((k) => ({
    viewport,
    id: `input-${k}`,
    value: `p75 ${f(inputs[k].p75Ms, 0)} ms (median ${f(inputs[k].medianMs, 0)}, max ${f(inputs[k].maxMs, 0)}; ${inputs[k].interactions} interactions)`,
    limit: `≤ ${LIMITS.inputP75Ms} ms`,
    pass: inputs[k].p75Ms <= LIMITS.inputP75Ms,
  }));
}
