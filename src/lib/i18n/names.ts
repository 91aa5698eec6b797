/**
 * A record's text in the reader's language. Catalog records carry one field per locale
 * (`name_en`, `name_it`, later `name_fr`, `name_ar`; likewise `title_*`, `description_*` …); English
 * is always there and is the fallback. Plain module: no runes, usable from scripts and tests.
 */

/**
 * `record[`${field}_${lang}`]` when it is a non-empty string, else `record[`${field}_en`]` when it is
 * a string, else ''. A missing record (null / undefined) is ''.
 */
export function nameOf(record: object | null | undefined, lang: string, field = 'name'): string {
  if (!record) return '';
  const r = record as Record<string, unknown>;
  const own = r[`${field}_${lang}`];
  if (typeof own === 'string' && own !== '') return own;
  const en = r[`${field}_en`];
  return typeof en === 'string' ? en : '';
}
