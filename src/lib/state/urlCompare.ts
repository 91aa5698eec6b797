/**
 * The Compare panel's picks in a link: `cmp=country:ITA,family:central-med` (the panel is open with
 * these route families and countries, in this order; a bare `cmp` is the panel open with nothing
 * picked). decode checks the form (kind and id) and drops bad picks with one grouped notice; picks
 * of the right form are checked against the catalogue once the data is loaded (`knownPicks`).
 */
import type { CatalogFile } from '../data/types';
import { COMPARE_KINDS, type ComparePick } from './selection';
import { ID_RE, isOneOf, type UrlProblem } from './urlValues';

export { COMPARE_KINDS, DEFAULT_PICKS, type ComparePick } from './selection';

/** More picks than this are not a comparison anyone can read; the rest are dropped with a notice. */
export const MAX_PICKS = 24;

export const pickKey = (p: ComparePick) => `${p.kind}:${p.id}`;

/**
 * Read `cmp`: picks in order, each once. Returns null when nothing usable was given (a list of
 * nothing but bad picks is ignored, as for `layers`).
 */
export function decodePicks(value: string, bad: (p: UrlProblem) => void): ComparePick[] | null {
  const items = [...new Set(value.split(',').filter((s) => s !== ''))];
  const out: ComparePick[] = [];
  for (const item of items) {
    const i = item.indexOf(':');
    const kind = i > 0 ? item.slice(0, i) : '';
    const id = i > 0 ? item.slice(i + 1) : '';
    if (!isOneOf(COMPARE_KINDS, kind) || !ID_RE.test(id))
      bad({ key: 'cmp', value: item, reason: 'share.url.comparePick' });
    else if (out.length >= MAX_PICKS) bad({ key: 'cmp', value: item, reason: 'share.url.comparePick' });
    else out.push({ kind, id });
  }
  return out.length || !items.length ? out : null;
}

export const encodePicks = (picks: readonly ComparePick[]) => picks.map(pickKey).join(',');

/** Split picks into those the data has and those it does not (a gone or mistyped id). */
export function knownPicks(
  cat: Pick<CatalogFile, 'families' | 'countries'>,
  picks: readonly ComparePick[],
): { known: ComparePick[]; unknown: ComparePick[] } {
  const known: ComparePick[] = [];
  const unknown: ComparePick[] = [];
  for (const p of picks) {
    // Own keys only: `constructor` or `toString` are not countries.
    const ok =
      p.kind === 'family' ? cat.families.some((f) => f.id === p.id) : Object.hasOwn(cat.countries, p.id);
    (ok ? known : unknown).push(p);
  }
  return { known, unknown };
}
