/**
 * SVG markup as strings, for the SVG export and the no-WebGL map: one escaping function for text
 * and attribute values, and one element builder. Every string that comes from data (names, iso
 * codes) goes through `svgEscape`.
 */
/** Characters XML 1.0 forbids outright (they would make the file unreadable, escaped or not). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text content and attribute values (both quote kinds, so either quoting is safe). */
export const svgEscape = (s: string): string =>
  String(s)
    .replace(XML_INVALID, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);

export type Attrs = Record<string, string | number | undefined>;

const attrString = (a: Attrs) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${svgEscape(String(v))}"`)
    .join('');

/**
 * One element. Attribute values are escaped and `undefined`/'' attributes left out; `body` is
 * markup, inserted as given (escape text with `svgEscape` first). Without a body: self-closing.
 */
export const el = (tag: string, attrs: Attrs, body?: string): string =>
  body === undefined ? `<${tag}${attrString(attrs)}/>` : `<${tag}${attrString(attrs)}>${body}</${tag}>`;

/** Rounded for output: 0.01 px is far below anything a printer or an editor shows. */
export const r2 = (n: number) => Math.round(n * 100) / 100;
