/**
 * Route areas (as Frontex or IOM name them) with no figure at all in the window. The legend says
 * "no data for …" for them, so a thin line or an empty stretch of sea is never read as a zero.
 * A month IOM records with no incident is a real zero and is not a gap; a month outside a
 * publisher's file (Frontex after September 2025, IOM before 2014 or after May 2026) is.
 */
import { sumWindow, type Series } from '../filter/aggregate';
import type { Metric } from '../data/schema';
import { routeAreaName } from '../i18n/names';
import type { Lang } from '../i18n/i18n.svelte';
import { periodText } from './format';
import type { Translate } from './types';

/** The route areas in `areas` whose `metric` series has no figure in the window (or no series). */
export function routesWithoutFigure(
  series: ReadonlyMap<string, Series>,
  metric: Metric,
  areas: Iterable<string>,
  window: readonly [number, number],
): string[] {
  return [...new Set(areas)].filter((r) => {
    const s = series.get(`${metric}|route|${r}`);
    return !s || !sumWindow(s, [window[0], window[1]]);
  });
}

/** Their names in the reader's language, sorted, joined with commas. */
export function routeAreaNames(areas: readonly string[], lang: Lang): string {
  return areas
    .map((r) => routeAreaName(r, lang))
    .sort((a, b) => a.localeCompare(b, lang))
    .join(', ');
}

/** The legend and table note ("No Frontex figures for Oct 2025 – Dec 2025: …"), or none. */
export function routeGapNote(
  key: 'routes.noData' | 'deaths.noData',
  areas: readonly string[],
  lang: Lang,
  t: Translate,
  window: readonly [number, number],
): string[] {
  return areas.length
    ? [t(key, { period: periodText(window, lang), areas: routeAreaNames(areas, lang) })]
    : [];
}
