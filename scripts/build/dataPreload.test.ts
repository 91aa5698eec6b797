import { describe, expect, it } from 'vitest';
import { preloadLinks } from './dataPreload';
import { getJson } from '../../src/lib/data/load';

describe('the first view’s data preloaded with the page', () => {
  const manifest = {
    files: {
      'catalog.json': { sha256: 'aa' },
      'counts.json': { sha256: 'bb' },
      'routes.geojson': { sha256: 'cc' },
    },
  };

  it('names exactly the URLs the app fetches (manifest first, then the hashed files)', async () => {
    const asked: string[] = [];
    const real = globalThis.fetch;
    globalThis.fetch = (async (u: string) => {
      asked.push(u);
      return new Response('{}');
    }) as typeof fetch;
    try {
      await getJson('manifest.json');
      for (const [n, f] of Object.entries(manifest.files)) await getJson(n, f.sha256);
    } finally {
      globalThis.fetch = real;
    }
    const hrefs = [...preloadLinks(manifest).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(asked);
    expect(preloadLinks(manifest)).toMatch(/^<link rel="preload" as="fetch" crossorigin href=/);
  });

  it('fails the build when the manifest lacks a file', () => {
    expect(() => preloadLinks({ files: {} })).toThrow('names no catalog.json');
  });
});
