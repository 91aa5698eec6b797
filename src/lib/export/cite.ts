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
}): string {
  const date = new Intl.DateTimeFormat(x.lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(x.accessed);
  return t('share.cite.text', {
    title: `${t('app.title')}: ${t('app.subtitle')}`,
    window: windowText(x.window, x.lang),
    overlays: x.overlays.join(', '),
    sources: x.credits.map((c) => c.attribution).join('; '),
    url: x.url,
    date,
  });
}
