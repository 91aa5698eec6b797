/**
 * WCAG 2.x contrast between theme colours (sRGB hex), so the projector theme can be checked by a
 * unit test rather than by eye. https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */
import type { Theme } from '../map/theme';

export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`"${hex}" is not a #rrggbb colour`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The map colours that carry meaning (route families, overlays, agreement statuses), by role name. */
export function keyMapColours(t: Theme): Record<string, string> {
  return {
    ...Object.fromEntries(Object.entries(t.routes).map(([k, v]) => [`route.${k}`, v])),
    landing: t.landing,
    programme: t.programme,
    ...Object.fromEntries(Object.entries(t.agreement).map(([k, v]) => [`agreement.${k}`, v])),
    death: t.death,
  };
}

export interface ContrastReport {
  text: Record<string, number>;
  /** Worst ratio of each key colour against land and against water. */
  map: Record<string, { land: number; water: number }>;
}

export function contrastReport(t: Theme): ContrastReport {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const text = {
    'fg/bg': r2(contrast(t.fg, t.bg)),
    'fg/panel': r2(contrast(t.fg, t.panel)),
    'muted/bg': r2(contrast(t.muted, t.bg)),
    'accent/bg': r2(contrast(t.accent, t.bg)),
    'label/land': r2(contrast(t.label, t.land)),
    'seaLabel/water': r2(contrast(t.seaLabel, t.water)),
  };
  const map = Object.fromEntries(
    Object.entries(keyMapColours(t)).map(([k, c]) => [
      k,
      { land: r2(contrast(c, t.land)), water: r2(contrast(c, t.water)) },
    ]),
  );
  return { text, map };
}

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, applied in linear RGB. */
const CVD: Record<'protan' | 'deutan' | 'tritan', number[][]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
export type Vision = 'normal' | keyof typeof CVD;
export const VISIONS: Vision[] = ['normal', 'protan', 'deutan', 'tritan'];

const toLinear = (hex: string) =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });

/** CIELAB (D65) of a colour as seen with the given colour vision. */
export function lab(hex: string, vision: Vision = 'normal'): [number, number, number] {
  let rgb = toLinear(hex);
  if (vision !== 'normal') {
    const m = CVD[vision];
    rgb = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  }
  const [r, g, b] = rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference under a colour vision. */
export function deltaE(a: string, b: string, vision: Vision = 'normal'): number {
  const [p, q] = [lab(a, vision), lab(b, vision)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The smallest difference between any two colours of a group, over every colour vision. */
export function minPairDelta(colours: Record<string, string>): {
  delta: number;
  pair: string;
  vision: Vision;
} {
  let worst = { delta: Infinity, pair: '', vision: 'normal' as Vision };
  const e = Object.entries(colours);
  for (const v of VISIONS)
    for (let i = 0; i < e.length; i++)
      for (let j = i + 1; j < e.length; j++) {
        const d = deltaE(e[i][1], e[j][1], v);
        if (d < worst.delta)
          worst = { delta: Math.round(d * 10) / 10, pair: `${e[i][0]}/${e[j][0]}`, vision: v };
      }
  return worst;
}

/** A washed-out projector: black level raised and colours pulled towards white. */
export function washOut(hex: string, amount = 0.25): string {
  return (
    '#' +
    [1, 3, 5]
      .map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount) + 255 * amount))
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')
  );
}
