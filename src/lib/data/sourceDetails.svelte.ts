/**
 * Sources' titles and editors' notes (sources.json): not in the first load (issue #15), which has
 * each source's publisher, address, date and licence (catalog.json) — what the map's credit line
 * and tooltips show. A source list asks for them when it opens, and they are prefetched once the
 * map is idle (a lazy part, src/lib/ui/lazy.ts), so they are normally here before anyone looks.
 */
import { t } from '../i18n/i18n.svelte';
import { lazyPart } from '../ui/lazy';
import { DataLoadError, getJson, loadManifest } from './load';
import type { SourceDetail, SourcesFile } from './types';

class SourceDetails {
  /** Source id → title and note; null until loaded. */
  map = $state.raw<Record<string, SourceDetail> | null>(null);
}
export const sourceDetails = new SourceDetails();

export function checkSourcesFile(f: unknown): Record<string, SourceDetail> {
  const file = f as SourcesFile;
  if (!file || file.version !== 1 || typeof file.sources !== 'object' || file.sources === null)
    throw new DataLoadError('sources.json: expected { version: 1, sources }');
  for (const [id, d] of Object.entries(file.sources))
    if (typeof d?.title !== 'string' || (d.note !== null && typeof d.note !== 'string'))
      throw new DataLoadError(`sources.json: source "${id}" needs a title (text) and a note (text or null)`);
  return file.sources;
}

export const sourceDetailsPart = lazyPart(
  async () => {
    if (sourceDetails.map) return sourceDetails.map;
    const m = await loadManifest();
    const f = await getJson<unknown>('sources.json', m.files['sources.json']?.sha256);
    return (sourceDetails.map = checkSourcesFile(f));
  },
  () => t('app.part.sources'),
);
