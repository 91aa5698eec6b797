/**
 * The text and legend around an exported map (PNG and SVG share it): title, time window, the legend
 * groups of the overlay model (the same groups the on-screen key shows, with the same counts),
 * sources and the "made with" line. Strings come from the locale files.
 */
import type { Theme } from '../map/theme';
import type { CreditLine } from '../ui/credits';
import type { LegendGroup } from '../overlays/types';
import { t, formatMonth, type Lang } from '../i18n/i18n.svelte';

export interface Frame {
  /** The headline (the reader's, or generated from the view). */
  title: string;
  /** The description under the headline (the reader's, or the summary of the view). */
  subtitle: string;
  legend: LegendGroup[];
  /** The source line: publishers, not licences ("Sources: Frontex; …"). */
  sources: string;
  /** Notes under the map ('' for none). */
  note: string;
  /** "Graphic: <byline>" ('' for none). */
  byline: string;
  madeWith: string;
  /** Full attributions with licences and links (the SVG's <metadata>; never printed on the page). */
  licences: string[];
  theme: Theme;
  lang: Lang;
}

export interface FrameInput {
  lang: Lang;
  theme: Theme;
  window: readonly [number, number];
  /** The overlay model's legend for the view (OverlayModel.legend). */
  legend: LegendGroup[];
  credits: CreditLine[];
  url: string;
  /** Headline, description, notes and byline to publish (headline.ts `publishedText`). */
  text?: { title: string; desc: string; note: string; byline: string };
  /** The source line (sourceLine.ts); without it, the data providers' attributions. */
  sources?: string;
}

export function windowText(w: readonly [number, number], lang: Lang): string {
  return w[0] === w[1]
    ? formatMonth(w[0], lang, 'long')
    : `${formatMonth(w[0], lang, 'long')} – ${formatMonth(w[1], lang, 'long')}`;
}

export function buildFrame(x: FrameInput): Frame {
  const text = x.text;
  return {
    title: text?.title || t('app.title'),
    subtitle: text?.desc || `${t('app.subtitle')} · ${windowText(x.window, x.lang)}`,
    legend: x.legend,
    sources:
      x.sources ??
      t('publish.sources', { list: [...new Set(x.credits.map((c) => c.attribution))].join('; ') }),
    note: text?.note ? t('publish.note.label', { note: text.note }) : '',
    byline: text?.byline ? t('publish.bylineText', { byline: text.byline }) : '',
    // Without an address (a build that does not know where it will be served): "Made with Crossings".
    madeWith: t('share.export.madeWith', { url: x.url }).replace(/\s*·\s*$/, ''),
    licences: x.credits.map((c) => [c.attribution, c.licence, c.url].filter(Boolean).join(' — ')),
    theme: x.theme,
    lang: x.lang,
  };
}

/** Greedy word wrap by an estimated width (measure: text → width in px). */
export function wrap(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
