/**
 * Which message keys the code uses, and which code is in the first load: shared by
 * i18n-keys.test.ts (every key exists and is used) and i18n-split.test.ts (the first-load English
 * table holds exactly the keys the first-load code uses).
 *
 * How a file uses a key (scanning src/**\/*.svelte|ts, tests excluded):
 *  1. a call with a literal key, t('a.b');
 *  2. a quoted literal equal to a key (keys kept in constants and passed to t later,
 *     e.g. `{ key: 'notice.badWindow' }` then `t(n.key)`);
 *  3. a template key, t(`prefix.${x}`) or a key built as `prefix.${x}` and passed to t later: its
 *     prefix must be in DYNAMIC below with the full list of values x can take (taken from the
 *     code's own constants where they exist); each prefix+value counts as used.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AGREEMENT_TYPES, EVENT_TYPES, METRICS, MODES } from '../../src/lib/data/schema';
import { LAYER_IDS } from '../../src/lib/state/app.svelte';
import { THEMES } from '../../src/lib/map/theme';
import { STATUS_ORDER } from '../../src/lib/filter/lifecycle';
import { SEARCH_KINDS } from '../../src/lib/search/index';
import { DRAWN } from '../../src/lib/overlays/agreements';
import { PRESET_IDS } from '../../src/lib/export/presets';
import { SHORT_SOURCE_IDS } from '../../src/lib/export/sourceLine';
import { TEXT_KEYS } from '../../src/lib/state/url';
import { ANCHOR_TYPES } from '../../src/lib/analysis/series';
import { ISSUE_CODES, NOTICE_CODES } from '../../src/lib/data/import/types';
import { ROLES } from '../../src/lib/data/import/headers';
import { DELIMITERS } from '../../src/lib/data/import/read';

export const DYNAMIC: Record<string, readonly string[]> = {
  'theme.': Object.keys(THEMES),
  'details.mode.': MODES,
  'layers.': LAYER_IDS,
  'panel.': ['details', 'table', 'compare', 'about'],
  'search.kind.': SEARCH_KINDS,
  'metric.': METRICS,
  'about.metric.': METRICS,
  'summary.': METRICS,
  'summary.none.': METRICS,
  'agreement.status.': STATUS_ORDER,
  'agreement.type.': AGREEMENT_TYPES,
  'agreement.event.': EVENT_TYPES,
  'agreement.drawn.': DRAWN,
  'table.note.': ['approx', 'atLeast', 'partial'],
  'publish.': TEXT_KEYS,
  'publish.headline.': METRICS,
  'publish.preset.': PRESET_IDS,
  'source.short.': SHORT_SOURCE_IDS,
  // src/lib/map/gpu/incidents.ts CAUSES (not exported): IOM cause categories.
  'incident.cause.': ['drowning', 'violence', 'unknown', 'vehicle', 'environment', 'accident', 'sickness'],
  // src/lib/timeline/histogram.ts Resolution (a type, no runtime list).
  'timeline.res.': ['monthly', 'annual', 'mixed', 'none'],
  'ba.event.': ANCHOR_TYPES,
  // src/lib/analysis/caption.ts: basis (total, avg) × direction (lower, higher, same).
  'ba.caption.': ['total', 'avg'].flatMap((b) => ['lower', 'higher', 'same'].map((d) => `${b}.${d}`)),
  // src/lib/ui/VideoExport.svelte PRESET_CHOICES.
  'video.preset.': ['article', 'full', 'square', 'print'],
  'import.issue.': ISSUE_CODES,
  'import.notice.': NOTICE_CODES,
  'import.delim.': DELIMITERS,
  'import.role.': ROLES,
  // src/lib/data/import/values.ts DateOrder and Decimal (types).
  'import.reading.': ['dmy', 'mdy', 'dot', 'comma'],
  // src/lib/data/import/types.ts Question kind, with or without "Conflict".
  'import.q.': ['dateOrder', 'dateOrderConflict', 'decimal', 'decimalConflict'],
  'import.progress.': ['read', 'parse'],
};

/** Template literals that look like key prefixes but build other names (checked by hand). */
export const NOT_KEYS: Record<string, string> = {
  'agreement.': 'src/lib/present/contrast.ts names theme colour tokens `agreement.<status>`',
};

export const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The app's source files (tests and locale files left out), as paths relative to the repository. */
export function sourceFiles(): string[] {
  return walk(SRC)
    .filter(
      (f) =>
        /\.(svelte|ts)$/.test(f) && !/\.test\.ts$|\.test-helper\.ts$/.test(f) && !f.includes('/locales/'),
    )
    .map((f) => relative(ROOT, f));
}

export interface Usage {
  /** Keys in t('key') calls, each with the first file that has one. */
  calls: Map<string, string>;
  /** Every quoted literal that looks like a key. */
  literals: Set<string>;
  /** Template prefixes (`prefix.${…}`), each with the first file that has one. */
  templates: Map<string, string>;
}

/** What the given files (relative paths) say about keys. */
export function scan(files: Iterable<string>): Usage {
  const calls = new Map<string, string>();
  const literals = new Set<string>();
  const templates = new Map<string, string>();
  for (const rel of files) {
    const src = readFileSync(join(ROOT, rel), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) if (!calls.has(m[2])) calls.set(m[2], rel);
    for (const m of src.matchAll(/(['"])([\w-]+(?:\.[\w-]+)+)\1/g)) literals.add(m[2]);
    for (const m of src.matchAll(/`([\w-]+(?:\.[\w-]+)*\.)\$\{/g))
      if (!templates.has(m[1])) templates.set(m[1], rel);
  }
  return { calls, literals, templates };
}

/** The keys of `all` that the scanned files use (by any of the three ways above). */
export function keysUsed(u: Usage, all: Iterable<string>): Set<string> {
  const dynamic = [...u.templates.keys()].flatMap((p) => (DYNAMIC[p] ?? []).map((v) => p + v));
  const used = new Set([...u.calls.keys(), ...dynamic]);
  return new Set([...all].filter((k) => used.has(k) || u.literals.has(k)));
}

// Static imports and re-exports (`import x from`, `import './a'`, `export { y } from`); type-only
// ones are left out (erased by the compiler, they load nothing), and so is `import()`, which loads
// a chunk of its own when it runs.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s*)?(['"])([^'"]+)\1/gm;

/** The source file a relative import names (null: a package, or not a source file). */
export function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package: no message keys there
  const base = join(dirname(join(ROOT, from)), spec);
  for (const p of [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')])
    if (/\.(svelte|ts)$/.test(p) && existsSync(p) && statSync(p).isFile()) return relative(ROOT, p);
  return null;
}

/** A source file and everything it imports statically, all the way down (one chunk's worth of code). */
export function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(STATIC_IMPORT)) {
      const r = resolveImport(f, m[2]);
      if (r && !seen.has(r)) todo.push(r);
    }
  }
  return seen;
}

/**
 * The source files the first load runs: src/main.ts and everything it imports statically (Vite puts
 * them in the entry and the `app` chunk; an `import()` starts a lazy chunk).
 */
export const firstLoadFiles = (): Set<string> => staticClosure('src/main.ts');
