/** The always-visible summary line: period · headline figure with its metric and area · agreements in force. */
import type { Metric } from '../data/schema';
import type { WindowSum } from '../filter/aggregate';
import { formatCount } from '../filter/format';

export interface SummaryInput {
  period: string;
  metric: Metric;
  headline: WindowSum | null;
  inForce: number;
  lang: string;
  t: (key: string, p?: Record<string, string | number>) => string;
}

export function summaryText({ period, metric, headline, inForce, lang, t }: SummaryInput): string {
  const parts = [period];
  parts.push(
    headline
      ? t(`summary.${metric}`, { value: formatCount(headline.value, headline.qualifier, lang) })
      : t(`summary.none.${metric}`),
  );
  parts.push(t('summary.inForce', { n: inForce }));
  return parts.join(' · ');
}
