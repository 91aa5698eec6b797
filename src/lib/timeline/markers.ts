/**
 * Markers above the histogram: agreement events (placed by eventMonth(), i.e. at the end of their
 * date period; undated events are never placed) and programme announcements (by `announced`; one
 * dated only to a year covers that whole year, as the programmes overlay counts it). Each kind has
 * its own row; markers too close to draw apart are clustered into one mark with their count.
 */
import type { CatalogAgreement as Agreement } from '../data/types';
import type { EventType } from '../data/schema';
import type { CatalogFile } from '../data/types';
import { monthIndex, type MonthIndex } from '../data/time';
import { eventMonth } from '../filter/lifecycle';
import type { Window } from '../filter/window';
import { cluster, type Extent } from './cluster';

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

/** One drawn mark in a marker row: a single marker, or a cluster of markers too close to draw apart. */
export interface MarkerCluster {
  kind: Marker['kind'];
  /** First and last month covered by its markers. */
  month: MonthIndex;
  to: MonthIndex;
  /** Left edge and width in pixels (inside the row). */
  x: number;
  w: number;
  markers: Marker[];
}

export const MARK = {
  /** Narrowest drawn mark (a one-month marker on a dense axis). */
  minWidth: 5,
  /** Smallest space between two marks in a row. */
  gap: 2,
};

/** Width of a mark that shows a count (n markers), for a 9 px bold label. */
export const countWidth = (n: number) => 5 + 5.5 * String(n).length;

/**
 * The marks of one row: markers (all of one kind) at x(month) … x(to + 1), at least `minWidth`
 * wide; markers closer than that are merged into one mark wide enough for their count, so no two
 * marks are closer than `gap` and none spills out of [0, width].
 */
export function clusterMarkers(
  markers: readonly Marker[],
  x: (m: MonthIndex) => number,
  width: number,
  opts = MARK,
): MarkerCluster[] {
  const extent = (ms: readonly Marker[]): Extent => {
    const x0 = Math.min(...ms.map((m) => x(m.month)));
    const x1 = Math.max(...ms.map((m) => x(m.to + 1)));
    return { x0, x1: Math.max(x1, x0 + (ms.length > 1 ? countWidth(ms.length) : opts.minWidth)) };
  };
  return cluster(markers, {
    pos: (m) => x(m.month),
    extent,
    gap: opts.gap,
    bounds: [0, width],
  }).map((c) => ({
    kind: c.members[0].kind,
    month: Math.min(...c.members.map((m) => m.month)),
    to: Math.max(...c.members.map((m) => m.to)),
    x: c.x0,
    w: c.x1 - c.x0,
    markers: c.members,
  }));
}
