/**
 * The programmes overlay: per recipient country, the programmes announced in the window, totalled
 * per currency (amounts in different currencies are never added). A country's total holds only the
 * amounts allocated to that country alone: a programme shared by several countries is not split
 * by its sources, so it is listed (under each of its countries and once in the list of shared
 * programmes) but added to no country's total. A 2017 window therefore does not show eleven
 * countries × the €200m Fondo Africa.
 */
import type { CatalogFile } from '../data/types';
import { monthIndex } from '../data/time';
import type { Window } from './window';

type Programme = CatalogFile['programmes'][number];

export interface CountryFunding {
  country: string;
  /** Every programme announced in the window that names this country (alone or with others). */
  programmes: Programme[];
  /** Programmes that name this country together with others (not in `totals`). */
  shared: Programme[];
  /** Per currency, amounts of the programmes allocated to this country alone. */
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
      if (p.amount == null || p.recipients.length > 1) continue;
      totals[p.currency] = (totals[p.currency] ?? 0) + p.amount;
      perFunder.set(p.funder, (perFunder.get(p.funder) ?? 0) + p.amount);
    }
    const mainFunder = [...perFunder].sort((a, b) => b[1] - a[1])[0]?.[0] ?? list[0].funder;
    return {
      country,
      programmes: list,
      shared: list.filter((p) => p.recipients.length > 1),
      totals,
      mainFunder,
    };
  });
}

/** Programmes announced in the window with more than one recipient: each listed once. */
export const sharedProgrammes = (programmes: Programme[], w: Window): Programme[] =>
  programmesIn(programmes, w).filter((p) => p.recipients.length > 1);
