/**
 * The always-visible summary line: period · headline figure with its metric and area · the phrases of
 * the overlays on the map (from the overlay model, e.g. "5 agreements in force").
 */
import type { Metric } from '../data/schema';
import type { WindowSum } from '../filter/aggregate';
import { formatCount } from '../filter/format';
import type { Translate } from '../overlays/types';

export interface SummaryInput {
  period: string;
  metric: Metric;
  headline: WindowSum | null;
  /** The visible overlays' summary phrases, in menu order. */
  phrases: readonly string[];
  lang: string;
  t: Translate;
}

export function summaryText({ period, metric, headline, phrases, lang, t }: SummaryInput): string {
  const parts = [period];
  parts.push(
    headline
      ? t(`summary.${metric}`, { value: formatCount(headline.value, headline.qualifier, lang) })
      : t(`summary.none.${metric}`),
  );
  parts.push(...phrases);
  return parts.join(' · ');
}
