/**
 * Agreement geometry: great-circle arcs between the parties' capitals (Turf), built once per data
 * load for the agreements overlay (src/lib/overlays/agreements.ts). Multilateral agreements draw a
 * star from the first party.
 */
import { greatCircle } from '@turf/turf';
import type { Agreement } from '../data/json-schema';
import type { CatalogFile } from '../data/types';
import { isUndated } from './lifecycle';

export interface AgreementArc {
  agreement: Agreement;
  lines: [number, number][][];
}

export function capitalOf(cat: CatalogFile, party: string): [number, number] | null {
  const id = party === 'EU' ? 'brussels' : cat.countries[party]?.capital;
  const p = id ? cat.places.find((x) => x.id === id) : undefined;
  return p ? [p.lon, p.lat] : null;
}

/** Precomputed once: the arcs of every dated agreement. */
export function buildArcs(cat: CatalogFile): AgreementArc[] {
  const out: AgreementArc[] = [];
  for (const a of cat.agreements) {
    if (isUndated(a)) continue;
    const hub = capitalOf(cat, a.parties[0]);
    if (!hub) continue;
    const lines: [number, number][][] = [];
    for (const p of a.parties.slice(1)) {
      const c = capitalOf(cat, p);
      if (!c || (c[0] === hub[0] && c[1] === hub[1])) continue;
      const gc = greatCircle(hub, c, { npoints: 48 });
      if (gc.geometry.type === 'LineString') lines.push(gc.geometry.coordinates as [number, number][]);
    }
    if (lines.length) out.push({ agreement: a, lines });
  }
  return out;
}

/** More parties than this and an agreement is multilateral (drawn faint until hovered). */
export const MULTI_PARTIES = 3;
