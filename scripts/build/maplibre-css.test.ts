import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trimMaplibreCss } from './maplibre-css';

const css = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
const trimmed = trimMaplibreCss(css);
/** The declarations of the rules whose selector list contains `sel` exactly. */
const rulesFor = (text: string, sel: string) =>
  [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter((m) => m[1].split(',').some((s) => s.trim() === sel))
    .map((m) => m[2]);

describe('MapLibre stylesheet without unused controls', () => {
  it('keeps what the map uses: canvas, control corners, zoom buttons, scale, cooperative gestures', () => {
    for (const sel of [
      '.maplibregl-map',
      '.maplibregl-canvas',
      '.maplibregl-ctrl-top-right',
      '.maplibregl-ctrl-bottom-right',
      '.maplibregl-ctrl-group',
      '.maplibregl-ctrl-scale',
      '.maplibregl-cooperative-gesture-screen',
      '.maplibregl-ctrl button.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon',
      '.maplibregl-ctrl button.maplibregl-ctrl-zoom-out .maplibregl-ctrl-icon',
    ]) {
      const before = rulesFor(css, sel);
      expect(before.length, sel).toBeGreaterThan(0);
      // The same declarations, not a rewrite (forced-colors variants included).
      expect(rulesFor(trimmed, sel), sel).toEqual(before);
    }
    expect(trimmed).toContain('@media(forced-colors:active)');
  });

  it('drops the logo, compass, geolocate, fullscreen, globe, terrain, attribution, popup and marker', () => {
    for (const cls of [
      'logo',
      'compass',
      'geolocate',
      'fullscreen',
      'globe',
      'terrain',
      'attrib',
      'popup',
      'marker',
    ])
      expect(trimmed).not.toMatch(new RegExp(`maplibregl-(ctrl-)?${cls}`));
    expect(trimmed.length).toBeLessThan(css.length / 4);
    // Balanced braces: what is left still parses as a stylesheet.
    expect(trimmed.split('{').length).toBe(trimmed.split('}').length);
  });
});
