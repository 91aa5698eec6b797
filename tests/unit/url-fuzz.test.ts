/**
 * A seeded fuzz of the URL codec over links as they turn up in the wild: realistic values, typos,
 * prototype names, markup, repeated keys, huge lists and over-long links. For every one of them:
 * decode never throws, the decoded state re-encodes to a link that is a fixed point (decode → encode
 * gives the same link again, with no notice), and the notices stay few. Compare picks (`cmp`) are
 * covered like every other owned key (OWNED_KEYS lists it), plus a round trip of their own below.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decode,
  defaultUrlState,
  encode,
  MAX_NOTICES,
  MAX_QUERY,
  merge,
  OWNED_KEYS,
} from '../../src/lib/state/url';
import { LAYER_IDS, SELECTION_KINDS } from '../../src/lib/state/app.svelte';
import { selectionExists } from '../../src/lib/state/urlState';
import { knownPicks, MAX_PICKS } from '../../src/lib/state/urlCompare';
import { METRICS } from '../../src/lib/data/schema';
import type { CatalogFile } from '../../src/lib/data/types';

const PROTO = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype'];
const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%00',
  '\u202e',
];

const month = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 14 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.constantFrom('2019-13', '2016-1', '2016/01', '', 'NaN', ...PROTO),
);
const num = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }).map((n) => String(Math.round(n * 1e6) / 1e6)),
  fc.constantFrom('NaN', '1e999', '-0', '', 'Infinity'),
);
const valueFor: Record<string, fc.Arbitrary<string>> = {
  v: fc.constantFrom('1', '2', '', 'x'),
  map: fc.oneof(
    fc.tuple(num, num, num).map((p) => p.join('/')),
    fc.string(),
  ),
  from: month,
  to: month,
  layers: fc.oneof(
    fc
      .array(fc.oneof(fc.constantFrom(...LAYER_IDS), fc.constantFrom('ufo', 'Routes', ...PROTO)), {
        maxLength: 8,
      })
      .map((a) => a.join(',')),
    // A list of thousands of bad items.
    fc.integer({ min: 100, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `bad${i}`).join(',')),
  ),
  metric: fc.oneof(fc.constantFrom(...METRICS), fc.constantFrom('vibes', ...PROTO)),
  sel: fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...SELECTION_KINDS, 'planet'),
        fc.oneof(fc.constantFrom('ITA', 'lampedusa', ...PROTO), fc.string()),
      )
      .map(([k, id]) => `${k}:${id}`),
    fc.constantFrom(...NASTY),
  ),
  lang: fc.constantFrom('en', 'it', 'xx', 'EN', ...PROTO),
  theme: fc.constantFrom('light', 'dark', 'projector', 'auto', 'neon', ...NASTY),
  embed: fc.constantFrom('', '1', '0', 'true', 'false', 'maybe'),
  static: fc.constantFrom('', '1', '0', 'yes'),
  plain: fc.constantFrom('', '1', '0', 'yes'),
  present: fc.constantFrom('', 'central-med-2014-2025', 'agreements-arrivals-2023-2024', '../x', ...NASTY),
  chapter: fc.constantFrom('1', '2', '7', '0', '1000', '-1', 'x'),
  // Compare picks: good, repeated, of an unknown kind, prototype names, markup, far too many.
  cmp: fc.oneof(
    fc
      .array(
        fc.oneof(
          fc.constantFrom('country:ITA', 'country:GRC', 'family:central-med', 'family:western-balkans'),
          fc.constantFrom(
            'planet:mars',
            'country:',
            ':ITA',
            'ITA',
            ...NASTY,
            ...PROTO.map((p) => `country:${p}`),
          ),
        ),
        { maxLength: 10 },
      )
      .map((a) => a.join(',')),
    fc
      .integer({ min: 25, max: 400 })
      .map((n) => Array.from({ length: n }, (_, i) => `country:C${i}`).join(',')),
  ),
  // Headline, description, notes, byline: any text, markup, controls, and far over the limits.
  ...Object.fromEntries(
    ['title', 'desc', 'note', 'byline'].map((k) => [
      k,
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.constantFrom(...NASTY, '\u0000\u202e<b>x</b>', ' a \t b '),
        fc.integer({ min: 100, max: 12000 }).map((n) => 'é'.repeat(n)),
      ),
    ]),
  ),
};
const pair = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...OWNED_KEYS).chain((k) => valueFor[k].map((v) => [k, v] as const)),
  },
  // Keys the codec does not own (a CMS's own, utm_*) and prototype names as keys.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('utm_source', 'fbclid', 'ref', ...PROTO), fc.string()) },
);
const link = fc
  .oneof(
    { weight: 8, arbitrary: fc.array(pair, { maxLength: 12 }) },
    // Over-long links: padding that pushes the real parameters past the cut.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(pair, { maxLength: 6 }), fc.integer({ min: MAX_QUERY, max: MAX_QUERY * 3 }))
        .map(([kv, n]) => [['utm_pad', 'x'.repeat(n)] as const, ...kv]),
    },
  )
  .map((kv) => '?' + kv.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

describe('URL fuzz (seeded, 2,000 links)', () => {
  it('decode never throws; encode(decode(x)) is a fixed point; notices stay few', () => {
    fc.assert(
      fc.property(link, (x) => {
        const d = decode(x);
        // At most MAX_NOTICES about parameters, plus "too long", "embed and present" and one
        // about the text fields.
        expect(d.notices.length).toBeLessThanOrEqual(MAX_NOTICES + 3);
        for (const n of d.notices)
          for (const v of Object.values(n.params)) expect(v.length).toBeLessThanOrEqual(200);
        const once = encode(merge(defaultUrlState(), d.state));
        const again = decode(once);
        // Markup in a headline stays text and is pointed out each time the link is opened.
        expect(again.notices.filter((n) => n.key !== 'share.url.textMarkup')).toEqual([]);
        expect(merge(defaultUrlState(), again.state)).toEqual(merge(defaultUrlState(), d.state));
        expect(encode(merge(defaultUrlState(), again.state))).toBe(once);
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('900 bad overlay names give one notice that counts them', () => {
    const names = Array.from({ length: 900 }, (_, i) => `bad${i}`);
    const d = decode(`?layers=routes,${names.join(',')}`);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0].key).toBe('share.url.layer');
    expect(d.notices[0].params.value).toBe('bad0, bad1, bad2 (+897)');
    expect(d.state.layers?.routes).toBe(true);
  });

  it('a link over the limit is cut at a parameter boundary, with a notice', () => {
    const d = decode(`?from=2020-01&utm_pad=${'x'.repeat(MAX_QUERY)}&to=2020-06`);
    expect(d.notices.map((n) => n.key)).toEqual(['share.url.tooLong']);
    // `to` was past the cut: the window is `from`'s calendar year, not a half-read value.
    expect(d.state.window).toBeDefined();
  });

  it('compare picks: encode(decode(x)) is stable, bad picks are one notice, the good ones kept in order', () => {
    const x = '?cmp=family:central-med,planet:mars,country:ITA,country:<i>,country:ITA,country:GRC';
    const d = decode(x);
    expect(d.state.compare).toEqual([
      { kind: 'family', id: 'central-med' },
      { kind: 'country', id: 'ITA' },
      { kind: 'country', id: 'GRC' },
    ]);
    expect(d.notices).toEqual([
      { key: 'share.url.comparePick', params: { key: 'cmp', value: 'planet:mars, country:<i>' } },
    ]);
    const once = encode(merge(defaultUrlState(), d.state));
    expect(new URLSearchParams(once).get('cmp')).toBe('family:central-med,country:ITA,country:GRC');
    expect(encode(merge(defaultUrlState(), decode(once).state))).toBe(once);
    // Over MAX_PICKS: the first ones are kept, the rest counted in the one notice.
    const many = decode(`?cmp=${Array.from({ length: MAX_PICKS + 5 }, (_, i) => `country:C${i}`).join(',')}`);
    expect(many.state.compare).toHaveLength(MAX_PICKS);
    expect(many.notices.map((n) => n.params.value)).toEqual([`country:C24, country:C25, country:C26 (+2)`]);
  });

  it('prototype names are never selections', () => {
    const cat = {
      countries: { ITA: { name: 'Italy' } },
      families: [],
      segments: [],
      places: [],
      agreements: [],
      programmes: [],
    } as unknown as CatalogFile;
    for (const id of PROTO) {
      const sel = decode(`?sel=country:${id}`).state.selection;
      if (sel) expect(selectionExists(cat, sel)).toBe(false);
    }
    expect(selectionExists(cat, { kind: 'country', id: 'ITA' })).toBe(true);
    // Nor compare picks: they are checked against the same catalogue when the data arrives.
    const picks = decode(`?cmp=${PROTO.map((id) => `country:${id}`).join(',')},country:ITA`).state.compare!;
    expect(knownPicks(cat, picks).known).toEqual([{ kind: 'country', id: 'ITA' }]);
  });
});
