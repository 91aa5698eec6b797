/**
 * Long texts in French and Arabic: agreement titles and summaries and programme purposes come from
 * src/lib/i18n/texts/<lang>.json, keyed by the English text. Each translation gives the same
 * figures as its English (read per language, as for stories); a summary whose English was edited
 * after it was translated is listed (it shows in English, marked lang="en", until re-translated);
 * the maps hold no entry the data no longer uses. Route descriptions (families and segments) and
 * the notes on agreement events are checked the same way.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import agreements from '../../data/agreements.json' with { type: 'json' };
import routes from '../../data/routes.json' with { type: 'json' };
import { PROGRAMME_SPEC, validateCsv } from '../../src/lib/data/schema';
import { numberSet } from '../../src/lib/data/storyNumbers';
import { hasName, nameOf, TEXT_MAPS } from '../../src/lib/i18n/names';

const LANGS = ['fr', 'ar'] as const;
const FIELDS = ['title', 'summary'] as const;
type Rec = { id: string } & Record<string, unknown>;
const programmes = validateCsv(
  'data/programmes.csv',
  readFileSync('data/programmes.csv', 'utf8'),
  PROGRAMME_SPEC,
).records;
/** Each record with the fields whose text is translated. */
const all: { r: Rec; fields: readonly string[] }[] = [
  ...(agreements as unknown as Rec[]).map((r) => ({ r, fields: FIELDS })),
  ...programmes.map((r) => ({ r: r as unknown as Rec, fields: ['purpose'] as const })),
  ...[...routes.families, ...routes.segments].map((r) => ({
    r: r as unknown as Rec,
    fields: ['description'],
  })),
  ...(agreements as unknown as (Rec & { events?: Record<string, unknown>[] })[]).flatMap((a) =>
    (a.events ?? [])
      .filter((e) => typeof e.note_en === 'string' && e.note_en !== '')
      .map((e, i) => ({ r: { ...e, id: `${a.id} event ${i}` } as Rec, fields: ['note'] })),
  ),
];

describe('agreement titles and summaries and programme purposes in French and Arabic', () => {
  it('reads every agreement and programme', () => {
    expect(all.length).toBeGreaterThanOrEqual(37 + 29);
  });

  it.each(LANGS)('every agreement and programme has its texts in "%s"', (lang) => {
    const missing = all.flatMap(({ r, fields }) =>
      fields.filter((f) => !hasName(r, lang, f)).map((f) => `${r.id} ${f}: no entry in texts/${lang}.json`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('"%s" gives the same figures as the English', (lang) => {
    const differ = all.flatMap(({ r, fields }) =>
      fields
        .filter(
          (f) =>
            JSON.stringify(numberSet(nameOf(r, 'en', f), 'en')) !==
            JSON.stringify(numberSet(nameOf(r, lang, f), lang)),
        )
        .map(
          (f) =>
            `${r.id} ${f}: ${numberSet(nameOf(r, 'en', f), 'en')} ≠ ${numberSet(nameOf(r, lang, f), lang)}`,
        ),
    );
    expect(differ).toEqual([]);
  });

  it.each(LANGS)('the "%s" map has no entry for an English text the data no longer has', (lang) => {
    const used = new Set(all.flatMap(({ r, fields }) => fields.map((f) => nameOf(r, 'en', f))));
    expect(Object.keys(TEXT_MAPS[lang]).filter((k) => !used.has(k))).toEqual([]);
  });

  it('an edited English text falls back to English instead of keeping the old translation', () => {
    const first = all[0].r;
    const a = { ...first, summary_en: `${String(first.summary_en)} (edited)` };
    expect(nameOf(a, 'fr', 'summary')).toBe(a.summary_en);
    expect(hasName(a, 'fr', 'summary')).toBe(false);
    expect(nameOf(first, 'fr', 'summary')).not.toBe(first.summary_en);
  });

  it('Arabic translations are in Arabic script', () => {
    const latin = all.flatMap(({ r, fields }) =>
      fields.filter((f) => !/[\u0600-\u06ff]/.test(nameOf(r, 'ar', f))).map((f) => `${r.id} ${f}`),
    );
    expect(latin).toEqual([]);
  });
});
