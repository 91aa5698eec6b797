/**
 * Every message key exists in every complete locale, and every key is used.
 *
 * How a key counts as used (scanning src/**\/*.svelte|ts, tests excluded):
 *  1. a call with a literal key, t('a.b') — the key must also exist (no typos);
 *  2. a quoted literal equal to a key elsewhere (keys kept in constants and passed to t later,
 *     e.g. `{ key: 'notice.badWindow' }` then `t(n.key)`);
 *  3. a template key, t(`prefix.${x}`) or a key built as `prefix.${x}` and passed to t later: its
 *     prefix must be in DYNAMIC below with the full list of values x can take (taken from the
 *     code's own constants where they exist). Each prefix+value must exist and counts as used; a
 *     template whose prefix starts some message key but is missing from DYNAMIC fails the test, and
 *     so does a DYNAMIC entry no code uses any more.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Message } from '../../src/lib/i18n/i18n.svelte';
import { EN_FILES } from '../../src/lib/i18n/keys';
import { AGREEMENT_TYPES, EVENT_TYPES, METRICS, MODES } from '../../src/lib/data/schema';
import { LAYER_IDS } from '../../src/lib/state/app.svelte';
import { THEMES } from '../../src/lib/map/theme';
import { STATUS_ORDER } from '../../src/lib/filter/lifecycle';
import { SEARCH_KINDS } from '../../src/lib/search/index';
import { DRAWN } from '../../src/lib/overlays/agreements';
import { PRESET_IDS } from '../../src/lib/export/presets';
import { SHORT_SOURCE_IDS } from '../../src/lib/export/sourceLine';
import { TEXT_KEYS } from '../../src/lib/state/url';
import { ANCHOR_TYPES } from '../../src/lib/analysis/series';
import { ISSUE_CODES, NOTICE_CODES } from '../../src/lib/data/import/types';
import { ROLES } from '../../src/lib/data/import/headers';
import { DELIMITERS } from '../../src/lib/data/import/read';

const DYNAMIC: Record<string, readonly string[]> = {
  'theme.': Object.keys(THEMES),
  'details.mode.': MODES,
  'layers.': LAYER_IDS,
  'panel.': ['details', 'table', 'compare', 'about'],
  'search.kind.': SEARCH_KINDS,
  'metric.': METRICS,
  'about.metric.': METRICS,
  'summary.': METRICS,
  'summary.none.': METRICS,
  'agreement.status.': STATUS_ORDER,
  'agreement.type.': AGREEMENT_TYPES,
  'agreement.event.': EVENT_TYPES,
  'agreement.drawn.': DRAWN,
  'table.note.': ['approx', 'atLeast', 'partial'],
  'publish.': TEXT_KEYS,
  'publish.headline.': METRICS,
  'publish.preset.': PRESET_IDS,
  'source.short.': SHORT_SOURCE_IDS,
  // src/lib/map/gpu/incidents.ts CAUSES (not exported): IOM cause categories.
  'incident.cause.': ['drowning', 'violence', 'unknown', 'vehicle', 'environment', 'accident', 'sickness'],
  // src/lib/timeline/histogram.ts Resolution (a type, no runtime list).
  'timeline.res.': ['monthly', 'annual', 'mixed', 'none'],
  'ba.event.': ANCHOR_TYPES,
  // src/lib/analysis/caption.ts: basis (total, avg) × direction (lower, higher, same).
  'ba.caption.': ['total', 'avg'].flatMap((b) => ['lower', 'higher', 'same'].map((d) => `${b}.${d}`)),
  // src/lib/ui/VideoExport.svelte PRESET_CHOICES.
  'video.preset.': ['article', 'full', 'square', 'print'],
  'import.issue.': ISSUE_CODES,
  'import.notice.': NOTICE_CODES,
  'import.delim.': DELIMITERS,
  'import.role.': ROLES,
  // src/lib/data/import/values.ts DateOrder and Decimal (types).
  'import.reading.': ['dmy', 'mdy', 'dot', 'comma'],
  // src/lib/data/import/types.ts Question kind, with or without "Conflict".
  'import.q.': ['dateOrder', 'dateOrderConflict', 'decimal', 'decimalConflict'],
  'import.progress.': ['read', 'parse'],
};

/** Template literals that look like key prefixes but build other names (checked by hand). */
const NOT_KEYS: Record<string, string> = {
  'agreement.': 'src/lib/present/contrast.ts names theme colour tokens `agreement.<status>`',
};

const ROOT = join(__dirname, '../..');
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const OMIT_N = new Set(['zero', 'one', 'two']);
const LOCALE_DIR = join(ROOT, 'src/lib/i18n/locales');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Messages per locale, read file by file so a key defined twice in one locale is caught. */
function readLocales() {
  const byLang: Record<string, Record<string, Message>> = {};
  const duplicates: string[] = [];
  for (const lang of readdirSync(LOCALE_DIR)) {
    byLang[lang] = {};
    for (const file of readdirSync(join(LOCALE_DIR, lang)).filter((f) => f.endsWith('.json'))) {
      const msgs = JSON.parse(readFileSync(join(LOCALE_DIR, lang, file), 'utf8')) as Record<string, Message>;
      for (const [k, v] of Object.entries(msgs)) {
        if (k in byLang[lang])
          duplicates.push(`${lang}/${file}: "${k}" is already defined in another ${lang} file`);
        byLang[lang][k] = v;
      }
    }
  }
  return { byLang, duplicates };
}

function scanSources() {
  const files = walk(join(ROOT, 'src')).filter(
    (f) => /\.(svelte|ts)$/.test(f) && !/\.test\.ts$|\.test-helper\.ts$/.test(f) && !f.includes('/locales/'),
  );
  const calls = new Map<string, string>(); // key → first file
  const literals = new Set<string>();
  const templates = new Map<string, string>(); // prefix → first file
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const rel = relative(ROOT, f);
    for (const m of src.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) if (!calls.has(m[2])) calls.set(m[2], rel);
    for (const m of src.matchAll(/(['"])([\w-]+(?:\.[\w-]+)+)\1/g)) literals.add(m[2]);
    for (const m of src.matchAll(/`([\w-]+(?:\.[\w-]+)*\.)\$\{/g))
      if (!templates.has(m[1])) templates.set(m[1], rel);
  }
  return { calls, literals, templates };
}

const { byLang, duplicates } = readLocales();
const { calls, literals, templates } = scanSources();
const complete = Object.entries(LOCALES)
  .filter(([, l]) => l.complete)
  .map(([code]) => code);
const dynamicKeys = Object.entries(DYNAMIC).flatMap(([p, vs]) => vs.map((v) => p + v));

describe('message keys', () => {
  it('English, Italian, French and Arabic are complete locales, each with a writing direction', () => {
    expect(complete).toEqual(expect.arrayContaining(['en', 'it', 'fr', 'ar']));
    expect(LOCALES.ar.dir).toBe('rtl');
    for (const l of Object.values(LOCALES)) expect(['ltr', 'rtl']).toContain(l.dir);
  });

  it('has a folder for every declared locale and declares every folder', () => {
    expect(Object.keys(byLang).sort()).toEqual(Object.keys(LOCALES).sort());
  });

  it('defines no key twice within a locale', () => {
    expect(duplicates).toEqual([]);
  });

  it.each(complete)('every key of every locale exists in the complete locale "%s"', (lang) => {
    const all = new Set(Object.values(byLang).flatMap((m) => Object.keys(m)));
    const missing = [...all].filter(
      (k) => !(k in byLang[lang]) || !forms(byLang[lang][k]).every((f) => f.trim()),
    );
    expect(missing, `missing or empty in ${lang}`).toEqual([]);
  });

  it('incomplete locales only hold keys English has', () => {
    for (const [lang, msgs] of Object.entries(byLang))
      expect(
        Object.keys(msgs).filter((k) => !(k in byLang.en)),
        lang,
      ).toEqual([]);
  });

  it('keeps the same {placeholders} in every locale and every plural form', () => {
    // A plural form may leave out {n} where the form itself says the number (Arabic "شهر واحد",
    // "شهران"; Italian "un altro errore"); every other placeholder is in every form.
    const bad: string[] = [];
    for (const [lang, msgs] of Object.entries(byLang))
      for (const [k, v] of Object.entries(msgs)) {
        if (!(k in byLang.en)) continue;
        const want = new Set(forms(byLang.en[k]).flatMap(ph));
        const got = new Set(forms(v).flatMap(ph));
        if ([...got].some((p) => !want.has(p))) bad.push(`${lang}: ${k} has a placeholder English lacks`);
        for (const [cat, f] of typeof v === 'string' ? [['', v]] : Object.entries(v)) {
          const missing = [...want].filter((p) => !ph(f).includes(p) && !(p === 'n' && OMIT_N.has(cat)));
          if (missing.length)
            bad.push(`${lang}: ${k}${cat ? ` (${cat})` : ''} lacks {${missing.join('}, {')}}`);
        }
      }
    expect(bad).toEqual([]);
  });

  it('plural messages have exactly the plural forms of each locale (Intl.PluralRules)', () => {
    const bad: string[] = [];
    for (const [lang, msgs] of Object.entries(byLang)) {
      const rules = new Intl.PluralRules(lang);
      const all = rules.resolvedOptions().pluralCategories;
      // The forms whole numbers up to 10 000 take; French and Italian "many" (1 000 000 …) is
      // optional and falls back to "other".
      const need = new Set(Array.from({ length: 10001 }, (_, i) => rules.select(i)));
      for (const [k, v] of Object.entries(msgs)) {
        const en = byLang.en[k];
        if (en === undefined) continue;
        if (typeof en === 'string' || typeof v === 'string') {
          if (typeof en !== typeof v)
            bad.push(
              `${lang}: ${k} is ${typeof v === 'string' ? 'not ' : ''}plural, English is ${typeof en === 'string' ? 'not' : ''}`,
            );
          continue;
        }
        const cats = Object.keys(v);
        const extra = cats.filter((c) => !all.includes(c as Intl.LDMLPluralRule));
        const missing = [...need].filter((c) => !cats.includes(c));
        if (extra.length) bad.push(`${lang}: ${k} has forms ${lang} does not use: ${extra.join(', ')}`);
        if (missing.length) bad.push(`${lang}: ${k} lacks the forms ${missing.join(', ')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keys.ts imports every English locale file (the MessageKey type comes from them)', () => {
    const files = readdirSync(join(LOCALE_DIR, 'en'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect([...EN_FILES].sort()).toEqual(files.sort());
    const src = readFileSync(join(ROOT, 'src/lib/i18n/keys.ts'), 'utf8');
    for (const f of files) expect(src, f).toContain(`typeof ${f}`);
  });

  it("every t('key') in the code names a defined key", () => {
    const undefinedKeys = [...calls].filter(([k]) => !(k in byLang.en)).map(([k, f]) => `${k} (${f})`);
    expect(undefinedKeys).toEqual([]);
  });

  it('every template key prefix is on the allow-list, and every allow-listed prefix is used', () => {
    const keys = Object.keys(byLang.en);
    const unlisted = [...templates]
      .filter(([p]) => !(p in DYNAMIC) && !(p in NOT_KEYS) && keys.some((k) => k.startsWith(p)))
      .map(([p, f]) => `t(\`${p}\${…}\`) in ${f}: add "${p}" to DYNAMIC with its possible values`);
    expect(unlisted).toEqual([]);
    expect(Object.keys(DYNAMIC).filter((p) => !templates.has(p))).toEqual([]);
  });

  it('every allow-listed dynamic key exists', () => {
    expect(dynamicKeys.filter((k) => !(k in byLang.en))).toEqual([]);
  });

  it('no key is unused', () => {
    const used = new Set([...calls.keys(), ...dynamicKeys]);
    const unused = Object.keys(byLang.en).filter((k) => !used.has(k) && !literals.has(k));
    expect(unused).toEqual([]);
  });
});
