import { describe, expect, it } from 'vitest';
import { monthIndex } from '../data/time';
import { centreOn, keyStep, monthScale } from './brush';
import { PlayController, type Clock } from './play';
import { agreementMarkers, clusterMarkers, countWidth, MARK, programmeMarkers, type Marker } from './markers';
import { areaName, buildHistogram, captionKeys } from './histogram';
import { chartDomain, METRIC_UNIT, yAxis } from './axis';
import { cluster, fit } from './cluster';
import { buildSeries } from '../filter/aggregate';
import { METRICS } from '../data/schema';
import type { CountRow } from '../data/types';
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
    expect(clusterMarkers(mk, monthScale(D, 1000).x, 1000)).toHaveLength(1);
  });

  it('clips a year-dated programme to the domain', () => {
    const p = { id: 'p', announced: { iso: '2013', precision: 'year' } } as never;
    const [mk] = programmeMarkers([p], [m('2013-06'), D[1]]);
    expect([mk.month, mk.to]).toEqual([m('2013-06'), m('2013-12')]);
  });
});

/** A deterministic pseudo-random sequence (mulberry32), so the property tests are reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('marker clustering', () => {
  const mk = (id: string, month: number, to = month): Marker => ({
    kind: 'agreement',
    id,
    month,
    to,
    event: 'signed',
    precision: 'month',
  });

  it('keeps markers far apart as single marks, one month wide', () => {
    const s = monthScale(D, 204 * 10); // 10 px a month
    const cs = clusterMarkers([mk('a', m('2015-01')), mk('b', m('2020-01'))], s.x, s.width);
    expect(cs.map((c) => [c.markers.map((x) => x.id), c.x, c.w])).toEqual([
      [['a'], s.x(m('2015-01')), 10],
      [['b'], s.x(m('2020-01')), 10],
    ]);
  });

  it('merges neighbours closer than a mark into one mark wide enough for its count', () => {
    const s = monthScale(D, 204 * 3); // 3 px a month: narrower than a mark
    const list = [mk('a', m('2023-11')), mk('b', m('2023-12')), mk('c', m('2024-01')), mk('d', m('2019-01'))];
    const cs = clusterMarkers(list, s.x, s.width);
    expect(cs.map((c) => c.markers.map((x) => x.id))).toEqual([['d'], ['a', 'b', 'c']]);
    expect(cs[1].w).toBeGreaterThanOrEqual(countWidth(3));
    expect([cs[1].month, cs[1].to]).toEqual([m('2023-11'), m('2024-01')]);
  });

  it('never lets a mark spill past the end of the row', () => {
    const s = monthScale(D, 204 * 2);
    const cs = clusterMarkers([mk('a', D[1]), mk('b', D[1])], s.x, s.width);
    expect(cs).toHaveLength(1);
    expect(cs[0].x + cs[0].w).toBeLessThanOrEqual(s.width);
    expect(cs[0].x).toBeGreaterThanOrEqual(0);
  });

  it.each([1, 2, 3, 4, 5])(
    'random rows (seed %i): no two marks closer than the gap, all inside, every id kept once',
    (seed) => {
      const r = rng(seed);
      for (const width of [200, 640, 1100]) {
        const s = monthScale(D, width);
        const list = Array.from({ length: 5 + Math.floor(r() * 60) }, (_, i) => {
          const month = D[0] + Math.floor(r() * (D[1] - D[0] + 1));
          const to = r() < 0.15 ? Math.min(D[1], month + 11) : month;
          return mk(`m${i}`, month, to);
        });
        const cs = clusterMarkers(list, s.x, s.width);
        for (let i = 1; i < cs.length; i++)
          expect(cs[i].x - (cs[i - 1].x + cs[i - 1].w)).toBeGreaterThanOrEqual(MARK.gap - 1e-9);
        for (const c of cs) {
          expect(c.x).toBeGreaterThanOrEqual(0);
          expect(c.x + c.w).toBeLessThanOrEqual(s.width + 1e-9);
          expect(c.w + 1e-9).toBeGreaterThanOrEqual(
            c.markers.length > 1 ? countWidth(c.markers.length) : MARK.minWidth,
          );
        }
        expect(cs.flatMap((c) => c.markers.map((x) => x.id)).sort()).toEqual(list.map((x) => x.id).sort());
      }
    },
  );

  it('merges backwards when a centred label grows into the one before it', () => {
    // Labels centred on their point, 10 px per member: b+c grows left into a.
    const cs = cluster([0, 14, 20], {
      pos: (v) => v,
      extent: (ms) => {
        const c = (Math.min(...ms) + Math.max(...ms)) / 2;
        return { x0: c - 5 * ms.length, x1: c + 5 * ms.length };
      },
      gap: 2,
      bounds: [0, 100],
    });
    expect(cs.map((c) => c.members)).toEqual([[0, 14, 20]]);
  });

  it('fits an extent into the bounds by shifting it, or cuts it when wider', () => {
    expect(fit({ x0: 95, x1: 105 }, [0, 100])).toEqual({ x0: 90, x1: 100 });
    expect(fit({ x0: -3, x1: 7 }, [0, 100])).toEqual({ x0: 0, x1: 10 });
    expect(fit({ x0: -10, x1: 200 }, [0, 100])).toEqual({ x0: 0, x1: 100 });
  });
});

describe('y axis', () => {
  it.each([
    [26_000, [0, 10_000, 20_000, 30_000]],
    [20_000, [0, 10_000, 20_000]],
    [31_000, [0, 20_000, 40_000]],
    [12_000, [0, 5_000, 10_000, 15_000]],
    [2_400, [0, 1_000, 2_000, 3_000]],
    [7, [0, 5, 10]],
    [3, [0, 1, 2, 3]],
    [1, [0, 1, 2]],
    [0, [0, 1]],
  ])('max %i → ticks %j', (max, ticks) => {
    const a = yAxis(max);
    expect(a.ticks).toEqual(ticks);
    expect(a.top).toBe(ticks.at(-1));
  });

  it('always covers the largest value with three or four round ticks', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      const max = 1 + Math.floor(r() ** 3 * 2_000_000);
      const { ticks, top } = yAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(4);
      const step = ticks[1];
      expect(Number.isInteger(step)).toBe(true);
      expect(String(step)).toMatch(/^(1|2|25|5)0*$/);
    }
  });

  it('gives every metric its unit: people, except Frontex, which counts detections', () => {
    expect(METRICS.map((x) => [x, METRIC_UNIT[x]])).toEqual([
      ['sea_arrivals', 'people'],
      ['irregular_arrivals', 'people'],
      ['frontex_detections', 'detections'],
      ['dead_missing', 'people'],
    ]);
  });
});

describe('timeline domain per metric', () => {
  const row = (metric: string, areaType: string, area: string, period: string, value = 1): CountRow =>
    ({
      id: `${metric}-${area}-${period}`,
      metric,
      area_type: areaType,
      area,
      period,
      value,
      qualifier: 'exact',
      status: 'seen',
      sources: ['s'],
      note: null,
    }) as CountRow;
  const months = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const x = m(from) + i;
      return `${Math.floor(x / 12)}-${String((x % 12) + 1).padStart(2, '0')}`;
    });
  const series = buildSeries([
    ...months('2014-01', 24).map((p) => row('sea_arrivals', 'country', 'ITA', p, 1000)),
    ...months('2009-01', 24).map((p) => row('frontex_detections', 'route', 'central_med', p, 10)),
    ...months('2014-03', 6).map((p) => row('dead_missing', 'route', 'central_med', p, 5)),
    row('irregular_arrivals', 'country', 'ESP', '2009', 100),
    row('irregular_arrivals', 'country', 'ESP', '2010', 100),
  ]);
  const first = (metric: (typeof METRICS)[number]) => buildHistogram(series.values(), metric, D).first;

  it.each([
    ['sea arrivals start with their figures, in 2014', 'sea_arrivals', W, [m('2014-01'), D[1]], m('2014-01')],
    ['Frontex detections cover the whole domain', 'frontex_detections', W, D, null],
    [
      'a series starting in March starts the axis in January',
      'dead_missing',
      W,
      [m('2014-01'), D[1]],
      m('2014-03'),
    ],
    ['annual totals before the domain: the domain start', 'irregular_arrivals', W, D, null],
    [
      'a window before the figures widens the axis to its year',
      'sea_arrivals',
      [m('2011-05'), m('2011-08')],
      [m('2011-01'), D[1]],
      m('2014-01'),
    ],
    ['a window at the domain start shows all of it', 'sea_arrivals', [D[0], D[0] + 11], D, m('2014-01')],
  ] as const)('%s', (_, metric, w, domain, dataFrom) => {
    expect(chartDomain(first(metric), w, D)).toEqual({ domain, dataFrom });
  });

  it('with no figures at all the axis is the whole domain', () =>
    expect(chartDomain(null, W, D)).toEqual({ domain: D, dataFrom: null }));

  it('keeps the domain inside the app domain whatever the window', () => {
    const c = chartDomain(m('2014-01'), [D[0] - 30, D[0]], D);
    expect(c.domain).toEqual(D);
  });

  it('captions the resolution once, and a source note only where there is one', () => {
    const h = buildHistogram(series.values(), 'sea_arrivals', D);
    expect(captionKeys(h)).toEqual({ scope: 'single', resolution: 'timeline.res.monthly', note: null });
    const f = buildHistogram(series.values(), 'frontex_detections', D);
    expect(captionKeys(f).note).toBe('timeline.note.frontex');
  });
});

describe('areaName', () => {
  const countries: Record<string, CountryInfo> = {
    ITA: { name: 'Italy', capital: 'rome' },
    MLT: { name: 'Malta', capital: null },
  };
  it.each([
    ['a country in Italian', 'country', 'ITA', 'it', 'Italia'],
    ['a country in English', 'country', 'ITA', 'en', 'Italy'],
    ['a country with no Italian name, in English', 'country', 'MLT', 'it', 'Malta'],
    ['a country not in the catalog, as its code', 'country', 'XKX', 'it', 'XKX'],
    ["a publisher's route in Italian", 'route', 'central_med', 'it', 'Mediterraneo centrale'],
    [
      "a publisher's route in French, from the name map",
      'route',
      'central_med',
      'fr',
      'Méditerranée centrale',
    ],
    [
      "a publisher's route in a locale it lacks, in English",
      'route',
      'central_med',
      'de',
      'Central Mediterranean',
    ],
    ['an unknown route, as its id', 'route', 'nowhere', 'it', 'nowhere'],
    ['a place, as its id', 'place', 'lampedusa', 'it', 'lampedusa'],
  ] as const)('%s', (_, type, area, lang, want) => expect(areaName(type, area, countries, lang)).toBe(want));
});
