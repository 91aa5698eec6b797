/**
 * The overlay model and the map updates with real Svelte runes (client runtime, see vitest.config.ts)
 * and a frame source under the test's control: input first, map after, coalesced, and a change
 * re-derives only the overlays it touches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { AppState } from '../state/app.svelte';
import { OverlayModel } from './model.svelte';
import { MapUpdates, type ApplyTarget } from '../map/mapUpdates.svelte';
import { MapPacer } from '../state/pacer';
import { fixtureWithCounts } from './testInput.test-helper';
import { entriesFor, legendOf, summaryOf, tablesOf } from './describe';
import { monthIndex } from '../data/time';
import type { OverlayId } from './registry';
import type { MapData, OverlayInput } from './types';

function fakeFrames() {
  let queue: (() => void)[] = [];
  return {
    request: (cb: () => void) => void queue.push(cb),
    frame() {
      const q = queue;
      queue = [];
      for (const cb of q) cb();
    },
  };
}

/** Records what the map is asked to do, as the host would receive it. */
class Recorder implements ApplyTarget {
  takeSentData?: () => boolean;
  applied: { id: string; window: readonly [number, number] }[] = [];
  visible = new Map<string, boolean>();
  setVisible(id: string, v: boolean) {
    const changed = this.visible.get(id) !== v;
    this.visible.set(id, v);
    return changed;
  }
  apply(id: string, _view: unknown, input: OverlayInput, _md?: MapData) {
    this.applied.push({ id, window: [input.window[0], input.window[1]] });
    return true;
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function setup(clock?: { now: () => number; inputAt: () => number; pacer: MapPacer }) {
  const f = fakeFrames();
  const app = new AppState();
  app.data = fixtureWithCounts();
  const model = new OverlayModel(app, f.request);
  const rec = new Recorder();
  let redraws = 0;
  const updates = clock
    ? new MapUpdates(
        model,
        rec,
        () => redraws++,
        () => app.playing,
        clock.pacer,
        clock.now,
        clock.inputAt,
      )
    : new MapUpdates(model, rec, () => redraws++);
  cleanups.push(
    () => updates.destroy(),
    () => model.destroy(),
  );
  flushSync();
  // Settle the first load (until the scheduler stops asking for frames).
  for (let i = 0; i < 10 && model.frames.pending; i++) f.frame();
  expect(model.frames.pending).toBe(false);
  const derivations = () =>
    Object.fromEntries(model.states.map((s) => [s.o.id, s.derivations])) as Record<OverlayId, number>;
  return {
    f,
    app,
    model,
    rec,
    updates,
    derivations,
    redraws: () => redraws,
    reset() {
      rec.applied = [];
    },
  };
}

const M = (iso: string) => monthIndex(iso);

describe('input first, map after', () => {
  it('30 key presses in a frame: the control state moves at once, the map once, on the last window', () => {
    const t = setup();
    t.reset();
    const frames0 = t.updates.counts.frames;
    const before = t.derivations();
    for (let i = 1; i <= 30; i++) t.app.window = [M('2020-01') + i, M('2020-12') + i];
    flushSync();
    expect(t.app.window).toEqual([M('2022-07'), M('2023-06')]);
    expect(t.app.shownWindow).toEqual([M('2023-01'), M('2023-12')]);
    expect(t.rec.applied).toEqual([]);
    t.f.frame(); // the control's frame: still nothing for the map
    expect(t.rec.applied).toEqual([]);
    expect(t.derivations()).toEqual(before);
    t.f.frame(); // the map's frame
    expect(t.app.shownWindow).toEqual([M('2022-07'), M('2023-06')]);
    expect(t.updates.counts.frames - frames0).toBe(1);
    // Each visible overlay applied once, with the final window; one redraw.
    const ids = t.rec.applied.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['routes', 'landings', 'agreements']));
    for (const a of t.rec.applied) expect(a.window).toEqual([M('2022-07'), M('2023-06')]);
    // Views re-derived once per overlay that reads the window, never 30 times.
    const after = t.derivations();
    for (const id of ['routes', 'landings', 'agreements'] as const) expect(after[id] - before[id]).toBe(1);
  });

  it('a toggle re-derives and applies only its own overlay', () => {
    const t = setup();
    t.reset();
    const before = t.derivations();
    const legendBefore = t.model.legend.map((g) => g.overlay);
    t.app.layers = { ...t.app.layers, programmes: true };
    flushSync();
    expect(t.model.isVisible('programmes')).toBe(false); // not yet: the control first
    t.f.frame();
    t.f.frame();
    expect(t.model.isVisible('programmes')).toBe(true);
    const after = t.derivations();
    for (const s of t.model.states)
      expect(after[s.o.id] - before[s.o.id], s.o.id).toBe(s.o.id === 'programmes' ? 1 : 0);
    expect(t.rec.applied.map((a) => a.id)).toEqual(['programmes']);
    expect(t.model.legend.map((g) => g.overlay)).toContain('programmes');
    expect(legendBefore).not.toContain('programmes');
  });

  it('an overlay that is off is not derived on a time change, and is derived when switched on', () => {
    const t = setup();
    const before = t.derivations();
    t.app.window = [M('2023-03'), M('2023-05')];
    flushSync();
    t.f.frame();
    t.f.frame();
    const after = t.derivations();
    expect(after.programmes).toBe(before.programmes); // off by default
    expect(after.deaths).toBe(before.deaths);
    expect(after.landings).toBe(before.landings + 1);
  });

  it('the legend, tables and summary it joins per overlay equal the pure functions over the same input', () => {
    const t = setup();
    t.app.layers = { ...t.app.layers, programmes: true };
    t.app.window = [M('2023-02'), M('2023-07')];
    flushSync();
    t.f.frame();
    t.f.frame();
    const input = t.model.input;
    const e = entriesFor(input);
    expect(t.model.legend).toEqual(legendOf(e, input));
    expect(t.model.tables).toEqual(tablesOf(e, input));
    expect(t.model.summary).toEqual(summaryOf(e, input));
  });

  it('a hover re-applies in the next map frame without re-deriving any view', () => {
    const t = setup();
    t.reset();
    const before = t.derivations();
    t.app.hovered = { kind: 'place', id: 'lampedusa' };
    flushSync();
    t.f.frame();
    t.f.frame();
    expect(t.derivations()).toEqual(before);
    expect(t.rec.applied.length).toBeGreaterThan(0);
    expect(t.redraws()).toBeGreaterThan(0);
  });
});

describe('a slow GPU: the map is held while the reader gives input, never while the app animates', () => {
  function slow() {
    let now = 10_000;
    let input = -Infinity;
    const pacer = new MapPacer({ quietMs: 150, maxHoldMs: 1500 });
    pacer.sample(120); // a map frame costs 120 ms: slow
    const t = setup({ now: () => now, inputAt: () => input, pacer });
    return {
      ...t,
      tick(ms: number) {
        now += ms;
      },
      press(w: [number, number]) {
        input = now;
        t.app.window = w;
        flushSync();
      },
      animate(w: [number, number]) {
        t.app.window = w;
        flushSync();
      },
    };
  }

  it('key presses 50 ms apart: the timeline moves at once, the map waits until they pause', async () => {
    const t = slow();
    t.reset();
    for (let i = 1; i <= 5; i++) {
      t.press([M('2020-01') + i, M('2020-12') + i]);
      t.f.frame();
      t.f.frame();
      t.tick(50);
    }
    expect(t.app.window).toEqual([M('2020-06'), M('2021-05')]);
    expect(t.rec.applied).toEqual([]); // held: no map update while the keys come
    expect(t.model.frames.pending).toBe(true); // and a test waiting for the settled map waits
    t.tick(200); // the reader stopped
    await new Promise((r) => setTimeout(r, 200)); // the held job's timer (real time)
    t.f.frame();
    t.f.frame();
    const windows = new Set(t.rec.applied.map((a) => a.window.join()));
    expect([...windows]).toEqual([[M('2020-06'), M('2021-05')].join()]);
  });

  it('the app animating the window by itself (no input) is drawn every step', () => {
    const t = slow();
    t.reset();
    for (let i = 1; i <= 3; i++) {
      t.animate([M('2020-01') + i, M('2020-12') + i]);
      t.f.frame();
      t.f.frame();
      t.tick(50);
      expect(t.rec.applied.at(-1)?.window).toEqual([M('2020-01') + i, M('2020-12') + i]);
    }
  });

  it('flush (an export) draws a held update at once', () => {
    const t = slow();
    t.reset();
    t.press([M('2021-01'), M('2021-12')]);
    t.f.frame();
    t.f.frame();
    expect(t.rec.applied).toEqual([]);
    t.model.frames.flush();
    expect(t.rec.applied.at(-1)?.window).toEqual([M('2021-01'), M('2021-12')]);
  });
});

describe('new source data is drawn by its own render, not by a redraw now and another later', () => {
  it('an update that sends data does not redraw; one that only sets state does', () => {
    const t = setup();
    let sent = true;
    t.rec.takeSentData = () => {
      const s = sent;
      sent = false;
      return s;
    };
    const r0 = t.redraws();
    const d0 = t.updates.counts.byData;
    t.app.window = [M('2021-01'), M('2021-12')];
    flushSync();
    t.f.frame();
    t.f.frame();
    expect(t.rec.applied.length).toBeGreaterThan(0);
    expect(t.redraws() - r0).toBe(0);
    expect(t.updates.counts.byData - d0).toBe(1);
    t.app.window = [M('2022-01'), M('2022-12')]; // no data sent this time: redrawn at once
    flushSync();
    t.f.frame();
    t.f.frame();
    expect(t.redraws() - r0).toBe(1);
  });
});
