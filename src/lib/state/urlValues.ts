/**
 * The value readers of the URL codec (url.ts): months, numbers in a range, flags, ids, and the
 * grouping of the problems found into a few notices. Each reader returns null for a bad value;
 * decode drops it with a notice and keeps the rest.
 */
import { monthIndex, type MonthIndex } from '../data/time';
import type { Lang } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/keys';
import type { ThemeId } from '../map/theme';
import { TIME_DOMAIN } from './app.svelte';

/** A problem found in the URL: a message key (share.json) and its parameters. */
export interface UrlNotice {
  key: MessageKey;
  params: Record<string, string>;
}
/** One bad value of one parameter, before grouping. */
export interface UrlProblem {
  key: string;
  value: string;
  reason: MessageKey;
}

export const isOneOf = <T extends string>(list: readonly T[], s: string): s is T =>
  (list as readonly string[]).includes(s);

/** Locales the codec accepts (kept literal so this module stays free of the i18n runes module). */
export const URL_LANGS = ['en', 'it', 'fr', 'ar'] as const satisfies readonly Lang[];
export const URL_THEMES = ['light', 'dark', 'projector', 'auto'] as const;
export type UrlTheme = ThemeId | 'auto';
/** Same limits as the map (MapView: minZoom, maxZoom, maxBounds). */
export const VIEW_LIMITS = { zoom: [1.5, 11], lng: [-45, 75], lat: [-25, 72] } as const;

/** `lang=auto`: the first of the browser's languages the map has, else English. */
export function autoLang(langs: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  for (const l of langs) {
    const base = l.toLowerCase().split('-')[0];
    if (isOneOf(URL_LANGS, base)) return base;
  }
  return 'en';
}

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const NUM_RE = /^-?\d{1,4}(\.\d{1,8})?$/;

/** Show at most this much of a bad value in a notice (it is text, never markup, but keep it short). */
export const clip = (s: string) => (s.length > 40 ? s.slice(0, 39) + '…' : s);

export function parseMonth(s: string): MonthIndex | null {
  const m = MONTH_RE.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const i = monthIndex(s);
  return i >= TIME_DOMAIN[0] && i <= TIME_DOMAIN[1] ? i : null;
}

export function parseNum(s: string, [lo, hi]: readonly [number, number]): number | null {
  if (!NUM_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= lo && n <= hi ? n : null;
}

export function parseFlag(v: string): boolean | null {
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

export function round(n: number, digits: number) {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
export const fmtNum = (n: number, digits: number) => String(round(n, digits));

/** At most this many notices per link: more problems are grouped into one ("5 parameters ignored: …"). */
export const MAX_NOTICES = 3;

/**
 * Group the problems: one notice per key (its bad values listed, a long list shortened), and when
 * more keys than MAX_NOTICES went wrong, one notice naming them all.
 */
export function groupNotices(problems: readonly UrlProblem[]): UrlNotice[] {
  const byKey = new Map<string, { reason: MessageKey; values: string[] }>();
  for (const p of problems) {
    const g = byKey.get(p.key);
    if (g) g.values.push(p.value);
    else byKey.set(p.key, { reason: p.reason, values: [p.value] });
  }
  const groups = [...byKey].map(([key, g]) => {
    const shown = g.values.slice(0, 3).map(clip).join(', ');
    const more = g.values.length - 3;
    return { key, reason: g.reason, value: more > 0 ? `${shown} (+${more})` : shown };
  });
  if (groups.length <= MAX_NOTICES)
    return groups.map((g) => ({ key: g.reason, params: { key: clip(g.key), value: g.value } }));
  return [
    {
      key: 'share.url.ignoredMany',
      params: { count: String(groups.length), keys: groups.map((g) => clip(g.key)).join(', ') },
    },
  ];
}
