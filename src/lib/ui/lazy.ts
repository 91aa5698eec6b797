/**
 * Load a code-split part of the app (present mode, a dialog) and, when it cannot be loaded (the
 * network dropped since the page opened, a stale deploy), tell the reader in their language and
 * keep the app usable instead of leaving a half-drawn mode behind.
 */
import { t } from '../i18n/i18n.svelte';

export interface LazyOptions {
  /** What the part is, for the message ("presentation mode"), already translated. */
  what: string;
  notify: (msg: string) => void;
  /** Undo whatever asked for the part (e.g. leave present mode). */
  onFail?: () => void;
}

export async function loadPart<T>(load: () => Promise<T>, o: LazyOptions): Promise<T> {
  try {
    return await load();
  } catch (e) {
    console.warn(`Could not load ${o.what}:`, (e as Error)?.message ?? e);
    o.notify(t('app.partFailed', { what: o.what }));
    o.onFail?.();
    throw e;
  }
}
