/**
 * The reader's own story: kept in this browser's localStorage (nothing leaves the browser), made
 * from the live view ("Add this view as a chapter") and checked by the build's own validator.
 * No UI here: present mode reads the story through this module, the authoring panel edits it.
 */
import type { AppData } from '../data/types';
import type { Metric } from '../data/schema';
import type { MonthIndex } from '../data/time';
import { STORY_LAYERS, type Story, type StoryRefs } from '../data/stories';
import { storyRefs } from '../data/storyRefs';
import { checkDraft, type Draft, type DraftChapter } from '../data/storyWrite';
import type { Layers } from '../state/app.svelte';
import type { Selection } from '../state/selection';
import { LOCALES } from '../i18n/i18n.svelte';

export const DRAFT_KEY = 'crossings:own-story:v1';

/** The saved draft, or null (none, unreadable, or storage blocked). */
/** A selection as a chapter focus: agreements, places and countries as they are, a route family as a route. */
function focusOf(sel: { kind: string; id: string } | null): DraftChapter['focus'] {
  if (!sel) return null;
  if (sel.kind === 'agreement' || sel.kind === 'place' || sel.kind === 'country')
    return { kind: sel.kind, id: sel.id };
  if (sel.kind === 'family' || sel.kind === 'segment') return { kind: 'route', id: sel.id };
  return null;
}

export function readDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && typeof d.id === 'string' && typeof d.lang === 'string' && Array.isArray(d.chapters)
      ? d
      : null;
  } catch {
    return null;
  }
}

/** Save (or, with null, forget) the draft. False when the browser refuses storage. */
export function writeDraft(d: Draft | null): boolean {
  try {
    if (d) localStorage.setItem(DRAFT_KEY, JSON.stringify(d));
    else localStorage.removeItem(DRAFT_KEY);
    return true;
  } catch {
    return false;
  }
}

export const appRefs = (data: AppData): StoryRefs => storyRefs(data.catalog, Object.keys(LOCALES));

/** The own story as present mode plays it, when it is valid and its id is not a built-in one. */
export function ownStory(data: AppData, builtIn: readonly { id: string }[]): Story | null {
  const d = readDraft();
  if (!d || builtIn.some((s) => s.id === d.id)) return null;
  return checkDraft(d, appRefs(data)).story;
}

export const emptyDraft = (lang: string): Draft => ({
  id: 'my-story',
  lang,
  langs: { [lang]: { title: '', description: '' } },
  chapters: [],
});

/** Sources a chapter of this view should cite: the selected record's, and the metric's data set. */
export function suggestSources(
  data: AppData,
  c: Pick<DraftChapter, 'selection' | 'metric' | 'window'>,
): string[] {
  const cat = data.catalog;
  const out: string[] = [];
  const sel = c.selection;
  if (sel) {
    const list: Record<string, readonly { id: string; sources?: string[] }[]> = {
      agreement: cat.agreements,
      programme: cat.programmes,
      place: cat.places,
      family: cat.families as unknown as { id: string; sources?: string[] }[],
    };
    out.push(...(list[sel.kind]?.find((r) => r.id === sel.id)?.sources ?? []));
  }
  if (c.metric === 'frontex_detections') out.push('frontex-ibc');
  else if (c.metric === 'dead_missing') out.push('iom-mmp');
  else if (c.metric) {
    const [a, b] = c.window;
    // The counts the chapter shows: of the selected place or country, else of every area drawn.
    const area = sel && (sel.kind === 'place' || sel.kind === 'country') ? sel.id : null;
    for (const row of data.counts) {
      if (row.metric !== c.metric || (area && row.area !== area)) continue;
      const y = Number(row.period.slice(0, 4)) * 12;
      if (y + 11 >= a && y <= b) out.push(...row.sources);
    }
  }
  const known = new Set(cat.sources.map((s) => s.id));
  return [...new Set(out)].filter((id) => known.has(id));
}

const r = (x: number, digits: number) => Number(x.toFixed(digits));

/** A chapter of the live view: camera, window, overlays, selection and metric; no text yet. */
export function captureChapter(
  data: AppData,
  s: {
    center: [number, number];
    zoom: number;
    window: [MonthIndex, MonthIndex];
    layers: Layers;
    selection: Selection;
    metric: Metric;
  },
  langs: readonly string[],
): DraftChapter {
  const c: DraftChapter = {
    langs: Object.fromEntries(langs.map((l) => [l, { title: '', text: '', notes: '' }])),
    // Rounded as the story file writes them (about 10 m; a hundredth of a zoom level).
    view: { center: [r(s.center[0], 4), r(s.center[1], 4)], zoom: r(Math.min(11, Math.max(1.5, s.zoom)), 2) },
    window: [s.window[0], s.window[1]],
    overlays: STORY_LAYERS.filter((l) => s.layers[l]),
    selection: s.selection ? { kind: s.selection.kind, id: s.selection.id } : null,
    // The selected thing is the chapter's subject (highlighted in present mode) when it can be one.
    focus: focusOf(s.selection),
    metric: s.metric,
    sources: [],
  };
  c.sources = suggestSources(data, c);
  return c;
}
