/** Funder colours and funding-link curves (funder's capital → recipient's capital). */
import type { Feature, LineString } from 'geojson';
import type { FunderKey, Theme } from '../map/theme';
import type { CatalogFile } from '../data/types';
import { capitalOf } from './agreements';

/** A funder's colour: the theme's own funder role (Italy's is the programme colour), else `other`. */
export function funderColor(funder: string, theme: Theme): string {
  return Object.hasOwn(theme.funders, funder) ? theme.funders[funder as FunderKey] : theme.funders.other;
}

/** A quadratic Bézier between two capitals, bowed to the left of the direction of travel. */
export function curve(a: [number, number], b: [number, number], bend = 0.2, n = 32): [number, number][] {
  const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [cx, cy] = [mx - (b[1] - a[1]) * bend, my + (b[0] - a[0]) * bend];
  const out: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]]);
  }
  return out;
}

export function fundingLink(
  cat: CatalogFile,
  funder: string,
  recipient: string,
  color: string,
): Feature<LineString> | null {
  const a = capitalOf(cat, funder);
  const b = capitalOf(cat, recipient);
  if (!a || !b) return null;
  return {
    type: 'Feature',
    properties: { funder, recipient, color },
    geometry: { type: 'LineString', coordinates: curve(a, b) },
  };
}
