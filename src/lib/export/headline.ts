/**
 * The text around a published view — headline, description, notes, byline — as the reader typed
 * it, or generated from the view ("Sea arrivals in Italy, Jan – Dec 2023"). Embeds, PNG/SVG exports
 * and the citation all read `publishedText`, so they say the same thing.
 */
import type { Metric } from '../data/schema';
import { t, type Lang } from '../i18n/i18n.svelte';
import { cleanText, TEXT_LIMITS, type TextFields } from '../state/url';

/** A window in short words: "Jan – Dec 2023", "Mar 2022 – Jun 2023", "March 2023" (Intl ranges). */
export function periodShort(w: readonly [number, number], lang: Lang): string {
  const d = (m: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
  if (w[0] === w[1])
    return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d(w[0]));
  const f = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return f.formatRange(d(w[0]), d(w[1]));
}

/** The generated headline for a metric and a window, in the UI language. */
export const defaultTitle = (metric: Metric, w: readonly [number, number], lang: Lang): string =>
  t(`publish.headline.${metric}`, { period: periodShort(w, lang) });

export interface Published extends TextFields {
  /** True where the reader wrote the field (false: generated or empty). */
  custom: Record<keyof TextFields, boolean>;
}

/** The text to publish: what the reader typed, else the defaults (title generated, others empty). */
export function publishedText(
  text: TextFields,
  view: { metric: Metric; window: readonly [number, number]; lang: Lang; summary?: string },
): Published {
  const c = (k: keyof TextFields) => cleanText(text[k] ?? '', TEXT_LIMITS[k]).text;
  text = { title: c('title'), desc: c('desc'), note: c('note'), byline: c('byline') };
  return {
    title: text.title || defaultTitle(view.metric, view.window, view.lang),
    desc: text.desc || view.summary || '',
    note: text.note,
    byline: text.byline,
    custom: { title: !!text.title, desc: !!text.desc, note: !!text.note, byline: !!text.byline },
  };
}
