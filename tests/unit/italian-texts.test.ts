/**
 * The catalog's Italian long texts leave the first load (texts-it.json, issue #15) and lose
 * nothing: every `*_it` text the data has is what the app shows in Italian once the file is here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../scripts/data/load';
import { buildOutputs, splitItalian } from '../../scripts/data/outputs';
import { NAME_MAPS, nameLang, nameOf, provideNames } from '../../src/lib/i18n/names';
import type { CatalogFile } from '../../src/lib/data/types';
import { checkDetailsFile, mergeDetails } from '../../src/lib/data/details';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { catalog } = loadAll(root);
const out = buildOutputs(catalog, []);
// As the app has it once the detail texts (details.json) are merged in: summaries, event notes and
// descriptions are there only then.
const cat = JSON.parse(JSON.stringify(out['catalog.json'])) as CatalogFile;
mergeDetails(cat, checkDetailsFile(JSON.parse(JSON.stringify(out['details.json']))));
const texts = (out['texts-it.json'] as { texts: Record<string, string> }).texts;

type Rec = Record<string, unknown>;
/** [record as written, record as in the data, field] for every long text with an Italian version. */
function pairs(): [Rec, Rec, string][] {
  const acc: [Rec, Rec, string][] = [];
  const walk = (written: Rec[], source: Rec[]) =>
    source.forEach((src, i) => {
      for (const k of Object.keys(src))
        if (k.endsWith('_it') && typeof src[k] === 'string' && src[k] !== '')
          acc.push([written[i], src, k.slice(0, -3)]);
      if (Array.isArray(src.events)) walk(written[i].events as Rec[], src.events as Rec[]);
    });
  walk(cat.agreements as unknown as Rec[], catalog.agreements as unknown as Rec[]);
  walk(cat.programmes as unknown as Rec[], catalog.programmes as unknown as Rec[]);
  walk(cat.segments as unknown as Rec[], catalog.segments as unknown as Rec[]);
  walk(cat.families as unknown as Rec[], catalog.families as unknown as Rec[]);
  return acc;
}

describe('Italian long texts travel in texts-it.json, not in the first load', () => {
  it('catalog.json has no *_it field left', () => {
    expect(JSON.stringify(cat)).not.toMatch(/"[a-z_]+_it":/);
  });

  it('every Italian text of the data is shown in Italian from the map (and English before it arrives)', () => {
    const all = pairs();
    expect(all.length).toBeGreaterThan(150);
    provideNames('it', NAME_MAPS.it ?? {}, {});
    for (const [w, src, field] of all) expect(nameOf(w, 'it', field)).toBe(src[`${field}_en`]);
    provideNames('it', NAME_MAPS.it ?? {}, texts);
    for (const [w, src, field] of all) {
      expect(nameOf(w, 'it', field), `${String(src.id ?? src.type)}.${field}`).toBe(src[`${field}_it`]);
      expect(nameLang(w, 'it', field)).toBe('it');
    }
  });

  it('refuses one English text with two Italian ones', () => {
    const a = { id: 'a', note_en: 'Signed.', note_it: 'Firmato.' };
    const b = { id: 'b', note_en: 'Signed.', note_it: 'Sottoscritto.' };
    expect(() => splitItalian({ x: [a, b] })).toThrow('x/b.note_it: "Signed." has two Italian texts');
    expect(splitItalian({ x: [a, { ...a, id: 'c' }] }).texts).toEqual({ 'Signed.': 'Firmato.' });
  });
});
