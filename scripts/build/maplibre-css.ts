/**
 * MapLibre's stylesheet without the controls this app never adds. maplibre-gl.css (71 KB) is
 * mostly inline SVG icons for the logo, the compass, geolocation, full screen, terrain and globe
 * buttons, and the styles of popups, markers and the attribution control; the map uses only the
 * zoom buttons, the scale bar and (in embeds) the cooperative-gestures notice. A rule is dropped
 * when every one of its selectors names one of the unused classes (or a variant of one); an at-rule (@media) keeps the
 * rules inside it that stay, and goes when none does.
 */
import type { Plugin } from 'vite';

/** Classes of MapLibre UI the app does not create (src/lib/map/MapView.svelte adds the controls). */
export const UNUSED = [
  'ctrl-logo',
  'ctrl-compass',
  'ctrl-geolocate',
  'user-location',
  'ctrl-fullscreen',
  'ctrl-shrink',
  'pseudo-fullscreen',
  'ctrl-terrain',
  'ctrl-globe',
  'ctrl-attrib',
  'attrib-empty',
  'compact',
  'popup',
  'marker',
];
/** A class of MapLibre's or one of its variants (`-popup` also catches `-popup-tip`). */
const unused = new RegExp(`\\.maplibregl-(${UNUSED.join('|')})(?![a-z0-9])`);
const unusedKeyframes = /^@keyframes\s+maplibregl-user-location/;

/** One level of CSS: each item is `prelude{body}`, with the body's nesting kept as text. */
function blocks(css: string): { prelude: string; body: string }[] {
  const out: { prelude: string; body: string }[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
    }
    out.push({ prelude: css.slice(i, open).trim(), body: css.slice(open + 1, j - 1) });
    i = j;
  }
  return out;
}

export function trimMaplibreCss(css: string): string {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return blocks(noComments)
    .map(({ prelude, body }) => {
      if (prelude.startsWith('@keyframes')) return unusedKeyframes.test(prelude) ? '' : `${prelude}{${body}}`;
      if (prelude.startsWith('@')) {
        const inner = trimMaplibreCss(body);
        return inner ? `${prelude}{${inner}}` : '';
      }
      const kept = prelude.split(',').filter((s) => !unused.test(s));
      return kept.length ? `${kept.join(',')}{${body}}` : '';
    })
    .join('');
}

/** The Vite plugin: applied to maplibre-gl/dist/maplibre-gl.css wherever it is imported. */
export function maplibreCss(): Plugin {
  return {
    name: 'crossings-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/maplibre-gl[\\/]dist[\\/]maplibre-gl\.css(\?|$)/.test(id)) return null;
      return { code: trimMaplibreCss(code), map: null };
    },
  };
}
