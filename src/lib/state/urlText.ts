/**
 * The text a link can carry (headline, description, notes, byline): plain text only. Control and
 * bidi-override characters are removed, runs of white space become one space, an over-long value
 * is cut (with a notice) and markup is kept as the text it is (with a notice): never HTML.
 */
import { isOneOf } from './urlValues';

/** The text fields a link can carry (headline, description, notes, byline) and their length limits. */
export const TEXT_LIMITS = { title: 120, desc: 280, note: 280, byline: 80 } as const;
export type TextKey = keyof typeof TEXT_LIMITS;
export const TEXT_KEYS = ['title', 'desc', 'note', 'byline'] as const satisfies readonly TextKey[];
export type TextFields = Record<TextKey, string>;
export const emptyText = (): TextFields => ({ title: '', desc: '', note: '', byline: '' });

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

/**
 * A 10,000-character headline should be cut to its limit, not dropped with the rest of a link over
 * MAX_QUERY: text values are first shortened (still longer than their limit, so decode cuts them
 * with a notice). 12 escaped characters cover any code point (4 UTF-8 bytes as %XX); a half escape
 * at the end is dropped.
 */
export function shortenTexts(raw: string): string {
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

/** Read the text fields; at most one notice about them (a cut first: the text is shown as text either way). */
export function decodeTexts(get: (k: string) => string | null): {
  text: TextFields | null;
  notice: { key: 'share.url.textCut' | 'share.url.textMarkup'; params: { keys: string } } | null;
} {
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
  const notice = cutKeys.length
    ? { key: 'share.url.textCut' as const, params: { keys: cutKeys.join(', ') } }
    : markupKeys.length
      ? { key: 'share.url.textMarkup' as const, params: { keys: markupKeys.join(', ') } }
      : null;
  return { text: anyText ? text : null, notice };
}
