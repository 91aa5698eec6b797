/**
 * Which names the map shows from the data, and which of them have no entry in a locale's name map
 * (they fall back to English on screen, marked `lang="en"`). `npm run data` prints the list and
 * tests/unit/i18n-names.test.ts fails on it, so a new record without its names is never silent.
 */
import { capitals, FILES, type Catalog } from '../../src/lib/data/crosscheck';
import { ROUTE_AREAS } from '../../src/lib/data/schema';
import { hasName, nameOf } from '../../src/lib/i18n/names';
import '../../src/lib/i18n/allNames';
import { countryNames } from './outputs';

export interface Named {
  /** What it is, for the report: "place zuwara (data/places.csv row 13)". */
  what: string;
  r: object;
}

/** Every record whose name the map, the panels or the exports show. */
export function namedRecords(cat: Catalog): Named[] {
  const codes = new Set([
    ...capitals(cat.places).keys(),
    ...cat.places.map((p) => p.country).filter((c): c is string => !!c),
  ]);
  const countries = countryNames([...codes], capitals(cat.places));
  return [
    ...Object.entries(countries).map(([c, r]) => ({ what: `country ${c}`, r })),
    ...cat.places.map((p) => ({ what: `place ${p.id} (${FILES.places} row ${p._row})`, r: p })),
    ...cat.families.map((f) => ({ what: `route family ${f.id} (${FILES.routes})`, r: f })),
    ...cat.segments.map((s) => ({ what: `segment ${s.id} (${FILES.routes})`, r: s })),
    ...Object.entries(ROUTE_AREAS).map(([k, name]) => ({ what: `route area ${k}`, r: { name } })),
  ];
}

/** One line per name with no entry in `lang`'s map: what it is, the English name, where to add it. */
export function missingNames(cat: Catalog, langs: readonly string[]): string[] {
  const named = namedRecords(cat);
  return langs.flatMap((lang) =>
    named
      .filter(({ r }) => !hasName(r, lang))
      .map(
        ({ what, r }) =>
          `[${lang}] ${what}: ${JSON.stringify(nameOf(r, 'en'))} has no name in src/lib/i18n/names/${lang}.json (add it; shown in English until then)`,
      ),
  );
}
