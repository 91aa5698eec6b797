import { describe, expect, it } from 'vitest';
import { firstMonth, isUndated, statusAt } from './lifecycle';
import type { Agreement, AgreementEvent } from '../data/json-schema';
import { monthIndex } from '../data/time';

const ev = (type: AgreementEvent['type'], iso: string | null): AgreementEvent => ({
  type,
  date: iso ? { iso, precision: iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day' } : null,
  status: 'seen',
  note_en: null,
  note_it: null,
  sources: ['s'],
});
const agr = (events: AgreementEvent[]): Agreement => ({
  id: 'a',
  title_en: '',
  title_it: '',
  parties: ['ITA', 'ALB'],
  type: 'protocol',
  binding: true,
  routes: [],
  summary_en: '',
  summary_it: '',
  status: 'seen',
  sources: ['s'],
  events,
});
const albania = agr([
  ev('signed', '2023-11-06'),
  ev('suspended', '2023-12-13'),
  ev('ruled_on', '2024-01-29'),
  ev('ratified', '2024-02-21'),
  ev('in_force', '2024-10'),
]);

describe('statusAt', () => {
  it.each([
    ['2023-10', null],
    ['2023-11', 'signed'],
    ['2023-12', 'suspended'],
    ['2024-01', 'suspended'],
    ['2024-03', 'suspended'],
    ['2024-10', 'in_force'],
  ])('Italy–Albania at the end of %s: %s', (month, status) => {
    expect(statusAt(albania, monthIndex(month))).toBe(status);
  });
  it('an event known only by year counts from December of that year', () => {
    const a = agr([ev('signed', '2017')]);
    expect(statusAt(a, monthIndex('2017-06'))).toBeNull();
    expect(statusAt(a, monthIndex('2017-12'))).toBe('signed');
  });
  it('an ended agreement stays ended', () => {
    const a = agr([ev('signed', '2022-04-14'), ev('ended', '2024-07-06')]);
    expect(statusAt(a, monthIndex('2025-01'))).toBe('ended');
  });
  it('undated agreements are never on the timeline', () => {
    const a = agr([ev('signed', null)]);
    expect(isUndated(a)).toBe(true);
    expect(firstMonth(a)).toBeNull();
    expect(statusAt(a, monthIndex('2030-01'))).toBeNull();
  });
});
