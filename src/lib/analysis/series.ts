/**
 * From the app's data to the before/after arithmetic: which series an agreement concerns (its
 * `concerns` field in agreements.json: arrival countries and route families), a month lookup over a
 * series, and the lifecycle events a reader can anchor the comparison on.
 */
import { METRICS } from '../data/schema';
import type { CatalogAgreement as Agreement, CatalogEvent as AgreementEvent } from '../data/types';
import type { CatalogFile } from '../data/types';
import { monthIndex, type MonthIndex } from '../data/time';
import type { Series } from '../filter/aggregate';
import { routeAreas } from '../ui/charts/series';
import type { EventAnchor, Lookup } from './beforeAfter';

/**
 * Metrics whose figures are lower bounds by nature (IOM counts the deaths it has recorded): "at
 * least" there is the metric, not a partly reported month. Elsewhere "at least" marks a month whose
 * figure covers only part of it (e.g. 15 of 30 daily reports), which is left out of percentages.
 */
export const LOWER_BOUND_METRICS: ReadonlySet<string> = new Set(['dead_missing']);

export function lookupFor(s: Series): Lookup {
  const partial = !LOWER_BOUND_METRICS.has(s.metric);
  return (m: MonthIndex) => {
    const i = m - s.start;
    if (i < 0 || i >= s.length || s.pPresent[i + 1] - s.pPresent[i] !== 1)
      return { value: null, incomplete: false };
    return {
      value: s.pValue[i + 1] - s.pValue[i],
      incomplete: partial && s.pAtLeast[i + 1] - s.pAtLeast[i] > 0,
    };
  };
}

/** The lifecycle events a comparison can be anchored on. */
export const ANCHOR_TYPES = ['signed', 'in_force', 'suspended', 'ended'] as const;
export type AnchorType = (typeof ANCHOR_TYPES)[number];

export interface EventChoice {
  /** Index of the event in the agreement's list (stable key). */
  index: number;
  type: AnchorType;
  iso: string;
  anchor: EventAnchor;
}

export function eventChoices(a: Agreement): EventChoice[] {
  const out: EventChoice[] = [];
  a.events.forEach((e: AgreementEvent, index) => {
    if (!e.date || !(ANCHOR_TYPES as readonly string[]).includes(e.type)) return;
    out.push({
      index,
      type: e.type as AnchorType,
      iso: e.date.iso,
      anchor: { month: monthIndex(e.date.iso), precision: e.date.precision },
    });
  });
  return out;
}

/**
 * The monthly series an agreement concerns, one per metric × area, in metric order: its countries'
 * series, then its route families' route areas. Never summed; empty when it has no `concerns`.
 */
export function concernSeries(cat: CatalogFile, series: Map<string, Series>, a: Agreement): Series[] {
  const c = a.concerns;
  if (!c) return [];
  const areas = [...new Set(c.routes.flatMap((id) => routeAreas(cat, { kind: 'family', id })))];
  const keys: string[] = [];
  for (const m of METRICS) {
    for (const country of c.countries) keys.push(`${m}|country|${country}`);
    for (const area of areas) keys.push(`${m}|route|${area}`);
  }
  return [...new Set(keys)]
    .map((k) => series.get(k))
    .filter((s): s is Series => !!s && s.length > 0 && s.pPresent[s.length] > 0);
}

/** The agreement a story chapter is about: its focus, else its selection (null if neither is one). */
export function chapterAgreement(c: {
  focus: { kind: string; id: string } | null;
  selection: { kind: string; id: string } | null;
}): string | null {
  if (c.focus?.kind === 'agreement') return c.focus.id;
  if (c.selection?.kind === 'agreement') return c.selection.id;
  return null;
}

/**
 * The event a chapter's before/after opens on: the first one dated inside the chapter's window,
 * else the last one before it, else the first (null when the agreement has no dated event).
 */
export function chapterEvent(
  choices: readonly EventChoice[],
  window: [MonthIndex, MonthIndex],
): number | null {
  const inside = choices.find((c) => c.anchor.month >= window[0] && c.anchor.month <= window[1]);
  if (inside) return inside.index;
  const before = choices.filter((c) => c.anchor.month < window[0]).at(-1);
  return (before ?? choices[0])?.index ?? null;
}

/**
 * Who says which routes and countries an agreement concerns, for the chart caption: the
 * `concernsSource` field when the data has it (a source id, shown as its publisher, or a citation
 * as written), else `concerns.source`, else the editors' assignment.
 */
export function concernsBasis(
  a: Agreement,
  sources: readonly { id: string; publisher: string }[],
): { basis: 'source'; source: string } | { basis: 'editors' } {
  const named = (a as { concernsSource?: unknown }).concernsSource;
  const ref = typeof named === 'string' && named.trim() ? named.trim() : (a.concerns?.source ?? null);
  if (!ref) return { basis: 'editors' };
  return { basis: 'source', source: sources.find((s) => s.id === ref)?.publisher ?? ref };
}
