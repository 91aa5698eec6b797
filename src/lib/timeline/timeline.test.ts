import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/time';
import { centreOn, frameThrottle, keyStep, monthScale } from './brush';
import { PlayController, type Clock } from './play';
import { agreementMarkers, groupMarkers } from './markers';
import { areaName } from './histogram';
import type { Agreement } from '../data/json-schema';
import type { CountryInfo } from '../data/types';

const D: [number, number] = [monthIndex('2009-01'), monthIndex('2025-12')];
const W: [number, number] = [monthIndex('2023-01'), monthIndex('2023-12')];
const m = monthIndex;

describe('brush: pixels ↔ months', () => {
  const s = monthScale(D, 204 * 5); // 5 px per month
  it.each([
    ['snaps to the nearest boundary', s.x(m('2022-06')) + 2, m('2022-06')],
    ['rounds up past half a month', s.x(m('2022-06')) + 3, m('2022-07')],
    ['clamps before the domain', -50, D[0]],
    ['clamps after the domain to the end boundary', 5000, D[1] + 1],
  ] as const)('boundaryAt %s', (_, px, want) => expect(s.boundaryAt(px)).toBe(want));

  it('finds the month under a pixel, clamped to the domain', () => {
    expect(s.monthAt(s.x(m('2022-06')) + 4.9)).toBe(m('2022-06'));
    expect(s.monthAt(-1)).toBe(D[0]);
    expect(s.monthAt(5000)).toBe(D[1]);
  });

  it('centres a window on a clicked month', () =>
    expect(centreOn(W, m('2016-06'), D)).toEqual([m('2016-01'), m('2016-12')]));
});

describe('brush: keyboard', () => {
  it.each([
    ['→ moves a month', 'window', { key: 'ArrowRight' }, [m('2023-02'), m('2024-01')]],
    ['← moves a month back', 'window', { key: 'ArrowLeft' }, [m('2022-12'), m('2023-11')]],
    ['PageUp moves a year', 'window', { key: 'PageUp' }, [m('2024-01'), m('2024-12')]],
    ['Shift+→ grows the end', 'window', { key: 'ArrowRight', shiftKey: true }, [W[0], m('2024-01')]],
    [
      'Alt+Shift+← grows the start',
      'window',
      { key: 'ArrowLeft', shiftKey: true, altKey: true },
      [m('2022-12'), W[1]],
    ],
    ['Home goes to the start keeping the length', 'window', { key: 'Home' }, [D[0], D[0] + 11]],
    ['End goes to the end keeping the length', 'window', { key: 'End' }, [D[1] - 11, D[1]]],
    ['start slider → shrinks', 'start', { key: 'ArrowRight' }, [m('2023-02'), W[1]]],
    ['end slider Home collapses to one month', 'end', { key: 'Home' }, [W[0], W[0]]],
  ] as const)('%s', (_, target, k, want) => expect(keyStep(target, k, W, D)).toEqual(want));

  it('leaves other keys to the browser', () => expect(keyStep('window', { key: 'Tab' }, W, D)).toBeNull());
});

describe('frameThrottle', () => {
  it('applies only the last value per frame and flushes on demand', () => {
    const applied: number[] = [];
    const queue: (() => void)[] = [];
    const th = frameThrottle<number>(
      (v) => applied.push(v),
      (cb) => queue.push(cb),
    );
    th.push(1);
    th.push(2);
    th.push(3);
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(applied).toEqual([3]);
    th.push(4);
    th.flush();
    expect(applied).toEqual([3, 4]);
  });
});

function fakeClock() {
  let now = 0;
  let frames: (() => void)[] = [];
  const intervals = new Map<number, { cb: () => void; ms: number; next: number }>();
  let id = 0;
  const clock: Clock = {
    now: () => now,
    requestFrame: (cb) => (frames.push(cb), ++id),
    cancelFrame: () => (frames = []),
    setInterval: (cb, ms) => (intervals.set(++id, { cb, ms, next: now + ms }), id),
    clearInterval: (i) => intervals.delete(i),
  };
  return {
    clock,
    frame(ms: number) {
      now += ms;
      const f = frames;
      frames = [];
      f.forEach((cb) => cb());
      for (const iv of intervals.values())
        while (iv.next <= now) {
          iv.cb();
          iv.next += iv.ms;
        }
    },
  };
}

describe('PlayController', () => {
  it('slides the window at its speed in months per second and stops at the end', () => {
    const c = fakeClock();
    let w: [number, number] = [m('2025-01'), m('2025-03')];
    const states: boolean[] = [];
    const p = new PlayController({
      domain: D,
      getWindow: () => w,
      onWindow: (x) => (w = x),
      playing: {
        get: () => states.at(-1) ?? false,
        set: (s) => void states.push(s),
      },
      speed: 4,
      clock: c.clock,
    });
    p.start();
    c.frame(250); // one month at 4 months/s
    expect(w).toEqual([m('2025-02'), m('2025-04')]);
    for (let i = 0; i < 40; i++) c.frame(250);
    expect(w).toEqual([m('2025-10'), m('2025-12')]);
    expect(states).toEqual([true, false]);
  });

  it('follows the shared flag when someone else stops or starts playback', () => {
    const c = fakeClock();
    let w: [number, number] = [m('2020-01'), m('2020-01')];
    let flag = false;
    const p = new PlayController({
      domain: D,
      getWindow: () => w,
      onWindow: (x) => (w = x),
      playing: { get: () => flag, set: (v) => (flag = v) },
      speed: 4,
      clock: c.clock,
    });
    p.start();
    c.frame(250);
    expect(w).toEqual([m('2020-02'), m('2020-02')]);
    flag = false; // present mode stops playback through the app state
    p.sync();
    c.frame(250);
    c.frame(250);
    expect(w).toEqual([m('2020-02'), m('2020-02')]);
    flag = true; // a link or a story starts it again
    p.sync();
    c.frame(250);
    c.frame(250);
    expect(w[0]).toBeGreaterThan(m('2020-02'));
  });

  it('loops back to the start when asked', () => {
    const c = fakeClock();
    let w: [number, number] = [m('2025-11'), m('2025-12')];
    const p = new PlayController({
      domain: D,
      getWindow: () => w,
      onWindow: (x) => (w = x),
      speed: 1,
      loop: true,
      clock: c.clock,
    });
    p.start();
    for (let i = 0; i < 4; i++) c.frame(250); // frames longer than 250 ms count as 250 ms
    expect(w).toEqual([D[0], D[0] + 1]);
    expect(p.playing).toBe(true);
  });

  it('steps on a timer under reduced motion, one month per tick', () => {
    const c = fakeClock();
    let w: [number, number] = [m('2014-01'), m('2014-01')];
    const p = new PlayController({
      domain: D,
      getWindow: () => w,
      onWindow: (x) => (w = x),
      speed: 2,
      reducedMotion: true,
      clock: c.clock,
    });
    p.start();
    c.frame(1000);
    expect(w).toEqual([m('2014-03'), m('2014-03')]);
    p.stop();
    c.frame(1000);
    expect(w).toEqual([m('2014-03'), m('2014-03')]);
  });
});

describe('timeline markers', () => {
  const ag = (id: string, events: Agreement['events']) => ({ id, events }) as unknown as Agreement;
  it('places dated events and never undated ones', () => {
    const list = [
      ag('a', [{ type: 'signed', date: { iso: '2023-11-06', precision: 'day' } } as never]),
      ag('nl', [{ type: 'signed', date: null } as never]),
    ];
    const mk = agreementMarkers(list, D);
    expect(mk.map((x) => [x.id, x.month])).toEqual([['a', m('2023-11')]]);
    expect(groupMarkers(mk)).toHaveLength(1);
  });
});

describe('areaName', () => {
  const countries: Record<string, CountryInfo> = {
    ITA: { name_en: 'Italy', name_it: 'Italia', capital: 'rome' },
    MLT: { name_en: 'Malta', name_it: '', capital: null },
  };
  it.each([
    ['a country in Italian', 'country', 'ITA', 'it', 'Italia'],
    ['a country in English', 'country', 'ITA', 'en', 'Italy'],
    ['a country with no Italian name, in English', 'country', 'MLT', 'it', 'Malta'],
    ['a country not in the catalog, as its code', 'country', 'XKX', 'it', 'XKX'],
    ["a publisher's route in Italian", 'route', 'central_med', 'it', 'Mediterraneo centrale'],
    [
      "a publisher's route in a locale it lacks, in English",
      'route',
      'central_med',
      'fr',
      'Central Mediterranean',
    ],
    ['an unknown route, as its id', 'route', 'nowhere', 'it', 'nowhere'],
    ['a place, as its id', 'place', 'lampedusa', 'it', 'lampedusa'],
  ] as const)('%s', (_, type, area, lang, want) => expect(areaName(type, area, countries, lang)).toBe(want));
});
