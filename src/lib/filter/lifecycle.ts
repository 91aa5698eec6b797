/**
 * Agreement status at a month. An event dated only to a year or month is taken as known by the END
 * of that period (never earlier than the source allows). Undated events never place an agreement
 * on the timeline.
 */
import type { Agreement, AgreementEvent } from '../data/json-schema';
import type { EventType } from '../data/schema';
import { monthIndex, type MonthIndex } from '../data/time';

export type AgreementStatus = 'signed' | 'in_force' | 'suspended' | 'ended';
export const STATUS_ORDER: AgreementStatus[] = ['signed', 'in_force', 'suspended', 'ended'];

const EFFECT: Record<EventType, AgreementStatus | null> = {
  announced: 'signed',
  signed: 'signed',
  ratified: 'signed',
  in_force: 'in_force',
  applies: 'in_force',
  renewed: 'in_force',
  suspended: 'suspended',
  ruled_on: null,
  ended: 'ended',
};

/** The last month of an event's date period, or null when undated. */
export function eventMonth(e: AgreementEvent): MonthIndex | null {
  if (!e.date) return null;
  const m = monthIndex(e.date.iso);
  return e.date.precision === 'year' ? m + 11 : m;
}

export const isUndated = (a: Agreement) => a.events.every((e) => !e.date);

/** First month the agreement is known to exist (its first dated event), or null if undated. */
export function firstMonth(a: Agreement): MonthIndex | null {
  const ms = a.events.map(eventMonth).filter((m): m is number => m !== null);
  return ms.length ? Math.min(...ms) : null;
}

/** Status at the end of month `m`; null if nothing had happened yet (or the agreement is undated). */
export function statusAt(a: Agreement, m: MonthIndex): AgreementStatus | null {
  let status: AgreementStatus | null = null;
  let any = false;
  for (const e of a.events) {
    const em = eventMonth(e);
    if (em === null || em > m) continue;
    any = true;
    const eff = EFFECT[e.type];
    // A ruling or a renewal after suspension changes status only through its own effect.
    if (eff === 'signed' && (status === 'in_force' || status === 'suspended' || status === 'ended')) continue;
    if (eff) status = eff;
  }
  return any ? (status ?? 'signed') : null;
}
