/**
 * CSS custom properties from a theme record, so chrome and map share one palette. The chrome's
 * colours (control borders, text on the accent, hover tints) are derived here from the theme's
 * roles, so a change of palette in theme.ts carries over with its contrast kept.
 */
import type { Theme } from '../map/theme';

type Rgb = [number, number, number];

/** #rgb or #rrggbb to 0–255 channels; null for anything else (a named colour, rgb(), …). */
export function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (c: Rgb) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours (1–21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** `t` of `a` mixed into `b` (sRGB, as CSS color-mix). */
const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => v * t + b[i] * (1 - t)) as Rgb;

/** Black or white, whichever reads better on `bg` (one of them always reaches 4.58:1). */
function onColour(bg: Rgb): string {
  return contrast(bg, [0, 0, 0]) >= contrast(bg, [255, 255, 255]) ? '#000000' : '#ffffff';
}

/** The least of `fg` mixed into `bg` that keeps `min` contrast against every surface. */
function strongEnough(fg: Rgb, bg: Rgb, surfaces: Rgb[], min: number): string {
  for (let t = 0.3; t < 1; t += 0.05) {
    const c = mix(fg, bg, t);
    if (surfaces.every((s) => contrast(c, s) >= min)) return toHex(c);
  }
  return toHex(fg);
}

/** The chrome's derived colours: control border (≥ 3:1 on bg and panel), text on the accent. */
export function chromeColours(theme: Theme): Record<string, string> {
  const [bg, fg, panel, accent] = [theme.bg, theme.fg, theme.panel, theme.accent].map(parseHex);
  if (!bg || !fg || !panel || !accent) {
    return {
      '--border': `color-mix(in srgb, ${theme.fg} 55%, ${theme.bg})`,
      '--on-accent': theme.bg,
      'color-scheme': 'light',
    };
  }
  return {
    '--border': strongEnough(fg, bg, [bg, panel], 3),
    '--on-accent': onColour(accent),
    'color-scheme': luminance(bg) < 0.2 ? 'dark' : 'light',
  };
}

export function themeCss(theme: Theme): string {
  const vars: Record<string, string> = {
    '--bg': theme.bg,
    '--fg': theme.fg,
    '--muted': theme.muted,
    '--panel': theme.panel,
    '--accent': theme.accent,
    '--landing': theme.landing,
    '--programme': theme.programme,
    '--agreement': theme.agreement.in_force,
    '--death': theme.death,
    '--font-scale': String(theme.scale),
    ...chromeColours(theme),
  };
  return Object.entries(vars)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}
