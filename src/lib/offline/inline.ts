/**
 * One self-contained HTML file from a built site: the same code makes it in Node
 * (`npm run build:offline`, reading dist files from disk) and in the browser ("Download for
 * offline", fetching the running app's own files). No DOM, no Node: the caller passes `read`.
 *
 * What a built site is, generically (nothing here names a chunk):
 * - `index.html`, whose `<script type="module" src>` tags are the entries;
 * - `offline.json` (written by the build, scripts/offline-assets.ts): every file of the bundle —
 *   JS chunks (lazy ones too), workers, CSS, fonts, images;
 * - `data/manifest.json` (written by `npm run data`): every data file.
 *
 * The file opened from file:// can fetch nothing, so:
 * - each JS chunk of the page becomes a blob: URL at start, named in an import map, and every
 *   relative import between chunks (`from"./x.js"`, `import("./x.js")`) is rewritten to that name
 *   (an import map handles cycles between chunks; a blob: URL cannot resolve a relative path);
 * - a file the code reaches by `new URL("x", import.meta.url)` (a worker, the RTL text plugin, an
 *   image) becomes a data: URL in the code; a worker's own imports are inlined the same way
 *   (workers do not see the page's import map);
 * - Vite's preload lists are emptied (the CSS they would add is all inlined up front);
 * - CSS is inlined with its `url()`s as data: URLs;
 * - the data files become `window.__CROSSINGS_DATA__` (read by data/load.ts and map/basemap.ts).
 */
import { BASEMAP_TILES, FINE_DIR, tilePath, tilesIn } from '../map/basemapTiles';

export interface SiteReader {
  /** The bytes of a file of the built site, by its path from the site root ("assets/x.js"). */
  read(path: string): Promise<Uint8Array>;
}

export interface InlineOptions {
  /** A story to add to (or replace in) stories.json, and open in present mode. */
  story?: { id: string };
  /** The query the file opens with when it is opened without one, e.g. "?present=x&lang=it". */
  start?: string;
}

export interface OfflineAssets {
  version: 1;
  files: string[];
}

export const ASSETS_FILE = 'offline.json';
const IMPORT_PREFIX = '@crossings/';

const MIME: Record<string, string> = {
  js: 'text/javascript',
  mjs: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  pbf: 'application/x-protobuf',
  wasm: 'application/wasm',
};
const mimeOf = (path: string) => MIME[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';

/** Base64 of bytes, in the browser and in Node (both have btoa). */
export function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const dataUrl = (path: string, bytes: Uint8Array) => `data:${mimeOf(path)};base64,${base64(bytes)}`;

/** "assets/a/b.js" + "../c.js" → "assets/c.js"; throws on a path that leaves the site. */
export function resolvePath(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const p of rel.split(/[?#]/)[0].split('/')) {
    if (p === '..') {
      if (!parts.length) throw new Error(`${from}: "${rel}" points outside the site`);
      parts.pop();
    } else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

// `from"./x.js"`, `import"./x.js"`, `import("./x.js")`, `import(\`./x.js\`)` in minified output.
const IMPORT_RE = /(\bfrom\s*|\bimport\s*\(?\s*)(["'`])(\.{1,2}\/[^"'`]+)\2/g;
const URL_RE = /new URL\((["'`])([^"'`]+)\1,\s*import\.meta\.url\)/g;
const MAPDEPS_RE = /__vite__mapDeps\(\[[\d,\s]*\]\)/g;

export async function inlineSite(site: SiteReader, opts: InlineOptions = {}): Promise<string> {
  const cache = new Map<string, Promise<Uint8Array>>();
  const read = (p: string) => {
    if (!cache.has(p))
      cache.set(
        p,
        site.read(p).catch((e: Error) => {
          throw new Error(`${p}: could not be read (${e.message})`);
        }),
      );
    return cache.get(p)!;
  };
  const assets = JSON.parse(text(await read(ASSETS_FILE))) as OfflineAssets;
  if (assets?.version !== 1 || !Array.isArray(assets.files))
    throw new Error(`${ASSETS_FILE}: expected { version: 1, files: [...] } (rebuild the site)`);
  const known = new Set(assets.files);
  const need = (from: string, rel: string) => {
    const p = resolvePath(from, rel);
    if (!known.has(p)) throw new Error(`${from}: "${rel}" (${p}) is not in ${ASSETS_FILE}`);
    return p;
  };

  // A file reached by URL, as a data: URL; JS is inlined in worker context (its imports inlined too).
  const urlCache = new Map<string, Promise<string>>();
  const asUrl = (path: string, stack: string[]): Promise<string> => {
    if (stack.includes(path)) throw new Error(`${[...stack, path].join(' → ')}: an import cycle in a worker`);
    if (!urlCache.has(path))
      urlCache.set(
        path,
        /\.m?js$/.test(path)
          ? read(path)
              .then((b) => workerCode(path, text(b), [...stack, path]))
              .then((c) => dataUrl(path, new TextEncoder().encode(c)))
          : read(path).then((b) => dataUrl(path, b)),
      );
    return urlCache.get(path)!;
  };
  const urlRefs = async (path: string, code: string, stack: string[]) => {
    const urls = new Map<string, string>();
    for (const m of code.matchAll(URL_RE)) urls.set(m[2], await asUrl(need(path, m[2]), stack));
    return code.replace(URL_RE, (_, q: string, rel: string) => `new URL(${q}${urls.get(rel)}${q})`);
  };
  async function workerCode(path: string, code: string, stack: string[]): Promise<string> {
    const deps = new Map<string, string>();
    for (const m of code.matchAll(IMPORT_RE)) deps.set(m[3], await asUrl(need(path, m[3]), stack));
    code = code.replace(
      IMPORT_RE,
      (_, kw: string, q: string, rel: string) => `${kw}${q}${deps.get(rel)}${q}`,
    );
    return urlRefs(path, code, stack);
  }

  // The page's modules: the entries and every chunk they import, statically or lazily.
  let html = text(await read('index.html'));
  const entries = [...html.matchAll(/<script\b[^>]*type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g)].map(
    (m) => need('index.html', m[1].startsWith('.') || m[1].startsWith('/') ? m[1] : `./${m[1]}`),
  );
  if (!entries.length) throw new Error('index.html: no <script type="module" src> to inline');
  const chunks: Record<string, string> = {};
  const todo = [...entries];
  while (todo.length) {
    const path = todo.pop()!;
    if (path in chunks) continue;
    let code = text(await read(path));
    code = code.replace(IMPORT_RE, (_, kw: string, q: string, rel: string) => {
      const dep = need(path, rel);
      todo.push(dep);
      return `${kw}${q}${IMPORT_PREFIX}${dep}${q}`;
    });
    code = code.replace(MAPDEPS_RE, '[]');
    // A regex, not a string: this module's own chunk must not match itself.
    if (/__vite__mapDeps\(/.test(code)) throw new Error(`${path}: a preload list in a form not known`);
    chunks[path] = await urlRefs(path, code, [path]);
  }

  // Every stylesheet of the bundle (lazy components' CSS too), linked ones first.
  const linked = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)].map((m) =>
    need('index.html', m[1].startsWith('.') ? m[1] : `./${m[1]}`),
  );
  const css = [...new Set([...linked, ...assets.files.filter((f) => f.endsWith('.css'))])];
  const styles: string[] = [];
  for (const path of css) {
    let code = text(await read(path));
    const urls = new Map<string, string>();
    for (const m of code.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g))
      if (!/^(data:|#|[a-z]+:)/i.test(m[2])) urls.set(m[2], await asUrl(need(path, m[2]), [path]));
    code = code.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (all, q: string, u: string) =>
      urls.has(u) ? `url("${urls.get(u)}")` : all,
    );
    styles.push(`<style>${code.replace(/<\/(style)/gi, '<\\/$1')}</style>`);
  }

  const data = await readData(read, opts.story);

  // Classic scripts (the poster's, scripts/poster/plugin.ts) run where they stand: inlined there.
  const classic = /<script\b(?![^>]*\btype=)[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g;
  const inlined = new Map<string, string>();
  for (const m of html.matchAll(classic)) {
    const code = text(await read(need('index.html', m[1].startsWith('.') ? m[1] : `./${m[1]}`)));
    inlined.set(m[1], `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`);
  }
  html = html
    .replace(classic, (_, src: string) => inlined.get(src)!)
    .replace(/<script\b[^>]*type="module"[^>]*\ssrc="[^"]+"[^>]*><\/script>\s*/g, '')
    // Preloads too: the page's data preloads (scripts/build/dataPreload.ts) are inlined data here.
    .replace(/<link\b[^>]*rel="(modulepreload|stylesheet|preload)"[^>]*>\s*/g, '');
  if (/(src|href)="\.?\/?assets\//.test(html)) throw new Error('index.html: an asset reference is left');
  const start = opts.start ?? (opts.story ? `?present=${encodeURIComponent(opts.story.id)}` : '');
  const boot = [
    `<script id="crossings-data" type="application/json">${scriptJson(data)}</script>`,
    `<script id="crossings-chunks" type="application/json">${scriptJson(chunks)}</script>`,
    '<script>',
    '(function () {',
    '  var d = document, j = function (id) { return JSON.parse(d.getElementById(id).textContent); };',
    "  window.__CROSSINGS_DATA__ = j('crossings-data');",
    `  window.__CROSSINGS_START__ = ${scriptJson(start)};`,
    "  var c = j('crossings-chunks'), m = {};",
    `  for (var k in c) m[${scriptJson(IMPORT_PREFIX)} + k] = URL.createObjectURL(new Blob([c[k]], { type: 'text/javascript' }));`,
    "  var s = d.createElement('script');",
    "  s.type = 'importmap';",
    '  s.textContent = JSON.stringify({ imports: m });',
    '  d.head.appendChild(s);',
    "  s = d.createElement('script');",
    "  s.type = 'module';",
    `  s.textContent = ${scriptJson(entries.map((e) => `import ${JSON.stringify(IMPORT_PREFIX + e)};`).join('\n'))};`,
    '  d.body.appendChild(s);',
    '})();',
    '</script>',
  ].join('\n');
  html = html.replace('</head>', () => `${styles.join('\n')}\n</head>`);
  html = html.replace('</body>', () => `${boot}\n</body>`);
  return html;
}

/** Every data file the manifest names (and the manifest), parsed; the story added to stories.json. */
async function readData(
  read: (p: string) => Promise<Uint8Array>,
  story: InlineOptions['story'],
): Promise<Record<string, unknown>> {
  const parse = async (name: string) => {
    try {
      return JSON.parse(text(await read(`data/${name}`))) as unknown;
    } catch (e) {
      throw new Error(`data/${name}: ${(e as Error).message}`);
    }
  };
  const manifest = (await parse('manifest.json')) as { files?: Record<string, unknown> };
  if (!manifest?.files || typeof manifest.files !== 'object')
    throw new Error('data/manifest.json: expected { files } (run `npm run data`)');
  const data: Record<string, unknown> = { 'manifest.json': manifest };
  const names = Object.keys(manifest.files);
  if (!names.includes('stories.json')) names.push('stories.json');
  for (const name of names.sort()) {
    // The basemap's vector tiles are one manifest entry (their folder); every tile in the bounds is
    // written (scripts/basemap/tiles.ts), so the list is known. Bytes, inlined as base64 (map/basemap.ts).
    if (name === BASEMAP_TILES.dir) {
      for (let z = BASEMAP_TILES.minzoom; z <= BASEMAP_TILES.maxzoom; z++)
        for (const [, x, y] of tilesIn(BASEMAP_TILES.bounds, z)) {
          const p = tilePath(z, x, y);
          data[p] = base64(await read(`data/${p}`));
        }
      continue;
    }
    // The fine basemap's cells are one entry too (their folder): its index.json names every cell.
    if (name === FINE_DIR) {
      const index = (await parse(`${FINE_DIR}/index.json`)) as { cells?: Record<string, unknown> };
      if (!index?.cells || typeof index.cells !== 'object')
        throw new Error(`data/${FINE_DIR}/index.json: expected { cells }`);
      data[`${FINE_DIR}/index.json`] = index;
      for (const k of Object.keys(index.cells).sort())
        data[`${FINE_DIR}/${k}.json`] = await parse(`${FINE_DIR}/${k}.json`);
      continue;
    }
    if (!/\.(geo)?json$/.test(name))
      throw new Error(
        `data/${name}: the offline file inlines JSON data only (teach src/lib/offline/inline.ts this type)`,
      );
    data[name] = await parse(name);
  }
  if (story) {
    const f = data['stories.json'] as { stories?: { id: string }[] };
    if (!Array.isArray(f?.stories)) throw new Error('data/stories.json: expected { stories: [...] }');
    data['stories.json'] = { ...f, stories: [...f.stories.filter((s) => s.id !== story.id), story] };
  }
  return data;
}
