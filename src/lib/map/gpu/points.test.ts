import { describe, expect, it } from 'vitest';
import {
  hexToRgba,
  lowerBound,
  mercatorX,
  mercatorY,
  monthFloat,
  mulberry32,
  nearCandidates,
  sortOrder,
  sortPoints,
  sqrtSizes,
  syntheticPoints,
  windowRange,
} from './points';

const month = (y: number, m: number) => y * 12 + m - 1;

describe('mercator', () => {
  it('maps the corners and the origin like MapLibre', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.051129)).toBeCloseTo(0, 6);
    expect(mercatorY(-85.051129)).toBeCloseTo(1, 6);
    expect(mercatorY(89.9)).toBe(mercatorY(85.051129));
    // Lampedusa: y increases southward
    expect(mercatorY(35.5)).toBeLessThan(mercatorY(30));
  });
});

describe('monthFloat', () => {
  it('stays inside its month', () => {
    expect(monthFloat('2023-01-01')).toBe(month(2023, 1));
    expect(Math.floor(monthFloat('2023-01-31'))).toBe(month(2023, 1));
    expect(monthFloat('2023-12-31')).toBeLessThan(month(2024, 1));
    expect(monthFloat('2023-05')).toBe(month(2023, 5));
    expect(monthFloat('2023')).toBe(month(2023, 1));
  });
});

describe('sortPoints and windowRange', () => {
  it('sorts stably by time and keeps every attribute with its point', () => {
    const t = [5, 1, 3, 1, 2];
    const s = sortPoints([10, 11, 12, 13, 14], [0, 0, 0, 0, 0], t, [1, 2, 3, 4, 5]);
    expect([...s.order]).toEqual([1, 3, 4, 2, 0]);
    expect([...s.t]).toEqual([0, 0, 1, 2, 4]);
    expect(s.tBase).toBe(1);
    expect([...s.size]).toEqual([2, 4, 5, 3, 1]);
    expect(s.x[0]).toBeCloseTo(mercatorX(11), 6);
    expect(s.maxSize).toBe(5);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => sortPoints([1], [1, 2], [1])).toThrow(/same length/);
  });

  it('handles no points', () => {
    const s = sortPoints([], [], []);
    expect(s.n).toBe(0);
    expect(windowRange(s.t, s.tBase, 0, 100)).toEqual({ first: 0, count: 0 });
  });

  it('includes the whole last month of an inclusive window and nothing after it', () => {
    const dates = ['2022-12-31', '2023-01-01', '2023-06-15', '2023-12-31', '2024-01-01'];
    const s = sortPoints(
      dates.map(() => 0),
      dates.map(() => 0),
      dates.map(monthFloat),
    );
    expect(windowRange(s.t, s.tBase, month(2023, 1), month(2023, 12))).toEqual({ first: 1, count: 3 });
    expect(windowRange(s.t, s.tBase, month(2023, 6), month(2023, 6))).toEqual({ first: 2, count: 1 });
    expect(windowRange(s.t, s.tBase, month(2023, 7), month(2023, 6)).count).toBe(0);
  });

  it('counts like a naive filter on random data (seeded), also at a million-point scale key packing', () => {
    const rnd = mulberry32(7);
    for (const n of [0, 1, 17, 5000]) {
      const p = syntheticPoints(n, 42 + n, [-20, 0, 40, 50], month(2009, 1), month(2026, 1));
      const s = sortPoints(p.lon, p.lat, p.t, p.size);
      for (let k = 1; k < n; k++) expect(s.t[k]).toBeGreaterThanOrEqual(s.t[k - 1]);
      for (let q = 0; q < 20; q++) {
        const a = month(2009, 1) + Math.floor(rnd() * 200);
        const b = a + Math.floor(rnd() * 30);
        const { first, count } = windowRange(s.t, s.tBase, a, b);
        let naive = 0;
        for (let i = 0; i < n; i++) {
          const rel = Math.fround(p.t[i] - s.tBase);
          if (rel >= Math.fround(a - s.tBase) && rel < Math.fround(b + 1 - s.tBase)) naive++;
        }
        expect(count).toBe(naive);
        for (let k = first; k < first + count; k++) {
          expect(s.t[k]).toBeGreaterThanOrEqual(Math.fround(a - s.tBase));
          expect(s.t[k]).toBeLessThan(Math.fround(b + 1 - s.tBase));
        }
      }
    }
  });

  it('sortOrder is a stable permutation (packed-key path and comparator path agree)', () => {
    const t = Float32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 13);
    const o = sortOrder(t, 0);
    const expected = [...t.keys()].sort((a, b) => t[a] - t[b] || a - b);
    expect([...o]).toEqual(expected);
  });
});

describe('helpers', () => {
  it('lowerBound finds the first index ≥ v', () => {
    const a = Float32Array.from([1, 2, 2, 2, 5]);
    expect(lowerBound(a, 0)).toBe(0);
    expect(lowerBound(a, 2)).toBe(1);
    expect(lowerBound(a, 3)).toBe(4);
    expect(lowerBound(a, 9)).toBe(5);
  });

  it('sqrtSizes: area proportional to value', () => {
    const s = sqrtSizes([0, 25, 100], 2, 12);
    expect(s[0]).toBe(2);
    expect(s[2]).toBe(12);
    expect(s[1]).toBeCloseTo(7, 5);
    expect([...sqrtSizes([5, -1, NaN], 1, 3, 5)]).toEqual([3, 1, 1]);
  });

  it('hexToRgba', () => {
    expect(hexToRgba('#ff0000')).toEqual([1, 0, 0, 1]);
    expect(hexToRgba('#0f0', 0.5)).toEqual([0, 1, 0, 0.5]);
    expect(() => hexToRgba('nope')).toThrow();
  });

  it('nearCandidates scans only the given range', () => {
    const x = Float32Array.from([0.1, 0.5, 0.5, 0.9]);
    const y = Float32Array.from([0.1, 0.5, 0.51, 0.9]);
    expect(nearCandidates(x, y, 0, 4, 0.5, 0.5, 0.02)).toEqual([1, 2]);
    expect(nearCandidates(x, y, 2, 2, 0.5, 0.5, 0.02)).toEqual([2]);
  });

  it('mulberry32 and syntheticPoints are deterministic', () => {
    const a = syntheticPoints(100, 3, [0, 0, 1, 1], 0, 10);
    const b = syntheticPoints(100, 3, [0, 0, 1, 1], 0, 10);
    expect(a.t).toEqual(b.t);
    expect(a.lon).toEqual(b.lon);
    const c = syntheticPoints(100, 4, [0, 0, 1, 1], 0, 10);
    expect(c.t).not.toEqual(a.t);
    for (const v of a.t) expect(v >= 0 && v < 10).toBe(true);
  });
});
