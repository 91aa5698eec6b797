/**
 * Marks on a line that must never overlap: items are merged, left to right, into clusters whose
 * drawn extents keep at least `gap` pixels between them and stay inside `bounds`. Used by the
 * timeline's marker rows (agreement events, programme announcements) and by the detail charts'
 * agreement labels. Each cluster lists every item it stands for, so nothing is lost by merging.
 */

export interface Extent {
  x0: number;
  x1: number;
}

export interface Cluster<T> extends Extent {
  members: T[];
}

export interface ClusterOptions<T> {
  /** Where an item sits on the line (items are taken in this order). */
  pos: (item: T) => number;
  /** The drawn extent of a group of items (one item, or a cluster), before it is fitted into bounds. */
  extent: (members: readonly T[]) => Extent;
  /** Smallest space between two clusters, in pixels. */
  gap: number;
  /** The line's ends: every extent is shifted (or, if wider, cut) to fit between them. */
  bounds: readonly [number, number];
}

/** Fit an extent between the bounds, shifting it rather than squeezing it. */
export function fit(e: Extent, [lo, hi]: readonly [number, number]): Extent {
  const w = e.x1 - e.x0;
  if (w >= hi - lo) return { x0: lo, x1: hi };
  if (e.x1 > hi) return { x0: hi - w, x1: hi };
  if (e.x0 < lo) return { x0: lo, x1: lo + w };
  return { x0: e.x0, x1: e.x1 };
}

export function cluster<T>(items: readonly T[], o: ClusterOptions<T>): Cluster<T>[] {
  const sorted = [...items].sort((a, b) => o.pos(a) - o.pos(b));
  const make = (members: T[]): Cluster<T> => ({ members, ...fit(o.extent(members), o.bounds) });
  const out: Cluster<T>[] = [];
  for (const item of sorted) {
    out.push(make([item]));
    // A cluster that grew (or was shifted to fit) may now crowd the one before it: merge backwards
    // until every pair of neighbours is at least `gap` apart.
    while (out.length > 1 && out[out.length - 1].x0 < out[out.length - 2].x1 + o.gap) {
      const top = out.pop()!;
      const below = out.pop()!;
      out.push(make([...below.members, ...top.members]));
    }
  }
  return out;
}
