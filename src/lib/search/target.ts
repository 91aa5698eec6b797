/**
 * Where the map goes for a selection: a bounding box (routes, agreements, programmes) or a point
 * and zoom (places, countries). Pure, so the search and the table share it and it is tested.
 */
import type { AppData } from '../data/types';
import type { Selection } from '../state/app.svelte';
import { capitalOf } from '../filter/agreements';
import { COUNTRY_ANCHORS } from '../filter/landings';

export type FocusTarget =
  | { kind: 'bounds'; bounds: [[number, number], [number, number]] }
  | { kind: 'point'; center: [number, number]; zoom: number };

export const PLACE_ZOOM = 7;
export const COUNTRY_ZOOM = 5;

function bbox(points: [number, number][]): FocusTarget | null {
  if (!points.length) return null;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  if (e - w < 0.5 && n - s < 0.5)
    return { kind: 'point', center: [(w + e) / 2, (s + n) / 2], zoom: COUNTRY_ZOOM };
  return {
    kind: 'bounds',
    bounds: [
      [w, s],
      [e, n],
    ],
  };
}

function countryPoint(data: AppData, code: string): [number, number] | null {
  return COUNTRY_ANCHORS[code] ?? capitalOf(data.catalog, code);
}

export function focusTarget(sel: Selection, data: AppData): FocusTarget | null {
  if (!sel) return null;
  const cat = data.catalog;
  switch (sel.kind) {
    case 'place': {
      const p = cat.places.find((x) => x.id === sel.id);
      return p ? { kind: 'point', center: [p.lon, p.lat], zoom: PLACE_ZOOM } : null;
    }
    case 'country': {
      const c = countryPoint(data, sel.id);
      return c ? { kind: 'point', center: c, zoom: COUNTRY_ZOOM } : null;
    }
    case 'family':
    case 'segment': {
      const key = sel.kind === 'family' ? 'family' : 'id';
      const pts = data.routes.features
        .filter((f) => f.properties?.[key] === sel.id)
        .flatMap((f) => f.geometry.coordinates as [number, number][]);
      return bbox(pts);
    }
    case 'agreement': {
      const a = cat.agreements.find((x) => x.id === sel.id);
      return bbox((a?.parties ?? []).map((p) => capitalOf(cat, p)).filter((p): p is [number, number] => !!p));
    }
    case 'programme': {
      const recipients = sel.id.startsWith('country:')
        ? [sel.id.slice(8)]
        : (cat.programmes.find((x) => x.id === sel.id)?.recipients ?? []);
      return bbox(recipients.map((c) => capitalOf(cat, c)).filter((p): p is [number, number] => !!p));
    }
    default:
      return null;
  }
}
