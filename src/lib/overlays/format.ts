/** Text the overlays share: the window as words, numbers in the reader's language. */
import { formatMonth, formatNumber, type Lang } from '../i18n/i18n.svelte';

/** "Jan 2023 – Dec 2023", or one month. */
export const periodText = (w: readonly [number, number], lang: Lang) =>
  w[0] === w[1] ? formatMonth(w[0], lang) : `${formatMonth(w[0], lang)} – ${formatMonth(w[1], lang)}`;

export const num = (n: number, lang: Lang) => formatNumber(n, lang);

/** "label (n)", the way every legend writes a count. */
export const withCount = (label: string, n: number | undefined, lang: Lang) =>
  n === undefined ? label : `${label} (${num(n, lang)})`;
