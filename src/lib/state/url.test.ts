import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  cleanText,
  autoLang,
  decode,
  defaultUrlState,
  encode,
  merge,
  OWNED_KEYS,
  TEXT_KEYS,
  TEXT_LIMITS,
  VIEW_LIMITS,
  type TextKey,
  type UrlState,
} from './url';
import { LAYER_IDS, SELECTION_KINDS, TIME_DOMAIN } from './app.svelte';
import { METRICS } from '../data/schema';
import { monthIndex, monthIso } from '../data/time';

describe('decode', () => {
  const cases: [string, string, Partial<UrlState>, string[]][] = [
    ['empty', '', {}, []],
    ['just a ?', '?', {}, []],
    ['a hash works too', '#v=1&lang=it', { lang: 'it' }, []],
    ['map view', '?map=6/38.5/14.25', { view: { center: [14.25, 38.5], zoom: 6 } }, []],
    ['map out of range', '?map=30/38/14', {}, ['share.url.invalid']],
    ['map NaN', '?map=NaN/NaN/NaN', {}, ['share.url.invalid']],
    ['map exponent', '?map=5/1e1/3', {}, ['share.url.invalid']],
    ['map two parts', '?map=5/38', {}, ['share.url.invalid']],
    ['window', '?from=2015-02&to=2016-11', { window: [monthIndex('2015-02'), monthIndex('2016-11')] }, []],
    // A bad end is dropped alone; the good end keeps its calendar year.
    [
      'window before domain',
      '?from=2001-01&to=2016-11',
      { window: [monthIndex('2016-01'), monthIndex('2016-11')] },
      ['share.url.invalid'],
    ],
    [
      'month 13',
      '?from=2015-13&to=2016-11',
      { window: [monthIndex('2016-01'), monthIndex('2016-11')] },
      ['share.url.invalid'],
    ],
    [
      'bad end of the window keeps the good start',
      '?from=2019-03&to=2019-13',
      { window: [monthIndex('2019-03'), monthIndex('2019-12')] },
      ['share.url.invalid'],
    ],
    ['reversed window', '?from=2020-01&to=2019-01', {}, ['share.url.order']],
    ['only to', '?to=2018-04', { window: [monthIndex('2018-01'), monthIndex('2018-04')] }, []],
    [
      'only unknown overlays keep the default',
      '?layers=ufo,spaceship',
      {},
      // Two bad names of one parameter are one notice.
      ['share.url.layer'],
    ],
    ['metric unknown', '?metric=vibes', {}, ['share.url.invalid']],
    ['selection bad kind', '?sel=planet:mars', {}, ['share.url.invalid']],
    ['selection no id', '?sel=place:', {}, ['share.url.invalid']],
    ['selection markup', '?sel=place:<img src=x>', {}, ['share.url.invalid']],
    ['embed=0 is explore', '?embed=0', { mode: 'explore' }, []],
    ['embed=maybe', '?embed=maybe', {}, ['share.url.invalid']],
    ['present without id', '?present', { mode: 'present' }, []],
    [
      'chapter 0 is not a chapter',
      '?present=s1&chapter=0',
      { mode: 'present', story: { id: 's1', chapter: 0 } },
      ['share.url.invalid'],
    ],
    ['chapter alone', '?chapter=2', {}, ['share.url.chapterAlone']],
    ['embed and present', '?embed&present=s1', { mode: 'embed' }, ['share.url.conflict']],
    ['unknown version', '?v=7&lang=it', { lang: 'it' }, ['share.url.version']],
    ['unknown keys are silent', '?utm_source=x&fbclid=y', {}, []],
    [
      'compare picks, in order, each once',
      '?cmp=family:central-med,country:ITA,country:ITA',
      {
        compare: [
          { kind: 'family', id: 'central-med' },
          { kind: 'country', id: 'ITA' },
        ],
      },
      [],
    ],
    ['compare open with nothing picked', '?cmp', { compare: [] }, []],
    [
      'bad picks are dropped with one notice, the good kept',
      '?cmp=country:GRC,planet:mars,country:,<b>x</b>',
      { compare: [{ kind: 'country', id: 'GRC' }] },
      ['share.url.comparePick'],
    ],
    ['only bad picks are ignored', '?cmp=planet:mars,moon', {}, ['share.url.comparePick']],
    ['broken percent escapes', '?lang=%E0%A4%A&from=%', {}, ['share.url.invalid', 'share.url.invalid']],
  ];
  it.each(cases)('%s', (_name, input, state, notices) => {
    const d = decode(input);
    expect(d.state).toEqual(state);
    expect(d.notices.map((n) => n.key).sort()).toEqual([...notices].sort());
  });

  it('reads headline, description, notes and byline as plain text', () => {
    const d = decode('?title=Sea+arrivals%2C+2023&desc=Two%0Alines&note=N&byline=Desk');
    expect(d.state.text).toEqual({
      title: 'Sea arrivals, 2023',
      desc: 'Two lines',
      note: 'N',
      byline: 'Desk',
    });
    expect(d.notices).toEqual([]);
  });

  it('cuts a 10,000-character title at its limit, with a notice, keeping the rest of the link', () => {
    const d = decode('?lang=it&title=' + 'x'.repeat(10000) + '&to=2020-05');
    expect([...d.state.text!.title].length).toBe(TEXT_LIMITS.title);
    expect(d.state.text!.title.endsWith('…')).toBe(true);
    expect(d.state.lang).toBe('it');
    expect(d.notices.map((n) => n.key)).toEqual(['share.url.textCut']);
  });

  it('keeps markup in a title as text, with a notice, and strips control characters', () => {
    const d = decode('?title=' + encodeURIComponent('<script>alert(1)</script>\u0007 <b>x</b>\u202e'));
    expect(d.state.text!.title).toBe('<script>alert(1)</script> <b>x</b>');
    expect(d.notices.map((n) => n.key)).toEqual(['share.url.textMarkup']);
    expect(decode('?byline=' + encodeURIComponent('a &amp; b')).notices[0].key).toBe('share.url.textMarkup');
  });

  it('an empty or blank text field is the default, with no notice', () => {
    expect(decode('?title=&desc=%20%09').state.text).toBeUndefined();
  });

  it('clips long bad values in notices', () => {
    const d = decode('?metric=' + 'x'.repeat(500));
    expect(d.notices[0].params.value.length).toBeLessThanOrEqual(40);
  });
});

describe('encode', () => {
  it('keeps keys it does not own, after its own, and replaces its own', () => {
    const s = merge(defaultUrlState(), { lang: 'it' });
    const out = encode(s, '?utm_source=news&lang=en&x=1&x=2');
    const q = new URLSearchParams(out);
    expect(q.getAll('lang')).toEqual(['it']);
    expect(q.get('utm_source')).toBe('news');
    expect(q.getAll('x')).toEqual(['1', '2']);
    expect(out.indexOf('utm_source')).toBeGreaterThan(out.indexOf('lang'));
  });

  it('writes flags bare and lists readably', () => {
    const s = merge(defaultUrlState(), { mode: 'embed', embed: { static: true, plain: false } });
    const out = encode(s);
    expect(out).toMatch(/[?&]embed(&|$)/);
    expect(out).toMatch(/[?&]static(&|$)/);
    expect(out).not.toMatch(/plain/);
    expect(out).toContain('layers=routes,landings,agreements');
  });

  it('does not mutate its input', () => {
    const s = defaultUrlState();
    const copy = structuredClone(s);
    encode(s, '?a=1');
    expect(s).toEqual(copy);
  });
});

/** Valid states at the precision the URL keeps (zoom 2 decimals, coordinates 4). */
const fixed = (lo: number, hi: number, digits: number) =>
  fc
    .integer({ min: Math.ceil(lo * 10 ** digits), max: Math.floor(hi * 10 ** digits) })
    .map((n) => n / 10 ** digits || 0);
/** Text as a link keeps it: already clean, within its limit, free of markup (which gets a notice). */
const textArb = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: 60 })
    .map((s) => cleanText(s, max))
    .filter((c) => !c.markup && !c.cut)
    .map((c) => c.text);
const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/);
const stateArb: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.option(
      fc.record({
        center: fc.tuple(fixed(...VIEW_LIMITS.lng, 4), fixed(...VIEW_LIMITS.lat, 4)),
        zoom: fixed(...VIEW_LIMITS.zoom, 2),
      }),
    ),
    window: fc
      .tuple(
        fc.integer({ min: TIME_DOMAIN[0], max: TIME_DOMAIN[1] }),
        fc.integer({ min: TIME_DOMAIN[0], max: TIME_DOMAIN[1] }),
      )
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    layers: fc.record(Object.fromEntries(LAYER_IDS.map((id) => [id, fc.boolean()]))) as fc.Arbitrary<
      UrlState['layers']
    >,
    metric: fc.constantFrom(...METRICS),
    selection: fc.option(fc.record({ kind: fc.constantFrom(...SELECTION_KINDS), id: idArb })),
    lang: fc.constantFrom('en' as const, 'it' as const),
    theme: fc.constantFrom('light' as const, 'dark' as const, 'projector' as const, 'auto' as const),
    mode: fc.constantFrom('explore' as const, 'embed' as const, 'present' as const),
    embed: fc.record({ static: fc.boolean(), plain: fc.boolean() }),
    story: fc.option(fc.record({ id: idArb, chapter: fc.integer({ min: 0, max: 998 }) })),
    text: fc.record(
      Object.fromEntries(TEXT_KEYS.map((k) => [k, textArb(TEXT_LIMITS[k])])) as Record<
        TextKey,
        fc.Arbitrary<string>
      >,
    ),
    compare: fc.option(
      fc.uniqueArray(fc.record({ kind: fc.constantFrom('family' as const, 'country' as const), id: idArb }), {
        maxLength: 8,
        selector: (p) => `${p.kind}:${p.id}`,
      }),
    ),
  })
  // A story only exists in present mode.
  .map((s) => (s.mode === 'present' ? s : { ...s, story: null }));

describe('properties', () => {
  it('encode → decode is the identity for every valid state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const d = decode(encode(s));
        expect(d.notices).toEqual([]);
        expect(merge(defaultUrlState(), d.state)).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('encode keeps every foreign key and value', () => {
    const foreign = fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => !(OWNED_KEYS as readonly string[]).includes(k)),
      fc.string(),
    );
    fc.assert(
      fc.property(stateArb, foreign, (s, extra) => {
        const prev = '?' + new URLSearchParams(extra).toString();
        const q = new URLSearchParams(encode(s, prev));
        for (const [k, v] of Object.entries(extra)) expect(q.get(k)).toBe(v);
      }),
    );
  });

  it('decode never throws and only yields valid values, on any string', () => {
    const owned = fc.constantFrom(...OWNED_KEYS);
    const queryish = fc
      .array(
        fc.tuple(
          fc.oneof(owned, fc.string()),
          fc.oneof(fc.string(), fc.double().map(String), fc.string({ unit: 'binary' })),
        ),
      )
      .map((kv) => '?' + kv.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), queryish), (input) => {
        const { state } = decode(input);
        const s = merge(defaultUrlState(), state);
        expect(s.window[0]).toBeLessThanOrEqual(s.window[1]);
        expect(s.window[0]).toBeGreaterThanOrEqual(TIME_DOMAIN[0]);
        expect(s.window[1]).toBeLessThanOrEqual(TIME_DOMAIN[1]);
        if (s.view) expect(Number.isFinite(s.view.zoom + s.view.center[0] + s.view.center[1])).toBe(true);
        expect(METRICS).toContain(s.metric);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fixtures: links already shared keep opening', () => {
  const fx = JSON.parse(readFileSync('tests/fixtures/url-v1.json', 'utf8')) as {
    cases: { link: string; state: Record<string, unknown>; notices: string[] }[];
  };
  it.each(fx.cases.map((c) => [c.link, c] as const))('%s', (_link, c) => {
    const d = decode(c.link);
    const expected = { ...c.state } as Record<string, unknown>;
    if (Array.isArray(expected.window)) expected.window = (expected.window as string[]).map(monthIndex);
    expect(d.state).toEqual(expected);
    expect(d.notices.map((n) => n.key)).toEqual(c.notices);
    // Decoded links re-encode to a link that decodes the same (canonical form is stable).
    const again = decode(encode(merge(defaultUrlState(), d.state)));
    expect(merge(defaultUrlState(), again.state)).toEqual(merge(defaultUrlState(), d.state));
    expect(monthIso(TIME_DOMAIN[0])).toBe('2009-01');
  });
});

describe('lang=auto', () => {
  it('follows the first browser language the map has, else English', () => {
    expect(autoLang(['de-DE', 'ar-MA', 'en'])).toBe('ar');
    expect(autoLang(['fr-CA'])).toBe('fr');
    expect(autoLang(['de-DE'])).toBe('en');
    expect(autoLang([])).toBe('en');
  });
});
