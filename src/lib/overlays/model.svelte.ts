/**
 * The overlay model: for each overlay in the registry, what it prepares once per data load and what
 * it shows for the current window (Svelte `$derived`, so each recomputes only when what it reads
 * changes). The map host, legend, summary line, table and exports all read this one model.
 */
import { getContext, setContext } from 'svelte';
import type { AppState } from '../state/app.svelte';
import { t } from '../i18n/i18n.svelte';
import { DATA_BASE } from '../data/load';
import { incidents } from '../map/gpu/incidentStore.svelte';
import { userData } from '../state/userData.svelte';
import type { SortedPoints } from '../map/gpu/points';
import { OVERLAYS } from './index';
import type { OverlayId } from './registry';
import type { AnyOverlay, IncidentData, LegendGroup, OverlayInput, SvgContext } from './types';
import type { Table } from '../ui/table/rows';
import {
  creditsOf,
  exportOf,
  legendOf,
  summaryOf,
  svgGroupsOf,
  tablesOf,
  type Entry,
  type ExportRecord,
} from './describe';

const NOT_READY = Symbol('not ready');

class OverlayState {
  constructor(
    readonly o: AnyOverlay,
    private readonly input: OverlayInput,
    private readonly ready: () => boolean,
  ) {}
  prepared = $derived.by(() => (this.ready() ? this.o.prepare(this.input) : NOT_READY));
  view = $derived.by(() => (this.prepared === NOT_READY ? null : this.o.view(this.prepared, this.input)));
  visible = $derived.by(() => this.ready() && this.o.visible(this.input));
}

export class OverlayModel {
  /** Bench only: synthetic points replacing the IOM incidents (see scripts/bench). */
  syntheticDeaths = $state.raw<SortedPoints | null>(null);
  readonly input: OverlayInput;
  readonly states: OverlayState[];
  private readonly byId = new Map<OverlayId, OverlayState>();

  constructor(private readonly app: AppState) {
    const synthetic = () => this.syntheticDeaths;
    this.input = {
      get data() {
        return app.data!;
      },
      get window() {
        return app.window;
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
        return app.layers;
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
  legend = $derived.by((): LegendGroup[] => legendOf(this.entries, this.input));
  tables = $derived.by((): Table[] => tablesOf(this.entries, this.input));
  summary = $derived.by((): string[] => summaryOf(this.entries, this.input));
  credits = $derived.by(() => creditsOf(this.entries, this.input));
  exportRecords = (): ExportRecord[] => exportOf(this.entries, this.input);
  svgGroups = (ctx: SvgContext) => svgGroupsOf(this.entries, this.input, ctx);
}

const KEY = Symbol('overlay-model');
export const setOverlayModel = (m: OverlayModel) => setContext(KEY, m);
export const getOverlayModel = () => getContext<OverlayModel>(KEY);
