/**
 * What a video export will make, before it runs: the size (a preset, or a custom one clamped to
 * what a browser encodes comfortably, in even pixels as VP8 players expect) and the frame count and
 * duration (every month shown for the same number of frames, at a fixed frame rate).
 */
import type { SizePreset } from './presets';

/** Frames a second of every video (a month lasts framesPerMonth / FPS seconds). */
export const VIDEO_FPS = 10;
/** The frames-a-month choices offered (10 = one second a month). */
export const FRAMES_PER_MONTH = [1, 2, 3, 5, 10, 20] as const;
/** A custom video size, in pixels. */
export const VIDEO_MIN = 320;
export const VIDEO_MAX = 1920;

/** A custom video size: clamped to VIDEO_MIN..VIDEO_MAX and rounded to even pixels, at 1×. */
export function videoPreset(width: number, height: number): SizePreset {
  const fit = (v: number) => {
    const n = Number.isFinite(v) ? v : VIDEO_MIN;
    return 2 * Math.round(Math.min(VIDEO_MAX, Math.max(VIDEO_MIN, n)) / 2);
  };
  return { id: 'custom', width: fit(width), height: fit(height), density: 1, dpi: 96 };
}

/** Months from `from` to `to` (inclusive month indices), frames and seconds; null for a reversed window. */
export function videoPlan(
  from: number,
  to: number,
  framesPerMonth: number,
  fps = VIDEO_FPS,
): { months: number; frames: number; seconds: number } | null {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return null;
  if (!Number.isInteger(framesPerMonth) || framesPerMonth < 1) return null;
  const months = to - from + 1;
  const frames = months * framesPerMonth;
  return { months, frames, seconds: frames / fps };
}
