/** "Cite this view": a plain-text citation of the current view (title, window, sources, URL, date). */
import { t, type Lang } from '../i18n/i18n.svelte';
import type { CreditLine } from '../ui/credits';
import { windowText } from './frame';

export function citation(x: {
  lang: Lang;
  window: [number, number];
  overlays: string[];
  credits: CreditLine[];
  url: string;
  accessed: Date;
  /** The published headline (else the app's title). */
  title?: string;
  /** Short publisher names of the data drawn (else the credits' attributions). */
  publishers?: string[];
}): string {
  const date = new Intl.DateTimeFormat(x.lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(x.accessed);
  return t('share.cite.text', {
    title: x.title ? `${x.title} (${t('app.title')})` : `${t('app.title')}: ${t('app.subtitle')}`,
    window: windowText(x.window, x.lang),
    overlays: x.overlays.join(', '),
    sources: (x.publishers ?? x.credits.map((c) => c.attribution)).join('; '),
    url: x.url,
    date,
  });
}
