/** The embed snippet: an iframe with the current view in embed mode, plus the host script. */
import { escapeXml } from './svg';

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
  fallback?: { href: string; text: string; sources: string };
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
    (o.fallback
      ? `\n<noscript><p><a href="${a(o.fallback.href)}">${a(o.fallback.text)}</a><br>${a(o.fallback.sources)}</p></noscript>`
      : '')
  );
}

/** The same link for the full app: embed flags and host keys removed. */
export function fullMapLink(href: string): string {
  const u = new URL(href);
  for (const k of [...HOST_KEYS, 'embed', 'static', 'plain']) u.searchParams.delete(k);
  return u.toString().replace(/=(?=&|$)/g, '');
}
