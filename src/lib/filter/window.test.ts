import { describe, expect, it } from 'vitest';
import { clampWindow, overlaps, resizeWindow, slideWindow, yearWindow } from './window';
import { monthIndex, periodMonths } from '../data/time';

const m = monthIndex;
describe('overlaps at month boundaries', () => {
  it.each([
    ['a month ending the month before the window', '2022-12', false],
    ['the first month of the window', '2023-01', true],
    ['the last month of the window', '2023-06', true],
    ['the month after', '2023-07', false],
    ['a year that contains the window', '2023', true],
    ['the previous year', '2022', false],
  ])('%s', (_n, period, expected) => {
    const [s, e] = periodMonths(period);
    expect(overlaps(s, e, [m('2023-01'), m('2023-06')])).toBe(expected);
  });
});

describe('window moves', () => {
  const domain = [m('2009-01'), m('2025-12')] as const;
  it('slides keeping its length and stops (or loops) at the end', () => {
    expect(slideWindow([m('2025-10'), m('2025-11')], 1, domain)).toEqual([m('2025-11'), m('2025-12')]);
    expect(slideWindow([m('2025-11'), m('2025-12')], 1, domain)).toEqual([m('2025-11'), m('2025-12')]);
    expect(slideWindow([m('2025-11'), m('2025-12')], 1, domain, true)).toEqual([m('2009-01'), m('2009-02')]);
  });
  it('resizes but never below one month', () => {
    expect(resizeWindow([m('2023-01'), m('2023-03')], -5, domain)).toEqual([m('2023-01'), m('2023-01')]);
    expect(resizeWindow([m('2023-01'), m('2023-03')], 2, domain, 'start')).toEqual([
      m('2023-03'),
      m('2023-03'),
    ]);
  });
  it('clamps into the domain', () => {
    expect(clampWindow([m('2000-01'), m('2000-12')], domain)).toEqual([m('2009-01'), m('2009-12')]);
    expect(yearWindow(2023)).toEqual([m('2023-01'), m('2023-12')]);
  });
});
