import { describe, expect, it } from 'vitest';
import { blankAfter, chapterLayers, keyAction, targetChapter, windowSteps, type Action } from './player';

describe('keyAction', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['ArrowLeft', 'prev'],
    ['ArrowUp', 'prev'],
    ['PageUp', 'prev'],
    ['Home', 'first'],
    ['End', 'last'],
    ['b', 'blank'],
    ['B', 'blank'],
    ['.', 'blank'],
    ['w', 'blank'],
    ['W', 'blank'],
    ['l', 'key'],
    ['L', 'key'],
    ['s', 'notes'],
    ['x', 'none'],
    ['Enter', 'none'],
  ])('%j → %s', (key, type) => expect(keyAction({ key }, '').type).toBe(type));

  it('collects digits and jumps on Enter', () => {
    let a = keyAction({ key: '1' }, '');
    expect(a).toEqual({ type: 'digit', digits: '1' });
    a = keyAction({ key: '2' }, '1');
    expect(a).toEqual({ type: 'digit', digits: '12' });
    expect(keyAction({ key: 'Backspace' }, '12')).toEqual({ type: 'digit', digits: '1' });
    expect(keyAction({ key: 'Enter' }, '3')).toEqual({ type: 'goto', chapter: 3 });
  });

  it('leaves browser shortcuts alone', () => {
    expect(keyAction({ key: 'ArrowRight', altKey: true }, '').type).toBe('none');
    expect(keyAction({ key: 's', ctrlKey: true }, '').type).toBe('none');
    expect(keyAction({ key: 'b', metaKey: true }, '').type).toBe('none');
  });
});

describe('blankAfter', () => {
  it('B and . blank black, W and , white', () => {
    for (const key of ['b', 'B', '.'])
      expect(blankAfter('', keyAction({ key }, ''), { key })).toEqual({ blank: 'black', consumed: true });
    for (const key of ['w', 'W', ','])
      expect(blankAfter('', keyAction({ key }, ''), { key })).toEqual({ blank: 'white', consumed: true });
  });
  it('while blank, the next key only un-blanks: PageDown, arrows, space, B, W, Escape', () => {
    for (const blank of ['black', 'white'] as const)
      for (const key of ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft', ' ', 'b', 'w', '.', 'Escape', '5'])
        expect(blankAfter(blank, keyAction({ key }, ''), { key }), `${blank} ${key}`).toEqual({
          blank: '',
          consumed: true,
        });
  });
  it('a lone modifier or a browser shortcut leaves the screen blank', () => {
    expect(blankAfter('black', { type: 'none' }, { key: 'Shift' })).toEqual({
      blank: 'black',
      consumed: false,
    });
    expect(blankAfter('black', { type: 'none' }, { key: 'r', ctrlKey: true })).toEqual({
      blank: 'black',
      consumed: false,
    });
  });
  it('other keys pass through when the screen is shown', () => {
    expect(blankAfter('', keyAction({ key: 'PageDown' }, ''), { key: 'PageDown' })).toEqual({
      blank: '',
      consumed: false,
    });
  });
});

describe('targetChapter', () => {
  const cases: [Action, number, number | null][] = [
    [{ type: 'next' }, 3, 4],
    [{ type: 'next' }, 6, 6],
    [{ type: 'prev' }, 0, 0],
    [{ type: 'prev' }, 3, 2],
    [{ type: 'first' }, 5, 0],
    [{ type: 'last' }, 0, 6],
    [{ type: 'goto', chapter: 3 }, 0, 2],
    [{ type: 'goto', chapter: 99 }, 0, 6],
    [{ type: 'goto', chapter: 0 }, 4, 0],
    [{ type: 'blank', colour: 'black' }, 2, null],
  ];
  it.each(cases)('%j from %d → %j', (a, cur, want) => expect(targetChapter(a, cur, 7)).toBe(want));
});

describe('chapterLayers', () => {
  it('turns on exactly the listed overlays', () => {
    expect(chapterLayers({ overlays: ['routes', 'deaths'] })).toEqual({
      routes: true,
      landings: false,
      programmes: false,
      agreements: false,
      deaths: true,
    });
  });
});

describe('windowSteps', () => {
  it('moves month by month and ends on the target', () => {
    const s = windowSteps([100, 111], [103, 114]);
    expect(s).toEqual([
      [101, 112],
      [102, 113],
      [103, 114],
    ]);
  });
  it('caps the number of frames for long jumps', () => {
    const s = windowSteps([0, 11], [120, 131], 24);
    expect(s).toHaveLength(24);
    expect(s.at(-1)).toEqual([120, 131]);
    for (const [a, b] of s) expect(a).toBeLessThanOrEqual(b);
  });
  it('is empty when nothing moves and does not mutate its inputs', () => {
    const from: [number, number] = [5, 9];
    expect(windowSteps(from, [5, 9])).toEqual([]);
    windowSteps(from, [1, 2]);
    expect(from).toEqual([5, 9]);
  });
});
