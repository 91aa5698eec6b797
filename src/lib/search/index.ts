/**
 * The search index: every place, country, route family and segment, agreement and programme,
 * findable by its name in any of the app's languages, ignoring case and accents ("bihac" finds Bihać).
 * Pure: built once from the catalog, queried on every keystroke.
 */
import type { CatalogFile } from '../data/types';
import { NAME_MAPS, nameOf } from '../i18n/names';
// Names in every language (search finds "Libia" with the interface in English), in this lazy chunk.
import '../i18n/allNames';

/** Long texts that travel with the data, by language (the catalog's Italian: texts-it.json). */
export type DataTexts = Record<string, Record<string, string> | null | undefined>;

/**
 * A record's name (or another field) in English and every language the name maps have; a long text
 * also from `texts` (so an Italian title is found with the interface in English).
 */
function namesOf(rec: object, field = 'name', texts: DataTexts = {}): Record<string, string> {
  const en = nameOf(rec, 'en', field);
  const out: Record<string, string> = { en };
  for (const l of new Set([...Object.keys(NAME_MAPS), ...Object.keys(texts)]))
    out[l] = texts[l]?.[en] || nameOf(rec, l, field);
  return out;
}

export type SearchKind = 'place' | 'country' | 'family' | 'segment' | 'agreement' | 'programme';

export interface SearchEntry {
  kind: SearchKind;
  id: string;
  /** Display names per language (en always present). */
  names: Record<string, string>;
  /** Normalised names, all languages: matched against the query. */
  terms: string[];
  /** Normalised secondary text (e.g. a programme's purpose): matched only as a last resort. */
  extra: string[];
  /** The country a place is in (ISO code), to show next to its name. */
  country?: string;
}

export interface SearchResult {
  entry: SearchEntry;
  /** Lower is better: 0 exact, 1 name prefix, 2 word prefix, 3 substring, 4 secondary text. */
  score: number;
}

/** Letters NFD does not decompose into base + mark. */
const FOLD: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/** Lower case, no accents, punctuation as spaces, apostrophes dropped: "N'Djamena" → "ndjamena". */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłđøßæœþ]/g, (c) => FOLD[c])
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

function entry(
  kind: SearchKind,
  id: string,
  names: Record<string, string>,
  extra: string[] = [],
  country?: string,
): SearchEntry {
  return {
    kind,
    id,
    names,
    terms: uniq(Object.values(names).map(normalize)),
    extra: uniq(extra.map(normalize)),
    country,
  };
}

/** Build the index from the catalog. Routing points (sea waypoints) are not places a user looks for. */
export function buildIndex(cat: CatalogFile, texts: DataTexts = {}): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const p of cat.places)
    if (p.kind !== 'waypoint') out.push(entry('place', p.id, namesOf(p), [], p.country ?? undefined));
  for (const [code, c] of Object.entries(cat.countries)) out.push(entry('country', code, namesOf(c), [code]));
  for (const f of cat.families) out.push(entry('family', f.id, namesOf(f)));
  for (const s of cat.segments) out.push(entry('segment', s.id, namesOf(s)));
  for (const a of cat.agreements) out.push(entry('agreement', a.id, namesOf(a, 'title', texts)));
  for (const p of cat.programmes) {
    const title = (purpose: string) => `${p.fund ?? p.funder}: ${purpose.split(/[.;]/)[0].slice(0, 70)}`;
    const purposes = namesOf(p, 'purpose', texts);
    const titles = Object.fromEntries(Object.entries(purposes).map(([l, x]) => [l, title(x)]));
    out.push(entry('programme', p.id, titles, [...new Set(Object.values(purposes)), p.implementer ?? '']));
  }
  return out;
}

/** How well one normalised text matches the query's tokens (null: not every token matches). */
function matchText(text: string, q: string, tokens: string[]): number | null {
  if (text === q) return 0;
  if (text.startsWith(q)) return 1;
  const words = text.split(' ');
  if (tokens.every((tk) => words.some((w) => w.startsWith(tk)))) return 2;
  if (tokens.every((tk) => text.includes(tk))) return 3;
  return null;
}

export const KIND_ORDER: Record<SearchKind, number> = {
  place: 0,
  country: 1,
  family: 2,
  segment: 3,
  agreement: 4,
  programme: 5,
};

export const SEARCH_KINDS = Object.keys(KIND_ORDER) as SearchKind[];

/** Best matches first (score, then kind, then shorter name); at most `limit`. */
export function search(index: readonly SearchEntry[], query: string, limit = 10): SearchResult[] {
  const q = normalize(query);
  if (!q) return [];
  const tokens = q.split(' ');
  const out: SearchResult[] = [];
  for (const e of index) {
    let best: number | null = null;
    for (const term of e.terms) {
      const s = matchText(term, q, tokens);
      if (s !== null && (best === null || s < best)) best = s;
    }
    if (best === null && q.length >= 3 && e.extra.some((x) => matchText(x, q, tokens) !== null)) best = 4;
    if (best !== null) out.push({ entry: e, score: best });
  }
  return out
    .sort(
      (a, b) =>
        a.score - b.score ||
        KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
        a.entry.names.en.length - b.entry.names.en.length ||
        a.entry.names.en.localeCompare(b.entry.names.en),
    )
    .slice(0, limit);
}

/** The entry's name in a language, falling back to English. */
export const nameIn = (e: SearchEntry, lang: string) => e.names[lang] ?? e.names.en;
