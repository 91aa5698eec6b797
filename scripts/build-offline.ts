/**
 * `npm run build:offline`: one self-contained HTML file, dist-offline/crossings.html, that works when
 * opened from file:// with no network (a USB stick in a briefing room).
 *
 * The site is built as usual (`vite build` into a temporary folder, public/data included) and then
 * folded into one file by src/lib/offline/inline.ts — the same module the app's "Download for
 * offline" runs in the browser on its own files, so both make the same file.
 *
 * Needs public/data/ (run `npm run data` first).
 * Usage: tsx scripts/build-offline.ts [out.html] [--story <id>]   (--story opens that story)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { inlineSite, type InlineOptions } from '../src/lib/offline/inline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Fold a built site (a folder with index.html, offline.json and data/) into one HTML string. */
export function inlineDir(dir: string, opts: InlineOptions = {}): Promise<string> {
  return inlineSite({ read: async (p) => readFileSync(join(dir, p)) }, opts);
}

export async function buildOffline(
  out = join(root, 'dist-offline/crossings.html'),
  storyId?: string,
): Promise<string> {
  const dataDir = join(root, 'public/data');
  if (!existsSync(join(dataDir, 'manifest.json')))
    throw new Error('public/data/manifest.json is missing: run `npm run data` first');
  if (!existsSync(join(dataDir, 'stories.json')))
    throw new Error('public/data/stories.json is missing: run `npm run data` (it validates data/stories/)');

  const tmp = join(tmpdir(), `crossings-offline-${process.pid}`);
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      root,
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true, chunkSizeWarningLimit: 100_000 },
    });
    let start: string | undefined;
    if (storyId) {
      const f = JSON.parse(readFileSync(join(dataDir, 'stories.json'), 'utf8')) as {
        stories: { id: string }[];
      };
      if (!f.stories.some((s) => s.id === storyId))
        throw new Error(`--story ${storyId}: no such story (have ${f.stories.map((s) => s.id).join(', ')})`);
      start = `?present=${encodeURIComponent(storyId)}`;
    }
    const html = await inlineDir(tmp, { start });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, html);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--story');
  const story = i >= 0 ? args.splice(i, 2)[1] : undefined;
  const out = args[0] ? resolve(args[0]) : undefined;
  buildOffline(out, story)
    .then((p) => {
      const mb = (statSync(p).size / 1024 / 1024).toFixed(1);
      console.log(`Wrote ${relative(process.cwd(), p)} (${mb} MB): open it from a file, no network needed.`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
