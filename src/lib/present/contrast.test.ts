import { describe, expect, it } from 'vitest';
import { THEMES, projector } from '../map/theme';
import {
  contrast,
  contrastReport,
  deltaE,
  keyMapColours,
  luminance,
  minPairDelta,
  PAIR_THRESHOLDS,
  washOut,
} from './contrast';

describe('WCAG contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#0000ff', '#ffffff', 8.59],
  ])('%s on %s is %d', (a, b, want) => {
    expect(contrast(a, b)).toBeCloseTo(want, 2);
    expect(contrast(b, a)).toBeCloseTo(want, 2);
  });
  it('rejects what is not #rrggbb', () => {
    expect(() => luminance('red')).toThrow('"red" is not a #rrggbb colour');
  });
});

describe('CIEDE2000 under simulated colour vision (culori)', () => {
  it('merges red/green pairs that normal vision separates', () => {
    expect(deltaE('#ff0000', '#00ff00')).toBeGreaterThan(80);
    expect(deltaE('#b35900', '#4d7c0f', 'deutan')).toBeLessThan(deltaE('#b35900', '#4d7c0f'));
    expect(deltaE('#123456', '#123456', 'protan')).toBe(0);
  });
  it('finds the colour pair the issue reported: old Western Balkans vs Atlantic under deuteranopia', () => {
    // issue 11: "under deuteranopia the light theme's Western Balkans and Atlantic routes differ by 0.8 ΔE"
    expect(deltaE('#6d28d9', '#1d4ed8', 'deutan')).toBeLessThan(2);
    expect(deltaE('#6d28d9', '#1d4ed8', 'tritan')).toBeGreaterThan(20);
  });
  it('reports the worst pair of a group with its vision', () => {
    const w = minPairDelta({ a: '#000000', b: '#ffffff', c: '#0a0a0a' });
    expect(w.pair).toBe('a/c');
    expect(w.delta).toBeLessThan(5);
  });
});

describe('projector theme', () => {
  const r = contrastReport(projector);
  it('text meets WCAG AA (4.5:1) on its backgrounds, and the projector aim of 7:1', () => {
    for (const [pair, ratio] of Object.entries(r.text)) expect(ratio, pair).toBeGreaterThanOrEqual(7);
  });
  it('key map colours reach 3:1 against land and water (WCAG 1.4.11), and still 2.5:1 washed out', () => {
    for (const [role, { land, water }] of Object.entries(r.map)) {
      expect(land, `${role} on land`).toBeGreaterThanOrEqual(3);
      expect(water, `${role} on water`).toBeGreaterThanOrEqual(3);
    }
    for (const [role, c] of Object.entries(keyMapColours(projector))) {
      expect(contrast(washOut(c), washOut(projector.land)), `${role} washed out`).toBeGreaterThanOrEqual(2.5);
    }
  });
  it('route families and agreement statuses stay apart under protan, deutan and tritan vision', () => {
    const routes = minPairDelta(projector.routes);
    const agreements = minPairDelta(projector.agreement);
    expect(routes.delta, JSON.stringify(routes)).toBeGreaterThanOrEqual(PAIR_THRESHOLDS.route.cvd);
    expect(agreements.delta, JSON.stringify(agreements)).toBeGreaterThanOrEqual(PAIR_THRESHOLDS.status.cvd);
  });
  it('no two roles share a colour', () => {
    const colours = Object.values(keyMapColours(projector));
    expect(new Set(colours).size).toBe(colours.length);
  });
  it('draws lines and labels larger than the light theme', () => {
    expect(projector.scale).toBeGreaterThanOrEqual(1.5);
  });
});

describe('all themes (palette.test.ts holds each to the full set of checks)', () => {
  it.each(Object.values(THEMES).map((t) => [t.id, t] as const))('%s', (id, t) => {
    const r = contrastReport(t);
    const minMap = Math.min(...Object.values(r.map).flatMap((m) => Object.values(m)));
    console.log(
      `${id}: text ${JSON.stringify(r.text)}; weakest map colour ${minMap}; routes ${JSON.stringify(minPairDelta(t.routes))}; agreements ${JSON.stringify(minPairDelta(t.agreement))}`,
    );
    for (const [pair, ratio] of Object.entries(r.text))
      expect(ratio, `${id} ${pair}`).toBeGreaterThanOrEqual(4.5);
    expect(minMap).toBeGreaterThanOrEqual(3);
  });
});
