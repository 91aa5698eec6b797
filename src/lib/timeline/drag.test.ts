import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptsPress, dragCursor, endDrag, moveDrag, setMode, SLOP, startDrag, type Drag } from './drag';
import { centreOn, monthScale, windowAt } from './brush';
import { monthIndex as m } from '../data/time';

const EXT = [0, 500] as const;
const SEL = [100, 200] as const;
/** Press at x0, then move through xs. */
const run = (d: Drag, ...xs: number[]) => xs.reduce(moveDrag, d);

describe('drag: the selection', () => {
  it('moves with the pointer, keeping its width', () => {
    const d = run(startDrag('selection', 150, SEL, EXT), 160, 190);
    expect(d.sel).toEqual([140, 240]);
    expect(endDrag(d)).toEqual({ click: false, sel: [140, 240] });
  });
  it.each([
    ['left', -1000, [0, 100]],
    ['right', 1000, [400, 500]],
  ] as const)('stops at the %s end of the extent', (_, x, want) =>
    expect(run(startDrag('selection', 150, SEL, EXT), x).sel).toEqual(want),
  );
  it('a press without a move keeps the selection (not a click)', () =>
    expect(endDrag(startDrag('selection', 150, SEL, EXT))).toEqual({ click: false, sel: SEL }));
});

describe('drag: the edge handles', () => {
  it('w moves the start only, e the end only', () => {
    expect(run(startDrag('w', 100, SEL, EXT), 80).sel).toEqual([80, 200]);
    expect(run(startDrag('e', 200, SEL, EXT), 260).sel).toEqual([100, 260]);
  });
  it('clamps to the extent', () => {
    expect(run(startDrag('w', 100, SEL, EXT), -40).sel).toEqual([0, 200]);
    expect(run(startDrag('e', 200, SEL, EXT), 900).sel).toEqual([100, 500]);
  });
  it('past the other edge, the held edge becomes the other one (and back)', () => {
    const d = run(startDrag('e', 200, SEL, EXT), 60);
    expect(d.sel).toEqual([60, 100]);
    expect(d.part).toBe('w');
    const back = moveDrag(d, 150);
    expect(back.sel).toEqual([100, 150]);
    expect(back.part).toBe('e');
  });
  it('an edge dragged onto the other leaves an empty selection, not a click', () =>
    expect(endDrag(run(startDrag('w', 100, SEL, EXT), 200))).toEqual({ click: false, sel: [200, 200] }));
});

describe('drag: the track', () => {
  it('a press without a move is a click', () =>
    expect(endDrag(startDrag('overlay', 300, SEL, EXT))).toEqual({ click: true }));
  it('draws a new selection from the press, either way', () => {
    expect(run(startDrag('overlay', 300, SEL, EXT), 340).sel).toEqual([300, 340]);
    expect(run(startDrag('overlay', 300, SEL, EXT), 340, 250).sel).toEqual([250, 300]);
  });
  it('a move that comes back to the press is a click again (nothing drawn)', () =>
    expect(endDrag(run(startDrag('overlay', 300, SEL, EXT), 340, 300))).toEqual({ click: true }));
  it('Meta on the selection draws a new one', () => {
    const d = run(startDrag('selection', 150, SEL, EXT, { metaKey: true }), 170);
    expect(d.sel).toEqual([150, 170]);
  });
  it('Alt draws about the press', () =>
    expect(run(startDrag('overlay', 300, SEL, EXT, { altKey: true }), 320).sel).toEqual([280, 320]));
});

describe('drag: modifiers during a drag', () => {
  it('Alt down resizes about the centre without a jump, Alt up goes back to the held edge', () => {
    let d = run(startDrag('e', 200, SEL, EXT), 220);
    d = setMode(d, 'Alt', true);
    expect(d.sel).toEqual([100, 220]);
    d = moveDrag(d, 230);
    expect(d.sel).toEqual([90, 230]);
    d = setMode(d, 'Alt', false);
    expect(d.sel).toEqual([90, 230]);
    expect(moveDrag(d, 240).sel).toEqual([90, 240]);
  });
  it('Space moves the selection while held (cursor: move), then resizes again', () => {
    let d = run(startDrag('e', 200, SEL, EXT), 220);
    d = setMode(d, 'Space', true);
    expect(dragCursor(d)).toBe('move');
    d = moveDrag(d, 240);
    expect(d.sel).toEqual([120, 240]);
    d = setMode(d, 'Space', false);
    expect(dragCursor(d)).toBe('ew-resize');
    expect(moveDrag(d, 250).sel).toEqual([120, 250]);
  });
  it('modifiers do not change a move of the selection', () => {
    const d = run(startDrag('selection', 150, SEL, EXT), 160);
    expect(setMode(d, 'Alt', true)).toBe(d);
  });
});

describe('drag: touch and pen', () => {
  it(`nothing moves within ${SLOP} px, so a wobbly tap on the track is still a click`, () => {
    const d = run(startDrag('overlay', 300, SEL, EXT, {}, SLOP), 302, 298.5);
    expect(d.sel).toEqual([300, 300]);
    expect(endDrag(d)).toEqual({ click: true });
  });
  it('past the dead zone the drag follows the pointer from the press', () =>
    expect(run(startDrag('selection', 150, SEL, EXT, {}, SLOP), 152, 156).sel).toEqual([106, 206]));
});

describe('drag: presses it takes', () => {
  it.each([
    [{ button: 0, ctrlKey: false, isPrimary: true }, true],
    [{ button: 2, ctrlKey: false, isPrimary: true }, false],
    [{ button: 0, ctrlKey: true, isPrimary: true }, false],
    [{ button: 0, ctrlKey: false, isPrimary: false }, false],
  ])('%o → %s', (e, want) => expect(acceptsPress(e)).toBe(want));
});

describe('drag → months', () => {
  const D: [number, number] = [m('2014-01'), m('2025-12')];
  const s = monthScale(D, 144 * 5); // 5 px a month
  it('snaps both edges to whole months', () =>
    expect(windowAt(s, s.x(m('2016-01')) + 2, s.x(m('2017-01')) - 2)).toEqual([m('2016-01'), m('2016-12')]));
  it('is never shorter than one month', () => expect(windowAt(s, 52, 52)).toEqual([D[0] + 10, D[0] + 10]));
  it('stays in the domain at its right end', () => expect(windowAt(s, 720, 720)).toEqual([D[1], D[1]]));
  it('a click centres the window on the clicked month', () =>
    expect(centreOn([m('2023-01'), m('2023-12')], s.monthAt(s.x(m('2016-06')) + 1), D)).toEqual([
      m('2016-01'),
      m('2016-12'),
    ]));
  it('moving a snapped selection keeps its length in months, inside the domain', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 143 }),
        fc.integer({ min: 0, max: 143 }),
        fc.double({ min: -900, max: 900, noNaN: true }),
        (a, b, dx) => {
          const w: [number, number] = [D[0] + Math.min(a, b), D[0] + Math.max(a, b)];
          const d = moveDrag(startDrag('selection', 300, [s.x(w[0]), s.x(w[1] + 1)], [0, s.width]), 300 + dx);
          const got = windowAt(s, ...d.sel);
          expect(got[1] - got[0]).toBe(w[1] - w[0]);
          expect(got[0]).toBeGreaterThanOrEqual(D[0]);
          expect(got[1]).toBeLessThanOrEqual(D[1]);
        },
      ),
    ));
});
