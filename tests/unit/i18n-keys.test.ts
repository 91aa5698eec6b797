/**
 * Every message key exists in every complete locale, and every key is used.
 *
 * How a key counts as used: see ./i18n-usage.ts (a t('a.b') call — the key must also exist, no
 * typos —, a quoted literal equal to a key, or a template `prefix.${x}` whose prefix is in DYNAMIC
 * with every value x can take). Each DYNAMIC prefix+value must exist and counts as used; a template
 * whose prefix starts some message key but is missing from DYNAMIC fails the test, and so does a
 * DYNAMIC entry no code uses any more.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Message } from '../../src/lib/i18n/i18n.svelte';
import { EN_FILES } from '../../src/lib/i18n/keys';
import { DYNAMIC, NOT_KEYS, ROOT, scan, sourceFiles } from './i18n-usage';

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const OMIT_N = new Set(['zero', 'one', 'two']);
const LOCALE_DIR = join(ROOT, 'src/lib/i18n/locales');

/** A locale's JSON files, subfolders included (lazy/: the messages of the parts loaded on first use). */
function localeFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? localeFiles(join(dir, f)) : [join(dir, f)]))
    .filter((f) => f.endsWith('.json'));
}

/** Messages per locale, read file by file so a key defined twice in one locale is caught. */
function readLocales() {
  const byLang: Record<string, Record<string, Message>> = {};
  const duplicates: string[] = [];
  for (const lang of readdirSync(LOCALE_DIR)) {
    byLang[lang] = {};
    for (const path of localeFiles(join(LOCALE_DIR, lang))) {
      const file = relative(join(LOCALE_DIR, lang), path);
      const msgs = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Message>;
      for (const [k, v] of Object.entries(msgs)) {
        if (k in byLang[lang])
          duplicates.push(`${lang}/${file}: "${k}" is already defined in another ${lang} file`);
        byLang[lang][k] = v;
      }
    }
  }
  return { byLang, duplicates };
}

const { byLang, duplicates } = readLocales();
const { calls, literals, templates } = scan(sourceFiles());
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
    const dir = join(LOCALE_DIR, 'en');
    const files = localeFiles(dir).map((f) => relative(dir, f).replace(/\.json$/, ''));
    expect([...EN_FILES].sort()).toEqual(files.sort());
    const src = readFileSync(join(ROOT, 'src/lib/i18n/keys.ts'), 'utf8');
    for (const f of files) {
      const name = src.match(new RegExp(`import type (\\w+) from '\\./locales/en/${f}\\.json'`))?.[1];
      expect(name, `keys.ts imports ${f}.json`).toBeTruthy();
      expect(src, f).toContain(`typeof ${name}`);
    }
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
