/**
 * Agreement status at a month, derived from its lifecycle events. Each event type has one explicit
 * effect (EFFECTS below); the status at a month is the result of applying, in date order, the
 * effects of every event dated on or before that month. An event dated only to a year or month is
 * taken as known by the END of that period (never earlier than the source allows). Undated events
 * never place an agreement on the timeline.
 *
 * - An announcement, a proposal or a parliament's approval before signature is not a signature: the
 *   status is `announced` until a `signed` event.
 * - An instrument that enters into force on signature has an `in_force` event on the signature day.
 * - A suspension remembers the status it interrupted; a reinstatement, a ruling in favour or a
 *   ratification lifts it (back to that status). A ruling against the instrument (it may not be
 *   applied) suspends it. A ruling on something else (`ruled_on`: individual cases, a referral)
 *   changes nothing.
 * - A renewal, or the start of its application, means it is in force. `ended` is final unless a
 *   later event puts it back in force.
 */
import type { CatalogAgreement as Agreement, CatalogEvent as AgreementEvent } from '../data/types';
import type { EventType } from '../data/schema';
import { monthIndex, type MonthIndex } from '../data/time';

export type AgreementStatus = 'announced' | 'signed' | 'in_force' | 'suspended' | 'ended';
export const STATUS_ORDER: AgreementStatus[] = ['announced', 'signed', 'in_force', 'suspended', 'ended'];

interface State {
  status: AgreementStatus | null;
  /** The status a suspension interrupted. */
  before: AgreementStatus | null;
}

const lift = (s: State): State =>
  s.status === 'suspended' ? { status: s.before ?? 'signed', before: null } : s;
const suspend = (s: State): State =>
  s.status === 'suspended' ? s : { status: 'suspended', before: s.status };
/** Raise a status that is not yet (at least) `to`; never lowers one. */
const atLeast =
  (to: 'announced' | 'signed') =>
  (s: State): State =>
    s.status === null || (to === 'signed' && s.status === 'announced') ? { status: to, before: null } : s;

/** What each event type does to the status. */
export const EFFECTS: Record<EventType, (s: State) => State> = {
  announced: atLeast('announced'),
  approved: atLeast('announced'),
  signed: atLeast('signed'),
  ratified: (s) => atLeast('signed')(lift(s)),
  in_force: () => ({ status: 'in_force', before: null }),
  renewed: () => ({ status: 'in_force', before: null }),
  applies: () => ({ status: 'in_force', before: null }),
  suspended: suspend,
  reinstated: lift,
  ruled_in_favour: lift,
  ruled_against: suspend,
  ruled_on: (s) => s,
  ended: () => ({ status: 'ended', before: null }),
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

/**
 * Status at the end of month `m`; null if nothing had happened yet (or the agreement is undated).
 * Events are applied in the order of their months (stable, so same-month events keep file order).
 */
export function statusAt(a: Agreement, m: MonthIndex): AgreementStatus | null {
  const dated = a.events
    .map((e, i) => ({ e, i, em: eventMonth(e) }))
    .filter((x): x is { e: AgreementEvent; i: number; em: number } => x.em !== null && x.em <= m)
    .sort((x, y) => x.em - y.em || x.i - y.i);
  let s: State = { status: null, before: null };
  for (const { e } of dated) s = EFFECTS[e.type](s);
  return s.status;
}
