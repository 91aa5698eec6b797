/**
 * `npm run build:offline`: one self-contained HTML file, dist-offline/crossings.html, that works when
 * opened from file:// with no network (a USB stick in a briefing room).
 *
 * 1. A Vite build in mode "offline" into a temporary folder: one JS chunk (dynamic imports inlined),
 *    every CSS asset inlined, and the MapLibre worker import replaced by a blob URL made at start.
 * 2. Everything is written into one HTML file: the data files of public/data/ as JSON (vector tiles as base64)
 *    (window.__CROSSINGS_DATA__, read by src/lib/data/load.ts and map/basemap.ts instead of fetching),
 *    the MapLibre worker (base64, turned into a blob: URL), the CSS and the app as an inline module.
 *
 * Needs public/data/ (run `npm run data` first). Usage: tsx scripts/build-offline.ts [out.html]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER_ID = '\0crossings-offline-worker';

/** `maplibre-gl-worker.mjs?worker&url` becomes the blob URL the page made from the inlined worker. */
function offlineWorker(): Plugin {
  return {
    name: 'crossings-offline-worker',
    enforce: 'pre',
    resolveId(id) {
      return id.includes('maplibre-gl-worker') && id.includes('worker') && id.includes('url')
        ? WORKER_ID
        : null;
    },
    load(id) {
      return id === WORKER_ID ? 'export default globalThis.__CROSSINGS_WORKER_URL__;' : null;
    },
  };
}

const RTL_ID = '\0crossings-offline-rtl-text';

/**
 * The RTL text plugin (Arabic shaping and bidi for map labels) as a data: URL inside the app chunk:
 * MapLibre's workers fetch it, and a page opened from file:// can fetch a data: URL but not a file.
 */
function offlineRtlText(): Plugin {
  return {
    name: 'crossings-offline-rtl-text',
    enforce: 'pre',
    resolveId(id) {
      return id.includes('mapbox-gl-rtl-text') && id.includes('?url') ? RTL_ID : null;
    },
    load(id) {
      if (id !== RTL_ID) return null;
      const js = readFileSync(
        join(root, 'node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js'),
      );
      return `export default ${JSON.stringify(`data:text/javascript;base64,${js.toString('base64')}`)};`;
    },
  };
}

/** Every file under dir, as paths relative to it with "/" separators. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p).map((x) => `${f}/${x}`) : [f];
  });
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/** JavaScript that is safe inside an inline <script>: "</script" and "<!--" cannot end or confuse it. */
function scriptJs(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export async function buildOffline(out = join(root, 'dist-offline/crossings.html')): Promise<string> {
  const dataDir = join(root, 'public/data');
  if (!existsSync(join(dataDir, 'manifest.json')))
    throw new Error('public/data/manifest.json is missing: run `npm run data` first');
  if (!existsSync(join(dataDir, 'stories.json')))
    throw new Error('public/data/stories.json is missing: run `npm run data` (it validates data/stories/)');

  const tmp = join(tmpdir(), `crossings-offline-${process.pid}`);
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    mode: 'offline',
    logLevel: 'warn',
    plugins: [offlineWorker(), offlineRtlText()],
    build: {
      outDir: tmp,
      emptyOutDir: true,
      copyPublicDir: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      cssCodeSplit: false,
      modulePreload: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });

  let html = readFileSync(join(tmp, 'index.html'), 'utf8');
  const assets = readdirSync(join(tmp, 'assets'));
  // Web Workers stay files in any Vite build (the readers' import worker and what it loads on
  // demand, the Excel reader): the main chunk names them by `new URL(\`…\`, import.meta.url)`. Here
  // each one it names becomes a data: URL, so the worker runs from the single file too (a chunk the
  // worker itself imports, such as the Excel reader, is not reachable offline: CSV, TSV and GeoJSON
  // imports work there, .xlsx does not).
  const all = assets.filter((f) => f.endsWith('.js'));
  const js = all.filter((f) => !/^(worker|universal)-/.test(f));
  const css = assets.filter((f) => f.endsWith('.css'));
  if (js.length !== 1) throw new Error(`expected one JS chunk in the offline build, got ${js.join(', ')}`);
  const inlineWorkers = (code: string) =>
    all
      .filter((f) => f.startsWith('worker-'))
      .reduce((c, f) => {
        const b64 = readFileSync(join(tmp, 'assets', f)).toString('base64');
        return c
          .split(`new URL(\`${f}\`,import.meta.url)`)
          .join(`new URL("data:text/javascript;base64,${b64}")`);
      }, code);

  const data: Record<string, unknown> = {};
  for (const f of walk(dataDir).sort())
    if (f.endsWith('.json') || f.endsWith('.geojson'))
      data[f] = JSON.parse(readFileSync(join(dataDir, f), 'utf8'));
    // The basemap's vector tiles, as base64 (map/basemap.ts turns them back into bytes).
    else if (f.endsWith('.pbf')) data[f] = readFileSync(join(dataDir, f)).toString('base64');
  const worker = readFileSync(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')).toString(
    'base64',
  );

  const boot = [
    `<script id="crossings-data" type="application/json">${scriptJson(data)}</script>`,
    `<script id="crossings-worker" type="text/plain">${worker}</script>`,
    '<script>',
    "window.__CROSSINGS_DATA__ = JSON.parse(document.getElementById('crossings-data').textContent);",
    "var w = atob(document.getElementById('crossings-worker').textContent), b = new Uint8Array(w.length);",
    'for (var i = 0; i < w.length; i++) b[i] = w.charCodeAt(i);',
    "window.__CROSSINGS_WORKER_URL__ = URL.createObjectURL(new Blob([b], { type: 'text/javascript' }));",
    '</script>',
  ].join('\n');

  // Replace the asset tags Vite wrote with their contents (functions: "$" in code is not a pattern).
  const scriptTag = /<script type="module"[^>]*src="[^"]*\.js"[^>]*><\/script>/;
  const styleTag = /<link rel="stylesheet"[^>]*href="[^"]*\.css"[^>]*>/g;
  if (!scriptTag.test(html)) throw new Error('the built index.html has no module script tag to inline');
  html = html.replace(styleTag, '');
  const styles = css.map((f) => `<style>${readFileSync(join(tmp, 'assets', f), 'utf8')}</style>`).join('\n');
  const app = `<script type="module">${scriptJs(inlineWorkers(readFileSync(join(tmp, 'assets', js[0]), 'utf8')))}</script>`;
  html = html.replace(scriptTag, () => '');
  html = html.replace('</head>', () => `${boot}\n${styles}\n</head>`);
  html = html.replace('</body>', () => `${app}\n</body>`);
  if (/(src|href)="\.?\/?assets\//.test(html))
    throw new Error('an asset reference is left in the offline file');

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  rmSync(tmp, { recursive: true, force: true });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  buildOffline(out)
    .then((p) => {
      const mb = (statSync(p).size / 1024 / 1024).toFixed(1);
      console.log(`Wrote ${relative(process.cwd(), p)} (${mb} MB): open it from a file, no network needed.`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
