/** Medians over a viewport's runs of the load and input figures (pure; unit-tested in targets.test.ts). */
import type { LoadFigures } from './load';
import type { InputFigures } from './events';
import type { InputKind } from './inputs';
import { median } from './targets';

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
