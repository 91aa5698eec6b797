/**
 * A record's text in the reader's language. Catalog records carry English and Italian fields
 * (`name_en`, `name_it`; likewise `title_*`, `description_*` …); English is always there and is
 * the fallback. French and Arabic names are not columns: they live in one per-locale name map,
 * `names/<lang>.json`, keyed by the English name (countries, places, route families and segments,
 * Frontex route areas, licences and attributions, implementers); Italian has a map too, for the
 * texts that have no `_it` column (licences, attributions, implementers). A text with no entry falls back to English (`hasName` says which, and a
 * unit test lists every name of the data that has none). Plain module: no runes, usable from
 * scripts and tests.
 */
import it from './names/it.json';
import fr from './names/fr.json';
import ar from './names/ar.json';

/** The per-locale name maps: English name → name in that language. */
export const NAME_MAPS: Record<string, Record<string, string>> = { it, fr, ar };

/** `en` in `lang` from the name map, or undefined when the map has no entry. */
export function mappedName(en: string, lang: string): string | undefined {
  const v = NAME_MAPS[lang]?.[en];
  return v === undefined || v === '' ? undefined : v;
}

/**
 * `record[`${field}_${lang}`]` when it is a non-empty string, else the name map's entry for the
 * English text, else `record[`${field}_en`]` when it is a string, else ''. A missing record
 * (null / undefined) is ''.
 */
export function nameOf(record: object | null | undefined, lang: string, field = 'name'): string {
  if (!record) return '';
  const r = record as Record<string, unknown>;
  const own = r[`${field}_${lang}`];
  if (typeof own === 'string' && own !== '') return own;
  const en = r[`${field}_en`];
  if (typeof en !== 'string') return '';
  return mappedName(en, lang) ?? en;
}

/** Whether a record has its own text in `lang` (English always has). */
export function hasName(record: object, lang: string, field = 'name'): boolean {
  const r = record as Record<string, unknown>;
  if (lang === 'en') return true;
  const own = r[`${field}_${lang}`];
  if (typeof own === 'string' && own !== '') return true;
  const en = r[`${field}_en`];
  return typeof en === 'string' && mappedName(en, lang) !== undefined;
}

/** A text that has no per-language column (a licence, an implementer) in `lang`. */
export function textIn(en: string, lang: string): string {
  return lang === 'en' ? en : (mappedName(en, lang) ?? en);
}

/** A `{ en, it }` name pair (ROUTE_AREAS) in `lang`. */
export function pairName(names: { en: string; it?: string }, lang: string): string {
  return nameOf({ name_en: names.en, name_it: names.it }, lang);
}
