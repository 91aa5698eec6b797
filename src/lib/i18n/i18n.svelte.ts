/**
 * Interface strings live in locale files (one folder per locale, one JSON file per feature so
 * features don't collide); numbers and dates go through Intl in the chosen locale.
 *
 * A message is a string, or — when it counts something — an object of CLDR plural forms
 * (`{ "one": "{n} month/s", "other": "{n} months/s" }`) chosen by `Intl.PluralRules` on the
 * `{n}` parameter. Arabic has six forms (zero, one, two, few, many, other), French and Italian
 * two in practice (their "many" is only for millions and falls back to "other").
 *
 * Digits: every locale, Arabic included, writes Western digits (0–9). Arabic uses the locale
 * tag `ar-u-nu-latn`: the readers this map is for first (Morocco, Algeria, Tunisia, Libya) write
 * Western digits, and a figure then looks the same in every language, in exports and in citations.
 */
import { nameOf, provideNames, setNamesTracker } from './names';
import type { MessageKey } from './keys';
import { loadDataTexts } from '../data/load';
export type { MessageKey } from './keys';

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | Plural;

// English is in the first load (every message falls back to it), but only what the first view can
// show (locales/en/*.json): the messages of the lazy parts (locales/en/lazy/) are a chunk loaded
// with those parts (loadPartMessages). Each other language is a chunk of its own, both halves,
// loaded when it is chosen (or, from the start URL's `lang=`, before the app starts).
const english = import.meta.glob<Record<string, Message>>('./locales/en/*.json', {
  eager: true,
  import: 'default',
});
/** A language's chunk: its messages, and the name and text maps of the data (./names.ts). */
export interface LocaleModule {
  default: Record<string, Message>;
  names: Record<string, string>;
  texts?: Record<string, string>;
}
const others = import.meta.glob<LocaleModule>('./lang/*.ts');

/** Each language in its own name (the picker shows these), its direction and Intl locale tag. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', intl: 'en', complete: true },
  it: { name: 'Italiano', dir: 'ltr', intl: 'it', complete: true },
  fr: { name: 'Français', dir: 'ltr', intl: 'fr', complete: true },
  ar: { name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn', complete: true },
} as const;
export type Lang = keyof typeof LOCALES;
export const LANGS = Object.keys(LOCALES) as Lang[];
export const isLang = (s: string): s is Lang => s in LOCALES;
/** The BCP 47 tag to give Intl for a language (Arabic: Western digits, see above). */
export const intlLocale = (lang: string): string => (isLang(lang) ? LOCALES[lang].intl : lang);

/** The messages of each language loaded so far (English always). */
export const MESSAGES: Record<string, Record<string, Message>> = {
  en: Object.assign({}, ...Object.values(english)),
};

const pr = new Map<string, Intl.PluralRules>();
/** The CLDR plural category of n in a language. */
export function pluralCategory(n: number, lang: string): Intl.LDMLPluralRule {
  if (!pr.has(lang)) pr.set(lang, new Intl.PluralRules(intlLocale(lang)));
  return pr.get(lang)!.select(n);
}

/** A count given as a number, or as a number already formatted ("1,234", "≈ 12"): its value. */
function countOf(v: string | number | undefined): number {
  if (typeof v === 'number') return v;
  const digits = String(v ?? '').replace(/[^\d]/g, '');
  return digits === '' ? NaN : Number(digits);
}

class I18n {
  #lang = $state<Lang>('en');
  /** Bumped when a language's messages arrive: what was drawn with the English fallback redraws. */
  loaded = $state(0);
  get lang(): Lang {
    return this.#lang;
  }
  /** Switches at once (direction, dates, numbers); the words follow as soon as they are loaded. */
  set lang(l: Lang) {
    this.#lang = l;
    loadLocale(l).catch((e) => console.warn(`Could not load the ${l} messages:`, (e as Error)?.message ?? e));
  }
}
export const i18n = new I18n();
// A name shown in English while its language loads is drawn again when its maps arrive.
setNamesTracker(() => i18n.loaded);

/**
 * A language's messages given directly (the build's fallback pictures load them through Vite's SSR
 * loader, where the lazy chunk's dynamic import is not available).
 */
export function provideLocale(lang: Lang, m: LocaleModule): void {
  provideNames(lang, m.names, m.texts);
  MESSAGES[lang] = m.default;
  i18n.loaded++;
}

/**
 * The language's long texts that travel with the data, not the chunk (the catalog's Italian:
 * data/load.ts loadDataTexts), in a browser; none in Node (unit tests give them with provideLocale).
 */
function dataTexts(lang: string): Promise<Record<string, string> | null> {
  if (typeof window === 'undefined') return Promise.resolve(null);
  // Without them the language still loads: those texts fall back to English (marked lang="en").
  return loadDataTexts(lang).catch((e) => {
    console.warn(`Could not load the ${lang} texts of the data:`, (e as Error)?.message ?? e);
    return null;
  });
}

/**
 * The English messages of the lazy parts given directly (the build's fallback pictures, the unit
 * tests' setup: see provideLocale).
 */
export function providePartMessages(m: Record<string, Message>): void {
  Object.assign(MESSAGES.en, m);
  i18n.loaded++;
}

let partMessages: Promise<void> | null = null;
/**
 * Load the English messages of the lazy parts (once; after a failure the next call tries again).
 * Every lazy part waits for them before it is drawn (src/lib/ui/lazy.ts), so none shows a bare key
 * or, in a language that lacks a message, nothing at all.
 */
export function loadPartMessages(): Promise<void> {
  return (partMessages ??= import('./en-parts').then(
    (m) => providePartMessages(m.default),
    (e) => {
      partMessages = null;
      throw e;
    },
  ));
}

const loading = new Map<string, Promise<void>>();
/** Load a language's messages (once; after a failure the next call tries again). */
export function loadLocale(lang: Lang): Promise<void> {
  if (MESSAGES[lang]) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    const load = others[`./lang/${lang}.ts`];
    p = Promise.all([
      load ? load() : Promise.reject(new Error(`no messages for ${lang}`)),
      dataTexts(lang),
    ]).then(
      ([m, texts]) => provideLocale(lang, texts ? { ...m, texts: { ...m.texts, ...texts } } : m),
      (e) => {
        loading.delete(lang);
        throw e;
      },
    );
    loading.set(lang, p);
  }
  return p;
}

/** The language the start URL asks for (`lang=it`, or `lang=auto`: the browser's first we have). */
function startLang(): Lang | null {
  if (typeof location === 'undefined') return null;
  const q = new URLSearchParams(location.search).get('lang');
  const asked =
    q === 'auto' ? (globalThis.navigator?.languages ?? []).map((l) => l.toLowerCase().split('-')[0]) : [q];
  return asked.find((l): l is Lang => !!l && isLang(l)) ?? null;
}
/**
 * The start language's words, which main.ts waits for before it draws anything (no flash of
 * English); failing (offline), the app starts in English. (Not a top-level await: the offline
 * build wraps this module in a function, where `await` is a syntax error.)
 */
const first = startLang();
export const localeReady: Promise<void> = first
  ? loadLocale(first).catch(() => undefined)
  : Promise.resolve();

/**
 * Translate a key, filling {name} placeholders; a plural message picks its form from `{n}` (a
 * number is then written with formatNumber). Falls back to English, then to the key itself.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const lang = i18n.lang;
  void i18n.loaded;
  const raw = MESSAGES[lang]?.[key] ?? MESSAGES.en?.[key] ?? key;
  let msg: string;
  if (typeof raw === 'string') msg = raw;
  else {
    const n = countOf(params?.n);
    msg = (Number.isNaN(n) ? raw.other : raw[pluralCategory(n, lang)]) ?? raw.other;
    if (typeof params?.n === 'number') params = { ...params, n: formatNumber(params.n, lang) };
  }
  return params ? msg.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`)) : msg;
}

/**
 * `t` for keys built at run time (`import.role.${role}`) and for modules that take a translate
 * function over plain strings: the key is not checked by the type checker, but every dynamic
 * prefix is listed and checked against the catalogue in tests/unit/i18n-keys.test.ts.
 */
export const tDynamic = (key: string, params?: Record<string, string | number>): string =>
  t(key as MessageKey, params);

const nf = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, lang: Lang = i18n.lang, opts: Intl.NumberFormatOptions = {}): string {
  const k = lang + JSON.stringify(opts);
  if (!nf.has(k)) nf.set(k, new Intl.NumberFormat(intlLocale(lang), opts));
  return nf.get(k)!.format(n);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
export function formatMonth(m: number, lang: Lang = i18n.lang, month: 'short' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
  // One formatter per locale and style: constructing one per call was the largest self time in the
  // timeline key-press profile.
  const k = `${lang}|${month}`;
  let f = monthFormats.get(k);
  if (!f)
    monthFormats.set(
      k,
      (f = new Intl.DateTimeFormat(intlLocale(lang), { month, year: 'numeric', timeZone: 'UTC' })),
    );
  return f.format(d);
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in words, keeping its precision. */
export function formatPartialDate(iso: string | null | undefined, lang: Lang = i18n.lang): string {
  if (!iso) return t('date.undated');
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions =
    d === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale(lang), { ...opts, timeZone: 'UTC' }).format(date);
}

/** Pick the localised field of a record (name_en / name_it …) in the current language: see nameOf. */
export function loc<T extends object>(rec: T, field: string, lang: Lang = i18n.lang): string {
  return nameOf(rec, lang, field);
}
