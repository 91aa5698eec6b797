/**
 * The IOM incidents, loaded once on first use and shared by the deaths layer and the details panel.
 */
import { loadIncidents } from '../../data/load';
import type { Manifest } from '../../data/types';
import { incidentArrays, incidentRecords, type Incident } from './incidents';
import { sortPoints } from './points';
import type { IncidentData } from '../../overlays/types';

class IncidentStore {
  list = $state.raw<Incident[] | null>(null);
  byId = $state.raw<Map<string, Incident>>(new Map());
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
        // Prefix sums of dead and missing in time order: a window's total is two lookups.
        const dmPrefix = new Float64Array(list.length + 1);
        for (let k = 0; k < list.length; k++)
          dmPrefix[k + 1] = dmPrefix[k] + list[sorted.order[k]].deadMissing;
        this.byId = new Map(list.map((x) => [x.id, x]));
        this.list = list;
        this.data = { list, sorted, dmPrefix };
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
}

export const incidents = new IncidentStore();
