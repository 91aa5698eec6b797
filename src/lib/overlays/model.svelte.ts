/**
 * The overlay model: for each overlay in the registry, what it prepares once per data load and what
 * it shows for the shown window (Svelte `$derived`, so each recomputes only when what it reads
 * changes: a time change re-derives the overlays that read the window, a toggle only its own
 * overlay, and an overlay that is switched off is not derived at all). The map host, legend, summary
 * line, table and exports all read this one model.
 *
 * Input first, map after: the model reads the app's *shown* window and layers, which its frame
 * scheduler (`frames`, src/lib/state/frames.ts) commits from `app.window` / `app.layers` in the frame
 * after the input, coalesced (latest wins); the host applies the views to the map in that same frame.
 */
import { flushSync, getContext, setContext, untrack } from 'svelte';
import type { AppState } from '../state/app.svelte';
import { t } from '../i18n/i18n.svelte';
import { DATA_BASE } from '../data/load';
import { incidents } from '../map/gpu/incidentStore.svelte';
import { userData } from '../state/userData.svelte';
import type { SortedPoints } from '../map/gpu/points';
import { FrameScheduler, type RequestFrame } from '../state/frames';
import { OVERLAYS } from './index';
import { LAYER_IDS, MENU_ORDER, type OverlayId } from './registry';
import type { AnyOverlay, IncidentData, LegendGroup, MapData, OverlayInput, SvgContext } from './types';
import type { Table } from '../ui/table/rows';
import { exportOf, svgGroupsOf, type Entry, type ExportRecord } from './describe';

const NOT_READY = Symbol('not ready');

class OverlayState {
  constructor(
    readonly o: AnyOverlay,
    private readonly input: OverlayInput,
    private readonly ready: () => boolean,
  ) {}
  prepared = $derived.by(() => (this.ready() ? this.o.prepare(this.input) : NOT_READY));
  view = $derived.by(() => {
    if (this.prepared === NOT_READY) return null;
    this.derivations++;
    return this.o.view(this.prepared, this.input);
  });
  visible = $derived.by(() => this.ready() && this.o.visible(this.input));
  /** How often `view` was computed (the tests check a change re-derives only what it touched). */
  derivations = 0;
  /** Visible and with a view. An overlay that is off is never derived (`visible` is read first). */
  get shown(): boolean {
    return this.visible && this.view !== null;
  }
  /** What the host applies to the map for the view (null while hidden). */
  mapData = $derived.by((): MapData | null => (this.shown ? this.o.mapData(this.view, this.input) : null));
  legend = $derived.by((): LegendGroup[] => (this.shown ? this.o.legend(this.view, this.input) : []));
  table = $derived.by((): Table | null => (this.shown ? this.o.table(this.view, this.input) : null));
  summary = $derived.by((): string | null =>
    this.shown ? (this.o.summary?.(this.view, this.input) ?? null) : null,
  );
  credits = $derived.by(() => (this.shown ? (this.o.credits?.(this.view, this.input) ?? null) : null));
}

/** The browser's frame clock; outside a browser (Node tests without a fake) a 16 ms timer. */
const browserFrame: RequestFrame = (cb) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => cb()) : setTimeout(cb, 16);

export class OverlayModel {
  /** Bench only: synthetic points replacing the IOM incidents (see scripts/bench). */
  syntheticDeaths = $state.raw<SortedPoints | null>(null);
  readonly input: OverlayInput;
  readonly states: OverlayState[];
  private readonly byId = new Map<OverlayId, OverlayState>();

  /** Commits the app's window and layers to the overlays and the map, one frame after the input. */
  readonly frames: FrameScheduler;
  private readonly stop: () => void;

  constructor(
    private readonly app: AppState,
    requestFrame: RequestFrame = browserFrame,
  ) {
    const synthetic = () => this.syntheticDeaths;
    // After the frame's commits: run the effects they cause now (the host's map updates queue one
    // job, which runs in this same frame).
    this.frames = new FrameScheduler(requestFrame, () => flushSync());
    this.input = {
      get data() {
        return app.data!;
      },
      get window() {
        return app.shownWindow;
      },
      get theme() {
        return app.mapTheme;
      },
      get lang() {
        return app.lang;
      },
      t,
      get metric() {
        return app.metric;
      },
      get selection() {
        return app.selection;
      },
      get hover() {
        return app.hovered;
      },
      get focus() {
        return app.focus;
      },
      get layers() {
        return app.shownLayers;
      },
      get incidents(): IncidentData | null {
        const s = synthetic();
        if (s) return { list: [], sorted: s, dmPrefix: new Float64Array(s.n + 1) };
        return incidents.data;
      },
      get user() {
        return userData.layer;
      },
      get incidentsFailed() {
        return incidents.error !== null && !incidents.data;
      },
      dataBase: DATA_BASE,
    };
    this.states = OVERLAYS.map((o) => new OverlayState(o, this.input, () => !!app.data));
    for (const s of this.states) this.byId.set(s.o.id, s);
    this.menu = [...this.states].sort((a, b) => MENU_ORDER.indexOf(a.o.id) - MENU_ORDER.indexOf(b.o.id));
    this.stop = $effect.root(() => {
      $effect(() => {
        const w = app.window;
        untrack(() => {
          const cur = app.shownWindow;
          if (w[0] === cur[0] && w[1] === cur[1]) return;
          this.frames.defer('window', () => {
            const now = app.shownWindow;
            if (now[0] !== w[0] || now[1] !== w[1]) app.shownWindow = [w[0], w[1]];
          });
        });
      });
      $effect(() => {
        const next = { ...app.layers };
        untrack(() =>
          this.frames.defer('layers', () => {
            // Switch by switch: an overlay whose switch did not move is not re-derived.
            for (const id of LAYER_IDS) if (app.shownLayers[id] !== next[id]) app.shownLayers[id] = next[id];
          }),
        );
      });
    });
  }

  /** Stop following the app state (tests). */
  destroy() {
    this.stop();
  }

  /** The view of one overlay (null before the data loads). */
  view<V = unknown>(id: OverlayId): V | null {
    return (this.byId.get(id)?.view ?? null) as V | null;
  }
  isVisible(id: OverlayId): boolean {
    return this.byId.get(id)?.visible ?? false;
  }

  /** Load what a visible overlay needs on first use (the IOM incidents). */
  ensureLoaded() {
    const data = this.app.data;
    if (data && this.app.layers.deaths && !this.syntheticDeaths && !incidents.list)
      // The raw error ("Failed to fetch") is for the console; the reader gets a sentence in their language.
      incidents.load(data.manifest).catch((e: Error) => {
        console.warn('IOM incidents:', e.message);
        this.app.notify(t('deaths.loadError'));
      });
  }

  /** The overlays as plain entries (z-order), for the pure functions in ./describe. */
  get entries(): Entry[] {
    return this.states.map((s) => ({ o: s.o, view: s.visible ? s.view : null, visible: s.visible }));
  }
  /** The overlays in menu order (legend, table and summary list them this way). */
  private readonly menu: OverlayState[];
  // Each overlay's part is its own derived (a toggle or a hover re-derives only the overlays it
  // touches); these only join them, as ./describe's legendOf/tablesOf/summaryOf/creditsOf do.
  legend = $derived.by((): LegendGroup[] => this.menu.flatMap((s) => s.legend));
  tables = $derived.by((): Table[] => this.menu.map((s) => s.table).filter((x): x is Table => !!x));
  summary = $derived.by((): string[] => this.menu.map((s) => s.summary).filter((x): x is string => !!x));
  credits = $derived.by(() => {
    const out = { data: [] as string[], documents: [] as OverlayId[] };
    for (const s of this.menu) {
      const c = s.credits;
      if (!c) continue;
      out.data.push(...c.data);
      if (c.documents > 0) out.documents.push(s.o.id);
    }
    return out;
  });
  exportRecords = (): ExportRecord[] => exportOf(this.entries, this.input);
  svgGroups = (ctx: SvgContext) => svgGroupsOf(this.entries, this.input, ctx);
}

const KEY = Symbol('overlay-model');
export const setOverlayModel = (m: OverlayModel) => setContext(KEY, m);
export const getOverlayModel = () => getContext<OverlayModel>(KEY);
