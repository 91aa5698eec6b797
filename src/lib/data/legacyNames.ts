/**
 * The old per-language name columns. A record has one `name` (in English, the reference language);
 * its name in every other language lives in the per-locale name map `src/lib/i18n/names/<lang>.json`,
 * keyed by that English name. Files written before the change still load: a `name_en` column or key
 * is read as `name`, and a `name_it` / `name_fr` … column is not an error but a notice that says
 * which entry to add to which map (the value itself is not used, so the map stays the one place).
 */
import type { DataError } from './schema';

/** `name_xx` for a two-letter language code. */
export const LEGACY_NAME = /^name_([a-z]{2})$/;

export const namesFile = (lang: string) => `src/lib/i18n/names/${lang}.json`;

/** The notice for the old `name_en` column/key: read as `name`, rename it. */
export function renamedNotice(file: string, row: number, column: string): DataError {
  return {
    file,
    row,
    column,
    value: column.replace(/.*\./, ''),
    expected: `"name" (read as "name" for now; names in other languages are in ${namesFile('xx')}: rename it)`,
  };
}

/**
 * The notice for a value in an old `name_xx` column (xx ≠ en): where the name belongs instead.
 * `en` is the record's English name ('' when it has none yet).
 */
export function movedNotice(
  file: string,
  row: number,
  column: string,
  lang: string,
  en: string,
  value: string,
): DataError {
  return {
    file,
    row,
    column,
    value,
    expected: `no per-language column: add ${JSON.stringify(en)}: ${JSON.stringify(value)} to ${namesFile(lang)} and drop the column (this value is not used)`,
  };
}

/**
 * Fold a JSON record's old name keys: returns the record with `name` set from `name_en` when it
 * has no `name`, the `name_xx` keys removed, and a notice for each. Does not modify `o`.
 */
export function foldLegacyNames(
  file: string,
  path: string,
  o: Record<string, unknown>,
  notices: DataError[],
): Record<string, unknown> {
  const keys = Object.keys(o).filter((k) => LEGACY_NAME.test(k));
  if (!keys.length) return o;
  const out: Record<string, unknown> = { ...o };
  if (out.name === undefined && typeof o.name_en === 'string') out.name = o.name_en;
  const en = typeof out.name === 'string' ? out.name : '';
  for (const k of keys) {
    delete out[k];
    const lang = LEGACY_NAME.exec(k)![1];
    if (lang === 'en') notices.push(renamedNotice(file, 0, `${path}.${k}`));
    else if (typeof o[k] === 'string' && o[k] !== '')
      notices.push(movedNotice(file, 0, `${path}.${k}`, lang, en, o[k] as string));
  }
  return out;
}
