/**
 * The English messages are in two halves (issue #15, first load): locales/en/*.json, in the
 * first-load chunk, holds exactly the keys the first-load code uses; locales/en/lazy/*.json, a
 * chunk loaded with the lazy parts (src/lib/i18n/en-parts.ts), holds the rest. "The first-load
 * code" is src/main.ts and every module it imports statically (./i18n-usage.ts, firstLoadFiles):
 * what Vite puts in the first load; a module reached only through `import()` is a lazy chunk, and
 * every such import whose code shows a lazy message must wait for that half (withMessages,
 * lazyPart, loadPart in src/lib/ui/lazy.ts). How a file uses a key: ./i18n-usage.ts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/lib/i18n/i18n.svelte';
import {
  ROOT,
  firstLoadFiles,
  keysUsed,
  resolveImport,
  scan,
  sourceFiles,
  staticClosure,
} from './i18n-usage';

const LOCALE_DIR = join(ROOT, 'src/lib/i18n/locales');
const LANGS = readdirSync(LOCALE_DIR);

/** A locale's files, by path in the locale folder (`core.json`, `lazy/core.json`), with their keys. */
function filesOf(lang: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = join(LOCALE_DIR, lang);
  const visit = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) visit(p);
      else if (f.endsWith('.json'))
        out.set(
          relative(dir, p),
          Object.keys(JSON.parse(readFileSync(p, 'utf8')) as Record<string, Message>),
        );
    }
  };
  visit(dir);
  return out;
}

const en = filesOf('en');
const firstTable = new Set([...en].filter(([f]) => !f.startsWith('lazy/')).flatMap(([, ks]) => ks));
const lazyTable = new Set([...en].filter(([f]) => f.startsWith('lazy/')).flatMap(([, ks]) => ks));
const allKeys = [...firstTable, ...lazyTable];
const fileOf = new Map([...en].flatMap(([f, ks]) => ks.map((k) => [k, f] as const)));
const firstFiles = firstLoadFiles();
const firstUsed = keysUsed(scan(firstFiles), allKeys);

describe('the first-load English messages', () => {
  it('the first-load code is the app shell, and none of the lazy parts', () => {
    // The walk itself: it must reach the first view's components and stop at every import().
    for (const f of ['src/App.svelte', 'src/lib/map/MapView.svelte', 'src/lib/ui/Legend.svelte'])
      expect(firstFiles, f).toContain(f);
    for (const f of [
      'src/lib/ui/ExportDialog.svelte',
      'src/lib/present/Present.svelte',
      'src/lib/ui/charts/BeforeAfter.svelte',
      'src/lib/ui/ImportPreview.svelte',
    ])
      expect(firstFiles, f).not.toContain(f);
  });

  it('hold every key the first-load code uses', () => {
    const missing = [...firstUsed]
      .filter((k) => !firstTable.has(k))
      .map((k) => `${k}: move it from ${fileOf.get(k)} to ${fileOf.get(k)!.slice(5)} in every locale`);
    expect(missing).toEqual([]);
  });

  it('hold no key only the lazy parts use (it would weigh on the first load)', () => {
    const extra = [...firstTable]
      .filter((k) => !firstUsed.has(k))
      .map((k) => `${k}: move it from ${fileOf.get(k)} to lazy/${fileOf.get(k)} in every locale`);
    expect(extra).toEqual([]);
  });

  it('and the lazy half together are every key the code uses, each in one half', () => {
    expect([...firstTable].filter((k) => lazyTable.has(k))).toEqual([]);
    const used = keysUsed(scan(sourceFiles()), allKeys);
    expect(allKeys.filter((k) => !used.has(k))).toEqual([]);
    // Every key another locale has is in one of the halves (none was lost in the split).
    for (const lang of LANGS)
      expect(
        [...filesOf(lang).values()].flat().filter((k) => !firstTable.has(k) && !lazyTable.has(k)),
        lang,
      ).toEqual([]);
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s keeps each key in the file English has it in', (lang) => {
    // Its chunk holds both halves, but a translator finds a key where the English one is.
    const files = filesOf(lang);
    expect([...files.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [f, keys] of files) expect(keys.sort(), `${lang}/${f}`).toEqual([...en.get(f)!].sort());
  });

  it('are what the app starts with, and loadPartMessages adds the lazy half', async () => {
    // A fresh copy of the module (the test setup has loaded the lazy half into the shared one).
    vi.resetModules();
    const m = await import('../../src/lib/i18n/i18n.svelte');
    expect(Object.keys(m.MESSAGES.en).sort()).toEqual([...firstTable].sort());
    const before = m.i18n.loaded;
    expect(m.t('ba.title' as never)).toBe('ba.title');
    await m.loadPartMessages();
    expect(Object.keys(m.MESSAGES.en).sort()).toEqual(allKeys.sort());
    expect(m.i18n.loaded).toBeGreaterThan(before); // what was drawn before redraws
    expect(m.t('ba.title' as never)).not.toBe('ba.title');
  });
});

// `import('./x')`, with what precedes it on the same statement.
const DYNAMIC_IMPORT = /import\(\s*(['"])(\.[^'"]+)\1\s*\)/g;
const WAITS = /(?:withMessages|lazyPart|loadPart)\(\s*\(\)\s*=>\s*$/;

describe('the lazy parts', () => {
  it('wait for the lazy messages when their code shows one', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const f of sourceFiles()) {
      if (f === 'src/lib/i18n/i18n.svelte.ts') continue; // the loader of the lazy half itself
      const src = readFileSync(join(ROOT, f), 'utf8');
      for (const m of src.matchAll(DYNAMIC_IMPORT)) {
        const target = resolveImport(f, m[2]);
        if (!target) continue;
        const lazyUsed = [...keysUsed(scan(staticClosure(target)), lazyTable)];
        if (!lazyUsed.length) continue;
        checked++;
        if (!WAITS.test(src.slice(Math.max(0, m.index - 80), m.index)))
          bad.push(`${f}: import('${m[2]}') shows ${lazyUsed[0]}… without waiting (use withMessages)`);
      }
    }
    expect(bad).toEqual([]);
    // The parts (parts.ts), before/after, compare, the story panel, the SVG map, the video recorder.
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
