/**
 * The catalog's detail texts wait in details.json (issue #15) and lose nothing: merged back into the
 * first-load catalog, every record has what the data has.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../scripts/data/load';
import { buildOutputs } from '../../scripts/data/outputs';
import { checkDetailsFile, mergeDetails } from '../../src/lib/data/details';
import { DATA_PROVIDERS } from '../../src/lib/data/providers';
import type { CatalogFile } from '../../src/lib/data/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { catalog } = loadAll(root);
const out = buildOutputs(catalog, []);
/** The files as the app receives them (JSON, not the objects buildOutputs made). */
const first = () => JSON.parse(JSON.stringify(out['catalog.json'])) as CatalogFile;
const details = () => checkDetailsFile(JSON.parse(JSON.stringify(out['details.json'])));

describe('details.json', () => {
  it('the first load has no detail text: no title, note, summary, event note or description', () => {
    const cat = first();
    for (const s of cat.sources) {
      expect(Object.keys(s)).not.toContain('title');
      expect(Object.keys(s)).not.toContain('note');
      // Only the data providers' addresses stay (the credit line, exports and IOM link need them).
      expect('url' in s, s.id).toBe(DATA_PROVIDERS.includes(s.id));
    }
    for (const a of cat.agreements) {
      expect(a.summary_en).toBeUndefined();
      for (const e of a.events) expect(e.note_en).toBeUndefined();
    }
    for (const r of [...cat.families, ...cat.segments]) expect(r.description_en).toBeUndefined();
    // Every provider the credits name is a source of the data.
    for (const id of DATA_PROVIDERS) expect(cat.sources.map((s) => s.id)).toContain(id);
  });

  it('merged into the catalog, every record has the texts and addresses the data has', () => {
    const cat = first();
    mergeDetails(cat, details());
    expect(cat.sources.length).toBe(catalog.sources.length);
    for (const s of catalog.sources) {
      const f = cat.sources.find((x) => x.id === s.id)!;
      expect(f).toMatchObject({ publisher: s.publisher, url: s.url, licence: s.licence, status: s.status });
      expect(details().sources[s.id]).toMatchObject({ title: s.title, note: s.note ?? null });
    }
    let notes = 0;
    for (const a of catalog.agreements) {
      const f = cat.agreements.find((x) => x.id === a.id)!;
      expect(f.summary_en, a.id).toBe(a.summary_en);
      expect(f.events.map((e) => e.note_en)).toEqual(a.events.map((e) => e.note_en));
      notes += a.events.filter((e) => e.note_en).length;
    }
    expect(notes).toBeGreaterThan(50);
    for (const [mine, theirs] of [
      [cat.families, catalog.families],
      [cat.segments, catalog.segments],
    ] as const)
      for (const r of theirs)
        expect(mine.find((x) => x.id === r.id)?.description_en, r.id).toBe(r.description_en);
    // The Italian texts are not brought back here: they travel in texts-it.json.
    expect(JSON.stringify(out['details.json'])).not.toMatch(/"[a-z_]+_it":/);
  });

  it('a source with no address stays without one, and the merge does not overwrite a provider’s', () => {
    const cat = first();
    const d = details();
    const provider = cat.sources.find((s) => s.id === 'iom-mmp')!;
    d.sources['iom-mmp'] = { ...d.sources['iom-mmp'], url: 'https://example.org/not-this' };
    mergeDetails(cat, d);
    expect(provider.url).toBe(catalog.sources.find((s) => s.id === 'iom-mmp')!.url);
    const none = catalog.sources.find((s) => s.url === null && !DATA_PROVIDERS.includes(s.id));
    expect(none, 'the data has a cited document without an address').toBeDefined();
    expect(cat.sources.find((s) => s.id === none!.id)!.url).toBeNull();
  });

  it('says which record and field of a malformed file are wrong', () => {
    const ok = details();
    expect(() => checkDetailsFile({ version: 2 })).toThrow('details.json: expected { version: 1');
    expect(() => checkDetailsFile({ ...ok, agreements: [] })).toThrow('"agreements" should be an object');
    expect(() => checkDetailsFile({ ...ok, sources: { frontex: { note: null } } })).toThrow(
      'source "frontex" needs a title',
    );
    expect(() =>
      checkDetailsFile({ ...ok, agreements: { 'x-1': { summary_en: 'S', notes_en: [1] } } }),
    ).toThrow('agreement "x-1" needs summary_en (text) and notes_en');
    expect(() => checkDetailsFile({ ...ok, segments: { 'seg-a': null } })).toThrow(
      'segments "seg-a": the description should be text',
    );
  });
});
