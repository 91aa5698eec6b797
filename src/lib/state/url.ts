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
 * | cmp       | comma list of `family:id`/`country:ISO3`| compare (Compare panel open, picks) |
 *
 * Text values are plain text (urlText.ts); the value readers and notice grouping are in
 * urlValues.ts, the Compare picks in urlCompare.ts.
 *
 * decode() is strict and total: each bad value is dropped with a notice (a message key and params,
 * localised by the caller), the rest is kept, and it never throws. Keys it does not own (utm_*,
 * a CMS's own parameters) are left alone by encode().
 */
import { METRICS, type Metric } from '../data/schema';
import { monthIso, type MonthIndex } from '../data/time';
import type { Lang } from '../i18n/i18n.svelte';
import {
  DEFAULT_LAYERS,
  DEFAULT_WINDOW,
  LAYER_IDS,
  SELECTION_KINDS,
  type LayerId,
  type Layers,
  type Mode,
  type Selection,
  type View,
} from './app.svelte';
import { decodeTexts, emptyText, shortenTexts, TEXT_KEYS, type TextFields } from './urlText';
import {
  fmtNum,
  groupNotices,
  autoLang,
  ID_RE,
  isOneOf,
  URL_LANGS,
  URL_THEMES,
  type UrlNotice,
  type UrlProblem,
  type UrlTheme,
} from './urlValues';
import { decodePicks, encodePicks, type ComparePick } from './urlCompare';
import { decodeMode, decodeWindow, parseView } from './urlParts';

export { cleanText, emptyText, TEXT_KEYS, TEXT_LIMITS, type TextFields, type TextKey } from './urlText';
export {
  autoLang,
  MAX_NOTICES,
  URL_LANGS,
  URL_THEMES,
  VIEW_LIMITS,
  type UrlNotice,
  type UrlTheme,
} from './urlValues';

export const URL_VERSION = 1;
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
  'cmp',
  ...TEXT_KEYS,
] as const;

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
  /** The Compare panel is open with these picks (null: it is not open). */
  compare: ComparePick[] | null;
}

export interface Decoded {
  state: Partial<UrlState>;
  notices: UrlNotice[];
}

/** The longest query string read (a longer one is cut at a parameter boundary, with a notice). */
export const MAX_QUERY = 8000;
/** Read a query string (with or without the leading `?`; a leading `#` is accepted too). */
export function decode(input: string): Decoded {
  const state: Partial<UrlState> = {};
  const notices: UrlNotice[] = [];
  const problems: UrlProblem[] = [];
  const bad = (key: string, value: string, reason: UrlProblem['reason'] = 'share.url.invalid') =>
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
    const view = parseView(map);
    if (view) state.view = view;
    else bad('map', map);
  }
  const window = decodeWindow(get('from'), get('to'), bad);
  if (window) state.window = window;

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

  const texts = decodeTexts(get);
  if (texts.text) state.text = texts.text;
  if (texts.notice) notices.push(texts.notice);

  const cmp = get('cmp');
  if (cmp !== null) {
    const picks = decodePicks(cmp, (p) => problems.push(p));
    if (picks) state.compare = picks;
  }

  Object.assign(state, decodeMode(get, bad, notices));

  return { state, notices: [...notices, ...groupNotices(problems)] };
}

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
  if (s.compare) q.set('cmp', encodePicks(s.compare));
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
    compare: null,
  };
}

/** Apply a decoded partial over a full state (pure; the input is not mutated). */
export function merge(base: UrlState, part: Partial<UrlState>): UrlState {
  return { ...base, ...part };
}
