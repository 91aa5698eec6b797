/**
 * The timeline brush's pointer drag as pure logic, in pixels of the plot (Brush.svelte feeds it
 * Pointer Events; brush.ts turns its pixels into months). It does what d3's brushX did for the
 * timeline, which used it before (the native brush keeps the first-load chunk ~10 KB gzip smaller):
 *
 * - on the selection: move it, kept inside the extent;
 * - on an edge handle (w, e): move that edge; past the other edge the two swap (w becomes e);
 * - on the empty track (the overlay): draw a new selection from the pointer; a press that draws
 *   nothing is a click (the timeline centres its window there);
 * - Meta on press: a new selection even over the selection; Alt (on press or during a handle drag):
 *   resize about the centre; Space during a handle drag: move the selection instead.
 *
 * Mode switches during a drag re-base the start selection so nothing jumps (as d3's brushX does).
 * Touch and pen presses move nothing until the pointer has gone SLOP px, so a tap that wobbles by a
 * pixel or two stays a tap (d3's brushX drew a one-month window from such a tap).
 */
export type Part = 'overlay' | 'selection' | 'w' | 'e';
export type Mode = 'drag' | 'handle' | 'centre' | 'space';
export type Px = readonly [number, number];

/** Dead zone of touch and pen presses (px). */
export const SLOP = 4;

/** Cursors of the brush's parts (d3's brushX's). */
export const CURSOR: Record<Part, string> = {
  overlay: 'crosshair',
  selection: 'move',
  w: 'ew-resize',
  e: 'ew-resize',
};

export interface Drag {
  /** What was pressed (w and e swap when the edges cross). */
  part: Part;
  mode: Mode;
  /** The edge the pointer holds in handle and centre modes: -1 west, 1 east. */
  sign: 1 | -1;
  /** Pointer x at the press, the selection moves are measured from, and the extent. */
  x0: number;
  w0: number;
  e0: number;
  extent: Px;
  /** The selection now, and the pointer offset that made it (clamped where d3's brushX clamps it). */
  sel: Px;
  dx: number;
  /** Pointer x of the last move, for re-applying a mode switch. */
  x: number;
  slop: number;
  /** The pointer has left the dead zone. */
  live: boolean;
}

export interface PressInput {
  button: number;
  ctrlKey: boolean;
  isPrimary: boolean;
}

/** The primary button, without Ctrl (Ctrl+click is the context menu on a Mac), first pointer only. */
export const acceptsPress = (e: PressInput) => e.button === 0 && !e.ctrlKey && e.isPrimary;

const clamp = (v: number, [lo, hi]: Px) => Math.max(lo, Math.min(hi, v));

export function startDrag(
  pressed: Part,
  x: number,
  sel: Px,
  extent: Px,
  mods: { altKey?: boolean; metaKey?: boolean } = {},
  slop = 0,
): Drag {
  const part: Part = mods.metaKey ? 'overlay' : pressed;
  const mode: Mode = part === 'selection' ? 'drag' : mods.altKey ? 'centre' : 'handle';
  const at = clamp(x, extent);
  const [w0, e0] = part === 'overlay' ? [at, at] : sel;
  return {
    part,
    mode,
    sign: part === 'w' ? -1 : 1,
    x0: x,
    w0,
    e0,
    extent,
    sel: [w0, e0],
    dx: 0,
    x,
    slop,
    live: slop === 0,
  };
}

/** The drag after the pointer moved to x (the same object when nothing changed). */
export function moveDrag(d: Drag, x: number): Drag {
  const live = d.live || Math.abs(x - d.x0) >= d.slop;
  if (!live) return d;
  const [W, E] = d.extent;
  let { w0, e0, sign, part } = d;
  let dx = x - d.x0;
  let w1 = w0;
  let e1 = e0;
  if (d.mode === 'drag' || d.mode === 'space') {
    dx = Math.max(W - w0, Math.min(E - e0, dx));
    w1 = w0 + dx;
    e1 = e0 + dx;
  } else if (d.mode === 'handle') {
    if (sign < 0) {
      dx = Math.max(W - w0, Math.min(E - w0, dx));
      w1 = w0 + dx;
    } else {
      dx = Math.max(W - e0, Math.min(E - e0, dx));
      e1 = e0 + dx;
    }
  } else {
    w1 = clamp(w0 - dx * sign, d.extent);
    e1 = clamp(e0 + dx * sign, d.extent);
  }
  if (e1 < w1) {
    // The held edge crossed the other one: it is now the other edge.
    sign = sign < 0 ? 1 : -1;
    [w0, e0] = [e0, w0];
    [w1, e1] = [e1, w1];
    if (part === 'w' || part === 'e') part = part === 'w' ? 'e' : 'w';
  }
  const same = w1 === d.sel[0] && e1 === d.sel[1] && d.live && part === d.part;
  return same ? d : { ...d, part, sign, w0, e0, sel: [w1, e1], dx, x, live };
}

/**
 * A modifier pressed or released during the drag (Alt: centre, Space: move), as d3's brushX has them:
 * the start selection is re-based so the selection stays where it is until the pointer moves.
 */
export function setMode(d: Drag, key: 'Alt' | 'Space', down: boolean, altKey = false): Drag {
  const { dx, sign } = d;
  const [w1, e1] = d.sel;
  let { w0, e0 } = d;
  let mode: Mode;
  const toCentre = () => ((e0 = e1 - dx * sign), (w0 = w1 + dx * sign), 'centre' as const);
  const toHandle = () => (sign < 0 ? (e0 = e1) : (w0 = w1), 'handle' as const);
  if (key === 'Alt' && down && d.mode === 'handle') mode = toCentre();
  else if (key === 'Alt' && !down && d.mode === 'centre') mode = toHandle();
  else if (key === 'Space' && down && (d.mode === 'handle' || d.mode === 'centre')) {
    if (sign < 0) e0 = e1 - dx;
    else w0 = w1 - dx;
    mode = 'space';
  } else if (key === 'Space' && !down && d.mode === 'space') mode = altKey ? toCentre() : toHandle();
  else return d;
  return moveDrag({ ...d, mode, w0, e0 }, d.x);
}

/** The cursor while dragging: the pressed part's, or move while Space moves the selection. */
export const dragCursor = (d: Drag) => (d.mode === 'space' ? CURSOR.selection : CURSOR[d.part]);

/** How the drag ends: a click on the track (nothing drawn), or the selection it leaves. */
export function endDrag(d: Drag): { click: true } | { click: false; sel: Px } {
  if (d.part === 'overlay' && d.sel[0] === d.sel[1]) return { click: true };
  return { click: false, sel: d.sel };
}
