/**
 * When the reader last gave input (a key, a press, a drag, a slider or field change), for the map
 * pacer (./pacer.ts): only a reader's input holds the map back on a slow GPU. What the app animates
 * by itself (play, present mode's month-by-month window, a story's camera) is drawn every step.
 * Listeners on the document, capturing and passive: they never delay or stop an event.
 */
let last = -Infinity;
let installed = false;

const mark = () => (last = performance.now());
const drag = (e: PointerEvent) => {
  if (e.buttons) mark();
};

/** performance.now() of the reader's latest input (-Infinity before any, or outside a browser). */
export function lastReaderInput(): number {
  if (!installed && typeof document !== 'undefined') {
    installed = true;
    const o = { capture: true, passive: true } as const;
    for (const type of ['keydown', 'pointerdown', 'input', 'change', 'wheel'] as const)
      document.addEventListener(type, mark, o);
    document.addEventListener('pointermove', drag, o);
  }
  return last;
}
