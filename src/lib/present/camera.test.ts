import { describe, expect, it } from 'vitest';
import { MercatorCoordinate } from 'maplibre-gl';
import { centreFor, freePadding, presentScale } from './camera';

/** Screen position of a point for a map of `size` centred (in its padded area) on `centre`, via MapLibre's own Mercator. */
function screen(
  p: [number, number],
  centre: [number, number],
  zoom: number,
  size: { width: number; height: number },
  pad: { left: number; right: number; top: number; bottom: number },
) {
  const ws = 512 * 2 ** zoom;
  const a = MercatorCoordinate.fromLngLat(p);
  const c = MercatorCoordinate.fromLngLat(centre);
  const midX = pad.left + (size.width - pad.left - pad.right) / 2;
  const midY = pad.top + (size.height - pad.top - pad.bottom) / 2;
  return [midX + (a.x - c.x) * ws, midY + (a.y - c.y) * ws];
}

describe('freePadding', () => {
  it('cuts a bottom-left card from the left and a short top-right key from the top when that leaves more', () => {
    const card = { left: 16, top: 300, right: 420, bottom: 752 };
    const key = { left: 790, top: 16, right: 1008, bottom: 170 };
    expect(freePadding(1024, 768, [card, key], 12)).toEqual({ left: 432, right: 0, top: 182, bottom: 0 });
  });
  it('cuts a tall key from the right', () => {
    const card = { left: 32, top: 500, right: 720, bottom: 1048 };
    const key = { left: 1500, top: 32, right: 1888, bottom: 900 };
    expect(freePadding(1920, 1080, [card, key], 12)).toEqual({ left: 732, right: 432, top: 0, bottom: 0 });
  });
  it('ignores empty rectangles (a hidden key)', () => {
    const card = { left: 32, top: 500, right: 720, bottom: 1048 };
    expect(freePadding(1920, 1080, [card, { left: 0, top: 0, right: 0, bottom: 0 }])).toEqual({
      left: 732,
      right: 0,
      top: 0,
      bottom: 0,
    });
  });
});

describe('centreFor', () => {
  const size = { width: 1024, height: 768 };
  const pad = { left: 432, right: 0, top: 182, bottom: 0 };
  const margin = { x: 60, top: 60, bottom: 120 };
  it('keeps the chapter centre when the subject is already well inside the free area', () => {
    const c: [number, number] = [12, 36];
    expect(centreFor(c, 5, [12.2, 36.1], size, pad, margin)).toEqual(c);
    expect(centreFor(c, 5, null, size, pad, margin)).toEqual(c);
  });
  it('moves the centre just enough to bring a subject out from under the card', () => {
    // Tunis, far left of a centre east of Sicily at zoom 5.2: under a 432-px card at 1024×768.
    const tunis: [number, number] = [10.17, 36.8];
    const c = centreFor([15, 36], 5.2, tunis, size, pad, margin);
    const [x, y] = screen(tunis, c, 5.2, size, pad);
    expect(x).toBeCloseTo(pad.left + margin.x, 3);
    expect(y).toBeGreaterThan(pad.top + margin.top - 1e-6);
    expect(y).toBeLessThan(size.height - margin.bottom + 1e-6);
  });
  it('keeps a subject low on the screen above the room its name needs', () => {
    const p: [number, number] = [15, 30];
    const c = centreFor([15, 36], 5, p, size, pad, margin);
    const [, y] = screen(p, c, 5, size, pad);
    expect(y).toBeCloseTo(size.height - pad.bottom - margin.bottom, 3);
  });
});

describe('presentScale', () => {
  it('gives labels of at least 24 px at 1080p and 18 px at 768p (smallest label 10 × scale)', () => {
    expect(10 * presentScale(1920, 1080)).toBeCloseTo(24, 6);
    expect(10 * presentScale(1024, 768)).toBeCloseTo(18, 6);
    expect(10 * presentScale(1366, 768)).toBeCloseTo(18, 6);
    expect(10 * presentScale(1920, 1200)).toBeGreaterThan(24);
  });
  it('counts a narrow window by its width, and stays in [1, 4]', () => {
    expect(presentScale(1024, 1400)).toBeCloseTo(presentScale(1024, 768), 6);
    expect(presentScale(320, 240)).toBe(1);
    expect(presentScale(7680, 4320)).toBe(4);
  });
});
