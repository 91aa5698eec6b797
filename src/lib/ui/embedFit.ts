/**
 * Fixed-height embeds: fit the iframe with no scrolling inside it. The map row flexes; when what
 * the other rows need leaves the map less than MIN_MAP_SHARE of the height (or the page would
 * overflow), parts are dropped one at a time in DROP_ORDER, and given back when there is room.
 * The source line and "Open the full map" are never dropped. Auto-height embeds (a host script
 * sizes the iframe) have a map height of their own; they drop parts only while the whole embed
 * would be taller than AUTO_MAX_RATIO × the map (at least AUTO_MIN_PX), so an article column gets a
 * map with a compact key, not a long page (640 wide: ≤ 700 px).
 */
export const DROP_ORDER = ['controls', 'details', 'summary', 'timeline', 'legend'] as const;
export type Drop = (typeof DROP_ORDER)[number];

/** The map keeps at least this share of the iframe's height (and MIN_MAP_PX). */
export const MIN_MAP_SHARE = 0.35;
export const MIN_MAP_PX = 120;
export const AUTO_MAX_RATIO = 2.1;
export const AUTO_MIN_PX = 560;

/** How many parts to drop, given a probe that lays out with n parts dropped and says if it fits. */
export function dropsNeeded(fits: (n: number) => boolean): number {
  let n = 0;
  while (n < DROP_ORDER.length && !fits(n)) n++;
  return n;
}

export function fitEmbed(doc: Document = document): Drop[] {
  const root = doc.documentElement;
  const app = doc.querySelector<HTMLElement>('.app');
  const map = doc.querySelector<HTMLElement>('.map-area');
  if (!root.hasAttribute('data-crossings-embed') || !app || !map) {
    root.removeAttribute('data-crossings-drop');
    return [];
  }
  const auto = root.hasAttribute('data-crossings-auto');
  const h = doc.defaultView?.innerHeight ?? root.clientHeight;
  const minMap = Math.min(Math.max(MIN_MAP_PX, h * MIN_MAP_SHARE), h * 0.6);
  const apply = (n: number) => {
    if (n) root.setAttribute('data-crossings-drop', DROP_ORDER.slice(0, n).join(' '));
    else root.removeAttribute('data-crossings-drop');
  };
  // Reading sizes right after setting the attribute forces a layout: each probe is exact.
  const n = dropsNeeded((k) => {
    apply(k);
    const mapH = map.getBoundingClientRect().height;
    if (auto) return app.getBoundingClientRect().height <= Math.max(AUTO_MIN_PX, AUTO_MAX_RATIO * mapH);
    return mapH >= minMap && app.scrollHeight <= app.clientHeight + 1;
  });
  apply(n);
  return DROP_ORDER.slice(0, n);
}
