/**
 * Glue between the URL codec and the live AppState: read the shareable fields, apply a decoded
 * partial. Kept apart from UrlSync.svelte so the share dialog and exports build links the same way.
 */
import type { AppState, Selection } from './app.svelte';
import type { CatalogFile } from '../data/types';
import { encode, type UrlState } from './url';

/** Was the theme chosen as `auto` (follow prefers-color-scheme)? Links then keep saying `auto`. */
export const themeChoice = { auto: false };

export function snapshot(app: AppState): UrlState {
  return {
    view: app.view,
    window: app.window,
    layers: app.layers,
    metric: app.metric,
    selection: app.selection,
    lang: app.lang,
    theme: themeChoice.auto ? 'auto' : app.theme,
    mode: app.mode,
    embed: app.embed,
    story: app.story,
    text: app.text,
    compare: app.mode === 'explore' && app.panel === 'compare' ? app.comparePicks : null,
  };
}

export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Write the decoded fields into the app (absent fields are left as they are). */
export function applyToApp(app: AppState, part: Partial<UrlState>) {
  if (part.lang) app.lang = part.lang;
  if (part.theme) {
    themeChoice.auto = part.theme === 'auto';
    app.theme = part.theme === 'auto' ? (prefersDark() ? 'dark' : 'light') : part.theme;
  }
  if (part.mode) app.mode = part.mode;
  if (part.embed) app.embed = { ...part.embed };
  if (part.story !== undefined) app.story = part.story && { ...part.story };
  if (part.text) app.text = { ...part.text };
  if (part.window) app.window = [part.window[0], part.window[1]];
  if (part.layers) app.layers = { ...part.layers };
  if (part.metric) app.metric = part.metric;
  if (part.selection !== undefined) app.selection = part.selection && { ...part.selection };
  if (part.compare) {
    app.comparePicks = part.compare.map((p) => ({ ...p }));
    app.panel = 'compare';
  } else if (part.compare === null && app.panel === 'compare') app.panel = 'details';
  if (part.view !== undefined)
    app.view = part.view && { center: [...part.view.center], zoom: part.view.zoom };
}

/** An absolute link to the current state, optionally changed (e.g. as an embed, or without it). */
export function linkFor(app: AppState, change: Partial<UrlState> = {}, href = location.href): string {
  const u = new URL(href);
  u.search = encode({ ...snapshot(app), ...change }, u.search);
  u.hash = '';
  return u.toString();
}

/**
 * Does a selection from a link name something in the data? Incidents live in their own file and
 * are checked by the deaths layer, so they pass here.
 */
export function selectionExists(cat: CatalogFile, sel: NonNullable<Selection>): boolean {
  const has = (list: { id: string }[]) => list.some((x) => x.id === sel.id);
  switch (sel.kind) {
    case 'family':
      return has(cat.families);
    case 'segment':
      return has(cat.segments);
    case 'place':
      return has(cat.places);
    case 'country':
      // Own keys only: `constructor` or `toString` are not countries.
      return Object.hasOwn(cat.countries, sel.id);
    case 'agreement':
      return has(cat.agreements);
    case 'programme':
      return has(cat.programmes);
    default:
      return true;
  }
}
