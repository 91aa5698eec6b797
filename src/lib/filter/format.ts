/** Numbers as published: approximate values with "≈", lower bounds with "+". */
import type { Qualifier } from '../data/schema';

export function formatCount(value: number, qualifier: Qualifier, lang: string): string {
  const n = new Intl.NumberFormat(lang).format(value);
  return qualifier === 'approx' ? `≈${n}` : qualifier === 'at_least' ? `${n}+` : n;
}

export function formatMoney(amount: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    notation: amount >= 1e6 ? 'compact' : 'standard',
    maximumFractionDigits: 2,
  }).format(amount);
}
