/**
 * "Download for offline" in the browser: the running app fetches its own files (relative to
 * document.baseURI, so under any sub-path) and folds them into one HTML file with inline.ts — the
 * same code as `npm run build:offline` — with the story in it, opened in present mode.
 */
import { inlineSite } from './inline';
import type { Story } from '../data/stories';

/** Inside the offline file itself there are no files to fetch (everything is already in it). */
export const canMakeOffline = () =>
  (globalThis as { __CROSSINGS_DATA__?: unknown }).__CROSSINGS_DATA__ === undefined;

export interface OfflineStory {
  id: string;
  /** The reader's own story, written into the file's stories (a built-in one is there already). */
  own?: Story;
  lang: string;
}

export async function offlineHtml(s: OfflineStory, base = document.baseURI): Promise<string> {
  const read = async (path: string) => {
    const res = await fetch(new URL(path, base), { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const q = new URLSearchParams({ present: s.id, lang: s.lang });
  return inlineSite({ read }, { story: s.own, start: `?${q}` });
}

/** The file name: crossings-<story id>-<lang>.html. */
export const offlineName = (s: OfflineStory) => `crossings-${s.id}-${s.lang}.html`;
