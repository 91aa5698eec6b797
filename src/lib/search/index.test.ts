import { describe, expect, it } from 'vitest';
import { buildIndex, nameIn, normalize, search } from './index';
import { fixtureCatalog } from './fixture.test-helper';

describe('normalize', () => {
  it.each([
    ['Bihać', 'bihac'],
    ['LAMPEDUSA', 'lampedusa'],
    ['Ghardaïa', 'ghardaia'],
    ['İzmir', 'izmir'],
    ['Shëngjin', 'shengjin'],
    ["N'Djamena", 'ndjamena'],
    ['Zuwara → Lampedusa', 'zuwara lampedusa'],
    ['  Łódź  ', 'lodz'],
    ['Đakovo', 'dakovo'],
    ['Türkiye', 'turkiye'],
  ])('%s → %s', (a, b) => expect(normalize(a)).toBe(b));
});

describe('search', () => {
  const cat = fixtureCatalog();
  const index = buildIndex(cat);
  const first = (q: string) => search(index, q)[0]?.entry;

  it('finds places without accents and in any case', () => {
    expect(first('Bihac')).toMatchObject({ kind: 'place', id: 'bihac' });
    expect(first('bihać')).toMatchObject({ kind: 'place', id: 'bihac' });
    expect(first('lampedusa')).toMatchObject({ kind: 'place', id: 'lampedusa' });
    expect(first('ndjamena')).toMatchObject({ kind: 'place', id: 'ndjamena' });
  });

  it('finds by English or Italian name, whatever the interface language', () => {
    expect(first('Roma')).toMatchObject({ kind: 'place', id: 'rome' });
    expect(first('rome')).toMatchObject({ kind: 'place', id: 'rome' });
    expect(first('Libia')).toMatchObject({ kind: 'country', id: 'LBY' });
    expect(first('turchia')).toMatchObject({ kind: 'country', id: 'TUR' });
    expect(first('turkiye')).toMatchObject({ kind: 'country', id: 'TUR' });
    expect(first('mediterraneo')).toMatchObject({ kind: 'family', id: 'central-med' });
    expect(first('memorandum')).toMatchObject({ kind: 'agreement', id: 'mou' });
  });

  it('covers every kind: places, countries, routes, segments, agreements, programmes', () => {
    const kinds = new Set(index.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['agreement', 'country', 'family', 'place', 'programme', 'segment']);
    expect(first('fondo migrazioni')).toMatchObject({ kind: 'programme', id: 'p1' });
    expect(search(index, 'zuara').map((r) => r.entry.id)).toContain('cm-a');
  });

  it('leaves routing points out', () => {
    expect(index.some((e) => e.id === 'sea-x')).toBe(false);
  });

  it('ranks an exact or prefix name match above a word inside a longer name', () => {
    const ids = search(index, 'lampedusa').map((r) => r.entry.id);
    expect(ids[0]).toBe('lampedusa');
    expect(ids).toContain('cm-a');
    expect(ids.indexOf('lampedusa')).toBeLessThan(ids.indexOf('cm-a'));
  });

  it('needs every word of a multi-word query', () => {
    expect(search(index, 'bosnia erzegovina')[0].entry.id).toBe('BIH');
    expect(search(index, 'bosnia xyz')).toEqual([]);
  });

  it('matches secondary text (a programme purpose) only as a last resort, from three letters', () => {
    const r = search(index, 'rimpatri');
    expect(r[0]).toMatchObject({ score: expect.any(Number), entry: { id: 'p1' } });
    expect(search(index, 'ri').some((x) => x.entry.id === 'p1' && x.score === 4)).toBe(false);
  });

  it('returns nothing for an empty or punctuation-only query and respects the limit', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, ' ,; ')).toEqual([]);
    expect(search(index, 'a', 3)).toHaveLength(3);
  });

  it('names an entry in the chosen language, falling back to English', () => {
    const rome = index.find((e) => e.id === 'rome')!;
    expect(nameIn(rome, 'it')).toBe('Roma');
    expect(nameIn(rome, 'en')).toBe('Rome');
    expect(nameIn(rome, 'fr')).toBe('Rome');
  });

  it('does not mutate the catalog', () => {
    const before = JSON.stringify(cat);
    buildIndex(cat);
    search(index, 'lib');
    expect(JSON.stringify(cat)).toBe(before);
  });
});
