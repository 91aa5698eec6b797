import { describe, expect, it } from 'vitest';
import { FrameScheduler, inFrame, runInFrame } from './frames';

/** A frame source under the test's control: `frame()` runs the callbacks requested before it. */
function fakeFrames() {
  let queue: (() => void)[] = [];
  return {
    request: (cb: () => void) => void queue.push(cb),
    frame() {
      const q = queue;
      queue = [];
      for (const cb of q) cb();
    },
    get waiting() {
      return queue.length;
    },
  };
}

describe('FrameScheduler', () => {
  it('runs an event’s work in the frame after the next one, not before', () => {
    const f = fakeFrames();
    const ran: string[] = [];
    const s = new FrameScheduler(f.request, () => ran.push('after'));
    s.defer('map', () => ran.push('map'));
    expect(ran).toEqual([]);
    f.frame(); // the control's frame
    expect(ran).toEqual([]);
    expect(s.pending).toBe(true);
    f.frame(); // the map's frame
    expect(ran).toEqual(['map', 'after']);
    // One more frame in case input keeps coming; with none, it stops asking for frames.
    f.frame();
    expect(ran).toEqual(['map', 'after']);
    expect(s.pending).toBe(false);
    expect(f.waiting).toBe(0);
  });

  it('a stream of one input per frame updates the map every frame, one frame behind', () => {
    const f = fakeFrames();
    const shown: number[] = [];
    const s = new FrameScheduler(f.request);
    let value = 0;
    const input = () => {
      const v = ++value;
      s.defer('window', () => shown.push(v));
    };
    input(); // before frame 1
    f.frame(); // 1: control of input 1
    input();
    f.frame(); // 2: map shows the latest (2)
    input();
    f.frame(); // 3: map shows 3
    input();
    f.frame(); // 4: map shows 4
    expect(shown).toEqual([2, 3, 4]);
    expect(s.frames).toBe(3);
  });

  it('coalesces many updates in a frame into one run, the latest per key winning', () => {
    const f = fakeFrames();
    const applied: number[] = [];
    let afters = 0;
    const s = new FrameScheduler(f.request, () => afters++);
    for (let i = 1; i <= 30; i++) s.defer('window', () => applied.push(i));
    s.defer('layers', () => applied.push(-1));
    expect(f.waiting).toBe(1);
    f.frame();
    // More input while waiting for the map's frame joins the same run.
    s.defer('window', () => applied.push(31));
    f.frame();
    expect(applied).toEqual([31, -1]);
    expect(afters).toBe(1);
    expect(s.frames).toBe(1);
  });

  it('runs work queued while a frame runs (effects of the commit) in that same frame', () => {
    const f = fakeFrames();
    const ran: string[] = [];
    let queuedMap = false;
    const s = new FrameScheduler(f.request, () => {
      // What flushSync does in the app: the commit's effects queue the map update.
      if (queuedMap) return;
      queuedMap = true;
      s.defer('map', () => ran.push('map'));
    });
    s.defer('window', () => ran.push('window'));
    f.frame();
    f.frame();
    expect(ran).toEqual(['window', 'map']);
    expect(s.frames).toBe(1);
  });

  it('runs work from a frame callback (a play tick) in the very next frame', async () => {
    const f = fakeFrames();
    const ran: string[] = [];
    const s = new FrameScheduler(f.request);
    runInFrame(() => s.defer('window', () => ran.push('tick')));
    expect(inFrame()).toBe(true);
    f.frame();
    expect(ran).toEqual(['tick']);
    await Promise.resolve();
    await Promise.resolve();
    expect(inFrame()).toBe(false);
  });

  it('an in-frame change while an event waits for its control frame does not wait longer', () => {
    const f = fakeFrames();
    const ran: number[] = [];
    let framing = false;
    const s = new FrameScheduler(f.request, undefined, () => framing);
    s.defer('window', () => ran.push(1));
    framing = true;
    s.defer('window', () => ran.push(2));
    framing = false;
    f.frame();
    expect(ran).toEqual([2]);
  });

  it('settles: resolves once the queued work has run; flush runs it at once', async () => {
    const f = fakeFrames();
    const ran: number[] = [];
    const s = new FrameScheduler(f.request);
    await s.settled(); // idle: at once
    s.defer('a', () => ran.push(1));
    let settled = false;
    void s.settled().then(() => (settled = true));
    f.frame();
    f.frame();
    await Promise.resolve();
    expect(settled).toBe(false); // one more frame, in case input keeps coming
    f.frame();
    await Promise.resolve();
    expect(settled).toBe(true);
    s.defer('a', () => ran.push(2));
    s.flush();
    expect(ran).toEqual([1, 2]);
    f.frame();
    f.frame();
    f.frame();
    expect(ran).toEqual([1, 2]);
    expect(s.pending).toBe(false);
  });

  it('gives up looping work after a few passes and carries it to the next frames', () => {
    const f = fakeFrames();
    let n = 0;
    const s = new FrameScheduler(f.request, () => s.defer('loop', () => n++));
    s.defer('loop', () => n++);
    f.frame();
    f.frame();
    expect(n).toBe(4);
    expect(s.pending).toBe(true);
  });
});

describe('FrameScheduler.later (the map held back on a slow GPU)', () => {
  it('runs a held job after its time, in a frame, and is pending (not settled) until then', async () => {
    const f = fakeFrames();
    const ran: string[] = [];
    const s = new FrameScheduler(f.request);
    let settled = false;
    s.later('map', () => ran.push('map'), 20);
    void s.settled().then(() => (settled = true));
    expect(s.pending).toBe(true);
    await new Promise((r) => setTimeout(r, 40));
    expect(ran).toEqual([]); // queued, waiting for its frames
    f.frame();
    f.frame();
    expect(ran).toEqual(['map']);
    f.frame();
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('a later call under the same key moves the job; flush runs it at once with `flushing` set', () => {
    const f = fakeFrames();
    const seen: boolean[] = [];
    const s = new FrameScheduler(f.request);
    s.later('map', () => seen.push(false), 10_000);
    s.later('map', () => seen.push(s.flushing), 10_000);
    s.flush();
    expect(seen).toEqual([true]);
    expect(s.flushing).toBe(false);
    expect(s.pending).toBe(false);
  });
});
