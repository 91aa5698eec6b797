/**
 * Colour checks for theme tokens, so a palette is held to numbers by unit tests rather than by eye:
 * WCAG 2.x contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio) and CIEDE2000 colour
 * differences under simulated colour vision deficiencies. Colour science comes from culori (a
 * maintained library with CIEDE2000 and the Machado–Oliveira–Fernandes 2009 CVD simulation built
 * in), which is a dev dependency: only tests import this module.
 */
import {
  clampRgb,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  converter,
  type Color,
} from 'culori';
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
    ...Object.fromEntries(Object.entries(t.funders).map(([k, v]) => [`funder.${k}`, v])),
    ...Object.fromEntries(Object.entries(t.agreement).map(([k, v]) => [`agreement.${k}`, v])),
    death: t.death,
    highlight: t.highlight,
  };
}

export interface ContrastReport {
  text: Record<string, number>;
  /** Ratio of each key colour against land, land outside the region, and water. */
  map: Record<string, { land: number; landOutside: number; water: number }>;
}

export function contrastReport(t: Theme): ContrastReport {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const text = {
    'fg/bg': r2(contrast(t.fg, t.bg)),
    'fg/panel': r2(contrast(t.fg, t.panel)),
    'muted/bg': r2(contrast(t.muted, t.bg)),
    'accent/bg': r2(contrast(t.accent, t.bg)),
    'label/land': r2(contrast(t.label, t.land)),
    'label/landOutside': r2(contrast(t.label, t.landOutside)),
    'label/partyFill': r2(contrast(t.label, t.partyFill)),
    'seaLabel/water': r2(contrast(t.seaLabel, t.water)),
  };
  const map = Object.fromEntries(
    Object.entries(keyMapColours(t)).map(([k, c]) => [
      k,
      {
        land: r2(contrast(c, t.land)),
        landOutside: r2(contrast(c, t.landOutside)),
        water: r2(contrast(c, t.water)),
      },
    ]),
  );
  return { text, map };
}

/** Full-severity (dichromat) simulations, Machado et al. 2009 via culori, clamped to sRGB. */
const SIMULATE = {
  protan: filterDeficiencyProt(1),
  deutan: filterDeficiencyDeuter(1),
  tritan: filterDeficiencyTrit(1),
};
export type Vision = 'normal' | keyof typeof SIMULATE;
export const VISIONS: Vision[] = ['normal', 'protan', 'deutan', 'tritan'];

/** A colour as seen with the given colour vision. */
export function simulate(hex: string, vision: Vision = 'normal'): Color {
  const c = converter('rgb')(hex);
  if (!c) throw new Error(`"${hex}" is not a colour`);
  return vision === 'normal' ? c : clampRgb(SIMULATE[vision](c));
}

const ciede2000 = differenceCiede2000();

/** CIEDE2000 colour difference under a colour vision. */
export function deltaE(a: string, b: string, vision: Vision = 'normal'): number {
  return ciede2000(simulate(a, vision), simulate(b, vision));
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

/**
 * How far apart two categorical colours must be (CIEDE2000), by what they are. Anything against a
 * route family: the Okabe–Ito palette's level (its own worst pairs are 21.7 normal, 10.7 tritan);
 * routes are the subject and nothing may pass for one. Two context colours of different roles
 * (arrivals, funders, statuses, deaths, highlight; they also differ in shape and are named in the
 * legend): 15 / 8. Two agreement statuses, an ordered family told apart by lightness (ended is also
 * dashed): 10 / 6. A ΔE00 of about 2 is a just-noticeable difference side by side.
 */
export const PAIR_THRESHOLDS = {
  route: { normal: 20, cvd: 10 },
  context: { normal: 15, cvd: 8 },
  status: { normal: 10, cvd: 6 },
} as const;
export type PairTier = keyof typeof PAIR_THRESHOLDS;

/** The categorical colours that can be on the map at once, by role name (`route.*`, `funder.*`, `agreement.*`, …). */
export const categoricalColours = keyMapColours;

export function pairTier(a: string, b: string): PairTier {
  if (a.startsWith('route.') || b.startsWith('route.')) return 'route';
  if (a.startsWith('agreement.') && b.startsWith('agreement.')) return 'status';
  return 'context';
}

export interface PairCheck {
  pair: string;
  vision: Vision;
  tier: PairTier;
  delta: number;
  min: number;
}

/** Every pair of a theme's categorical colours under every vision, with its threshold. */
export function pairChecks(t: Theme): PairCheck[] {
  const e = Object.entries(categoricalColours(t));
  const out: PairCheck[] = [];
  for (let i = 0; i < e.length; i++)
    for (let j = i + 1; j < e.length; j++) {
      const tier = pairTier(e[i][0], e[j][0]);
      for (const vision of VISIONS)
        out.push({
          pair: `${e[i][0]}/${e[j][0]}`,
          vision,
          tier,
          delta: deltaE(e[i][1], e[j][1], vision),
          min: vision === 'normal' ? PAIR_THRESHOLDS[tier].normal : PAIR_THRESHOLDS[tier].cvd,
        });
    }
  return out;
}

const oklchOf = converter('oklch');
const labOf = converter('lab65');
/** OKLCH lightness (0–1), chroma and hue (degrees; 0 for a grey). */
export function oklch(hex: string): { l: number; c: number; h: number } {
  const c = oklchOf(hex);
  if (!c) throw new Error(`"${hex}" is not a colour`);
  return { l: c.l, c: c.c, h: c.h ?? 0 };
}
/** CIELAB (D65) b*: negative is bluer (cooler), positive yellower (warmer). */
export function labB(hex: string): number {
  const c = labOf(hex);
  if (!c) throw new Error(`"${hex}" is not a colour`);
  return c.b;
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
