/**
 * The palette as data, held to numbers for every theme: categorical colours stay apart (CIEDE2000)
 * for normal vision and simulated protanopia, deuteranopia and tritanopia; agreement statuses read
 * as an order; symbols keep 3:1 on land and sea; text keeps 4.5:1 (projector 7:1); the sea is cooler
 * than the land. Thresholds and their reasons: present/contrast.ts PAIR_THRESHOLDS,
 * docs/accessibility.md.
 */
import { describe, expect, it } from 'vitest';
import { THEMES, type Theme } from './theme';
import {
  PAIR_THRESHOLDS,
  VISIONS,
  categoricalColours,
  contrast,
  contrastReport,
  labB,
  oklch,
  pairChecks,
  washOut,
} from '../present/contrast';

const STATUS_ORDER = ['signed', 'in_force', 'suspended', 'ended'] as const;
const themes = Object.values(THEMES).map((t) => [t.id, t] as const);
const fmt = (x: number) => x.toFixed(1);

describe.each(themes)('%s palette', (id, t: Theme) => {
  const checks = pairChecks(t);

  it.each(VISIONS)('every two categorical colours stay apart under %s vision', (vision) => {
    const failing = checks
      .filter((c) => c.vision === vision && c.delta < c.min)
      .map((c) => `${c.pair} ΔE00 ${fmt(c.delta)} < ${c.min} (${c.tier})`);
    expect(failing, `${id}, ${vision}: ${failing.join('; ')}`).toEqual([]);
  });

  it('reports the worst pair per tier and vision', () => {
    const worst = Object.keys(PAIR_THRESHOLDS).flatMap((tier) =>
      VISIONS.map((v) => {
        const w = checks
          .filter((c) => c.tier === tier && c.vision === v)
          .sort((a, b) => a.delta - b.delta)[0];
        return `${tier}/${v}: ${w.pair} ${fmt(w.delta)}`;
      }),
    );
    console.log(`${id} worst pairs: ${worst.join(' · ')}`);
    expect(worst).toHaveLength(12);
  });

  it('no two roles share a colour, except programme = funders.ITA', () => {
    const colours = Object.values(categoricalColours(t));
    expect(new Set(colours).size).toBe(colours.length);
    expect(t.programme).toBe(t.funders.ITA);
  });

  it('agreement statuses read as an order: lightness monotonic, prominence falling, ended grey', () => {
    const L = STATUS_ORDER.map((s) => oklch(t.agreement[s]).l);
    const steps = L.slice(1).map((l, i) => l - L[i]);
    const dir = Math.sign(steps[0]);
    expect(
      steps.every((d) => Math.sign(d) === dir && Math.abs(d) >= 0.04),
      `${id}: OKLCH L ${L.map((l) => l.toFixed(3)).join(' → ')}`,
    ).toBe(true);
    // Signed is the most prominent on the land, ended the least.
    const k = STATUS_ORDER.map((s) => contrast(t.agreement[s], t.land));
    expect(
      k.slice(1).every((x, i) => x < k[i]),
      `${id}: contrast on land ${k.map(fmt).join(' → ')}`,
    ).toBe(true);
    expect(oklch(t.agreement.ended).c, 'ended is a neutral grey').toBeLessThan(0.02);
    // The three live statuses are one hue family (violet to indigo).
    const hues = STATUS_ORDER.slice(0, 3).map((s) => oklch(t.agreement[s]).h);
    for (const h of hues) expect(h, `${id}: status hue ${h.toFixed(0)}`).toBeGreaterThanOrEqual(260);
    for (const h of hues) expect(h, `${id}: status hue ${h.toFixed(0)}`).toBeLessThanOrEqual(330);
  });

  it('every symbol keeps 3:1 against land, land outside the region and water (WCAG 1.4.11)', () => {
    const r = contrastReport(t);
    const failing = Object.entries(r.map).flatMap(([role, m]) =>
      Object.entries(m)
        .filter(([, k]) => k < 3)
        .map(([bg, k]) => `${role} on ${bg} ${k}`),
    );
    expect(failing, `${id}: ${failing.join('; ')}`).toEqual([]);
    console.log(
      `${id} weakest symbol: ${Math.min(...Object.values(r.map).flatMap((m) => Object.values(m)))}; text ${JSON.stringify(r.text)}`,
    );
  });

  it(`text keeps ${id === 'projector' ? '7' : '4.5'}:1`, () => {
    const min = id === 'projector' ? 7 : 4.5;
    const failing = Object.entries(contrastReport(t).text).filter(([, k]) => k < min);
    expect(failing, `${id}: ${JSON.stringify(failing)}`).toEqual([]);
  });

  it('the sea is cooler than the land (map convention)', () => {
    const w = oklch(t.water).h;
    expect(w, `${id}: water hue ${w.toFixed(0)}`).toBeGreaterThanOrEqual(200);
    expect(w, `${id}: water hue ${w.toFixed(0)}`).toBeLessThanOrEqual(260);
    for (const land of [t.land, t.landOutside]) {
      expect(labB(land), `${id}: land ${land} is warm or neutral`).toBeGreaterThanOrEqual(0);
      expect(labB(t.water), `${id}: water bluer than land ${land}`).toBeLessThan(labB(land) - 5);
    }
  });

  it('the party tint is visible on land and stays under the symbols', () => {
    expect(contrast(t.partyFill, t.land)).toBeLessThan(1.6);
    for (const [role, c] of Object.entries(categoricalColours(t)))
      expect(contrast(c, t.partyFill), `${id}: ${role} on the party tint`).toBeGreaterThanOrEqual(3);
  });
});

describe('projector theme on a washed-out projector', () => {
  // A wash-out (black level raised, colours pulled towards white) costs the pale blue sea more than
  // the land: symbols keep 2.5:1 on land, as before, and at least 2.25:1 on the sea.
  it('every symbol keeps 2.5:1 on land and 2.25:1 on the sea after wash-out', () => {
    const t = THEMES.projector;
    for (const [role, c] of Object.entries(categoricalColours(t))) {
      expect(contrast(washOut(c), washOut(t.land)), `${role} on land washed out`).toBeGreaterThanOrEqual(2.5);
      expect(contrast(washOut(c), washOut(t.water)), `${role} on water washed out`).toBeGreaterThanOrEqual(
        2.25,
      );
    }
  });
});
