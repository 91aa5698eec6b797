/** Sources' titles and notes wait in sources.json (issue #15) and lose nothing. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../scripts/data/load';
import { buildOutputs } from '../../scripts/data/outputs';
import { checkSourcesFile } from '../../src/lib/data/sourceDetails.svelte';
import type { CatalogFile } from '../../src/lib/data/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { catalog } = loadAll(root);
const out = buildOutputs(catalog, []);

describe('sources.json', () => {
  it('holds every source’s title and note; catalog.json keeps the rest and neither of them', () => {
    const first = (out['catalog.json'] as CatalogFile).sources;
    const details = checkSourcesFile(JSON.parse(JSON.stringify(out['sources.json'])));
    expect(first.length).toBe(catalog.sources.length);
    for (const s of catalog.sources) {
      expect(details[s.id]).toEqual({ title: s.title, note: s.note ?? null });
      const f = first.find((x) => x.id === s.id)!;
      expect(Object.keys(f)).not.toContain('title');
      expect(Object.keys(f)).not.toContain('note');
      expect(f).toMatchObject({ publisher: s.publisher, url: s.url, licence: s.licence, status: s.status });
    }
    expect(Object.values(details).filter((d) => d.note).length).toBeGreaterThan(100);
  });

  it('says which source is malformed', () => {
    expect(() => checkSourcesFile({ version: 2 })).toThrow('expected { version: 1, sources }');
    expect(() => checkSourcesFile({ version: 1, sources: { frontex: { note: null } } })).toThrow(
      'source "frontex" needs a title',
    );
  });
});
