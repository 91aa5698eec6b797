/**
 * The source line of a published view: "Sources: Italian Ministry of the Interior; Frontex; IOM
 * Missing Migrants Project; map: Natural Earth" — the short names of the publishers whose data the
 * visible overlays draw for this window (each overlay's `credits`, from the overlay model), in the
 * UI language. Licences and full attributions are not here: they stay in Credits, LICENSE_DATA.md
 * and the SVG's <metadata>.
 */
import type { Source } from '../data/schema';

/** Sources with a short publisher name in the locale files (`source.short.<id>`, publish.json). */
export const SHORT_SOURCE_IDS = [
  'viminale-cruscotto',
  'ondata-sbarchi',
  'unhcr-med-monthly',
  'spain-mir-annual',
  'frontex-ibc',
  'iom-mmp',
  'natural-earth',
] as const;
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
  if ((SHORT_SOURCE_IDS as readonly string[]).includes(id)) return t(`source.short.${id}`);
  const s = sources.find((x) => x.id === id);
  return s ? bareName(s.publisher) : id;
}

/** The publishers of what is drawn, once each, in order (the basemap's last). */
export function sourceNames(
  drawn: DrawnCredits,
  sources: readonly Pick<Source, 'id' | 'publisher'>[],
  t: T,
): string[] {
  const names: string[] = [];
  for (const id of drawn.data) {
    if (id === BASEMAP) continue;
    const n = shortName(id, sources, t);
    if (!names.includes(n)) names.push(n);
  }
  return names;
}

export function sourceLine(
  drawn: DrawnCredits,
  sources: readonly Pick<Source, 'id' | 'publisher'>[],
  t: T,
): string {
  const parts = sourceNames(drawn, sources, t);
  if (drawn.documents.length)
    parts.push(
      t('publish.documents', {
        layers: drawn.documents.map((id) => t(`layers.${id}`).toLocaleLowerCase()).join(', '),
      }),
    );
  parts.push(t('publish.sourcesMap', { name: shortName(BASEMAP, sources, t) }));
  return t('publish.sources', { list: parts.join('; ') });
}
