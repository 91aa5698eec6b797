/** The embed snippet: an iframe with the current view in embed mode, plus the host script. */
import { svgEscape as escapeXml } from './svgMarkup';

/** Query keys the host side adds (Pym.js) that a "full map" link should not carry. */
export const HOST_KEYS = ['childId', 'initialWidth', 'parentTitle', 'parentUrl'];

export interface SnippetOptions {
  /** The iframe's src: a full link in embed mode. */
  src: string;
  /** The host script's URL (embed.js next to index.html). */
  script: string;
  id: string;
  title: string;
  height: number;
  /** A fallback for readers and platforms without iframes or scripts (AMP, RSS, Apple News). */
  fallback?: {
    href: string;
    text: string;
    sources: string;
    /**
     * The pre-rendered picture of the default view (fallback-<lang>.png, made by the build), only
     * when the embedded view is the default one: a picture of another view would misinform.
     */
    image?: { src: string; width: number; height: number; alt: string };
  };
}

/** The build's fallback picture of the default view in a language, next to index.html. */
export const fallbackFile = (lang: string) => `fallback-${lang}.png`;

/** What decides whether the build's fallback picture shows the embedded view. */
export interface ViewForFallback {
  window: readonly [number, number];
  metric: string;
  layers: Record<string, boolean>;
  selection: unknown;
  /** Whether any of headline, description, notes, byline is the reader's own. */
  customText: boolean;
}

/**
 * True when the view shows what the build's fallback picture shows: the default window, metric and
 * overlays, nothing selected, no text of the reader's (the map's zoom may differ: the picture shows
 * the whole region of the first screen).
 */
export function isDefaultView(v: ViewForFallback, d: Omit<ViewForFallback, 'selection' | 'customText'>) {
  const sameLayers = Object.keys({ ...v.layers, ...d.layers }).every((k) => !!v.layers[k] === !!d.layers[k]);
  return (
    v.window[0] === d.window[0] &&
    v.window[1] === d.window[1] &&
    v.metric === d.metric &&
    sameLayers &&
    v.selection == null &&
    !v.customText
  );
}

export function embedSrc(link: string, id: string): string {
  const u = new URL(link);
  u.searchParams.set('childId', id);
  return u.toString().replace(/=(?=&|$)/g, '');
}

export function snippet(o: SnippetOptions): string {
  const a = (s: string) => escapeXml(s);
  return (
    `<iframe id="${a(o.id)}" src="${a(o.src)}" title="${a(o.title)}" width="100%" height="${Math.round(o.height)}" ` +
    `style="border:0;width:100%;display:block" loading="lazy" allow="fullscreen" data-crossings></iframe>\n` +
    `<script src="${a(o.script)}" async></script>` +
    (o.fallback ? `\n<noscript>${fallbackHtml(o.fallback)}</noscript>` : '')
  );
}

function fallbackHtml(f: NonNullable<SnippetOptions['fallback']>): string {
  const a = (s: string) => escapeXml(s);
  const img = f.image
    ? `<a href="${a(f.href)}"><img src="${a(f.image.src)}" width="${f.image.width}" height="${f.image.height}" ` +
      `alt="${a(f.image.alt)}" style="max-width:100%;height:auto"></a><br>`
    : '';
  return `<p>${img}<a href="${a(f.href)}">${a(f.text)}</a><br>${a(f.sources)}</p>`;
}

/** The same link for the full app: embed flags and host keys removed. */
export function fullMapLink(href: string): string {
  const u = new URL(href);
  for (const k of [...HOST_KEYS, 'embed', 'static', 'plain']) u.searchParams.delete(k);
  return u.toString().replace(/=(?=&|$)/g, '');
}
