import { describe, expect, it } from 'vitest';
import { evaluateTargets, median, type SizeFigures, type ViewportFigures } from './targets';

const size = (points: number, o: Partial<SizeFigures> = {}): SizeFigures => ({
  points,
  generateAndSortMs: 1,
  scrubMethod: 'pointer',
  scrubMs: 20,
  scrubSamplesMs: [20],
  scrubLayerRenderMs: 0.2,
  scrubMapRedrawMs: 8,
  pointsInWindow: points / 17,
  longestTaskDuringScrubMs: 0,
  longTasksDuringScrub: 0,
  playFps: 60,
  playFrameMs: 16.7,
  playNewMonthRatio: 1,
  playDistinctMonths: 150,
  playSeconds: 2.5,
  jsHeapMB: 15,
  arrayBuffersMB: 5,
  ...o,
});

const vp = (
  sizes: Record<string, SizeFigures>,
  frameMs = 16.7,
  fps = 60,
): Record<string, ViewportFigures> => ({
  '640x360': {
    viewport: { name: 'embed', width: 640, height: 360, deviceScaleFactor: 1 },
    runs: 7,
    baseline: {
      timeToInteractiveMs: 1000,
      frameMs,
      fps,
      jsHeapMB: 10,
      arrayBuffersMB: 1,
      perRunFrameMs: [frameMs],
      longestTaskWhileRepaintingMs: 0,
    },
    app: { timeToInteractiveMs: 2000 },
    sizes,
  },
});

describe('bench targets', () => {
  it('median ignores non-finite values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('passes when every figure is inside its target', () => {
    const c = evaluateTargets(
      vp({ '1000': size(1000), '100000': size(1e5), '1000000': size(1e6, { scrubMs: 200 }) }),
    );
    expect(c.map((x) => x.id)).toEqual([
      'scrub-100k',
      'scrub-1M',
      'play-1k',
      'play-100k',
      'heap-100k',
      'heap-1M',
    ]);
    expect(c.every((x) => x.pass)).toBe(true);
  });

  it('fails each target on its own limit', () => {
    const c = evaluateTargets(
      vp({
        '1000': size(1000, { playNewMonthRatio: 0.9 }),
        '100000': size(1e5, { scrubMs: 40, jsHeapMB: 41 }),
        '1000000': size(1e6, { longestTaskDuringScrubMs: 51, jsHeapMB: 79 }),
      }),
    );
    const byId = Object.fromEntries(c.map((x) => [x.id, x.pass]));
    expect(byId).toEqual({
      'scrub-100k': false, // 40 ms > 2 × 16.7 ms
      'scrub-1M': false, // a 51 ms task
      'play-1k': false, // 90% of frames with a new month
      'play-100k': true,
      'heap-100k': false,
      'heap-1M': true,
    });
  });

  it('the 100 ms cap applies even when the baseline frame is slow', () => {
    const c = evaluateTargets(vp({ '100000': size(1e5, { scrubMs: 150, playFps: 5 }) }, 140, 6));
    expect(c.find((x) => x.id === 'scrub-100k')!.pass).toBe(false);
    expect(c.find((x) => x.id === 'play-100k')!.pass).toBe(false);
  });
});
