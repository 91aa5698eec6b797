/**
 * Where agreements sit: a party's capital (Brussels for the EU). The agreements overlay
 * (src/lib/overlays/agreements.ts) draws its markers there and its connectors with `curve()`
 * (src/lib/filter/funding.ts); the unused Turf great circles that were here are gone, so Turf is
 * not in the client bundle.
 */
import type { CatalogFile } from '../data/types';

export function capitalOf(cat: CatalogFile, party: string): [number, number] | null {
  const id = party === 'EU' ? 'brussels' : cat.countries[party]?.capital;
  const p = id ? cat.places.find((x) => x.id === id) : undefined;
  return p ? [p.lon, p.lat] : null;
}

/** More parties than this and an agreement is multilateral (drawn faint until hovered). */
export const MULTI_PARTIES = 3;
