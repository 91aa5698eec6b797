import { describe, expect, it } from 'vitest';
import { hasName, nameLang, nameOf, routeAreaName } from './names';

const italy = { name: 'Italy' };

describe('nameOf', () => {
  it.each<[string, object | null | undefined, string, string | undefined, string]>([
    ['the name map for the language asked for', italy, 'it', undefined, 'Italia'],
    ['English in English', italy, 'en', undefined, 'Italy'],
    ['English when the name map has no entry', { name: 'Atlantis' }, 'fr', undefined, 'Atlantis'],
    ['the French name map', italy, 'fr', undefined, 'Italie'],
    ['the Arabic name map', { name: 'Tunisia' }, 'ar', undefined, 'تونس'],
    ['an old record with name_en only (read as name)', { name_en: 'Libya' }, 'it', undefined, 'Libia'],
    ['name wins over an old name_en', { name: 'Malta', name_en: 'Other' }, 'en', undefined, 'Malta'],
    ['an object with only a name not in any map', { name: 'LMP' }, 'it', undefined, 'LMP'],
    ['another field', { title_en: 'MoU', title_it: 'Memorandum' }, 'it', 'title', 'Memorandum'],
    [
      'another field, English fallback',
      { purpose_en: 'Returns', purpose_it: '' },
      'it',
      'purpose',
      'Returns',
    ],
    ['the default field is name, not another one', { title_en: 'MoU' }, 'en', undefined, ''],
    ['empty when the name is empty', { name: '' }, 'it', undefined, ''],
    ['empty when there is no name', { capital: 'rome' }, 'it', undefined, ''],
    ['empty when the name is not text', { name: 42 }, 'en', undefined, ''],
    ['empty for an empty object', {}, 'it', undefined, ''],
    ['empty for null', null, 'it', undefined, ''],
    ['empty for undefined', undefined, 'en', undefined, ''],
  ])('%s', (_, rec, lang, field, want) =>
    expect(field === undefined ? nameOf(rec, lang) : nameOf(rec, lang, field)).toBe(want),
  );

  it('does not modify the record', () => {
    const rec = Object.freeze({ name: 'Greece' });
    expect(nameOf(rec, 'it')).toBe('Grecia');
    expect(rec).toEqual({ name: 'Greece' });
  });

  it('says when it fell back to English (hasName, nameLang)', () => {
    expect([hasName(italy, 'ar'), nameLang(italy, 'ar')]).toEqual([true, 'ar']);
    expect([hasName({ name: 'Atlantis' }, 'ar'), nameLang({ name: 'Atlantis' }, 'ar')]).toEqual([
      false,
      'en',
    ]);
    expect(nameLang(null, 'fr')).toBe('en');
    expect(hasName({ name: 'Atlantis' }, 'en')).toBe(true);
  });

  it('names a publisher route area in every language, an unknown key as it is', () => {
    expect(['en', 'it', 'fr'].map((l) => routeAreaName('central_med', l))).toEqual([
      'Central Mediterranean',
      'Mediterraneo centrale',
      'Méditerranée centrale',
    ]);
    expect(routeAreaName('atlantis', 'it')).toBe('atlantis');
    expect(routeAreaName('constructor', 'it')).toBe('constructor');
  });
});
