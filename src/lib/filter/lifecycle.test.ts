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
const at = (a: Agreement, month: string) => statusAt(a, monthIndex(month));

describe('statusAt: each event has an explicit effect', () => {
  it('in force on signature (Italy–Libya MoU, 2 Feb 2017): in force from that month, not merely signed', () => {
    const libya = agr([
      ev('signed', '2017-02-02'),
      ev('in_force', '2017-02-02'),
      ev('renewed', '2020-02-02'),
      ev('renewed', '2023-02-02'),
    ]);
    expect(at(libya, '2017-01')).toBeNull();
    expect(at(libya, '2017-02')).toBe('in_force');
    expect(at(libya, '2019-06')).toBe('in_force');
    expect(at(libya, '2024-01')).toBe('in_force');
  });

  it('UK–Rwanda MoU: in force on signature, blocked by the Supreme Court, ended with the scheme', () => {
    const rwanda = agr([
      ev('signed', '2022-04-14'),
      ev('in_force', '2022-04-14'),
      ev('signed', '2023-03'), // addendum: a later signature never lowers the status
      ev('ruled_against', '2023-11-15'),
      ev('ended', '2024-07-06'),
    ]);
    expect(at(rwanda, '2022-03')).toBeNull();
    expect(at(rwanda, '2022-04')).toBe('in_force');
    expect(at(rwanda, '2023-03')).toBe('in_force');
    expect(at(rwanda, '2023-10')).toBe('in_force');
    expect(at(rwanda, '2023-11')).toBe('suspended');
    expect(at(rwanda, '2024-06')).toBe('suspended');
    expect(at(rwanda, '2024-07')).toBe('ended');
  });

  it('a proposal or an announcement is not a signature (EU Pact)', () => {
    const pact = agr([
      ev('announced', '2020-09-23'),
      ev('announced', '2023-12-20'),
      ev('approved', '2024-04-10'),
      ev('signed', '2024-05-14'),
      ev('in_force', '2024-06-11'),
      ev('applies', '2026-06-12'),
    ]);
    expect(at(pact, '2020-08')).toBeNull();
    expect(at(pact, '2020-09')).toBe('announced');
    expect(at(pact, '2024-04')).toBe('announced');
    expect(at(pact, '2024-05')).toBe('signed');
    expect(at(pact, '2024-06')).toBe('in_force');
    expect(at(pact, '2026-07')).toBe('in_force');
  });

  it('EU–Tunisia: announced in June 2023, signed on 16 July', () => {
    const tunisia = agr([ev('announced', '2023-06-11'), ev('signed', '2023-07-16')]);
    expect(at(tunisia, '2023-05')).toBeNull();
    expect(at(tunisia, '2023-06')).toBe('announced');
    expect(at(tunisia, '2023-07')).toBe('signed');
  });

  it('Italy–Albania: a ruling in favour lifts the suspension; ratification keeps it signed', () => {
    const albania = agr([
      ev('signed', '2023-11-06'),
      ev('suspended', '2023-12-13'),
      ev('ruled_in_favour', '2024-01-29'),
      ev('ratified', '2024-02-21'),
      ev('ratified', '2024-02-22'),
      ev('applies', '2024-10-16'),
      ev('ruled_on', '2024-10-18'),
    ]);
    expect(at(albania, '2023-10')).toBeNull();
    expect(at(albania, '2023-11')).toBe('signed');
    expect(at(albania, '2023-12')).toBe('suspended');
    expect(at(albania, '2024-01')).toBe('signed');
    expect(at(albania, '2024-03')).toBe('signed');
    expect(at(albania, '2024-09')).toBe('signed');
    expect(at(albania, '2024-10')).toBe('in_force');
    // A decision on individual cases changes no status.
    expect(at(albania, '2024-11')).toBe('in_force');
  });

  it('a ratification after a suspension lifts it, even without a ruling', () => {
    const a = agr([ev('signed', '2023-11-06'), ev('suspended', '2023-12-13'), ev('ratified', '2024-02-22')]);
    expect(at(a, '2024-01')).toBe('suspended');
    expect(at(a, '2024-02')).toBe('signed');
  });

  it('reinstatement returns to the status the suspension interrupted', () => {
    const a = agr([
      ev('in_force', '2019-01-10'),
      ev('suspended', '2020-03-01'),
      ev('reinstated', '2021-05-01'),
    ]);
    expect(at(a, '2020-02')).toBe('in_force');
    expect(at(a, '2020-03')).toBe('suspended');
    expect(at(a, '2021-04')).toBe('suspended');
    expect(at(a, '2021-05')).toBe('in_force');
  });

  it('a ruling in favour of an instrument that was never suspended changes nothing', () => {
    const a = agr([
      ev('announced', '2022-03-14'),
      ev('ruled_in_favour', '2022-03-20'),
      ev('signed', '2022-04-07'),
    ]);
    expect(at(a, '2022-03')).toBe('announced');
    expect(at(a, '2022-04')).toBe('signed');
  });

  it('an event known only by year counts from December of that year', () => {
    const a = agr([ev('signed', '2017')]);
    expect(at(a, '2017-06')).toBeNull();
    expect(at(a, '2017-12')).toBe('signed');
  });

  it('events are applied in date order whatever their order in the file', () => {
    const a = agr([ev('ended', '2024-07-06'), ev('signed', '2022-04-14')]);
    expect(at(a, '2023-01')).toBe('signed');
    expect(at(a, '2025-01')).toBe('ended');
  });

  it('an ended agreement stays ended', () => {
    const a = agr([ev('signed', '2022-04-14'), ev('ended', '2024-07-06')]);
    expect(at(a, '2025-01')).toBe('ended');
  });

  it('only rulings that change nothing: not on the timeline', () => {
    const a = agr([ev('ruled_on', '2024-10-18')]);
    expect(at(a, '2025-01')).toBeNull();
  });

  it('undated agreements are never on the timeline', () => {
    const a = agr([ev('signed', null)]);
    expect(isUndated(a)).toBe(true);
    expect(firstMonth(a)).toBeNull();
    expect(at(a, '2030-01')).toBeNull();
  });
});
