/**
 * Load a code-split part of the app (present mode, a dialog) and, when it cannot be loaded (the
 * network dropped since the page opened, a stale deploy), tell the reader in their language and
 * keep the app usable instead of leaving a half-drawn mode behind.
 *
 * `lazyPart` wraps one part: `load()` is what the app awaits when the reader first uses it (one
 * promise, shared; after a failure the next use tries again), `prefetch()` fetches it quietly. Every
 * part made with `lazyPart` is prefetched once the map is idle (`prefetchWhenIdle`), one part per
 * idle period, so the first use is instant without competing with the first view.
 *
 * The English messages only the parts show are not in the first load (src/lib/i18n/en-parts.ts):
 * every way in here (`lazyPart`, `loadPart`, `withMessages` for a component imported in place)
 * waits for them with the part's own chunk, so a part never mounts before its words are here.
 */
import { loadPartMessages, t } from '../i18n/i18n.svelte';

/** A lazy module, resolved once the lazy parts' messages are here too (both load in parallel). */
export function withMessages<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadPartMessages()]).then(([m]) => m);
}

export interface LazyOptions {
  /**
   * What the part is, for the message ("presentation mode"), translated; a function is read only on
   * failure, so a caller's effect does not depend on the i18n state (a language loading later would
   * then load and draw the part again, losing its state).
   */
  what: string | (() => string);
  notify: (msg: string) => void;
  /** Undo whatever asked for the part (e.g. leave present mode). */
  onFail?: () => void;
}

export async function loadPart<T>(load: () => Promise<T>, o: LazyOptions): Promise<T> {
  try {
    return await withMessages(load);
  } catch (e) {
    const what = typeof o.what === 'function' ? o.what() : o.what;
    console.warn(`Could not load ${what}:`, (e as Error)?.message ?? e);
    o.notify(t('app.partFailed', { what }));
    o.onFail?.();
    throw e;
  }
}

export interface LazyPart<T> {
  /** The part, loaded on first call; a failure is told to the reader (see loadPart). */
  load(o: Omit<LazyOptions, 'what'>): Promise<T>;
  /** Fetch it without using it; a failure is silent (the reader has not asked for it yet). */
  prefetch(): Promise<void>;
  /** Whether it has loaded. */
  readonly loaded: boolean;
}

const registry: LazyPart<unknown>[] = [];

/** A code-split part; `what` is the i18n message that names it ("Presentation mode"). */
export function lazyPart<T>(importer: () => Promise<T>, what: () => string): LazyPart<T> {
  let pending: Promise<T> | null = null;
  let loaded = false;
  const get = () =>
    (pending ??= withMessages(importer).then(
      (m) => ((loaded = true), m),
      (e) => {
        pending = null; // the next use tries again (the network may be back)
        throw e;
      },
    ));
  const part: LazyPart<T> = {
    load: (o) => loadPart(get, { ...o, what }),
    prefetch: () =>
      get().then(
        () => undefined,
        () => undefined,
      ),
    get loaded() {
      return loaded;
    },
  };
  registry.push(part as LazyPart<unknown>);
  return part;
}

let scheduled = false;

/**
 * After the first view is drawn: fetch every registered part, one per idle period (the browser's
 * idle callback, or a short timeout where there is none), so using one later does not wait.
 */
export function prefetchWhenIdle(): void {
  if (scheduled) return;
  scheduled = true;
  const idle: (f: () => void) => void =
    typeof requestIdleCallback === 'function'
      ? (f) => requestIdleCallback(f, { timeout: 3000 })
      : (f) => setTimeout(f, 200);
  const queue = [...registry];
  const next = () => {
    const p = queue.shift();
    if (p) idle(() => void p.prefetch().then(next));
  };
  next();
}
