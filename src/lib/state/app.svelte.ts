/**
 * The one application state (Svelte 5 runes class). Components read and write it; the URL codec
 * serialises it; pure modules in lib/filter turn it into map filters and aggregates.
 */
import { getContext, setContext } from 'svelte';
import type { Metric } from '../data/schema';
import type { AppData } from '../data/types';
import { monthIndex, type MonthIndex } from '../data/time';
import { i18n, type Lang } from '../i18n/i18n.svelte';
import { scaledTheme, THEMES, type Theme, type ThemeId } from '../map/theme';
import { DEFAULT_LAYERS, type Layers } from '../overlays/registry';
import type { Selection } from './selection';
import type { Focus } from '../data/stories';
import { DEFAULT_PICKS, type ComparePick } from './selection';

export { LAYER_IDS, DEFAULT_LAYERS, type LayerId, type Layers } from '../overlays/registry';
export { SELECTION_KINDS, type Selection } from './selection';

export type Mode = 'explore' | 'embed' | 'present';
export interface View {
  center: [number, number];
  zoom: number;
}

/** Data starts in 2009 (Frontex) and the latest complete figures are 2025. */
export const TIME_DOMAIN: [MonthIndex, MonthIndex] = [monthIndex('2009-01'), monthIndex('2025-12')];
export const DEFAULT_WINDOW: [MonthIndex, MonthIndex] = [monthIndex('2023-01'), monthIndex('2023-12')];

export class AppState {
  data = $state.raw<AppData | null>(null);
  theme = $state<ThemeId>('light');
  mode = $state<Mode>('explore');
  window = $state<[MonthIndex, MonthIndex]>([...DEFAULT_WINDOW]);
  layers = $state<Layers>({ ...DEFAULT_LAYERS });
  /**
   * What the map and everything derived from the overlays (legend, summary, table, exports) show:
   * `window` and `layers` as committed by the overlay model's frame scheduler, one frame after the
   * input (src/lib/state/frames.ts). Controls read `window`/`layers`; the overlays read these.
   * `shownLayers` is written switch by switch, so a toggle re-derives only its own overlay.
   */
  shownWindow = $state.raw<readonly [MonthIndex, MonthIndex]>([...DEFAULT_WINDOW]);
  shownLayers = $state<Layers>({ ...DEFAULT_LAYERS });
  metric = $state<Metric>('sea_arrivals');
  selection = $state<Selection>(null);
  /**
   * What the pointer is over, or what has keyboard focus in the table or the search results
   * (transient: never in the URL). Overlays highlight it and the map shows its tooltip.
   */
  hovered = $state.raw<Selection>(null);
  /** Present mode: the chapter's subject (highlighted on the map; never in the URL). */
  focus = $state.raw<Focus | null>(null);
  /** Present mode: the map's label and symbol scale for the screen (null: the theme's own). */
  mapScale = $state<number | null>(null);
  /** The theme the map draws with (the chosen theme at the map scale). */
  readonly mapTheme: Theme = $derived(scaledTheme(THEMES[this.theme], this.mapScale));
  /** null: fit the region. */
  view = $state<View | null>(null);
  /** Messages for the user (e.g. a URL parameter that was ignored). */
  notices = $state<string[]>([]);
  /** Embed flags (`?embed&static&plain`). */
  embed = $state<{ static: boolean; plain: boolean }>({ static: false, plain: false });
  /** Headline, description, notes and byline for embeds and exports ('' = generated from the view). */
  text = $state<{ title: string; desc: string; note: string; byline: string }>({
    title: '',
    desc: '',
    note: '',
    byline: '',
  });
  /** Present mode: the story being shown and its chapter (0-based). */
  story = $state<{ id: string; chapter: number } | null>(null);
  /** The timeline is playing (the window slides month by month). */
  playing = $state(false);
  /** Which side panel is open in explore mode (details is the default). */
  panel = $state<'details' | 'table' | 'compare' | 'about'>('details');
  /** The Compare panel's route families and countries, in the order picked (in the link while it is open). */
  comparePicks = $state<ComparePick[]>([...DEFAULT_PICKS]);

  get lang(): Lang {
    return i18n.lang;
  }
  set lang(l: Lang) {
    i18n.lang = l;
  }

  notify(msg: string) {
    // The same message twice (a retried load, a repeated link problem) is shown once.
    if (this.notices.includes(msg)) return;
    this.notices = [...this.notices, msg];
  }
  select(sel: Selection) {
    this.selection = sel;
  }
}

const KEY = Symbol('app-state');
export const setAppState = (s: AppState) => setContext(KEY, s);
export const getAppState = () => getContext<AppState>(KEY);
