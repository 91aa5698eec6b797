/**
 * Poster first (issue #15): the app and MapLibre are asked for once the poster has painted, not
 * while the page is still parsing. Vite writes the entry `<script type="module">` and the
 * `<link rel="modulepreload">`s of its chunks into index.html's head, where the browser fetches
 * them at once (430 KB were sent before the poster's first paint, and on a slow connection they
 * compete with the poster's stylesheet). This moves those tags into a `<template>` (inert: nothing
 * is fetched), and a classic script (`assets/boot-<hash>.js`, a file so that a CSP without
 * 'unsafe-inline' runs it) puts them into the head once the poster is on screen (BOOT_JS). The stylesheets stay in the
 * head (the poster is drawn with the page's layout: no shift when the app arrives). The offline
 * file's inliner (src/lib/offline/inline.ts) finds the entry in the template as it did in the head.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export const APP_TEMPLATE_ID = 'crossings-app';

/**
 * The boot script: copies the template's tags into the head once the poster's first paint is on
 * screen — the first-contentful-paint entry, which the browser reports when the frame has been
 * presented (a frame callback and a task come before that on a slow GPU, whose presentation lags).
 * With no poster (present mode removes it) or no paint timing, one frame and a task; a hidden page
 * or an off-screen frame, which paints nothing, starts after a second at most.
 */
export const BOOT_JS = `(function(){var t=document.getElementById('${APP_TEMPLATE_ID}');if(!t)return;var done=false,o=null;function go(){if(done)return;done=true;if(o)o.disconnect();var n=t.content.querySelectorAll('script,link');for(var i=0;i<n.length;i++){var s=n[i],e=document.createElement(s.tagName.toLowerCase());for(var j=0;j<s.attributes.length;j++)e.setAttribute(s.attributes[j].name,s.attributes[j].value);document.head.appendChild(e)}t.remove()}function soon(){requestAnimationFrame(function(){setTimeout(go,0)})}if(!document.getElementById('poster'))soon();else try{o=new PerformanceObserver(function(l){if(l.getEntriesByName('first-contentful-paint').length)go()});o.observe({type:'paint',buffered:true})}catch(x){soon()}setTimeout(go,1000)})();`;

const TAGS =
  /[ \t]*<script\b[^>]*\btype="module"[^>]*><\/script>\s*|[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g;

/** index.html with its module entry and preloads in the template, the boot script after it. */
export function deferAppTags(html: string, bootFile: string): string {
  const tags = html.match(TAGS)?.map((t) => t.trim()) ?? [];
  if (!tags.some((t) => t.startsWith('<script')))
    throw new Error('index.html: no <script type="module"> entry to defer after the poster');
  const body = html.indexOf('<body');
  if (body < 0) throw new Error('index.html: no <body>');
  const head = html.slice(0, body).replace(TAGS, '');
  const rest = html.slice(body);
  const boot = `<template id="${APP_TEMPLATE_ID}">${tags.join('')}</template><script src="./${bootFile}"></script>\n`;
  return head + rest.replace('</body>', () => `${boot}</body>`);
}

export function posterFirst(): Plugin {
  let file: string | undefined;
  return {
    name: 'crossings-poster-first',
    apply: 'build',
    buildStart() {
      file = `assets/boot-${createHash('sha256').update(BOOT_JS).digest('base64url').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: file, source: BOOT_JS });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => (file ? deferAppTags(html, file) : html),
    },
  };
}
