/**
 * Window sums from prefix sums. Counts are grouped into series (one metric × one area); each
 * series keeps dense monthly prefix arrays, so a window sum costs O(1) per series (O(years) when a
 * series also has annual totals to fall back on). Different metrics are never added together.
 */
import type { Metric, Qualifier } from '../data/schema';
import type { CountRow } from '../data/types';
import { monthIndex, type MonthIndex } from '../data/time';
import type { Window } from './window';

const Q = { exact: 0, approx: 1, at_least: 2 } as const;

export interface Series {
  key: string;
  metric: Metric;
  areaType: CountRow['area_type'];
  area: string;
  /** First month of the dense arrays. */
  start: MonthIndex;
  length: number;
  /** Prefix sums, length + 1 long: value, months present, months approx, months at_least. */
  pValue: Float64Array;
  pPresent: Uint32Array;
  pApprox: Uint32Array;
  pAtLeast: Uint32Array;
  /** Prefix count of months whose figure covers only part of the month (see Count.incomplete). */
  pIncomplete: Uint32Array;
  annual: Map<number, { value: number; qualifier: Qualifier; id: string; incomplete: boolean }>;
  /** Row ids, for provenance. */
  sources: Set<string>;
}

export interface WindowSum {
  value: number;
  qualifier: Qualifier;
  /**
   * False when some months of the window have no figure, or a figure that covers only part of its
   * period (the value is then a partial sum, never shown as exact).
   */
  complete: boolean;
  /** Months (or whole years) that contributed. */
  covered: number;
}

export const seriesKey = (metric: string, areaType: string, area: string) => `${metric}|${areaType}|${area}`;

export function buildSeries(counts: readonly CountRow[]): Map<string, Series> {
  const groups = new Map<string, CountRow[]>();
  for (const c of counts) {
    const k = seriesKey(c.metric, c.area_type, c.area);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
  }
  const out = new Map<string, Series>();
  for (const [key, rows] of groups) {
    const monthly = rows.filter((r) => r.period.length === 7);
    const months = monthly.map((r) => monthIndex(r.period));
    const start = months.length ? Math.min(...months) : 0;
    const length = months.length ? Math.max(...months) - start + 1 : 0;
    const val = new Float64Array(length);
    const present = new Uint8Array(length);
    const q = new Uint8Array(length);
    const partial = new Uint8Array(length);
    monthly.forEach((r, i) => {
      const j = months[i] - start;
      val[j] += r.value;
      present[j] = 1;
      q[j] = Math.max(q[j], Q[r.incomplete ? 'at_least' : r.qualifier]);
      if (r.incomplete) partial[j] = 1;
    });
    const s: Series = {
      key,
      metric: rows[0].metric,
      areaType: rows[0].area_type,
      area: rows[0].area,
      start,
      length,
      pValue: new Float64Array(length + 1),
      pPresent: new Uint32Array(length + 1),
      pApprox: new Uint32Array(length + 1),
      pAtLeast: new Uint32Array(length + 1),
      pIncomplete: new Uint32Array(length + 1),
      annual: new Map(),
      sources: new Set(rows.flatMap((r) => r.sources)),
    };
    for (let i = 0; i < length; i++) {
      s.pValue[i + 1] = s.pValue[i] + val[i];
      s.pPresent[i + 1] = s.pPresent[i] + present[i];
      s.pApprox[i + 1] = s.pApprox[i] + (q[i] === 1 ? 1 : 0);
      s.pAtLeast[i + 1] = s.pAtLeast[i] + (q[i] === 2 ? 1 : 0);
      s.pIncomplete[i + 1] = s.pIncomplete[i] + partial[i];
    }
    for (const r of rows)
      if (r.period.length === 4)
        s.annual.set(Number(r.period), {
          value: r.value,
          qualifier: r.incomplete ? 'at_least' : r.qualifier,
          id: r.id,
          incomplete: !!r.incomplete,
        });
    out.set(key, s);
  }
  return out;
}

/** Monthly part of a range [a, b] (clipped to the series): value, months present, worst qualifier. */
function monthlyRange(s: Series, a: MonthIndex, b: MonthIndex) {
  const i = Math.max(0, a - s.start);
  const j = Math.min(s.length, b - s.start + 1);
  if (j <= i) return { value: 0, present: 0, q: 0, partial: 0 };
  const present = s.pPresent[j] - s.pPresent[i];
  const q = s.pAtLeast[j] - s.pAtLeast[i] > 0 ? 2 : s.pApprox[j] - s.pApprox[i] > 0 ? 1 : 0;
  return { value: s.pValue[j] - s.pValue[i], present, q, partial: s.pIncomplete[j] - s.pIncomplete[i] };
}

const QUALS: Qualifier[] = ['exact', 'approx', 'at_least'];

/**
 * Sum of a series over a window. Monthly figures are used where every month is present; a year
 * wholly inside the window whose months are incomplete uses its annual total instead. Returns
 * null when nothing in the window has a figure.
 */
export function sumWindow(s: Series, w: Window): WindowSum | null {
  const [a, b] = w;
  if (s.annual.size === 0) {
    const r = monthlyRange(s, a, b);
    if (r.present === 0) return null;
    const complete = r.present === b - a + 1 && r.partial === 0;
    return { value: r.value, qualifier: QUALS[r.partial ? 2 : r.q], complete, covered: r.present };
  }
  let value = 0,
    q = 0,
    covered = 0,
    complete = true;
  for (let y = Math.floor(a / 12); y <= Math.floor(b / 12); y++) {
    const ya = Math.max(a, y * 12),
      yb = Math.min(b, y * 12 + 11);
    const r = monthlyRange(s, ya, yb);
    const whole = ya === y * 12 && yb === y * 12 + 11;
    const annual = s.annual.get(y);
    // A whole calendar year takes the published annual total when there is one (consolidated
    // figures; Italy's monthly sums from the daily 08:00 reports run 1–4 % under them).
    if (whole && annual) {
      value += annual.value;
      q = Math.max(q, Q[annual.qualifier]);
      covered += 12;
      if (annual.incomplete) complete = false;
    } else if (r.present === yb - ya + 1 && r.partial === 0) {
      value += r.value;
      q = Math.max(q, r.q);
      covered += r.present;
    } else {
      complete = false;
      if (r.present > 0) {
        value += r.value;
        q = Math.max(q, r.q);
        covered += r.present;
      }
    }
  }
  if (covered === 0) return null;
  return { value, qualifier: complete ? QUALS[q] : 'at_least', complete, covered };
}

/** Monthly values of a series for a range (null where missing), for histograms and charts. */
export function monthlyValues(s: Series, from: MonthIndex, to: MonthIndex): (number | null)[] {
  const out: (number | null)[] = [];
  for (let m = from; m <= to; m++) {
    const i = m - s.start;
    out.push(
      i >= 0 && i < s.length && s.pPresent[i + 1] - s.pPresent[i] === 1
        ? s.pValue[i + 1] - s.pValue[i]
        : null,
    );
  }
  return out;
}
