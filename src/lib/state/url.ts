/**
 * The URL codec (format v=1): the shareable part of the app state <-> a query string.
 *
 *   ?v=1&lang=it&from=2023-01&to=2023-12&layers=routes,landings&metric=sea_arrivals
 *    &map=5.2/36.1/13.4&sel=place:lampedusa&theme=dark&embed&static&plain
 *    &present=central-med-2023&chapter=2
 *
 * | key       | value                                  | state                               |
 * |-----------|----------------------------------------|-------------------------------------|
 * | v         | `1` (format version)                   | -                                   |
 * | map       | `zoom/lat/lng` (like MapLibre's hash)  | view                                |
 * | from, to  | `YYYY-MM`, inside 2009-01..2025-12     | window (inclusive months)           |
 * | layers    | comma list of overlays that are ON     | layers (absent from list = off)     |
 * | metric    | one of METRICS                         | metric                              |
 * | sel       | `kind:id`                              | selection                           |
 * | lang      | `en` / `it` / `fr` / `ar` / `auto`     | lang (auto = the browser's language)|
 * | theme     | `light` / `dark` / `projector` / `auto`| theme (auto = prefers-color-scheme) |
 * | embed     | flag                                   | mode 'embed'                        |
 * | static    | flag: no interaction (embed)           | embed.static                        |
 * | plain     | flag: no title (embed)                 | embed.plain                         |
 * | present   | story id                               | mode 'present', story.id            |
 * | chapter   | 1-based chapter number (with present)  | story.chapter (0-based)             |
 * | title     | text, ≤ 120 characters                 | text.title (headline; '' = default) |
 * | desc      | text, ≤ 280 characters                 | text.desc (description)             |
 * | note      | text, ≤ 280 characters                 | text.note (notes under the map)     |
 * | byline    | text, ≤ 80 characters                  | text.byline (author / desk)         |
 *
 * Text values are plain text: control and bidi-override characters are removed, runs of white space
 * become one space, an over-long value is cut (with a notice) and markup is kept as the text it is
 * (with a notice): it is never rendered as HTML.
 *
 * decode() is strict and total: each bad value is dropped with a notice (a message key and params,
 * localised by the caller), the rest is kept, and it never throws. Keys it does not own (utm_*,
 * a CMS's own parameters) are left alone by encode().
 */
import { METRICS, type Metric } from '../data/schema';
import { monthIndex, monthIso, type MonthIndex } from '../data/time';
import type { Lang } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/keys';
import type { ThemeId } from '../map/theme';
import {
  DEFAULT_LAYERS,
  DEFAULT_WINDOW,
  LAYER_IDS,
  SELECTION_KINDS,
  TIME_DOMAIN,
  type LayerId,
  type Layers,
  type Mode,
  type Selection,
  type View,
} from './app.svelte';

export const URL_VERSION = 1;
/** The text fields a link can carry (headline, description, notes, byline) and their length limits. */
export const TEXT_LIMITS = { title: 120, desc: 280, note: 280, byline: 80 } as const;
export type TextKey = keyof typeof TEXT_LIMITS;
export const TEXT_KEYS = ['title', 'desc', 'note', 'byline'] as const satisfies readonly TextKey[];
export type TextFields = Record<TextKey, string>;
export const emptyText = (): TextFields => ({ title: '', desc: '', note: '', byline: '' });
/** Locales the codec accepts (kept literal so this module stays free of the i18n runes module). */
export const URL_LANGS = ['en', 'it', 'fr', 'ar'] as const satisfies readonly Lang[];

/** `lang=auto`: the first of the browser's languages the map has, else English. */
export function autoLang(langs: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  for (const l of langs) {
    const base = l.toLowerCase().split('-')[0];
    if (isOneOf(URL_LANGS, base)) return base;
  }
  return 'en';
}
export const URL_THEMES = ['light', 'dark', 'projector', 'auto'] as const;
export type UrlTheme = ThemeId | 'auto';

/** Same limits as the map (MapView: minZoom, maxZoom, maxBounds). */
export const VIEW_LIMITS = { zoom: [1.5, 11], lng: [-45, 75], lat: [-25, 72] } as const;
/** Keys this codec owns; any other key in the URL is preserved as it is. */
export const OWNED_KEYS = [
  'v',
  'map',
  'from',
  'to',
  'layers',
  'metric',
  'sel',
  'lang',
  'theme',
  'embed',
  'static',
  'plain',
  'present',
  'chapter',
  ...TEXT_KEYS,
] as const;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const NUM_RE = /^-?\d{1,4}(\.\d{1,8})?$/;
const MAX_CHAPTER = 999;

/** Everything the URL can carry. */
export interface UrlState {
  view: View | null;
  window: [MonthIndex, MonthIndex];
  layers: Layers;
  metric: Metric;
  selection: Selection;
  lang: Lang;
  theme: UrlTheme;
  mode: Mode;
  embed: { static: boolean; plain: boolean };
  story: { id: string; chapter: number } | null;
  /** Headline, description, notes and byline ('' = the default generated from the view). */
  text: TextFields;
}

/** A problem found in the URL: a message key (share.json) and its parameters. */
export interface UrlNotice {
  key: MessageKey;
  params: Record<string, string>;
}

export interface Decoded {
  state: Partial<UrlState>;
  notices: UrlNotice[];
}

/** Show at most this much of a bad value in a notice (it is text, never markup, but keep it short). */
const clip = (s: string) => (s.length > 40 ? s.slice(0, 39) + '…' : s);

const isOneOf = <T extends string>(list: readonly T[], s: string): s is T =>
  (list as readonly string[]).includes(s);

function parseMonth(s: string): MonthIndex | null {
  const m = MONTH_RE.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const i = monthIndex(s);
  return i >= TIME_DOMAIN[0] && i <= TIME_DOMAIN[1] ? i : null;
}

function parseNum(s: string, [lo, hi]: readonly [number, number]): number | null {
  if (!NUM_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= lo && n <= hi ? n : null;
}

// C0/C1 controls, zero-width and bidi controls (they could reorder or hide the text around them).
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MARKUP_RE = /<\s*\/?\s*[a-z!?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/**
 * Clean a text value: controls out, white space collapsed, cut at `max` characters (code points,
 * so no half emoji). Returns the text and what was done to it.
 */
export function cleanText(raw: string, max: number): { text: string; cut: boolean; markup: boolean } {
  const flat = raw.replace(CONTROL_RE, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  const cut = chars.length > max;
  const text = cut
    ? chars
        .slice(0, max - 1)
        .join('')
        .trimEnd() + '…'
    : flat;
  return { text, cut, markup: MARKUP_RE.test(flat) };
}

function parseFlag(v: string): boolean | null {
  if (v === '' || v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/** The longest query string read (a longer one is cut at a parameter boundary, with a notice). */
export const MAX_QUERY = 8000;
/** At most this many notices per link: more problems are grouped into one ("5 parameters ignored: …"). */
export const MAX_NOTICES = 3;

/**
 * Group the problems: one notice per key (its bad values listed, a long list shortened), and when
 * more keys than MAX_NOTICES went wrong, one notice naming them all.
 */
function groupNotices(problems: { key: string; value: string; reason: MessageKey }[]): UrlNotice[] {
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

/**
 * A 10,000-character headline should be cut to its limit, not dropped with the rest of a link over
 * MAX_QUERY: text values are first shortened (still longer than their limit, so decode cuts them
 * with a notice). 12 escaped characters cover any code point (4 UTF-8 bytes as %XX); a half escape
 * at the end is dropped.
 */
function shortenTexts(raw: string): string {
  return raw
    .split('&')
    .map((pair) => {
      const i = pair.indexOf('=');
      const k = i < 0 ? pair : pair.slice(0, i);
      if (i < 0 || !isOneOf(TEXT_KEYS, k)) return pair;
      const keep = 12 * (TEXT_LIMITS[k] + 2);
      const v = pair.slice(i + 1);
      return v.length <= keep ? pair : `${k}=${v.slice(0, keep).replace(/%[0-9a-f]?$/i, '')}`;
    })
    .join('&');
}

/** Read a query string (with or without the leading `?`; a leading `#` is accepted too). */
export function decode(input: string): Decoded {
  const state: Partial<UrlState> = {};
  const notices: UrlNotice[] = [];
  const problems: { key: string; value: string; reason: MessageKey }[] = [];
  const bad = (key: string, value: string, reason: MessageKey = 'share.url.invalid') =>
    problems.push({ key, value, reason });

  let raw = String(input ?? '').replace(/^[?#]/, '');
  if (raw.length > MAX_QUERY) raw = shortenTexts(raw);
  if (raw.length > MAX_QUERY) {
    // Cut at the last parameter boundary, so no parameter is read half.
    const cut = raw.lastIndexOf('&', MAX_QUERY);
    raw = raw.slice(0, cut > 0 ? cut : MAX_QUERY);
    notices.push({ key: 'share.url.tooLong', params: { max: String(MAX_QUERY) } });
  }
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(raw);
  } catch {
    return { state, notices: [{ key: 'share.url.unreadable', params: {} }] };
  }
  const get = (k: string) => q.get(k);

  const v = get('v');
  if (v !== null && v !== String(URL_VERSION)) bad('v', v, 'share.url.version');

  const map = get('map');
  if (map !== null) {
    const parts = map.split('/');
    const zoom = parts.length === 3 ? parseNum(parts[0], VIEW_LIMITS.zoom) : null;
    const lat = parts.length === 3 ? parseNum(parts[1], VIEW_LIMITS.lat) : null;
    const lng = parts.length === 3 ? parseNum(parts[2], VIEW_LIMITS.lng) : null;
    if (zoom === null || lat === null || lng === null) bad('map', map);
    // Rounded as encode() writes it, so a decoded link re-encodes to itself.
    else state.view = { center: [round(lng, 4), round(lat, 4)], zoom: round(zoom, 2) };
  }

  const fromS = get('from');
  const toS = get('to');
  if (fromS !== null || toS !== null) {
    let from = fromS === null ? null : parseMonth(fromS);
    let to = toS === null ? null : parseMonth(toS);
    // A bad end is dropped alone: the good end is kept.
    if (fromS !== null && from === null) bad('from', fromS);
    if (toS !== null && to === null) bad('to', toS);
    if (from !== null && to !== null && from > to) {
      bad('from', `${fromS}…${toS}`, 'share.url.order');
      from = to = null;
    }
    if (from !== null || to !== null) {
      // A window given by one end only covers that end's calendar year.
      const f = from ?? Math.floor(to! / 12) * 12;
      const t = to ?? Math.floor(from! / 12) * 12 + 11;
      state.window = [Math.max(f, TIME_DOMAIN[0]), Math.min(t, TIME_DOMAIN[1])];
    }
  }

  const layers = get('layers');
  if (layers !== null) {
    const on = new Set<LayerId>();
    // Repeated names count once; the bad ones become one grouped notice, however many there are.
    const names = [...new Set(layers.split(',').filter((s) => s !== ''))];
    for (const name of names) {
      if (isOneOf(LAYER_IDS, name)) on.add(name);
      else bad('layers', name, 'share.url.layer');
    }
    // `layers=` turns every overlay off; a list of nothing but unknown names is ignored instead.
    if (on.size || !names.length)
      state.layers = Object.fromEntries(LAYER_IDS.map((id) => [id, on.has(id)])) as Layers;
  }

  const metric = get('metric');
  if (metric !== null) {
    if (isOneOf(METRICS, metric)) state.metric = metric;
    else bad('metric', metric);
  }

  const sel = get('sel');
  if (sel !== null) {
    const i = sel.indexOf(':');
    const kind = i > 0 ? sel.slice(0, i) : '';
    const id = i > 0 ? sel.slice(i + 1) : '';
    if (isOneOf(SELECTION_KINDS, kind) && ID_RE.test(id)) state.selection = { kind, id };
    else bad('sel', sel);
  }

  const lang = get('lang');
  if (lang !== null) {
    if (isOneOf(URL_LANGS, lang)) state.lang = lang;
    else if (lang === 'auto') state.lang = autoLang();
    else bad('lang', lang);
  }

  const theme = get('theme');
  if (theme !== null) {
    if (isOneOf(URL_THEMES, theme)) state.theme = theme;
    else bad('theme', theme);
  }

  const text = emptyText();
  let anyText = false;
  const cutKeys: string[] = [];
  const markupKeys: string[] = [];
  for (const k of TEXT_KEYS) {
    const val = get(k);
    if (val === null) continue;
    const c = cleanText(val, TEXT_LIMITS[k]);
    if (c.cut) cutKeys.push(k);
    if (c.markup) markupKeys.push(k);
    if (c.text) {
      text[k] = c.text;
      anyText = true;
    }
  }
  if (anyText) state.text = text;
  // One notice about the text at most: a cut first (the text is shown as text either way).
  if (cutKeys.length) notices.push({ key: 'share.url.textCut', params: { keys: cutKeys.join(', ') } });
  else if (markupKeys.length)
    notices.push({ key: 'share.url.textMarkup', params: { keys: markupKeys.join(', ') } });

  const embedFlags: { static: boolean; plain: boolean } = { static: false, plain: false };
  let anyFlag = false;
  for (const k of ['static', 'plain'] as const) {
    const val = get(k);
    if (val === null) continue;
    const f = parseFlag(val);
    if (f === null) bad(k, val);
    else {
      embedFlags[k] = f;
      anyFlag = true;
    }
  }
  if (anyFlag) state.embed = embedFlags;

  const embed = get('embed');
  const embedOn = embed === null ? false : parseFlag(embed);
  if (embed !== null && embedOn === null) bad('embed', embed);

  const present = get('present');
  const chapterS = get('chapter');
  let presentOn = false;
  if (present !== null) {
    if (present === '') {
      presentOn = true;
    } else if (ID_RE.test(present)) {
      presentOn = true;
      let chapter = 0;
      if (chapterS !== null) {
        const n = /^\d{1,3}$/.test(chapterS) ? Number(chapterS) : NaN;
        if (n >= 1 && n <= MAX_CHAPTER) chapter = n - 1;
        else bad('chapter', chapterS);
      }
      state.story = { id: present, chapter };
    } else bad('present', present);
  } else if (chapterS !== null) bad('chapter', chapterS, 'share.url.chapterAlone');

  if (embedOn && presentOn) {
    notices.push({ key: 'share.url.conflict', params: {} });
    delete state.story;
    state.mode = 'embed';
  } else if (embedOn) state.mode = 'embed';
  else if (presentOn) state.mode = 'present';
  else if (embed !== null && embedOn === false) state.mode = 'explore';

  return { state, notices: [...notices, ...groupNotices(problems)] };
}

function round(n: number, digits: number) {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
const fmtNum = (n: number, digits: number) => String(round(n, digits));

/**
 * Write the state as a query string (with a leading `?`, or '' for none). `previous` is the current
 * query string: keys this codec does not own are kept, in their order, after ours.
 */
export function encode(s: UrlState, previous = ''): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_VERSION));
  q.set('lang', s.lang);
  if (s.mode === 'embed') q.set('embed', '');
  if (s.embed.static) q.set('static', '');
  if (s.embed.plain) q.set('plain', '');
  if (s.mode === 'present') {
    q.set('present', s.story?.id ?? '');
    if (s.story) q.set('chapter', String(s.story.chapter + 1));
  }
  if (s.theme !== 'light') q.set('theme', s.theme);
  q.set('from', monthIso(s.window[0]));
  q.set('to', monthIso(s.window[1]));
  q.set('layers', LAYER_IDS.filter((id) => s.layers[id]).join(','));
  q.set('metric', s.metric);
  if (s.selection) q.set('sel', `${s.selection.kind}:${s.selection.id}`);
  for (const k of TEXT_KEYS) if (s.text?.[k]) q.set(k, s.text[k]);
  if (s.view)
    q.set('map', `${fmtNum(s.view.zoom, 2)}/${fmtNum(s.view.center[1], 4)}/${fmtNum(s.view.center[0], 4)}`);

  try {
    const prev = new URLSearchParams(String(previous).replace(/^[?#]/, ''));
    for (const [k, v] of prev) if (!isOneOf(OWNED_KEYS, k)) q.append(k, v);
  } catch {
    // An unreadable previous query has nothing worth keeping.
  }
  // Flags read better bare (`embed`, not `embed=`), and commas and slashes need no escaping.
  const str = q
    .toString()
    .replace(/=(?=&|$)/g, '')
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/')
    .replace(/%3A/gi, ':');
  return str ? `?${str}` : '';
}

/** The state a link with no parameters opens (before the map fits the region). */
export function defaultUrlState(): UrlState {
  return {
    view: null,
    window: [...DEFAULT_WINDOW],
    layers: { ...DEFAULT_LAYERS },
    metric: 'sea_arrivals',
    selection: null,
    lang: 'en',
    theme: 'light',
    mode: 'explore',
    embed: { static: false, plain: false },
    story: null,
    text: emptyText(),
  };
}

/** Apply a decoded partial over a full state (pure; the input is not mutated). */
export function merge(base: UrlState, part: Partial<UrlState>): UrlState {
  return { ...base, ...part };
}
