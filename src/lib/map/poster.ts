/**
 * The app's side of the poster (scripts/poster/plugin.ts): take it away once the live map is drawn
 * under it, and, in embeds, wait to start the live map until the frame nears the reader's screen.
 */

/**
 * Line the poster up with the live map's camera (the map fitted its bounds to the box it had when
 * it was made, which can differ from the box the poster measured): `[zoom, lat, lng]`.
 */
export function alignPoster(view: [number, number, number], win: Window = window) {
  win.dispatchEvent(new CustomEvent('crossings-poster-view', { detail: view }));
}

/** Fade the poster out (at once under prefers-reduced-motion), then remove it. Safe to call twice. */
export function releasePoster(doc: Document = document) {
  const el = doc.getElementById('poster');
  if (!el || el.dataset.leaving) return;
  el.dataset.leaving = '1';
  const still = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? true;
  if (still) return el.remove();
  el.style.transition = 'opacity 250ms ease-out';
  el.style.opacity = '0';
  setTimeout(() => el.remove(), 300);
}

/**
 * Resolves when `el` comes within `margin` of the viewport. In a cross-origin iframe the browser
 * ignores rootMargin (IntersectionObserver spec), so there it resolves when the frame is visible.
 */
export function whenNear(el: Element, margin = '400px'): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        resolve();
      },
      { rootMargin: margin },
    );
    io.observe(el);
  });
}
