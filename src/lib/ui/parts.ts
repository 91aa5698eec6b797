/**
 * The parts of the app that are not on the first load (docs/architecture.md, "Chunks"): each is
 * its own chunk, loaded when the reader first uses it and prefetched once the map is idle (the
 * other languages' messages last).
 */
import { LANGS, LOCALES, loadLocale, t } from '../i18n/i18n.svelte';
import { lazyPart } from './lazy';

export const parts = {
  exportDialog: lazyPart(
    () => import('./ExportDialog.svelte'),
    () => t('app.part.export'),
  ),
  embedDialog: lazyPart(
    () => import('./EmbedDialog.svelte'),
    () => t('app.part.embed'),
  ),
  table: lazyPart(
    () => import('./DataTable.svelte'),
    () => t('app.part.table'),
  ),
  charts: lazyPart(
    () => import('./charts/DetailCharts.svelte'),
    () => t('app.part.charts'),
  ),
  search: lazyPart(
    () => import('../search/index'),
    () => t('app.part.search'),
  ),
  importPreview: lazyPart(
    () => import('./ImportPreview.svelte'),
    () => t('app.part.import'),
  ),
  present: lazyPart(
    () => import('../present/Present.svelte'),
    () => t('app.part.present'),
  ),
};

// The other languages' messages too (about 14 KB gzip each), so switching language is instant.
for (const l of LANGS)
  if (l !== 'en')
    lazyPart(
      () => loadLocale(l),
      () => LOCALES[l].name,
    );
