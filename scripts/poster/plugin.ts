/**
 * Poster first: a Vite plugin that writes a static picture of the map into index.html, so the first
 * paint (before any script or data arrives) is the basemap of the requested view, not a blank page.
 *
 * - The picture is scripts/poster/svg.ts as the background image of a box over the page (an inline
 *   <svg> is not a Largest Contentful Paint candidate; a background image is), a data: URL, so it
 *   costs no request and works from file://.
 * - A small script (inline in dev, a file of its own in a build) places it before the first paint: the view of the URL's `map=` or the
 *   app's fitted default view (src/lib/map/posterView.ts, the same fitBounds), in the URL's theme.
 *   Once the app has laid out its map box it lines the picture up with it by `background-position`,
 *   `background-size` and `clip-path` only: the box itself never moves (no layout shift), and to the live map's own camera once it exists
 *   (MapView sends it: the map fits its bounds to the box it had when it was made). The picture is basemap only for every URL: drawn
 *   with no routes or counts, it cannot show data the link did not ask for.
 * - src/lib/map/poster.ts fades it out once the live map is idle under it (at once with reduced
 *   motion). Present mode (`?present`) starts with no poster: its chapter's view is not known here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { INITIAL_BOUNDS } from '../../src/lib/data/region';
import { BASEMAP_TILES } from '../../src/lib/map/basemapTiles';
import { mercX, mercY, posterCamera, posterPlacement } from '../../src/lib/map/posterView';
import { THEMES } from '../../src/lib/map/theme';
import { posterSvg } from './svg';

/** The map's options the poster must match (src/lib/map/MapView.svelte). */
export const MAP_FIT = { padding: 16, minZoom: 1.5, maxZoom: 11 };
export const POSTER_MARK = '<!-- crossings:poster -->';

/** An SVG as a data: URL with only the characters that must be escaped (smaller than base64). */
const svgUrl = (svg: string) =>
  `data:image/svg+xml,${svg.replace(/"/g, "'").replace(/[%#<>\n]/g, (c) => encodeURIComponent(c))}`;

/** The colours of each theme that the picture uses, in the order the script swaps them. */
const colours = (id: keyof typeof THEMES) => {
  const t = THEMES[id];
  return [t.water, t.land, t.landOutside, t.coast, t.border];
};

/** The inline script (plain ES2017, no imports): the functions of posterView.ts are inlined by source. */
function boot(box: number[]): string {
  const consts = {
    B: INITIAL_BOUNDS,
    X: box,
    F: MAP_FIT,
    C: { light: colours('light'), dark: colours('dark'), projector: colours('projector') },
  };
  return `(function(){${mercX}${mercY}${posterCamera}${posterPlacement}
var K=${JSON.stringify(consts)},P=document.getElementById('poster'),S=P.style,q=new URLSearchParams(location.search);
if(q.has('present')){P.remove();return}
var t=q.get('theme');if(t==='auto')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';
if(!K.C[t])t='light';if(t!=='light'){var s=getComputedStyle(P).backgroundImage;K.C.light.forEach(function(c,i){s=s.split(encodeURIComponent(c)).join(encodeURIComponent(K.C[t][i]))});S.backgroundImage=s}
S.backgroundColor=K.C[t][0];
var m=(q.get('map')||'').split('/').map(Number),v=m.length===3&&m.every(isFinite)?m:null,at=null;
function put(r){var c=posterCamera(r.width,r.height,K.B,K.F.padding,K.F.minZoom,K.F.maxZoom,v),p=posterPlacement(r.width,r.height,K.X,c);
S.backgroundPosition=(p[0]+r.left)+'px '+(p[1]+r.top)+'px';S.backgroundSize=p[2]+'px '+p[3]+'px'}
put({left:0,top:0,width:innerWidth,height:innerHeight});
function align(){if(!P.isConnected)return;var a=document.querySelector('.map-area');if(!a)return;
if(a.querySelector('[role=alert]')){P.remove();return}
var b=P.getBoundingClientRect(),r=a.getBoundingClientRect(),o={left:r.left-b.left,top:r.top-b.top,width:r.width,height:r.height};if(!r.width||!r.height)return;
put(o);S.clipPath='inset('+o.top+'px '+(b.width-o.left-o.width)+'px '+(b.height-o.top-o.height)+'px '+o.left+'px)';
if(at!==a){at=a;new ResizeObserver(align).observe(a)}}
addEventListener('crossings-poster-view',function(e){v=e.detail;align()});
var mo=new MutationObserver(function(){if(!P.isConnected)return mo.disconnect();align()});
mo.observe(document.documentElement,{childList:true,subtree:true});
})();`;
}

/** The box's own rules (above the map box until the live map is drawn) and its picture. */
const BOX_CSS =
  '#poster{position:absolute;inset:0 0 auto;height:100vh;overflow:hidden;pointer-events:none;z-index:5}';

/** The poster's stylesheet: the box's rules and the picture. */
export const posterCss = (svg: string) => `${BOX_CSS}#poster{background:no-repeat url("${svgUrl(svg)}")}`;

/** The poster's stylesheet, its element and its script. */
export function posterParts(dataDir: string): { css: string; div: string; js: string } {
  const file = join(dataDir, 'basemap-coarse.json');
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run data\` before building (it draws the poster)`);
  const { svg, box } = posterSvg(JSON.parse(readFileSync(file, 'utf8')), BASEMAP_TILES.bounds, THEMES.light);
  return {
    css: posterCss(svg),
    div: `<div id="poster" aria-hidden="true"></div>`,
    js: boot(box),
  };
}

/** The parts inline (the dev server; tests of the markup). */
export function posterHtml(dataDir: string): string {
  const p = posterParts(dataDir);
  return `<style>${p.css}</style>${p.div}<script>${p.js}</script>`;
}

const hashed = (name: string, ext: string, source: string) =>
  `assets/${name}-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.${ext}`;

/**
 * In a build the stylesheet and the script are files of their own (`assets/poster-<hash>.css|js`,
 * a render-blocking <link> and a classic <script> right after the box), so a Content Security
 * Policy with no 'unsafe-inline' (docs/deploy.md) runs them; the dev server inlines them.
 */
export function poster(dataDir = join(process.cwd(), 'public/data')): Plugin {
  let parts: ReturnType<typeof posterParts> | undefined;
  let files: { css: string; js: string } | undefined;
  let build = false;
  const get = () => (parts ??= posterParts(dataDir));
  return {
    name: 'crossings-poster',
    configResolved(c) {
      build = c.command === 'build';
    },
    buildStart() {
      if (!build) return;
      const p = get();
      files = { css: hashed('poster', 'css', p.css), js: hashed('poster', 'js', p.js) };
      this.emitFile({ type: 'asset', fileName: files.css, source: p.css });
      this.emitFile({ type: 'asset', fileName: files.js, source: p.js });
    },
    transformIndexHtml: {
      // After Vite has bundled the page's own scripts and styles: these two are not modules.
      order: 'post',
      handler(page) {
        if (!page.includes(POSTER_MARK))
          throw new Error(`index.html has no ${POSTER_MARK} to put the poster in`);
        if (!files) return page.replace(POSTER_MARK, () => posterHtml(dataDir));
        const f = files;
        return page
          .replace('</head>', () => `<link rel="stylesheet" href="./${f.css}">\n</head>`)
          .replace(POSTER_MARK, () => `${get().div}<script src="./${f.js}"></script>`);
      },
    },
  };
}
