/**
 * Interface strings live in locale files (one folder per locale, one JSON file per feature so
 * features don't collide); numbers and dates go through Intl in the chosen locale.
 */
import { nameOf } from './names';

const modules = import.meta.glob<Record<string, string>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const LOCALES = {
  en: { name: 'English', dir: 'ltr', complete: true },
  it: { name: 'Italiano', dir: 'ltr', complete: true },
} as const;
export type Lang = keyof typeof LOCALES;
export const isLang = (s: string): s is Lang => s in LOCALES;

export const MESSAGES: Record<string, Record<string, string>> = {};
for (const [path, msgs] of Object.entries(modules)) {
  const lang = path.split('/')[2];
  MESSAGES[lang] = { ...(MESSAGES[lang] ?? {}), ...msgs };
}

class I18n {
  lang = $state<Lang>('en');
}
export const i18n = new I18n();

/** Translate a key, filling {name} placeholders. Falls back to English, then to the key itself. */
export function t(key: string, params?: Record<string, string | number>): string {
  const msg = MESSAGES[i18n.lang]?.[key] ?? MESSAGES.en?.[key] ?? key;
  return params ? msg.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`)) : msg;
}

const nf = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, lang: Lang = i18n.lang, opts: Intl.NumberFormatOptions = {}): string {
  const k = lang + JSON.stringify(opts);
  if (!nf.has(k)) nf.set(k, new Intl.NumberFormat(lang, opts));
  return nf.get(k)!.format(n);
}

export function formatMonth(m: number, lang: Lang = i18n.lang, month: 'short' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
  return new Intl.DateTimeFormat(lang, { month, year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words, keeping its precision. */
export function formatPartialDate(iso: string | null | undefined, lang: Lang = i18n.lang): string {
  if (!iso) return t('date.undated');
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    d === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(date);
}

/** Pick the localised field of a record (name_en / name_it …) in the current language: see nameOf. */
export function loc<T extends object>(rec: T, field: string, lang: Lang = i18n.lang): string {
  return nameOf(rec, lang, field);
}
