/**
 * Compare routes: the monthly series of two or more route families or countries over the timeline
 * window, as plain data: one line per series (metric × area), never summed. `sameMetric` picks the
 * series of one metric for a single chart; `byMetric` groups all of them for small multiples. The
 * CSV is written from the same rows the chart draws.
 */
import { METRICS, type Metric, type Qualifier } from '../data/schema';
import type { CatalogFile } from '../data/types';
import type { MonthIndex } from '../data/time';
import { monthIso } from '../data/time';
import type { Series } from '../filter/aggregate';
import { seriesFor, type ChartSubject } from '../ui/charts/series';
import { csvText } from '../export/csv';

export type CompareSubject = { kind: 'family' | 'country'; id: string };

export interface ComparePoint {
  month: MonthIndex;
  /** null: no figure for the month ("no data", never zero). */
  value: number | null;
  qualifier: Qualifier | null;
}
export interface CompareLine {
  key: string;
  metric: Metric;
  areaType: string;
  area: string;
  /** The subject it was picked through. */
  subject: CompareSubject;
  points: ComparePoint[];
}

/** The series a list of subjects brings, each once, in the subjects' order then metric order. */
export function subjectSeries(
  cat: CatalogFile,
  series: Map<string, Series>,
  subjects: readonly CompareSubject[],
): { subject: CompareSubject; s: Series }[] {
  const seen = new Set<string>();
  const out: { subject: CompareSubject; s: Series }[] = [];
  for (const subject of subjects)
    for (const s of seriesFor(cat, series, subject as ChartSubject)) {
      if (seen.has(s.key) || s.length === 0) continue;
      seen.add(s.key);
      out.push({ subject, s });
    }
  return out;
}

/** Monthly points of a series over [from, to]: a value and its qualifier, or "no data". */
export function points(s: Series, from: MonthIndex, to: MonthIndex): ComparePoint[] {
  const out: ComparePoint[] = [];
  for (let m = from; m <= to; m++) {
    const i = m - s.start;
    const present = i >= 0 && i < s.length && s.pPresent[i + 1] - s.pPresent[i] === 1;
    out.push({
      month: m,
      value: present ? s.pValue[i + 1] - s.pValue[i] : null,
      qualifier: !present
        ? null
        : s.pAtLeast[i + 1] - s.pAtLeast[i] > 0
          ? 'at_least'
          : s.pApprox[i + 1] - s.pApprox[i] > 0
            ? 'approx'
            : 'exact',
    });
  }
  return out;
}

export function lines(
  picked: { subject: CompareSubject; s: Series }[],
  from: MonthIndex,
  to: MonthIndex,
): CompareLine[] {
  return picked.map(({ subject, s }) => ({
    key: s.key,
    metric: s.metric,
    areaType: s.areaType,
    area: s.area,
    subject,
    points: points(s, from, to),
  }));
}

/** Lines of one metric (one chart); lines with no figure at all in the window are dropped. */
export const sameMetric = (ls: CompareLine[], metric: Metric) =>
  ls.filter((l) => l.metric === metric && l.points.some((p) => p.value !== null));

/** Lines grouped by metric (small multiples: one chart per metric, each with its own axis). */
export function byMetric(ls: CompareLine[]): { metric: Metric; lines: CompareLine[] }[] {
  return METRICS.map((metric) => ({ metric, lines: sameMetric(ls, metric) })).filter((g) => g.lines.length);
}

export const CSV_HEADER = ['month', 'metric', 'area_type', 'area', 'value', 'qualifier'] as const;

/** Exactly what is charted: one row per line and month, "no data" as an empty value. */
export function compareCsv(ls: readonly CompareLine[]): string {
  const rows = ls.flatMap((l) =>
    l.points.map((p) => [monthIso(p.month), l.metric, l.areaType, l.area, p.value, p.qualifier ?? 'no_data']),
  );
  return csvText(CSV_HEADER, rows);
}
