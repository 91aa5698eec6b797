/**
 * Play/pause: the window slides month by month at a speed in months per second, stopping at the
 * end of the domain (or looping to its start). Normally driven by requestAnimationFrame; under
 * prefers-reduced-motion it steps one month per tick with setInterval, and `reducedMotion` tells
 * the map to skip its animations. Pure logic: the clock is injected, so tests use a fake one.
 */
import type { MonthIndex } from '../data/time';
import { slideWindow, type Window } from '../filter/window';
import { runInFrame } from '../state/frames';

export const SPEEDS = [1, 3, 6, 12] as const;
export const DEFAULT_SPEED = 3;
/** Longest frame gap counted (a background tab must not jump years when it comes back). */
export const MAX_FRAME_MS = 250;

export interface Clock {
  now(): number;
  requestFrame(cb: () => void): number;
  cancelFrame(id: number): void;
  setInterval(cb: () => void, ms: number): number;
  clearInterval(id: number): void;
}

export const browserClock = (): Clock => ({
  now: () => performance.now(),
  // A tick's window is drawn in its own frame; the map follows in the next one (state/frames.ts).
  requestFrame: (cb) => requestAnimationFrame(() => runInFrame(cb)),
  cancelFrame: (id) => cancelAnimationFrame(id),
  setInterval: (cb, ms) => window.setInterval(cb, ms),
  clearInterval: (id) => window.clearInterval(id),
});

export interface PlayOptions {
  domain: Window;
  getWindow(): Window;
  onWindow(w: [MonthIndex, MonthIndex]): void;
  /**
   * Where "playing" lives (the app state: one source of truth for the play button, present mode and
   * the URL). Without it the controller keeps its own flag (tests).
   */
  playing?: { get(): boolean; set(playing: boolean): void };
  speed?: number;
  loop?: boolean;
  reducedMotion?: boolean;
  clock?: Clock;
}

export class PlayController {
  speed: number;
  loop: boolean;
  reducedMotion: boolean;
  private readonly o: PlayOptions;
  private readonly clock: Clock;
  private frame: number | null = null;
  private interval: number | null = null;
  private last = 0;
  private acc = 0;

  constructor(o: PlayOptions) {
    this.o = o;
    this.clock = o.clock ?? browserClock();
    this.speed = o.speed ?? DEFAULT_SPEED;
    this.loop = o.loop ?? false;
    this.reducedMotion = o.reducedMotion ?? false;
    let own = false;
    this.flag = o.playing ?? { get: () => own, set: (v) => (own = v) };
  }

  private readonly flag: { get(): boolean; set(playing: boolean): void };
  get playing(): boolean {
    return this.flag.get();
  }
  private get running() {
    return this.frame !== null || this.interval !== null;
  }

  /** Follow the flag when someone else set it (present mode stops playback, a link starts it). */
  sync() {
    if (this.playing && !this.running) this.run();
    else if (!this.playing && this.running) this.halt();
  }

  start() {
    if (this.playing) return;
    const w = this.o.getWindow();
    const d = this.o.domain;
    // Play from the end without looping: start again from the beginning.
    if (!this.loop && w[1] >= d[1]) this.o.onWindow([d[0], d[0] + (w[1] - w[0])]);
    this.flag.set(true);
    this.halt();
    this.run();
  }

  stop() {
    if (!this.playing) return;
    this.halt();
    this.flag.set(false);
  }

  toggle() {
    if (this.playing) this.stop();
    else this.start();
  }

  setSpeed(speed: number) {
    this.speed = Math.max(0.1, speed);
    if (this.playing && this.reducedMotion) this.restart();
  }

  setLoop(loop: boolean) {
    this.loop = loop;
  }

  setReducedMotion(reduced: boolean) {
    if (reduced === this.reducedMotion) return;
    this.reducedMotion = reduced;
    if (this.playing) this.restart();
  }

  /** Move the window by n months now (also used by step buttons); stops at the end unless looping. */
  advance(n = 1) {
    const w = this.o.getWindow();
    const next = slideWindow(w, n, this.o.domain, this.loop);
    if (next[0] !== w[0] || next[1] !== w[1]) this.o.onWindow(next);
    if (!this.loop && next[1] >= this.o.domain[1]) this.stop();
  }

  destroy() {
    this.stop();
  }

  private restart() {
    this.halt();
    this.run();
  }

  private halt() {
    if (this.frame !== null) this.clock.cancelFrame(this.frame);
    if (this.interval !== null) this.clock.clearInterval(this.interval);
    this.frame = this.interval = null;
  }

  private run() {
    if (this.reducedMotion) {
      this.interval = this.clock.setInterval(() => this.advance(1), 1000 / this.speed);
      return;
    }
    this.last = this.clock.now();
    this.acc = 0;
    const tick = () => {
      this.frame = null;
      if (!this.playing) return;
      const now = this.clock.now();
      this.acc += (Math.min(MAX_FRAME_MS, now - this.last) * this.speed) / 1000;
      this.last = now;
      const n = Math.floor(this.acc);
      if (n > 0) {
        this.acc -= n;
        this.advance(n);
      }
      if (this.playing) this.frame = this.clock.requestFrame(tick);
    };
    this.frame = this.clock.requestFrame(tick);
  }
}

/** The user's motion preference, live (false where matchMedia is unavailable). */
export function watchReducedMotion(cb: (reduced: boolean) => void): () => void {
  if (typeof matchMedia !== 'function') {
    cb(false);
    return () => {};
  }
  const mq = matchMedia('(prefers-reduced-motion: reduce)');
  const on = () => cb(mq.matches);
  on();
  mq.addEventListener('change', on);
  return () => mq.removeEventListener('change', on);
}
