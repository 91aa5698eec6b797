/**
 * Every name the map shows from the data has a name in every language: countries, places, route
 * families and segments, Frontex route areas, and the texts without an `_it` column (licences,
 * attributions, funds, implementers). A record has one `name` (English); its other names are in the
 * per-locale name map. A name with no entry falls back to English on screen (marked `lang="en"`);
 * this test and `npm run data` list each one, so the fallback is never silent. Long texts (agreement
 * summaries, descriptions, purposes) are checked by tests/unit/i18n-texts.test.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAll, type Loaded } from '../../scripts/data/load';
import { missingNames, namedRecords } from '../../scripts/data/names-report';
import { hasName, NAME_MAPS, mappedName, nameOf, textIn } from '../../src/lib/i18n/names';
import { countryName, SEA_LABELS } from '../../scripts/basemap/names';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let data: Loaded;
beforeAll(() => {
  data = loadAll(root);
});

const LANGS = ['it', 'fr', 'ar'] as const;
const ARABIC = /[\u0600-\u06FF]/;

const named = () => namedRecords(data.catalog);

function texts(): string[] {
  const cat = data.catalog;
  return [
    ...new Set([
      ...cat.sources.map((s) => s.licence),
      ...cat.sources
        .map((s) => s.attribution)
        .filter((a) => /\b(licen[cs]ed|Source|changes|with|from|of the)\b|©/i.test(a)),
      ...cat.programmes.flatMap((p) => [p.implementer, p.fund]).filter((x): x is string => !!x),
    ]),
  ];
}

describe('names in every language', () => {
  it.each(LANGS)('every country, place, route and route area has a name in "%s"', (lang) => {
    // The same list `npm run data` prints: what, where, the English name and which map to add it to.
    expect(missingNames(data.catalog, [lang]), `names that fall back to English in ${lang}`).toEqual([]);
  });

  it('lists a record without a name in a locale, saying where it is and where to add it', () => {
    const cat = {
      ...data.catalog,
      places: [
        ...data.catalog.places,
        { ...data.catalog.places[0], id: 'atlantis', name: 'Atlantis', _row: 999 },
      ],
    };
    expect(missingNames(cat, ['fr', 'ar'])).toEqual([
      '[fr] place atlantis (data/places.csv row 999): "Atlantis" has no name in src/lib/i18n/names/fr.json (add it; shown in English until then)',
      '[ar] place atlantis (data/places.csv row 999): "Atlantis" has no name in src/lib/i18n/names/ar.json (add it; shown in English until then)',
    ]);
  });

  it('no record in data/ carries a per-language name column any more', () => {
    expect(data.notices.map((n) => `${n.file} ${n.column}`)).toEqual([]);
    for (const { r } of named()) expect(Object.keys(r).filter((k) => /^name_/.test(k))).toEqual([]);
  });

  it.each(LANGS)('every licence, credit line, fund and implementer has a text in "%s"', (lang) => {
    const missing = texts().filter(
      (en) => mappedName(en, lang) === undefined && !/^(CC|Open|©|Cassa)/.test(en),
    );
    expect(missing).toEqual([]);
  });

  it('Arabic names are written in Arabic script', () => {
    const latin = named().filter(({ r }) => !ARABIC.test(nameOf(r, 'ar')));
    expect(latin.map((x) => x.what)).toEqual([]);
  });

  it('the name maps hold no entry the data does not use (stale names are removed)', () => {
    const used = new Set([
      ...named().map(({ r }) => nameOf(r, 'en')),
      ...texts(),
      ...data.catalog.sources.map((s) => s.attribution),
    ]);
    for (const [lang, map] of Object.entries(NAME_MAPS)) {
      const stale = Object.keys(map).filter((k) => !used.has(k));
      // Country names come from the whole ISO list (agreements may name a country no place is in).
      expect(
        stale.filter((k) => !/^[A-Z]/.test(k) || k.includes('(')),
        lang,
      ).toEqual([]);
    }
  });

  it('falls back to English when a name is missing, and says so', () => {
    const r = { name: 'Nowhere-on-the-map' };
    expect(nameOf(r, 'ar')).toBe('Nowhere-on-the-map');
    expect(hasName(r, 'ar')).toBe(false);
    expect(textIn('Facts cited; text © publisher', 'fr')).toBe('Faits cités ; texte © éditeur');
  });

  it('basemap country and sea labels have French and Arabic names', () => {
    for (const [id, atlas] of [
      ['434', 'Libya'],
      ['788', 'Tunisia'],
      ['504', 'Morocco'],
      ['729', 'Sudan'],
    ]) {
      const n = countryName(id, atlas)!;
      expect(n.name_fr).not.toBe(n.name_en);
      expect(n.name_ar).toMatch(ARABIC);
    }
    for (const s of SEA_LABELS) {
      expect(s.name_ar, s.name_en).toMatch(ARABIC);
      expect(s.name_fr, s.name_en).not.toBe('');
    }
  });
});
