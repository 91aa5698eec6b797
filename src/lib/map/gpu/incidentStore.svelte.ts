/**
 * The IOM incidents, loaded once on first use and shared by the deaths layer and the details panel.
 */
import { loadIncidents } from '../../data/load';
import type { Manifest } from '../../data/types';
import { incidentArrays, incidentRecords, type Incident } from './incidents';
import { sortPoints, windowRange, type SortedPoints } from './points';
import type { IncidentData } from '../../overlays/types';

class IncidentStore {
  list = $state.raw<Incident[] | null>(null);
  byId = $state.raw<Map<string, Incident>>(new Map());
  /** The incidents sorted by time, as the GPU layer draws them. */
  sorted = $state.raw<SortedPoints | null>(null);
  /** Prefix sums of dead and missing in sorted order (length n + 1). */
  private dmPrefix = new Float64Array(1);
  error = $state<string | null>(null);
  /** Records, sorted arrays and prefix sums together, once loaded (what the deaths overlay reads). */
  data = $state.raw<IncidentData | null>(null);
  private pending: Promise<Incident[]> | null = null;

  load(manifest: Manifest): Promise<Incident[]> {
    this.pending ??= loadIncidents(manifest).then(
      (f) => {
        const list = incidentRecords(f);
        const a = incidentArrays(list);
        const sorted = sortPoints(a.lon, a.lat, a.t, a.size);
        this.dmPrefix = new Float64Array(list.length + 1);
        for (let k = 0; k < list.length; k++)
          this.dmPrefix[k + 1] = this.dmPrefix[k] + list[sorted.order[k]].deadMissing;
        this.byId = new Map(list.map((x) => [x.id, x]));
        this.list = list;
        this.sorted = sorted;
        this.data = { list, sorted, dmPrefix: this.dmPrefix };
        return list;
      },
      (e: Error) => {
        this.error = e.message;
        this.pending = null;
        throw e;
      },
    );
    return this.pending;
  }

  /** Incidents and dead-and-missing in an inclusive month window (two binary searches). */
  inWindow(from: number, to: number): { incidents: number; deadMissing: number } {
    const s = this.sorted;
    if (!s) return { incidents: 0, deadMissing: 0 };
    const { first, count } = windowRange(s.t, s.tBase, from, to);
    return { incidents: count, deadMissing: this.dmPrefix[first + count] - this.dmPrefix[first] };
  }
}

export const incidents = new IncidentStore();
