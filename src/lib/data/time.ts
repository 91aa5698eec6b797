/**
 * The time model: months are integers (year * 12 + month - 1), so windows, prefix sums and the
 * timeline all share one unit. A partial date covers every month of its period.
 */
export type MonthIndex = number;

export function monthIndex(iso: string): MonthIndex {
  const y = Number(iso.slice(0, 4));
  const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 1;
  return y * 12 + m - 1;
}

/** First and last month a period ("2023", "2023-07" or "2023-07-16") covers. */
export function periodMonths(iso: string): [MonthIndex, MonthIndex] {
  const start = monthIndex(iso);
  return iso.length === 4 ? [start, start + 11] : [start, start];
}

export function monthIso(m: MonthIndex): string {
  const y = Math.floor(m / 12);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
}

export const yearOf = (m: MonthIndex) => Math.floor(m / 12);
