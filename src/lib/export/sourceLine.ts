/**
 * The source line of a published view: "Sources: Italian Ministry of the Interior; Frontex; IOM
 * Missing Migrants Project; map: Natural Earth" — the short names of the publishers whose data the
 * visible overlays draw for this window (each overlay's `credits`, from the overlay model), in the
 * UI language. Licences and full attributions are not here: they stay in Credits, LICENSE_DATA.md
 * and the SVG's <metadata>.
 */
import type { Source } from '../data/schema';

/**
 * Sources with a short publisher name in the locale files (`source.short.<id>`, publish.json), and
 * the publisher each stands for: sources of one publisher fold into one name on the line (the
 * ministry's own dashboard and ondata's transcription of it; UNHCR's portal and its dashboards on
 * ReliefWeb), whatever the UI language.
 */
export const PUBLISHER_OF: Readonly<Record<string, string>> = {
  'viminale-cruscotto': "Ministero dell'Interno",
  'ondata-sbarchi': "Ministero dell'Interno",
  'unhcr-med-monthly': 'UNHCR',
  'spain-mir-annual': 'Ministerio del Interior',
  'frontex-ibc': 'Frontex',
  'iom-mmp': 'IOM Missing Migrants Project',
  'natural-earth': 'Natural Earth',
};
export const SHORT_SOURCE_IDS = Object.keys(PUBLISHER_OF);
const BASEMAP = 'natural-earth';

export interface DrawnCredits {
  /** Source ids of the data drawn, in drawing-relevance order (duplicates allowed). */
  data: string[];
  /** Overlays (menu order) that draw items sourced to documents (agreement texts, press reports). */
  documents: string[];
}

type T = (key: string, p?: Record<string, string | number>) => string;

/** A publisher's name without its "(via …)" or other bracketed provenance, for the short line. */
export const bareName = (publisher: string) =>
  publisher
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The short name of one source: its locale entry, else the publisher's bare name, else the id. */
export function shortName(id: string, sources: readonly Pick<Source, 'id' | 'publisher'>[], t: T): string {
  if (id in PUBLISHER_OF) return t(`source.short.${id}`);
  const s = sources.find((x) => x.id === id);
  return s ? bareName(s.publisher) : id;
}

/**
 * The publishers of what is drawn, once each, in order (the basemap's left out). Two names for one
 * publisher fold into one: "Italian Ministry of the Interior (via ondata)" and "Italian Ministry of
 * the Interior" are the same ministry, shown once, with its "(via …)" when any of its data came
 * that way (that transcription's licence asks for the credit).
 */
export function sourceNames(
  drawn: DrawnCredits,
  sources: readonly Pick<Source, 'id' | 'publisher'>[],
  t: T,
): string[] {
  return publishers(drawn, sources, t).map((p) => p.name);
}

interface Publisher {
  /** Who it is, the same in every language (PUBLISHER_OF, else the bare publisher name). */
  key: string;
  name: string;
  /** One of the data providers with a short name (SHORT_SOURCE_IDS), not a single report. */
  provider: boolean;
}

function publishers(
  drawn: DrawnCredits,
  sources: readonly Pick<Source, 'id' | 'publisher'>[],
  t: T,
): Publisher[] {
  const byKey = new Map<string, string>();
  for (const [id, key] of Object.entries(PUBLISHER_OF)) if (!byKey.has(key)) byKey.set(key, id);
  const out: Publisher[] = [];
  for (const id of drawn.data) {
    if (id === BASEMAP) continue;
    const own = PUBLISHER_OF[id];
    const bare = shortName(id, sources, t);
    const key = own ?? bare;
    // A single report by a provider ("UNHCR (via ReliefWeb)") is named as the provider.
    const provider = own !== undefined || byKey.has(key);
    const name = own !== undefined || !provider ? bare : t(`source.short.${byKey.get(key)}`);
    const same = out.find((p) => p.key === key);
    if (!same) out.push({ key, name, provider });
    // The qualified name ("… (via ondata)", the transcription's licence asks for it) wins.
    else if (name.length > same.name.length) same.name = name;
  }
  return out;
}

/** Above this many other publishers (single reports, press), the line counts them instead. */
export const MAX_OTHERS = 2;

/**
 * "Sources: Frontex; Italian Ministry of the Interior (via ondata); 5 other sources; routes:
 * see each item's sources; map: Natural Earth". The data providers come first and are always
 * named; publishers of single figures (a press report, a ministry's statement) are named while
 * there are at most MAX_OTHERS of them, else counted, so the line stays short for long periods
 * (every figure's source is in the table, the CSV and the details).
 */
export function sourceLine(
  drawn: DrawnCredits,
  sources: readonly Pick<Source, 'id' | 'publisher'>[],
  t: T,
): string {
  const all = publishers(drawn, sources, t);
  const others = all.filter((p) => !p.provider).map((p) => p.name);
  const parts = all.filter((p) => p.provider).map((p) => p.name);
  if (others.length > MAX_OTHERS) parts.push(t('publish.otherSources', { count: others.length }));
  else parts.push(...others);
  if (drawn.documents.length)
    parts.push(
      t('publish.documents', {
        layers: drawn.documents.map((id) => t(`layers.${id}`).toLocaleLowerCase()).join(t('publish.itemSep')),
      }),
    );
  parts.push(t('publish.sourcesMap', { name: shortName(BASEMAP, sources, t) }));
  return t('publish.sources', { list: parts.join(t('publish.listSep')) });
}
