import { describe, expect, it } from 'vitest';
import { chapterLayers, keyAction, targetChapter, windowSteps, type Action } from './player';

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
    [{ type: 'blank' }, 2, null],
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
