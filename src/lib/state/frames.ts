/**
 * Input first, map after: a coalescing frame scheduler. An input (a key press, a brush move, a
 * toggle, play) changes the app state at once, so the control and its text are drawn in the next
 * frame; what follows from it (the overlay views, the legend and table, the map) is queued here
 * under a key and runs in the frame after that one. Many queued changes in a frame run once, the
 * latest per key winning, and then `after` runs once (one map update per frame). While input keeps
 * coming (a held key, a drag, play) the map updates every frame, one frame behind the controls.
 * Pure: the frame source is injected (requestAnimationFrame in the browser, a fake in tests).
 */

/** Calls `cb` at the next frame (requestAnimationFrame). */
export type RequestFrame = (cb: () => void) => unknown;

let framing = false;
/**
 * Run `cb` as a frame callback whose state changes are drawn in this frame (the play controller's
 * tick): work deferred from it, or from the effects it causes, runs in the very next frame.
 */
export function runInFrame(cb: () => void): void {
  framing = true;
  try {
    cb();
  } finally {
    // After the microtasks cb queued (Svelte's effect flush runs in the first of them).
    queueMicrotask(() => queueMicrotask(() => (framing = false)));
  }
}
/** Whether the code running was started by `runInFrame` (in this frame, before it is drawn). */
export const inFrame = () => framing;

/** Work a commit may queue while the scheduler is running it, before it gives up (a loop). */
const MAX_PASSES = 4;

export class FrameScheduler {
  private readonly jobs = new Map<string, () => void>();
  /** idle; waiting for the control's frame; waiting for the map's frame; running the map's frame. */
  private phase: 'idle' | 'control' | 'map' | 'running' = 'idle';
  private waiters: (() => void)[] = [];
  /** Jobs held back for a while (`later`), by key: their timers. */
  private readonly held = new Map<string, { timer: ReturnType<typeof setTimeout>; job: () => void }>();
  /** True while `flush` runs the queue: the state must be committed now, nothing held. */
  flushing = false;
  /** Frames in which queued work ran (tests and the bench read it). */
  frames = 0;

  constructor(
    private readonly requestFrame: RequestFrame,
    /** Runs once after the jobs of a frame (e.g. apply the overlays to the map and redraw once). */
    private readonly after: () => void = () => {},
    /** Whether the caller is a frame callback whose changes this frame draws (see runInFrame). */
    private readonly isInFrame: () => boolean = inFrame,
  ) {}

  /**
   * Queue `job` under `key`. It runs in the frame after the one that draws the input: the frame
   * after next for an event, the next frame when queued from a frame callback (`runInFrame`). A
   * later job under the same key replaces it (latest wins). Queued while a frame's jobs run, it
   * runs in that same frame.
   */
  defer(key: string, job: () => void): void {
    this.jobs.set(key, job);
    if (this.phase === 'control' && this.isInFrame()) {
      // Waiting for the control's frame, but this input is already in that frame: do not wait longer.
      this.phase = 'map';
      return;
    }
    if (this.phase !== 'idle') return;
    if (this.isInFrame()) {
      this.phase = 'map';
      this.requestFrame(() => this.run());
      return;
    }
    this.phase = 'control';
    this.requestFrame(() => {
      if (this.phase === 'control') {
        this.phase = 'map';
        this.requestFrame(() => this.run());
      } else this.run();
    });
  }

  /**
   * Queue `job` under `key` in `ms` (then as `defer` does): the map held back during a stream of
   * input on a slow GPU (src/lib/state/pacer.ts). A later `later` under the key moves it; it counts
   * as pending, and `flush` runs it at once.
   */
  later(key: string, job: () => void, ms: number): void {
    const had = this.held.get(key);
    if (had) clearTimeout(had.timer);
    const timer = setTimeout(() => {
      this.held.delete(key);
      this.defer(key, job);
    }, ms);
    this.held.set(key, { timer, job });
  }

  /** Whether anything is queued, held or running. */
  get pending(): boolean {
    return this.phase !== 'idle' || this.jobs.size > 0 || this.held.size > 0;
  }

  /** Resolves once a frame has passed with nothing queued (at once when idle). */
  settled(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  /**
   * Run what is queued now, in this task (an export or a test that must read the committed state).
   * The frame already requested then finds nothing to do.
   */
  flush(): void {
    if (this.phase === 'running') return;
    for (const [key, h] of this.held) {
      clearTimeout(h.timer);
      if (!this.jobs.has(key)) this.jobs.set(key, h.job);
    }
    this.held.clear();
    if (this.jobs.size === 0) return;
    this.flushing = true;
    try {
      this.drain();
    } finally {
      this.flushing = false;
    }
  }

  private run() {
    const had = this.jobs.size > 0;
    // A stream of input (a held key, a drag, play) keeps one map update every frame: the next frame
    // runs whatever arrives until then without waiting for a control frame again (that input's
    // control is drawn in that frame too, with the map: coalesced, the latest winning). Asked for
    // before the jobs run, so this callback comes before the frame request the map's own redraw
    // makes: the next redraw then cancels MapLibre's pending render instead of adding a second one.
    if (had) this.requestFrame(() => this.run());
    this.phase = 'running';
    this.drain();
    if (had) {
      this.phase = 'map';
      return;
    }
    this.phase = 'idle';
    // A held job will run later: whoever waits for the settled state waits for it too.
    if (this.held.size > 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  private drain() {
    const outer = this.phase;
    this.phase = 'running';
    let ran = false;
    for (let pass = 0; pass < MAX_PASSES && this.jobs.size > 0; pass++) {
      const batch = [...this.jobs.values()];
      this.jobs.clear();
      for (const job of batch) job();
      // `after` may queue more (effects that the jobs triggered): they run in this frame too.
      this.after();
      ran = true;
    }
    if (ran) this.frames++;
    // flush() between frames: the frame already requested stays requested (it will find nothing).
    this.phase = outer;
  }
}
