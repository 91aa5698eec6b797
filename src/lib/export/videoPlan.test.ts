import { describe, expect, it } from 'vitest';
import { videoPlan, videoPreset, VIDEO_MAX, VIDEO_MIN } from './videoPlan';

describe('video plan', () => {
  it.each([
    ['12 months × 5 frames', [24276, 24287, 5], { months: 12, frames: 60, seconds: 6 }],
    ['12 months × 3 frames', [24276, 24287, 3], { months: 12, frames: 36, seconds: 3.6 }],
    ['one month, one frame', [24276, 24276, 1], { months: 1, frames: 1, seconds: 0.1 }],
    ['reversed window', [24287, 24276, 5], null],
    ['zero frames a month', [24276, 24287, 0], null],
    ['a fraction of a frame', [24276, 24287, 2.5], null],
  ] as const)('%s', (_name, [a, b, n], expected) => {
    expect(videoPlan(a, b, n)).toEqual(expected);
  });
});

describe('custom video size', () => {
  it.each([
    [800, 450, 800, 450],
    [801, 451, 802, 452],
    [10, 10, VIDEO_MIN, VIDEO_MIN],
    [9999, 5000, VIDEO_MAX, VIDEO_MAX],
    [Number.NaN, 600, VIDEO_MIN, 600],
  ])('%d × %d → %d × %d', (w, h, ew, eh) => {
    const p = videoPreset(w, h);
    expect([p.width, p.height]).toEqual([ew, eh]);
    expect((p.width % 2) + (p.height % 2)).toBe(0);
    expect(p.density).toBe(1);
  });
});
