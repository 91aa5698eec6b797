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
  title: string;
  subtitle: string;
  legend: LegendGroup[];
  sources: string;
  madeWith: string;
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
}

export function windowText(w: readonly [number, number], lang: Lang): string {
  return w[0] === w[1]
    ? formatMonth(w[0], lang, 'long')
    : `${formatMonth(w[0], lang, 'long')} – ${formatMonth(w[1], lang, 'long')}`;
}

export function buildFrame(x: FrameInput): Frame {
  return {
    title: t('app.title'),
    subtitle: `${t('app.subtitle')} · ${windowText(x.window, x.lang)}`,
    legend: x.legend,
    sources: `${t('share.export.sources')}: ${x.credits.map((c) => `${c.attribution} (${c.licence})`).join('; ')}`,
    madeWith: t('share.export.madeWith', { url: x.url }),
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
