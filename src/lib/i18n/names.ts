/**
 * A record's text in the reader's language. A record has one `name`, in English (the reference
 * language); its name in every other language is in one per-locale name map, `names/<lang>.json`,
 * keyed by the English name (countries, places, route families and segments, Frontex route areas,
 * licences and attributions, implementers). No schema has a column per language for names.
 * Long texts (agreement titles and summaries, descriptions, purposes, event notes) still carry an
 * `_en` and `_it` field; French and Arabic for them are in `texts/<lang>.json`, keyed by the English
 * text (so a translation stops applying the moment its English changes, rather than stating other
 * facts). A text with no entry falls back to English: `hasName` says which (the UI marks it with
 * `lang="en"`, and a unit test and `npm run data` list every name of the data that has none).
 * Plain module: no runes, usable from scripts and tests.
 */
import { ROUTE_AREAS, type RouteArea } from '../data/schema';

/**
 * The per-locale name maps: English name → name in that language. Each language's maps travel
 * with its messages (src/lib/i18n/lang/<lang>.ts, loaded when the language is chosen, so they are
 * not in the first load); scripts and tests that need them all at once import ./allNames.
 */
export const NAME_MAPS: Record<string, Record<string, string>> = {};

/** The per-locale maps of long texts (summaries, descriptions …): English text → translation. */
export const TEXT_MAPS: Record<string, Record<string, string>> = {};

/** The languages whose chunk has brought its maps (names and texts). */
const provided = new Set<string>();

/** A language's maps, as its chunk brings them. */
export function provideNames(lang: string, names: Record<string, string>, texts?: Record<string, string>) {
  NAME_MAPS[lang] = names;
  if (texts) TEXT_MAPS[lang] = texts;
  provided.add(lang);
}

/**
 * Read on a lookup in a language whose maps have not arrived yet: the app sets it to read its
 * "messages loaded" state, so whatever showed a name in English while its language was loading is
 * drawn again when the maps arrive. Once they are here nothing depends on it, so another language
 * loading later (the idle prefetch) re-renders nothing.
 */
let track: () => unknown = () => undefined;
export function setNamesTracker(f: () => unknown) {
  track = f;
}

/** `en` in `lang` from the name map (or the text map), or undefined when neither has an entry. */
export function mappedName(en: string, lang: string): string | undefined {
  if (!provided.has(lang)) track();
  const v = NAME_MAPS[lang]?.[en] ?? TEXT_MAPS[lang]?.[en];
  return v === undefined || v === '' ? undefined : v;
}

/** The record's text in the reference language: `field` (names), else `${field}_en` (long texts). */
function reference(r: Record<string, unknown>, field: string): string | undefined {
  const v = r[field] ?? r[`${field}_en`];
  return typeof v === 'string' ? v : undefined;
}

/**
 * `record[`${field}_${lang}`]` when it is a non-empty string (long texts with an `_it` field), else
 * the map's entry for the English text, else the English text (`record[field]`, or
 * `record[`${field}_en`]`), else ''. A missing record (null / undefined) is ''.
 */
export function nameOf(record: object | null | undefined, lang: string, field = 'name'): string {
  if (!record) return '';
  const r = record as Record<string, unknown>;
  const own = lang === 'en' ? undefined : r[`${field}_${lang}`];
  if (typeof own === 'string' && own !== '') return own;
  const en = reference(r, field);
  if (en === undefined) return '';
  return lang === 'en' ? en : (mappedName(en, lang) ?? en);
}

/** Whether a record has its own text in `lang` (English always has). */
export function hasName(record: object, lang: string, field = 'name'): boolean {
  const r = record as Record<string, unknown>;
  if (lang === 'en') return true;
  const own = r[`${field}_${lang}`];
  if (typeof own === 'string' && own !== '') return true;
  const en = reference(r, field);
  return en !== undefined && mappedName(en, lang) !== undefined;
}

/** A text that has no per-language field (a licence, an implementer, a name) in `lang`. */
export function textIn(en: string, lang: string): string {
  return lang === 'en' ? en : (mappedName(en, lang) ?? en);
}

/** The language `nameOf` returns for this record in `lang`: `lang`, or 'en' when it fell back. */
export function nameLang(record: object | null | undefined, lang: string, field = 'name'): string {
  return record && hasName(record, lang, field) ? lang : 'en';
}

/** A publisher's route area (a ROUTE_AREAS key) in `lang`; an unknown key is returned as it is. */
export function routeAreaName(area: string, lang: string): string {
  return Object.hasOwn(ROUTE_AREAS, area) ? textIn(ROUTE_AREAS[area as RouteArea], lang) : area;
}
