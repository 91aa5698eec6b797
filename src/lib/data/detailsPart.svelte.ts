/**
 * The catalog's detail texts (details.json, ./details.ts): not in the first load (issue #15). A
 * panel, a source list or the full credits list asks for them when it opens, and they are
 * prefetched once the map is idle (a lazy part, src/lib/ui/lazy.ts), so they are normally here
 * before anyone looks. When they arrive they are merged into the catalog's records and
 * `details.map` is set: what shows them reads `details.map`, so it re-renders then.
 */
import { t } from '../i18n/i18n.svelte';
import { lazyPart } from '../ui/lazy';
import { getJson, loadManifest } from './load';
import { checkDetailsFile, mergeDetails, type DetailsFile } from './details';
import type { CatalogFile } from './types';

class Details {
  /** The file once loaded and merged into the catalog; null until then. */
  map = $state.raw<DetailsFile | null>(null);
}
export const details = new Details();

let catalog: CatalogFile | null = null;
/** The catalog the texts belong to (App.svelte, when the data is loaded). */
export function detailsFor(cat: CatalogFile): void {
  catalog = cat;
  if (details.map) mergeDetails(cat, details.map);
}

export const detailsPart = lazyPart(
  async () => {
    if (details.map) return details.map;
    const m = await loadManifest();
    const file = checkDetailsFile(await getJson<unknown>('details.json', m.files['details.json']?.sha256));
    if (catalog) mergeDetails(catalog, file);
    return (details.map = file);
  },
  () => t('app.part.details'),
);

/** Asks for the texts now (a panel that shows them opened), telling the reader if it fails. */
export function needDetails(notify: (m: string) => void): void {
  if (!details.map) detailsPart.load({ notify }).catch(() => {});
}
