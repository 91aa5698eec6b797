/**
 * The programmes overlay: per recipient country, the programmes announced in the window, totalled
 * per currency (amounts in different currencies are never added). A programme shared by several
 * countries is listed in full under each, and says so: its amount is not split, because the
 * sources do not split it.
 */
import type { CatalogFile } from '../data/types';
import { monthIndex } from '../data/time';
import type { Window } from './window';

type Programme = CatalogFile['programmes'][number];

export interface CountryFunding {
  country: string;
  programmes: Programme[];
  totals: Record<string, number>;
  /** The funder with the largest total (marker colour). */
  mainFunder: string;
}

/** Announced month range: a programme dated to a year counts in every month of that year's window overlap. */
export function announcedRange(p: Programme): [number, number] {
  const m = monthIndex(p.announced.iso);
  return p.announced.precision === 'year' ? [m, m + 11] : [m, m];
}

export function programmesIn(programmes: Programme[], w: Window): Programme[] {
  return programmes.filter((p) => {
    const [a, b] = announcedRange(p);
    return a <= w[1] && b >= w[0];
  });
}

export function fundingByCountry(programmes: Programme[], w: Window): CountryFunding[] {
  const by = new Map<string, Programme[]>();
  for (const p of programmesIn(programmes, w))
    for (const c of p.recipients) (by.get(c) ?? by.set(c, []).get(c)!).push(p);
  return [...by].map(([country, list]) => {
    const totals: Record<string, number> = {};
    const perFunder = new Map<string, number>();
    for (const p of list) {
      if (p.amount == null) continue;
      totals[p.currency] = (totals[p.currency] ?? 0) + p.amount;
      perFunder.set(p.funder, (perFunder.get(p.funder) ?? 0) + p.amount);
    }
    const mainFunder = [...perFunder].sort((a, b) => b[1] - a[1])[0]?.[0] ?? list[0].funder;
    return { country, programmes: list, totals, mainFunder };
  });
}
