/**
 * Before/after arithmetic for one monthly series around one dated event: the N months before and
 * the N months after, and the same calendar months of earlier years as a seasonal reference. Pure:
 * it reads months through a lookup, so it is tested on fixtures and shared by the chart and caption.
 *
 * Rules (the caption's note says them in words):
 * - The event's own period is left out of both windows. A day- or month-precision event dated in
 *   month E gives before = E−N … E−1 and after = E+1 … E+N. A year-precision event ("2017") could
 *   fall in any month of that year, so the whole year is left out: before ends in December of the
 *   previous year, after starts in January of the next.
 * - A month with no figure is "missing"; a month whose figure covers only part of it (e.g. 15 of 30
 *   daily reports) is "incomplete". Both are drawn as such and left out of the totals compared.
 * - When every month of both windows is complete the change compares the two totals; when some are
 *   left out it compares the average per complete month on each side, and says how many were left
 *   out. With fewer than half the months complete on a side there is no percentage.
 * - A change from zero has no percentage ("from none to 40"); zero to zero is "none in either".
 */
import type { MonthIndex } from '../data/time';
import type { Precision } from '../data/fields';

export interface MonthFigure {
  /** null: no figure for the month. */
  value: number | null;
  /** The figure covers only part of the month (a lower bound). */
  incomplete: boolean;
}
export type Lookup = (m: MonthIndex) => MonthFigure;

export interface EventAnchor {
  /** First month of the event's date period. */
  month: MonthIndex;
  precision: Precision;
}

export type MonthState = 'complete' | 'incomplete' | 'missing';
export interface MonthCell {
  month: MonthIndex;
  value: number | null;
  state: MonthState;
}

export interface WindowStat {
  from: MonthIndex;
  to: MonthIndex;
  months: MonthCell[];
  /** Sum of the complete months. */
  sum: number;
  /** Number of complete months. */
  complete: number;
  /** Months left out (missing or incomplete). */
  excluded: MonthIndex[];
}

export type Change =
  | { kind: 'pct'; pct: number; basis: 'total' | 'average' }
  | { kind: 'from_zero'; basis: 'total' | 'average' }
  | { kind: 'both_zero' }
  | { kind: 'too_few'; side: 'before' | 'after' | 'both' };

export interface Comparison {
  /** 0 for the windows around the event, k for the same months k years earlier. */
  yearsBack: number;
  before: WindowStat;
  after: WindowStat;
  change: Change;
}

export interface BeforeAfter {
  n: number;
  /** The months left out because the event falls in them (one month, or a whole year). */
  gap: [MonthIndex, MonthIndex];
  main: Comparison;
  reference: Comparison[];
}

/** The months the event may fall in: its month, or all twelve months of its year. */
export function eventGap(e: EventAnchor): [MonthIndex, MonthIndex] {
  return e.precision === 'year' ? [e.month, e.month + 11] : [e.month, e.month];
}

export function windowStat(lookup: Lookup, from: MonthIndex, to: MonthIndex): WindowStat {
  const months: MonthCell[] = [];
  let sum = 0,
    complete = 0;
  const excluded: MonthIndex[] = [];
  for (let m = from; m <= to; m++) {
    const f = lookup(m);
    const state: MonthState = f.value === null ? 'missing' : f.incomplete ? 'incomplete' : 'complete';
    months.push({ month: m, value: f.value, state });
    if (state === 'complete') {
      sum += f.value!;
      complete++;
    } else excluded.push(m);
  }
  return { from, to, months, sum, complete, excluded };
}

/** The change from `before` to `after` (see the module's rules). */
export function change(before: WindowStat, after: WindowStat): Change {
  const n = (w: WindowStat) => w.to - w.from + 1;
  const few = (w: WindowStat) => w.complete === 0 || w.complete * 2 < n(w);
  const fb = few(before),
    fa = few(after);
  if (fb || fa) return { kind: 'too_few', side: fb && fa ? 'both' : fb ? 'before' : 'after' };
  const basis = before.excluded.length || after.excluded.length ? 'average' : 'total';
  const b = basis === 'total' ? before.sum : before.sum / before.complete;
  const a = basis === 'total' ? after.sum : after.sum / after.complete;
  if (b === 0) return a === 0 ? { kind: 'both_zero' } : { kind: 'from_zero', basis };
  return { kind: 'pct', pct: ((a - b) / b) * 100, basis };
}

function compare(lookup: Lookup, gap: [MonthIndex, MonthIndex], n: number, k: number): Comparison {
  const shift = 12 * k;
  const before = windowStat(lookup, gap[0] - n - shift, gap[0] - 1 - shift);
  const after = windowStat(lookup, gap[1] + 1 - shift, gap[1] + n - shift);
  return { yearsBack: k, before, after, change: change(before, after) };
}

/**
 * N months before and after an event, and the same calendar months `referenceYears` years earlier
 * (1 … referenceYears), each compared the same way.
 */
export function beforeAfter(lookup: Lookup, event: EventAnchor, n: number, referenceYears = 1): BeforeAfter {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`N must be a whole number of months ≥ 1 (got ${n})`);
  const gap = eventGap(event);
  const reference: Comparison[] = [];
  for (let k = 1; k <= referenceYears; k++) reference.push(compare(lookup, gap, n, k));
  return { n, gap, main: compare(lookup, gap, n, 0), reference };
}

/** The N choices offered in the UI (any whole N ≥ 1 works in the arithmetic). */
export const N_CHOICES = [6, 12, 24] as const;
