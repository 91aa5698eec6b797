/**
 * Markers above the histogram: agreement events (placed by eventMonth(), i.e. at the end of their
 * date period; undated events are never placed) and programme announcements (by `announced`; one
 * dated only to a year covers that whole year, as the programmes overlay counts it).
 */
import type { Agreement } from '../data/json-schema';
import type { EventType } from '../data/schema';
import type { CatalogFile } from '../data/types';
import { monthIndex, type MonthIndex } from '../data/time';
import { eventMonth } from '../filter/lifecycle';
import type { Window } from '../filter/window';

type Programme = CatalogFile['programmes'][number];

export interface Marker {
  kind: 'agreement' | 'programme';
  /** Agreement or programme id. */
  id: string;
  /** The month the marker is drawn at (for a year-dated programme: the first month of the year). */
  month: MonthIndex;
  /** Last month it covers (equal to `month` unless dated only to a year). */
  to: MonthIndex;
  /** Agreement event type, or 'announced' for programmes. */
  event: EventType;
  precision: 'year' | 'month' | 'day';
}

export function agreementMarkers(agreements: readonly Agreement[], domain: Window): Marker[] {
  const out: Marker[] = [];
  for (const a of agreements)
    for (const e of a.events) {
      const m = eventMonth(e);
      if (m === null || !e.date || m < domain[0] || m > domain[1]) continue;
      out.push({ kind: 'agreement', id: a.id, month: m, to: m, event: e.type, precision: e.date.precision });
    }
  return out.sort((x, y) => x.month - y.month || x.id.localeCompare(y.id));
}

export function programmeMarkers(programmes: readonly Programme[], domain: Window): Marker[] {
  const out: Marker[] = [];
  for (const p of programmes) {
    if (!p.announced) continue;
    const m = monthIndex(p.announced.iso);
    const to = p.announced.precision === 'year' ? m + 11 : m;
    if (to < domain[0] || m > domain[1]) continue;
    const from = Math.max(m, domain[0]);
    out.push({
      kind: 'programme',
      id: p.id,
      month: from,
      to: Math.min(to, domain[1]),
      event: 'announced',
      precision: p.announced.precision,
    });
  }
  return out.sort((x, y) => x.month - y.month || x.id.localeCompare(y.id));
}

export interface MarkerGroup {
  kind: Marker['kind'];
  month: MonthIndex;
  to: MonthIndex;
  markers: Marker[];
}

/** One drawn mark per kind and (start, end) months, listing every marker it stands for. */
export function groupMarkers(markers: readonly Marker[]): MarkerGroup[] {
  const by = new Map<string, MarkerGroup>();
  for (const mk of markers) {
    const k = `${mk.kind}|${mk.month}|${mk.to}`;
    const g = by.get(k) ?? by.set(k, { kind: mk.kind, month: mk.month, to: mk.to, markers: [] }).get(k)!;
    g.markers.push(mk);
  }
  return [...by.values()].sort((a, b) => a.month - b.month || a.kind.localeCompare(b.kind));
}
