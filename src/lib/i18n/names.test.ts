import { describe, expect, it } from 'vitest';
import { nameOf } from './names';

const italy = { name_en: 'Italy', name_it: 'Italia' };

describe('nameOf', () => {
  it.each<[string, object | null | undefined, string, string | undefined, string]>([
    ['the language asked for', italy, 'it', undefined, 'Italia'],
    ['English in English', italy, 'en', undefined, 'Italy'],
    [
      'English when the language has no field and the name map no entry',
      { name_en: 'Atlantis' },
      'fr',
      undefined,
      'Atlantis',
    ],
    ['the per-locale name map when the language has no field', italy, 'fr', undefined, 'Italie'],
    ['English when the field is empty', { name_en: 'Libya', name_it: '' }, 'it', undefined, 'Libya'],
    ['English when the field is null', { name_en: 'Libya', name_it: null }, 'it', undefined, 'Libya'],
    ['English when the field is not text', { name_en: 'Libya', name_it: 7 }, 'it', undefined, 'Libya'],
    ['a later locale when present', { name_en: 'Tunisia', name_ar: 'تونس' }, 'ar', undefined, 'تونس'],
    ['whitespace counts as text', { name_en: 'Malta', name_it: ' ' }, 'it', undefined, ' '],
    ['an object with only name_en', { name_en: 'LMP' }, 'it', undefined, 'LMP'],
    ['another field', { title_en: 'MoU', title_it: 'Memorandum' }, 'it', 'title', 'Memorandum'],
    [
      'another field, English fallback',
      { purpose_en: 'Returns', purpose_it: '' },
      'it',
      'purpose',
      'Returns',
    ],
    ['the default field is name, not another one', { title_en: 'MoU' }, 'en', undefined, ''],
    ['empty when English is empty too', { name_en: '', name_it: '' }, 'it', undefined, ''],
    ['empty when English is missing', { name_it: '' }, 'it', undefined, ''],
    ['empty when English is not text', { name_en: 42 }, 'en', undefined, ''],
    ['empty for an empty object', {}, 'it', undefined, ''],
    ['empty for null', null, 'it', undefined, ''],
    ['empty for undefined', undefined, 'en', undefined, ''],
  ])('%s', (_, rec, lang, field, want) =>
    expect(field === undefined ? nameOf(rec, lang) : nameOf(rec, lang, field)).toBe(want),
  );

  it('does not modify the record', () => {
    const rec = Object.freeze({ name_en: 'Greece', name_it: '' });
    expect(nameOf(rec, 'it')).toBe('Greece');
    expect(rec).toEqual({ name_en: 'Greece', name_it: '' });
  });
});
