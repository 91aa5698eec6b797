/** The count series (one metric × one area, prefix sums), built once per data load and shared. */
import { buildSeries, type Series } from '../filter/aggregate';
import type { AppData } from '../data/types';

const cache = new WeakMap<AppData, Map<string, Series>>();
export function buildSeriesOnce(data: AppData): Map<string, Series> {
  let s = cache.get(data);
  if (!s) cache.set(data, (s = buildSeries(data.counts)));
  return s;
}
