/**
 * The agreements overlay: great-circle arcs between the parties' capitals (Turf), coloured by the
 * status at the end of the window. Multilateral agreements draw a star from the first party.
 */
import { greatCircle } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Agreement } from '../data/json-schema';
import type { CatalogFile } from '../data/types';
import type { MonthIndex } from '../data/time';
import { isUndated, statusAt, type AgreementStatus } from './lifecycle';

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

export function arcsAt(arcs: AgreementArc[], m: MonthIndex): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  arcs.forEach((arc, i) => {
    const status = statusAt(arc.agreement, m);
    if (!status) return;
    arc.lines.forEach((line, j) =>
      features.push({
        type: 'Feature',
        id: i * 16 + j,
        properties: {
          id: arc.agreement.id,
          status,
          parties: arc.agreement.parties.join(';'),
          // Multilateral processes draw a star of arcs: drawn faint so they don't hide the routes.
          multi: arc.agreement.parties.length > MULTI_PARTIES ? 1 : 0,
        },
        geometry: { type: 'LineString', coordinates: line },
      }),
    );
  });
  return { type: 'FeatureCollection', features };
}

export function countByStatus(agreements: Agreement[], m: MonthIndex): Record<AgreementStatus, number> {
  const out: Record<AgreementStatus, number> = { signed: 0, in_force: 0, suspended: 0, ended: 0 };
  for (const a of agreements) {
    const s = statusAt(a, m);
    if (s) out[s]++;
  }
  return out;
}

/** Countries party to an agreement visible at month m (for highlighting their fills). */
export function partiesAt(agreements: Agreement[], m: MonthIndex): string[] {
  const set = new Set<string>();
  for (const a of agreements) if (statusAt(a, m)) for (const p of a.parties) if (p !== 'EU') set.add(p);
  return [...set].sort();
}
