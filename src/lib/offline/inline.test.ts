import { describe, expect, it } from 'vitest';
import { base64, inlineSite, resolvePath } from './inline';

const enc = (s: string) => new TextEncoder().encode(s);

/** A small built site: two chunks importing each other (a cycle), a lazy chunk, a worker with its own import, CSS with a font. */
function site(over: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'index.html':
      '<!doctype html><html><head><title>x</title>' +
      '<script type="module" crossorigin src="./assets/index-A.js"></script>' +
      '<link rel="modulepreload" crossorigin href="./assets/shared-B.js">' +
      '<link rel="stylesheet" crossorigin href="./assets/index-A.css">' +
      '</head><body><div id="app"></div></body></html>',
    'offline.json': JSON.stringify({
      version: 1,
      files: [
        'assets/index-A.js',
        'assets/shared-B.js',
        'assets/Lazy-C.js',
        'assets/Lazy-C.css',
        'assets/index-A.css',
        'assets/worker-D.js',
        'assets/excel-E.js',
        'assets/font-F.woff2',
      ],
    }),
    'assets/index-A.js':
      'import{b}from"./shared-B.js";const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Lazy-C.js","./Lazy-C.css"])))=>i.map(i=>d[i]);' +
      'export const a=1;const w=new Worker(new URL(`worker-D.js`,import.meta.url),{type:`module`});' +
      'p(()=>import(`./Lazy-C.js`),__vite__mapDeps([0,1]),import.meta.url);',
    'assets/shared-B.js': 'import{a}from"./index-A.js";export const b=()=>a;',
    'assets/Lazy-C.js': 'import{b}from"./shared-B.js";export default b;',
    'assets/Lazy-C.css': '.lazy{color:red}',
    'assets/index-A.css': '@font-face{src:url(./font-F.woff2)}.x{background:url("data:image/png;base64,AA")}',
    'assets/worker-D.js': 'self.onmessage=async()=>{await import(`./excel-E.js`)}',
    'assets/excel-E.js': 'export const xlsx=1;',
    'assets/font-F.woff2': 'FONT',
    'data/manifest.json': JSON.stringify({ version: 1, files: { 'catalog.json': {} } }),
    'data/catalog.json': '{"version":1}',
    'data/stories.json': JSON.stringify({ version: 1, stories: [{ id: 'built-in' }] }),
    ...over,
  };
  const reads: string[] = [];
  return {
    reads,
    read: async (p: string) => {
      reads.push(p);
      if (!(p in files)) throw new Error('not found');
      return enc(files[p]);
    },
  };
}

/** The parts of the made file: data, chunks and the start query, as the boot script reads them. */
function parts(html: string) {
  const json = (id: string) =>
    JSON.parse(html.match(new RegExp(`<script id="${id}" type="application/json">(.*?)</script>`))![1]);
  return {
    data: json('crossings-data') as Record<string, { version?: number; stories: { id: string }[] }>,
    chunks: json('crossings-chunks') as Record<string, string>,
    start: JSON.parse(html.match(/__CROSSINGS_START__ = (".*?");/)![1]) as string,
  };
}
const dataText = (url: string) => atob(url.slice(url.indexOf(',') + 1));

describe('inlineSite', () => {
  it('puts every chunk, stylesheet and data file of the site into one HTML file', async () => {
    const s = site();
    const html = await inlineSite(s);
    const { data, chunks, start } = parts(html);
    expect(Object.keys(chunks).sort()).toEqual([
      'assets/Lazy-C.js',
      'assets/index-A.js',
      'assets/shared-B.js',
    ]);
    // Imports between chunks go through the import map (the cycle A ↔ B included).
    expect(chunks['assets/index-A.js']).toContain('from"@crossings/assets/shared-B.js"');
    expect(chunks['assets/shared-B.js']).toContain('from"@crossings/assets/index-A.js"');
    expect(chunks['assets/index-A.js']).toContain('import(`@crossings/assets/Lazy-C.js`)');
    // Preload lists emptied: the lazy CSS is inlined up front.
    expect(chunks['assets/index-A.js']).toContain('p(()=>import(`@crossings/assets/Lazy-C.js`),[],');
    expect(html).toContain('<style>.lazy{color:red}</style>');
    // The worker is a data: URL, with its own lazy import inlined as a data: URL too.
    const worker = chunks['assets/index-A.js'].match(/new URL\(`(data:text\/javascript;base64,[^`]+)`\)/)![1];
    const workerCode = dataText(worker);
    expect(workerCode).toMatch(/^self\.onmessage=async\(\)=>\{await import\(`data:text\/javascript;base64,/);
    expect(dataText(workerCode.match(/import\(`([^`]+)`\)/)![1])).toBe('export const xlsx=1;');
    // CSS url()s become data: URLs; data: URLs already there stay.
    expect(html).toContain(`url("data:font/woff2;base64,${base64(enc('FONT'))}")`);
    expect(html).toContain('url("data:image/png;base64,AA")');
    // No tag left that points at a file; the entry is loaded through the import map.
    expect(html).not.toMatch(/(src|href)="\.\/assets\//);
    expect(html).toContain('import \\"@crossings/assets/index-A.js\\";');
    expect(data['manifest.json'].version).toBe(1);
    expect(data['catalog.json']).toEqual({ version: 1 });
    expect(data['stories.json'].stories.map((x: { id: string }) => x.id)).toEqual(['built-in']);
    expect(start).toBe('');
    // Each file is read once.
    expect(new Set(s.reads).size).toBe(s.reads.length);
  });

  it('adds the reader’s story to the stories and opens it', async () => {
    const { data, start } = parts(await inlineSite(site(), { story: { id: 'mine' } }));
    expect(data['stories.json'].stories.map((x: { id: string }) => x.id)).toEqual(['built-in', 'mine']);
    expect(start).toBe('?present=mine');
    const again = parts(
      await inlineSite(site(), { story: { id: 'built-in' }, start: '?present=built-in&lang=it' }),
    );
    expect(again.data['stories.json'].stories).toEqual([{ id: 'built-in' }]);
    expect(again.start).toBe('?present=built-in&lang=it');
  });

  it('keeps script text from closing its element', async () => {
    const html = await inlineSite(
      site({
        'assets/Lazy-C.js': 'export default "</script><!--";',
        'data/catalog.json': '{"t":"</script>"}',
      }),
    );
    expect(html.match(/<\/script>/g)!.length).toBe(3); // data, chunks and boot: none inside them
    expect(parts(html).chunks['assets/Lazy-C.js']).toBe('export default "</script><!--";');
    expect(parts(html).data['catalog.json']).toEqual({ t: '</script>' });
  });

  it.each([
    [
      { 'offline.json': '{"files":[]}' },
      'offline.json: expected { version: 1, files: [...] } (rebuild the site)',
    ],
    [
      { 'assets/shared-B.js': 'import"./gone-Z.js";' },
      'assets/shared-B.js: "./gone-Z.js" (assets/gone-Z.js) is not in offline.json',
    ],
    [
      { 'assets/Lazy-C.js': 'q(()=>import("./shared-B.js"),__vite__mapDeps(x),1)' },
      'a preload list in a form',
    ],
    [{ 'assets/excel-E.js': 'import"./worker-D.js";' }, 'an import cycle in a worker'],
    [
      { 'data/manifest.json': JSON.stringify({ files: { 'basemap.pmtiles': {} } }) },
      'data/basemap.pmtiles: the offline file inlines JSON data only',
    ],
    [{ 'data/catalog.json': '{' }, 'data/catalog.json:'],
    [
      { 'index.html': '<html><head></head><body></body></html>' },
      'index.html: no <script type="module" src>',
    ],
    [{ 'assets/shared-B.js': 'import"../../up.js";' }, 'points outside the site'],
  ])('fails with a clear message: %j', async (over, message) => {
    await expect(inlineSite(site(over as Record<string, string>))).rejects.toThrow(message);
  });

  it('names a file it could not read', async () => {
    const s = site();
    const read = (p: string) =>
      p === 'assets/Lazy-C.js' ? Promise.reject(new Error('HTTP 404')) : s.read(p);
    await expect(inlineSite({ read })).rejects.toThrow('assets/Lazy-C.js: could not be read (HTTP 404)');
  });
});

describe('resolvePath', () => {
  it.each([
    ['index.html', './assets/a.js', 'assets/a.js'],
    ['assets/a.js', './b.js', 'assets/b.js'],
    ['assets/a.js', 'b.js?v=1', 'assets/b.js'],
    ['assets/x/a.js', '../b.js', 'assets/b.js'],
  ])('%s + %s = %s', (from, rel, want) => expect(resolvePath(from, rel)).toBe(want));
});

describe('base64', () => {
  it('matches Node’s encoder, past the chunk size', () => {
    const b = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) & 255);
    expect(base64(b)).toBe(Buffer.from(b).toString('base64'));
  });
});
