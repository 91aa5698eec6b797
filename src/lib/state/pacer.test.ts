import { describe, expect, it } from 'vitest';
import { MapPacer } from './pacer';

describe('MapPacer', () => {
  it('never holds the map while map frames are fast', () => {
    const p = new MapPacer();
    p.sample(8);
    p.change(0);
    p.change(30);
    expect(p.slow).toBe(false);
    expect(p.holdFor(40)).toBe(0);
  });

  it('on a slow GPU holds the map during a stream of input and draws it when the input pauses', () => {
    const p = new MapPacer({ quietMs: 150, maxHoldMs: 1500 });
    p.sample(90);
    expect(p.slow).toBe(true);
    // Key presses every 50 ms: each is held until 150 ms after the latest one.
    p.change(0);
    expect(p.holdFor(16)).toBe(134);
    p.change(50);
    expect(p.holdFor(66)).toBe(134);
    p.change(100);
    expect(p.holdFor(250)).toBe(0); // 150 ms after the last press: drawn
  });

  it('draws at least every maxHoldMs while a key is held, counted from the stream start or the last draw', () => {
    const p = new MapPacer({ quietMs: 150, maxHoldMs: 1000 });
    p.sample(120);
    for (let t = 0; t <= 990; t += 33) p.change(t);
    expect(p.holdFor(990)).toBe(10); // 1000 − 990: due before the input pauses
    expect(p.holdFor(1000)).toBe(0);
    p.drawn(1000);
    p.change(1023);
    expect(p.holdFor(1030)).toBe(143);
    for (let t = 1056; t <= 1990; t += 33) p.change(t);
    expect(p.holdFor(1990)).toBe(10);
  });

  it('never holds play (exempt) and keeps a moving average of what a frame costs', () => {
    const p = new MapPacer();
    p.sample(100);
    p.sample(0 / 0); // ignored
    p.sample(-5); // ignored
    expect(p.cost).toBe(100);
    p.sample(10);
    expect(p.cost).toBeCloseTo(73, 5);
    p.change(0);
    expect(p.holdFor(10, true)).toBe(0);
    expect(p.holdFor(10)).toBeGreaterThan(0);
  });
});
