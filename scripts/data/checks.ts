/**
 * Consistency checks across count rows that the schema cannot see row by row: a month's sum
 * against the published annual figure of the same series. See docs/data-notes.md, "Tolerances".
 */
import type { Count } from '../../src/lib/data/schema';

/**
 * How far (as a fraction of the annual figure) the sum of a complete year of monthly figures may
 * fall from the published annual figure of the same series. Italy's monthly series after August
 * 2019 sums the ministry's daily "by 08:00" figures, which run 1–4 % under the consolidated annual
 * totals (2024: 3.7 %); UNHCR's monthly values to 2018 add up exactly. 5 % leaves room for that
 * known undercount and flags anything larger (a wrong month, a typo, a mixed-up series).
 */
export const MONTHLY_ANNUAL_TOLERANCE = 0.05;

type Row = Pick<Count, 'id' | 'metric' | 'area_type' | 'area' | 'period' | 'value' | 'qualifier'>;

export interface YearComparison {
  /** metric|area_type|area, as the app's series key. */
  series: string;
  year: number;
  monthlySum: number;
  annual: number;
  annualId: string;
  /** (monthlySum − annual) / annual */
  relDiff: number;
}

/**
 * Every year of every series that has both an annual row and twelve monthly rows, none of them
 * "at least" (a month with missing days is not a complete month). Years with fewer months are
 * skipped: a partial sum says nothing about the annual figure.
 */
export function monthlyVsAnnual(counts: readonly Row[]): YearComparison[] {
  const annual = new Map<string, Row>();
  const months = new Map<string, Row[]>();
  for (const c of counts) {
    const key = `${c.metric}|${c.area_type}|${c.area}|${c.period.slice(0, 4)}`;
    if (c.period.length === 4) annual.set(key, c);
    else (months.get(key) ?? months.set(key, []).get(key)!).push(c);
  }
  const out: YearComparison[] = [];
  for (const [key, a] of annual) {
    const ms = months.get(key) ?? [];
    const distinct = new Set(ms.map((m) => m.period));
    if (distinct.size !== 12 || ms.length !== 12 || ms.some((m) => m.qualifier === 'at_least')) continue;
    const monthlySum = ms.reduce((s, m) => s + m.value, 0);
    const [metric, areaType, area, year] = key.split('|');
    out.push({
      series: `${metric}|${areaType}|${area}`,
      year: Number(year),
      monthlySum,
      annual: a.value,
      annualId: a.id,
      relDiff: a.value === 0 ? (monthlySum === 0 ? 0 : Infinity) : (monthlySum - a.value) / a.value,
    });
  }
  return out.sort((x, y) => x.series.localeCompare(y.series) || x.year - y.year);
}

/** The comparisons outside the tolerance. */
export function outsideTolerance(
  counts: readonly Row[],
  tolerance = MONTHLY_ANNUAL_TOLERANCE,
): YearComparison[] {
  return monthlyVsAnnual(counts).filter((c) => Math.abs(c.relDiff) > tolerance);
}

/**
 * The periods whose figure covers only part of the period (`incomplete`), one line per series:
 * "sea_arrivals GRC: 2019-11". Printed by `npm run data` so partial months are never silent.
 */
export function incompletePeriods(
  counts: readonly Pick<Count, 'metric' | 'area' | 'period' | 'incomplete'>[],
): string[] {
  const by = new Map<string, string[]>();
  for (const c of counts) {
    if (!c.incomplete) continue;
    const k = `${c.metric} ${c.area}`;
    (by.get(k) ?? by.set(k, []).get(k)!).push(c.period);
  }
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([k, ps]) => `${k}: ${ps.sort().join(', ')}`);
}
