/** Medians over a viewport's runs: dated points, load and input figures (pure; the load and input parts unit-tested in input-load.test.ts). */
import type { LoadFigures } from './load';
import type { InputFigures } from './events';
import type { InputKind } from './inputs';
import { median, type SizeFigures, type ViewportFigures } from './targets';
import { PLAY_MS, SIZES, type measureApp, type measureBaseline } from './points';
import type { Viewport } from './page';

export interface LoadSummary {
  app: Omit<LoadFigures, 'lcpElement' | 'largest'> & { lcpElement: string; largest: [string, number][] };
  baseline: Omit<LoadFigures, 'lcpElement' | 'largest'> & { lcpElement: string };
  /** App time to interactive / the bare page's, per run, then the median. */
  ttiRatio: number;
  perRunTtiRatio: number[];
  /** The LCP element of each run (the poster, when it is the LCP). */
  perRunLcpElement: string[];
  /** The largest CLS of any run (a target of 0 must hold in every run). */
  maxCls: number;
}

const NUMERIC = [
  'ttiMs',
  'bytesToInteractive',
  'requestsToInteractive',
  'bytesAfterIdle',
  'requestsAfterIdle',
  'lcpMs',
  'bytesBeforeLcp',
  'requestsBeforeLcp',
  'cls',
] as const;

function medianLoad(xs: LoadFigures[]) {
  const out = Object.fromEntries(NUMERIC.map((k) => [k, median(xs.map((x) => x[k]))])) as Record<
    (typeof NUMERIC)[number],
    number
  >;
  // The element most runs had.
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x.lcpElement, (counts.get(x.lcpElement) ?? 0) + 1);
  const lcpElement = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { ...out, lcpElement };
}

export function aggregateLoad(runs: { app: LoadFigures; baseline: LoadFigures }[]): LoadSummary {
  const ratios = runs.map((r) => r.app.ttiMs / r.baseline.ttiMs);
  return {
    app: { ...medianLoad(runs.map((r) => r.app)), largest: runs[runs.length - 1]?.app.largest ?? [] },
    baseline: medianLoad(runs.map((r) => r.baseline)),
    ttiRatio: median(ratios),
    perRunTtiRatio: ratios.map((x) => +x.toFixed(3)),
    perRunLcpElement: runs.map((r) => r.app.lcpElement),
    maxCls: Math.max(...runs.map((r) => r.app.cls)),
  };
}

export type InputSummary = Record<InputKind, InputFigures & { perRunP75Ms: number[] }>;

export function aggregateInputs(runs: Record<InputKind, InputFigures>[]): InputSummary {
  const out = {} as InputSummary;
  for (const k of ['keys', 'toggles', 'play'] as const) {
    const per = runs.map((r) => r[k]);
    out[k] = {
      interactions: per[0]?.interactions ?? 0,
      p75Ms: median(per.map((x) => x.p75Ms)),
      medianMs: median(per.map((x) => x.medianMs)),
      maxMs: Math.max(...per.map((x) => x.maxMs)),
      processingMedianMs: median(per.map((x) => x.processingMedianMs)),
      perRunP75Ms: per.map((x) => x.p75Ms),
    };
  }
  return out;
}

export type PointRun = {
  baseline: Awaited<ReturnType<typeof measureBaseline>>;
  app: Awaited<ReturnType<typeof measureApp>>;
};

/** Medians over runs of the baseline frame, the app's time to interactive and each point size. */
export function aggregatePoints(runs: PointRun[], vp: Viewport): ViewportFigures {
  const med = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
  const sizes: Record<string, SizeFigures> = {};
  for (const n of SIZES) {
    const k = String(n);
    const per = runs.map((x) => x.app.sizes[k]);
    const m = (f: (s: SizeFigures) => number) => median(per.map(f));
    sizes[k] = {
      points: n,
      generateAndSortMs: m((s) => s.generateAndSortMs),
      scrubMethod: per[0].scrubMethod,
      scrubMs: m((s) => s.scrubMs),
      scrubSamplesMs: per.map((s) => +s.scrubMs.toFixed(1)),
      scrubLayerRenderMs: m((s) => s.scrubLayerRenderMs),
      scrubMapRedrawMs: m((s) => s.scrubMapRedrawMs),
      pointsInWindow: m((s) => s.pointsInWindow),
      longestTaskDuringScrubMs: Math.max(...per.map((s) => s.longestTaskDuringScrubMs)),
      longTasksDuringScrub: per.reduce((a, s) => a + s.longTasksDuringScrub, 0),
      playFps: m((s) => s.playFps),
      playFrameMs: m((s) => s.playFrameMs),
      playNewMonthRatio: m((s) => s.playNewMonthRatio),
      playDistinctMonths: m((s) => s.playDistinctMonths),
      playSeconds: PLAY_MS / 1000,
      jsHeapMB: m((s) => s.jsHeapMB),
      arrayBuffersMB: m((s) => s.arrayBuffersMB),
    };
  }
  return {
    viewport: { ...vp, deviceScaleFactor: 1 },
    runs: runs.length,
    baseline: {
      timeToInteractiveMs: med((x) => x.baseline.ttiMs),
      frameMs: med((x) => x.baseline.frameMs),
      fps: med((x) => x.baseline.fps),
      jsHeapMB: med((x) => x.baseline.heap.jsHeapMB),
      arrayBuffersMB: med((x) => x.baseline.heap.arrayBuffersMB),
      perRunFrameMs: runs.map((x) => +x.baseline.frameMs.toFixed(2)),
      longestTaskWhileRepaintingMs: Math.max(...runs.map((x) => x.baseline.longestTaskMs)),
    },
    app: {
      timeToInteractiveMs: med((x) => x.app.ttiMs),
      jsHeapNoPointsMB: med((x) => x.app.heapNoPoints.jsHeapMB),
      arrayBuffersNoPointsMB: med((x) => x.app.heapNoPoints.arrayBuffersMB),
      perRunTimeToInteractiveMs: runs.map((x) => Math.round(x.app.ttiMs)),
      withoutDatedPoints: {
        note: 'control: the app with the deaths overlay off (no dated-point layer), same drags and same full-speed play',
        playFps: med((x) => x.app.control.playFps),
        longestTaskWhileDraggingMs: Math.max(...runs.map((x) => x.app.control.longestTaskDuringScrubMs)),
        longTasksWhileDragging: runs.reduce((a, x) => a + x.app.control.longTasksDuringScrub, 0),
      },
      playButton: runs[runs.length - 1].app.playButton,
    },
    sizes,
  };
}
