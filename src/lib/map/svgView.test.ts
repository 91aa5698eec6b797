import { describe, expect, it } from 'vitest';
import { makeProjection } from '../export/svgMap';
import { fitView, panned, SVG_ZOOM, zoomed } from './svgView';

describe('the SVG map view', () => {
  it('fitView puts the bounds inside the box, touching it on one axis (as fitBounds)', () => {
    const bounds = [
      [-19, -3],
      [45, 53],
    ] as const;
    for (const [w, h] of [
      [1280, 800],
      [640, 480],
      [320, 480],
    ]) {
      const v = fitView(bounds, w, h, 16);
      const { projection } = makeProjection(v, w, h);
      const [x0, y0] = projection([-19, 53])!;
      const [x1, y1] = projection([45, -3])!;
      expect(x0).toBeGreaterThanOrEqual(15.9);
      expect(y0).toBeGreaterThanOrEqual(15.9);
      expect(x1).toBeLessThanOrEqual(w - 15.9);
      expect(y1).toBeLessThanOrEqual(h - 15.9);
      // Tight on the limiting axis.
      expect(Math.min(x0, y0, w - x1, h - y1)).toBeLessThan(16.5);
    }
  });

  it('panning by a drag moves the point under the pointer with it', () => {
    const v = { center: [15, 35] as [number, number], zoom: 4 };
    const p = panned(v, 800, 600, 100, -50);
    const before = makeProjection(v, 800, 600).projection([20, 40])!;
    const after = makeProjection(p, 800, 600).projection([20, 40])!;
    expect(after[0] - before[0]).toBeCloseTo(100, 0);
    expect(after[1] - before[1]).toBeCloseTo(-50, 0);
  });

  it('zoom stays inside the live map limits', () => {
    const v = { center: [0, 0] as [number, number], zoom: 10.8 };
    expect(zoomed(v, 0.5).zoom).toBe(SVG_ZOOM[1]);
    expect(zoomed({ ...v, zoom: 1.6 }, -0.5).zoom).toBe(SVG_ZOOM[0]);
  });
});
