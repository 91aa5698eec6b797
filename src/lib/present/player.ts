/**
 * Present mode without the DOM: which key does what (presenter clickers send PageDown/PageUp, arrows
 * or "b"/"."), how a chapter maps onto the app state, and the month-by-month path of the window.
 */
import type { Chapter } from '../data/stories';
import type { Layers } from '../state/app.svelte';
import type { MonthIndex } from '../data/time';

export type Action =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; chapter: number }
  | { type: 'digit'; digits: string }
  | { type: 'blank'; colour: 'black' | 'white' }
  | { type: 'key' }
  | { type: 'notes' }
  | { type: 'none' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * The action for a key press. `digits` is what was typed so far for "number + Enter"; the caller keeps
 * it and clears it on any other action. Chapter numbers in `goto` are 1-based as typed.
 */
export function keyAction(e: KeyLike, digits: string): Action {
  if (e.ctrlKey || e.altKey || e.metaKey) return { type: 'none' };
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return digits ? { type: 'goto', chapter: Number(digits) } : { type: 'none' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank', colour: 'black' };
    case 'w':
    case 'W':
    case ',':
      return { type: 'blank', colour: 'white' };
    case 'l':
    case 'L':
      return { type: 'key' };
    case 's':
    case 'S':
      return { type: 'notes' };
    case 'Backspace':
      return digits ? { type: 'digit', digits: digits.slice(0, -1) } : { type: 'none' };
  }
  if (/^[0-9]$/.test(e.key)) return { type: 'digit', digits: (digits + e.key).slice(-3) };
  return { type: 'none' };
}

/** The screen blanked black or white (like a slide deck's B and W), or shown (''). */
export type Blank = '' | 'black' | 'white';
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn']);

/**
 * What a key press does to the blanking. While the screen is blank the next key (PageDown, an
 * arrow, space, anything but a lone modifier or a browser shortcut) only brings the picture back
 * and does nothing else (`consumed`): a presenter who clicks to wake the screen skips no chapter.
 */
export function blankAfter(blank: Blank, a: Action, e: KeyLike): { blank: Blank; consumed: boolean } {
  if (blank && !MODIFIERS.has(e.key) && !(e.ctrlKey || e.altKey || e.metaKey))
    return { blank: '', consumed: true };
  if (a.type === 'blank') return { blank: a.colour, consumed: true };
  return { blank, consumed: false };
}

/** The 0-based chapter an action leads to (clamped), or null when the action does not move. */
export function targetChapter(a: Action, current: number, count: number): number | null {
  const clamp = (n: number) => Math.max(0, Math.min(count - 1, n));
  switch (a.type) {
    case 'next':
      return clamp(current + 1);
    case 'prev':
      return clamp(current - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'goto':
      return clamp(a.chapter - 1);
    default:
      return null;
  }
}

/** The layers a chapter turns on (every other overlay off). */
export function chapterLayers(c: Pick<Chapter, 'overlays'>): Layers {
  return {
    routes: c.overlays.includes('routes'),
    landings: c.overlays.includes('landings'),
    programmes: c.overlays.includes('programmes'),
    agreements: c.overlays.includes('agreements'),
    deaths: c.overlays.includes('deaths'),
  };
}

/**
 * The windows to show, one per frame, from `from` to `to`: each end moves one month per step, or
 * more when the distance is long so the animation ends within `maxSteps` frames. Ends with `to`.
 */
export function windowSteps(
  from: [MonthIndex, MonthIndex],
  to: [MonthIndex, MonthIndex],
  maxSteps = 36,
): [MonthIndex, MonthIndex][] {
  const dist = Math.max(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]));
  if (dist === 0) return [];
  const n = Math.min(dist, maxSteps);
  const out: [MonthIndex, MonthIndex][] = [];
  for (let i = 1; i <= n; i++) {
    const a = Math.round(from[0] + ((to[0] - from[0]) * i) / n);
    const b = Math.round(from[1] + ((to[1] - from[1]) * i) / n);
    out.push([Math.min(a, b), Math.max(a, b)]);
  }
  return out;
}
