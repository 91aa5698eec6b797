/**
 * The text and legend around an exported map (PNG and SVG share it): title, time window, legend
 * groups, sources and the "made with" line. Strings come from the locale files.
 */
import type { Theme } from '../map/theme';
import type { Metric } from '../data/schema';
import type { Layers } from '../state/app.svelte';
import type { RouteFamily } from '../data/json-schema';
import type { CreditLine } from '../ui/credits';
import { STATUS_ORDER } from '../filter/lifecycle';
import { t, formatMonth, formatNumber, loc, type Lang } from '../i18n/i18n.svelte';

export interface LegendItem {
  kind: 'line' | 'dash' | 'circle';
  color: string;
  label: string;
  /** Circle radius in map pixels (reference circles). */
  r?: number;
}
export interface LegendGroup {
  title: string;
  items: LegendItem[];
}
export interface Frame {
  title: string;
  subtitle: string;
  legend: LegendGroup[];
  sources: string;
  madeWith: string;
  theme: Theme;
}

export interface FrameInput {
  lang: Lang;
  theme: Theme;
  window: [number, number];
  layers: Layers;
  metric: Metric;
  landingMetric: Metric;
  families: RouteFamily[];
  /** Reference values for landing circles and the radius function the map uses. */
  circleRefs: number[];
  radius: (v: number) => number;
  credits: CreditLine[];
  url: string;
}

export function windowText(w: [number, number], lang: Lang): string {
  return w[0] === w[1]
    ? formatMonth(w[0], lang, 'long')
    : `${formatMonth(w[0], lang, 'long')} – ${formatMonth(w[1], lang, 'long')}`;
}

export function buildFrame(x: FrameInput): Frame {
  const legend: LegendGroup[] = [];
  if (x.layers.routes)
    legend.push({
      title: t('legend.routes'),
      items: [
        ...x.families.map((f) => ({
          kind: 'line' as const,
          color: x.theme.routes[f.group],
          label: loc(f, 'name', x.lang),
        })),
        { kind: 'line', color: x.theme.fg, label: t('legend.sea') },
        { kind: 'dash', color: x.theme.fg, label: t('legend.land') },
      ],
    });
  if (x.layers.landings && x.circleRefs.length)
    legend.push({
      title: t(`metric.${x.landingMetric}`),
      items: x.circleRefs.map((v) => ({
        kind: 'circle',
        color: x.theme.landing,
        label: formatNumber(v, x.lang),
        r: x.radius(v),
      })),
    });
  if (x.layers.agreements)
    legend.push({
      title: `${t('layers.agreements')} (${t('agreement.statusAtEnd').toLowerCase()})`,
      items: STATUS_ORDER.map((s) => ({
        kind: s === 'ended' ? ('dash' as const) : ('line' as const),
        color: x.theme.agreement[s],
        label: t(`agreement.status.${s}`),
      })),
    });
  return {
    title: t('app.title'),
    subtitle: `${t('app.subtitle')} · ${windowText(x.window, x.lang)}`,
    legend,
    sources: `${t('share.export.sources')}: ${x.credits.map((c) => `${c.attribution} (${c.licence})`).join('; ')}`,
    madeWith: t('share.export.madeWith', { url: x.url }),
    theme: x.theme,
  };
}

/** Greedy word wrap by an estimated width (measure: text → width in px). */
export function wrap(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
