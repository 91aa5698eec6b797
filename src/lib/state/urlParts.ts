/**
 * The parts of a link read from more than one parameter: the map view (`map=zoom/lat/lng`), the
 * window (`from`, `to`: a bad end is dropped alone) and the mode (`embed`, `static`, `plain`,
 * `present`, `chapter`). Used by decode (url.ts); each bad value goes to `bad` and is dropped.
 */
import type { MonthIndex } from '../data/time';
import { TIME_DOMAIN, type View } from './app.svelte';
import type { UrlState } from './url';
import {
  ID_RE,
  parseFlag,
  parseMonth,
  parseNum,
  round,
  VIEW_LIMITS,
  type UrlNotice,
  type UrlProblem,
} from './urlValues';

type Bad = (key: string, value: string, reason?: UrlProblem['reason']) => void;
type Get = (k: string) => string | null;
const MAX_CHAPTER = 999;

export function parseView(map: string): View | null {
  const parts = map.split('/');
  if (parts.length !== 3) return null;
  const zoom = parseNum(parts[0], VIEW_LIMITS.zoom);
  const lat = parseNum(parts[1], VIEW_LIMITS.lat);
  const lng = parseNum(parts[2], VIEW_LIMITS.lng);
  if (zoom === null || lat === null || lng === null) return null;
  // Rounded as encode() writes it, so a decoded link re-encodes to itself.
  return { center: [round(lng, 4), round(lat, 4)], zoom: round(zoom, 2) };
}

export function decodeWindow(
  fromS: string | null,
  toS: string | null,
  bad: Bad,
): [MonthIndex, MonthIndex] | null {
  if (fromS === null && toS === null) return null;
  let from = fromS === null ? null : parseMonth(fromS);
  let to = toS === null ? null : parseMonth(toS);
  // A bad end is dropped alone: the good end is kept.
  if (fromS !== null && from === null) bad('from', fromS);
  if (toS !== null && to === null) bad('to', toS);
  if (from !== null && to !== null && from > to) {
    bad('from', `${fromS}…${toS}`, 'share.url.order');
    from = to = null;
  }
  if (from === null && to === null) return null;
  // A window given by one end only covers that end's calendar year.
  const f = from ?? Math.floor(to! / 12) * 12;
  const t = to ?? Math.floor(from! / 12) * 12 + 11;
  return [Math.max(f, TIME_DOMAIN[0]), Math.min(t, TIME_DOMAIN[1])];
}

/** The embed flags, the story and the mode (embed wins over present, with a notice). */
export function decodeMode(get: Get, bad: Bad, notices: UrlNotice[]): Partial<UrlState> {
  const state: Partial<UrlState> = {};
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

  return state;
}
