import { describe, expect, it } from 'vitest';
import { quantile, summarise, type EventEntry } from './events';
import { aggregateInputs, aggregateLoad } from './aggregate';
import { evaluateTargets, isPoster } from './targets';
import type { LoadFigures } from './load';

const ev = (id: number, name: string, duration: number, processing = 1): EventEntry => ({
  name,
  start: id * 100,
  duration,
  id,
  processing,
  delay: 0,
});

describe('Event Timing summary (INP-style)', () => {
  it('takes each interaction’s longest entry and counts presses with no entry as 16 ms', () => {
    // Three presses measured (keydown + keyup each), one under the threshold (no entry).
    const entries = [
      ev(1, 'keydown', 40, 5),
      ev(1, 'keyup', 24),
      ev(2, 'keydown', 120, 9),
      ev(3, 'keyup', 200),
      ev(0, 'pointermove', 900), // not an interaction: ignored
    ];
    const s = summarise(entries, 4);
    expect(s.interactions).toBe(4);
    expect(s.maxMs).toBe(200);
    // [16, 40, 120, 200]: nearest-rank p75 is the 3rd value.
    expect(s.p75Ms).toBe(120);
    expect(s.medianMs).toBe(80);
    expect(s.processingMedianMs).toBe(5);
  });

  it('quantile is nearest-rank and ignores non-finite values', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.75)).toBe(4);
    expect(quantile([NaN, 7], 0.5)).toBe(7);
    expect(quantile([], 0.75)).toBeNaN();
  });
});

const load = (o: Partial<LoadFigures> = {}): LoadFigures => ({
  ttiMs: 1000,
  bytesToInteractive: 500 * 1024,
  requestsToInteractive: 10,
  bytesAfterIdle: 520 * 1024,
  requestsAfterIdle: 12,
  lcpMs: 300,
  lcpElement: 'svg#poster',
  bytesBeforeLcp: 60 * 1024,
  requestsBeforeLcp: 2,
  cls: 0,
  largest: [],
  ...o,
});

describe('load and input targets', () => {
  it('passes a load under every limit, and fails each limit by name', () => {
    const runs = [1000, 1050, 1100].map((t) => ({
      app: load({ ttiMs: t }),
      baseline: load({ ttiMs: 1000 }),
    }));
    const ok = aggregateLoad(runs);
    expect(ok.ttiRatio).toBeCloseTo(1.05);
    const vp = (l: ReturnType<typeof aggregateLoad>) => ({
      '1280x720': {
        viewport: { name: 'p', width: 1280, height: 720, deviceScaleFactor: 1 },
        runs: 3,
        load: l,
      },
    });
    expect(evaluateTargets(vp(ok)).every((c) => c.pass)).toBe(true);

    const heavy = aggregateLoad(
      runs.map((r) => ({ ...r, app: { ...r.app, bytesToInteractive: 915 * 1024 } })),
    );
    const failed = (l: ReturnType<typeof aggregateLoad>) =>
      evaluateTargets(vp(l))
        .filter((c) => !c.pass)
        .map((c) => c.id);
    expect(failed(heavy)).toEqual(['first-load']);
    const slow = aggregateLoad(runs.map((r) => ({ ...r, app: { ...r.app, ttiMs: 2400 } })));
    expect(failed(slow)).toEqual(['tti-ratio']);
    // One run with a layout shift, or an LCP that is not the poster, fails the poster check.
    const shift = aggregateLoad(runs.map((r, i) => ({ ...r, app: { ...r.app, cls: i === 2 ? 0.02 : 0 } })));
    expect(failed(shift)).toEqual(['poster']);
    const text = aggregateLoad(runs.map((r) => ({ ...r, app: { ...r.app, lcpElement: 'p.summary' } })));
    expect(failed(text)).toEqual(['poster']);
  });

  it('checks the p75 of keys, toggles and play/pause against 100 ms', () => {
    const fig = (p75Ms: number) => ({
      interactions: 30,
      p75Ms,
      medianMs: p75Ms,
      maxMs: p75Ms,
      processingMedianMs: 1,
    });
    const inputs = aggregateInputs([
      { keys: fig(40), toggles: fig(90), play: fig(300) },
      { keys: fig(60), toggles: fig(110), play: fig(200) },
      { keys: fig(50), toggles: fig(100), play: fig(250) },
    ]);
    expect(inputs.keys.p75Ms).toBe(50);
    expect(inputs.toggles.perRunP75Ms).toEqual([90, 110, 100]);
    const checks = evaluateTargets({
      '640x360': { viewport: { name: 'e', width: 640, height: 360, deviceScaleFactor: 1 }, runs: 3, inputs },
    });
    expect(checks.map((c) => [c.id, c.pass])).toEqual([
      ['input-keys', true],
      ['input-toggles', true],
      ['input-play', false],
    ]);
  });

  it('recognises the poster by id, test id or class', () => {
    expect(isPoster('svg#poster')).toBe(true);
    expect(isPoster('img[data-testid=map-poster]')).toBe(true);
    expect(isPoster('p[data-testid=summary].summary')).toBe(false);
  });
});
