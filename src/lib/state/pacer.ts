/**
 * Input first on a slow GPU: when drawing the map takes longer than a frame (a software renderer
 * such as SwiftShader, an old integrated GPU, a big window), a map update per input would queue a
 * map frame behind every key press, and the next press would wait for the GPU to finish them: the
 * timeline freezes while a reader holds an arrow key. The pacer measures what a map frame costs
 * (from a map render to the next animation frame, as a moving average) and, only while it is slow,
 * holds the map back while input comes: it is drawn when the input pauses (`quietMs`), and during a
 * long stream (a held key) at least every `maxHoldMs`, so the controls answer every press and the
 * map shows the latest state as soon as the reader stops. (Drawing the first press of a stream at
 * once was tried: at ~90 ms a map frame, with 3–4 renders an update as the labels' tiles arrive, it
 * froze the next 3–4 presses, and a quick reader's every burst of presses began with a freeze.) A fast GPU is never
 * held: the map follows one frame behind the controls (src/lib/state/frames.ts). Play is never
 * held (its changes are frames, not input). Pure: the clock is passed in.
 */

export interface PacerOptions {
  /** A map frame slower than this is slow (ms; 20 = under 50 frames a second: a key repeats every 33). */
  slowMs?: number;
  /** Input that pauses this long has ended its stream (ms; a held key repeats every ~33 ms). */
  quietMs?: number;
  /** While a stream goes on, the map is drawn at least this often (ms). */
  maxHoldMs?: number;
}

export class MapPacer {
  /** Moving average of a map frame's cost (ms); 0 until measured. */
  cost = 0;
  private readonly slowMs: number;
  private readonly quietMs: number;
  private readonly maxHoldMs: number;
  private lastChange = -Infinity;
  private lastDrawn = -Infinity;
  /** When the current stream of changes began. */
  private streamStart = -Infinity;

  constructor(opts: PacerOptions = {}) {
    this.slowMs = opts.slowMs ?? 20;
    this.quietMs = opts.quietMs ?? 150;
    this.maxHoldMs = opts.maxHoldMs ?? 1500;
  }

  /** Whether map frames are slow enough for the map to be held during input. */
  get slow(): boolean {
    return this.cost > this.slowMs;
  }

  /** A change the map must show arrived at `t` (an input, or what follows from one). */
  change(t: number): void {
    if (t - this.lastChange > this.quietMs) this.streamStart = t;
    this.lastChange = t;
  }

  /**
   * How long to hold the map update queued at `t` (0: draw it now). `exempt`: a change that must be
   * drawn in this frame (play's month).
   */
  holdFor(t: number, exempt = false): number {
    if (exempt || !this.slow) return 0;
    const quiet = this.quietMs - (t - this.lastChange);
    const due = this.maxHoldMs - (t - Math.max(this.lastDrawn, this.streamStart));
    if (quiet <= 0 || due <= 0) return 0;
    return Math.min(quiet, due);
  }

  /** The map was updated at `t`. */
  drawn(t: number): void {
    this.lastDrawn = t;
  }

  /** A map frame was measured to cost `ms` (redraw to the next animation frame). */
  sample(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.cost = this.cost === 0 ? ms : this.cost * 0.7 + ms * 0.3;
  }
}
