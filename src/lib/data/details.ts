/**
 * The catalog's detail texts, kept out of the first load (issue #15) in `details.json`: what only a
 * details panel, a source list or the full credits list shows —
 * - each source's title and editors' note, and the address of every source that is not a data
 *   provider (the providers' addresses stay in the catalog: the credit line, the exports and the
 *   IOM link on an incident need them at once);
 * - each agreement's summary and the notes on its events;
 * - each route family's and segment's description.
 *
 * `splitDetails` (used by `npm run data`, scripts/data/outputs.ts) takes them out of the catalog;
 * `mergeDetails` (the app, when the file arrives: ./detailsPart.svelte.ts) puts them back into the
 * same records, so everything that reads a record (`loc(a, 'summary')`, `s.url`) is as before once
 * it is here. The two are exact inverses (tests/unit/details.test.ts, on the real data).
 */
import { DataLoadError } from './load';
import { DATA_PROVIDERS } from './providers';
import type { CatalogFile } from './types';

export interface SourceDetail {
  title: string;
  note: string | null;
  /** Only for a source whose address is not in the catalog (not a data provider). */
  url?: string | null;
}
export interface AgreementDetail {
  summary_en: string;
  /** One per event, in the agreement's order. */
  notes_en: (string | null)[];
}
export interface DetailsFile {
  version: 1;
  sources: Record<string, SourceDetail>;
  agreements: Record<string, AgreementDetail>;
  families: Record<string, string>;
  segments: Record<string, string>;
}

type Rec = Record<string, unknown>;
/** A catalog as `npm run data` first shapes it: every record with all its fields. */
export interface FullCatalog {
  sources: (Rec & { id: string; title: string; note?: string | null; url: string | null })[];
  agreements: (Rec & { id: string; summary_en: string; events: (Rec & { note_en: string | null })[] })[];
  families: (Rec & { id: string; description_en: string })[];
  segments: (Rec & { id: string; description_en: string })[];
}

const without = (r: Rec, keys: string[]): Rec =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** The catalog's records without their detail texts, and the texts in a `details.json`. */
export function splitDetails<C extends FullCatalog>(
  cat: C,
): { catalog: Omit<C, keyof FullCatalog> & Record<keyof FullCatalog, Rec[]>; details: DetailsFile } {
  const details: DetailsFile = { version: 1, sources: {}, agreements: {}, families: {}, segments: {} };
  const sources = cat.sources.map((s) => {
    const provider = DATA_PROVIDERS.includes(s.id);
    details.sources[s.id] = {
      title: s.title,
      note: s.note ?? null,
      ...(provider ? {} : { url: s.url }),
    };
    return without(s, provider ? ['title', 'note'] : ['title', 'note', 'url']);
  });
  const agreements = cat.agreements.map((a) => {
    details.agreements[a.id] = { summary_en: a.summary_en, notes_en: a.events.map((e) => e.note_en) };
    return { ...without(a, ['summary_en']), events: a.events.map((e) => without(e, ['note_en'])) };
  });
  const described = (list: FullCatalog['families'], into: Record<string, string>) =>
    list.map((r) => {
      into[r.id] = r.description_en;
      return without(r, ['description_en']);
    });
  return {
    catalog: {
      ...cat,
      sources,
      agreements,
      families: described(cat.families, details.families),
      segments: described(cat.segments, details.segments),
    },
    details,
  };
}

/** Checks a fetched `details.json` (the file, the record and the field that are wrong). */
export function checkDetailsFile(f: unknown): DetailsFile {
  const bad = (what: string) => new DataLoadError(`details.json: ${what}`);
  const file = f as DetailsFile;
  const isMap = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isMap(file) || file.version !== 1)
    throw bad('expected { version: 1, sources, agreements, families, segments }');
  for (const k of ['sources', 'agreements', 'families', 'segments'] as const)
    if (!isMap(file[k])) throw bad(`"${k}" should be an object keyed by id`);
  const text = (x: unknown) => typeof x === 'string';
  const textOrNull = (x: unknown) => x === null || typeof x === 'string';
  for (const [id, d] of Object.entries(file.sources))
    if (!text(d?.title) || !textOrNull(d.note) || (d.url !== undefined && !textOrNull(d.url)))
      throw bad(
        `source "${id}" needs a title (text), a note (text or null) and, if any, a url (text or null)`,
      );
  for (const [id, d] of Object.entries(file.agreements))
    if (!text(d?.summary_en) || !Array.isArray(d.notes_en) || !d.notes_en.every(textOrNull))
      throw bad(`agreement "${id}" needs summary_en (text) and notes_en (a list of text or null)`);
  for (const k of ['families', 'segments'] as const)
    for (const [id, d] of Object.entries(file[k]))
      if (!text(d)) throw bad(`${k} "${id}": the description should be text`);
  return file;
}

/**
 * Puts the texts back into the catalog's records, in place (the catalog is raw state: the panels
 * that show these texts re-render on the details store, not on the records). A record the file has
 * nothing for keeps what it has; an event the file has no note for gets null (no note).
 */
export function mergeDetails(cat: CatalogFile, d: DetailsFile): void {
  for (const s of cat.sources) {
    const x = d.sources[s.id];
    if (x && x.url !== undefined && s.url === undefined) (s as Rec).url = x.url;
  }
  for (const a of cat.agreements) {
    const x = d.agreements[a.id];
    if (!x) continue;
    (a as Rec).summary_en = x.summary_en;
    a.events.forEach((e, i) => ((e as Rec).note_en = x.notes_en[i] ?? null));
  }
  for (const f of cat.families)
    if (d.families[f.id] !== undefined) (f as Rec).description_en = d.families[f.id];
  for (const s of cat.segments)
    if (d.segments[s.id] !== undefined) (s as Rec).description_en = d.segments[s.id];
}
