/**
 * What the detail charts show, as plain data: which series belong to a selection (a route, a
 * country, a place), their bars for the window (monthly where monthly figures exist, otherwise
 * annual totals), and the agreements concerning the selection, placed on the same time axis.
 * One metric per chart: series are never summed here.
 */
import type { Qualifier } from '../../data/schema';
import { METRICS, ROUTE_AREAS } from '../../data/schema';
import type { CatalogAgreement as Agreement, CatalogEvent as AgreementEvent } from '../../data/types';
import type { CatalogFile } from '../../data/types';
import { yearOf, type MonthIndex } from '../../data/time';
import { monthlyValues, type Series } from '../../filter/aggregate';
import { eventMonth } from '../../filter/lifecycle';
import { cluster } from '../../timeline/cluster';

export type ChartSubject = { kind: 'family' | 'segment' | 'place' | 'country'; id: string };

/**
 * Route areas whose series speak for a route family beyond its own Frontex route: IOM counts deaths
 * on the land routes through Niger, Libya and Algeria as "Sahara Desert crossing".
 */
export const EXTRA_ROUTE_AREAS: Record<string, string[]> = { north_african: ['sahara'] };

/** The route areas (series areas of type "route") of a family or a segment. */
export function routeAreas(cat: CatalogFile, subject: ChartSubject): string[] {
  const familyAreas = (familyId: string) => {
    const f = cat.families.find((x) => x.id === familyId);
    if (!f) return [];
    const segs = cat.segments.filter((s) => s.family === f.id).map((s) => s.frontex_route);
    return [f.frontex_route, f.group, ...segs, ...(EXTRA_ROUTE_AREAS[f.group] ?? [])].filter(
      (a): a is string => !!a && a in ROUTE_AREAS,
    );
  };
  if (subject.kind === 'family') return [...new Set(familyAreas(subject.id))];
  if (subject.kind === 'segment') {
    const s = cat.segments.find((x) => x.id === subject.id);
    if (!s) return [];
    return s.frontex_route ? [s.frontex_route] : [...new Set(familyAreas(s.family))];
  }
  return [];
}

/** The series shown for a subject, in metric order (then area order). */
export function seriesFor(cat: CatalogFile, series: Map<string, Series>, subject: ChartSubject): Series[] {
  const keys: string[] = [];
  if (subject.kind === 'place' || subject.kind === 'country') {
    for (const m of METRICS) keys.push(`${m}|${subject.kind}|${subject.id}`);
  } else {
    const areas = routeAreas(cat, subject);
    for (const m of METRICS) for (const a of areas) keys.push(`${m}|route|${a}`);
  }
  return keys.map((k) => series.get(k)).filter((s): s is Series => !!s);
}

export interface ChartBar {
  /** First and last month the bar covers (a month, or a whole year). */
  start: MonthIndex;
  end: MonthIndex;
  value: number;
  qualifier: Qualifier;
  /** The figure covers only part of its period (never shown as exact). */
  incomplete: boolean;
}
export interface ChartData {
  granularity: 'month' | 'year';
  /** The axis: first and last month shown. */
  from: MonthIndex;
  to: MonthIndex;
  bars: ChartBar[];
}

/**
 * Bars of a series over a window: one per month with a figure when the series has monthly figures
 * in the window, otherwise one per year with an annual total. Null when the window has no figure.
 */
export function chartData(s: Series, w: [MonthIndex, MonthIndex]): ChartData | null {
  const [from, to] = w;
  const vals = monthlyValues(s, from, to);
  if (vals.some((v) => v !== null)) {
    const bars: ChartBar[] = [];
    vals.forEach((v, i) => {
      if (v === null) return;
      const m = from + i,
        j = m - s.start;
      const q: Qualifier =
        s.pAtLeast[j + 1] - s.pAtLeast[j] > 0
          ? 'at_least'
          : s.pApprox[j + 1] - s.pApprox[j] > 0
            ? 'approx'
            : 'exact';
      const incomplete = s.pIncomplete[j + 1] - s.pIncomplete[j] > 0;
      bars.push({ start: m, end: m, value: v, qualifier: q, incomplete });
    });
    return { granularity: 'month', from, to, bars };
  }
  const bars: ChartBar[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    const a = s.annual.get(y);
    if (a)
      bars.push({
        start: y * 12,
        end: y * 12 + 11,
        value: a.value,
        qualifier: a.qualifier,
        incomplete: a.incomplete,
      });
  }
  return bars.length
    ? { granularity: 'year', from: yearOf(from) * 12, to: yearOf(to) * 12 + 11, bars }
    : null;
}

/**
 * The periods of a chart's axis with no figure, as runs [first, last] of months (or of whole years
 * for an annual chart): the chart says "no data for …" instead of leaving a silent blank.
 */
export function chartGaps(data: ChartData): [MonthIndex, MonthIndex][] {
  const step = data.granularity === 'year' ? 12 : 1;
  const have = new Set(data.bars.map((b) => b.start));
  const out: [MonthIndex, MonthIndex][] = [];
  for (let m = data.from; m <= data.to; m += step) {
    if (have.has(m)) continue;
    const last = out[out.length - 1];
    if (last && last[1] + 1 === m) last[1] = m + step - 1;
    else out.push([m, m + step - 1]);
  }
  return out;
}

/** Agreements concerning a subject: by route family, or by party (a place's country). */
export function agreementsFor(cat: CatalogFile, subject: ChartSubject): Agreement[] {
  if (subject.kind === 'family' || subject.kind === 'segment') {
    const fam =
      subject.kind === 'family' ? subject.id : cat.segments.find((s) => s.id === subject.id)?.family;
    return fam ? cat.agreements.filter((a) => a.routes.includes(fam)) : [];
  }
  const country =
    subject.kind === 'country' ? subject.id : cat.places.find((p) => p.id === subject.id)?.country;
  return country ? cat.agreements.filter((a) => a.parties.includes(country)) : [];
}

export interface AgreementMark {
  agreement: Agreement;
  event: AgreementEvent;
  month: MonthIndex;
}

/** Dated agreement events inside [from, to], one per agreement and month, in time order. */
export function agreementMarks(agreements: Agreement[], from: MonthIndex, to: MonthIndex): AgreementMark[] {
  const out: AgreementMark[] = [];
  for (const a of agreements) {
    const seen = new Set<number>();
    for (const e of a.events) {
      const m = eventMonth(e);
      if (m === null || m < from || m > to || seen.has(m)) continue;
      seen.add(m);
      out.push({ agreement: a, event: e, month: m });
    }
  }
  return out.sort((x, y) => x.month - y.month || x.agreement.id.localeCompare(y.agreement.id));
}

/** An agreement mark on a chart: its month, its number in the list under the charts, its title. */
export interface ChartMark {
  month: MonthIndex;
  n: number;
  title: string;
}

/** One label of agreement numbers in a chart's top margin, with the rules (x) it stands for. */
export interface PlacedMarks {
  marks: ChartMark[];
  /** Distinct x of the dashed rules, left to right. */
  xs: number[];
  /** Centre of the label. */
  cx: number;
  /** "3", or "3–5" for several marks (their numbers are consecutive: marks are numbered in time order). */
  text: string;
  x0: number;
  x1: number;
}

/** The label of marks numbered ns: "3", "3–5", or "3, 7" when not consecutive. */
export function markLabel(ns: readonly number[]): string {
  const s = [...ns].sort((a, b) => a - b);
  if (s.length === 1) return String(s[0]);
  const consecutive = s.every((v, i) => i === 0 || v === s[i - 1] + 1);
  return consecutive ? `${s[0]}–${s[s.length - 1]}` : s.join(', ');
}

/** Width of a mark label in chart units (9 px bold digits, with a little air). */
export const markLabelWidth = (text: string) => 5.6 * text.length + 4;

/**
 * Labels for a chart's agreement marks: each centred over its rule, and marks whose labels would
 * touch share one label ("3–5"), so no two labels are closer than `gap` and none leaves `bounds`.
 */
export function placeMarks(
  marks: readonly ChartMark[],
  xOf: (month: MonthIndex) => number,
  bounds: readonly [number, number],
  gap = 3,
): PlacedMarks[] {
  const extent = (ms: readonly ChartMark[]) => {
    const xs = ms.map((m) => xOf(m.month));
    const c = (Math.min(...xs) + Math.max(...xs)) / 2;
    const w = markLabelWidth(markLabel(ms.map((m) => m.n)));
    return { x0: c - w / 2, x1: c + w / 2 };
  };
  return cluster(marks, { pos: (m) => xOf(m.month), extent, gap, bounds }).map((c) => ({
    marks: c.members,
    xs: [...new Set(c.members.map((m) => xOf(m.month)))].sort((a, b) => a - b),
    cx: (c.x0 + c.x1) / 2,
    text: markLabel(c.members.map((m) => m.n)),
    x0: c.x0,
    x1: c.x1,
  }));
}

/** A label under a chart's x-axis (ChartAxes). */
export interface XTick {
  /** Unique key (a month index). */
  key: number;
  x: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
}
