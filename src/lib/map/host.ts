/**
 * The overlay host, without Svelte: adds every overlay's images, sources and layers once, in the
 * registry's z-order, below the basemap labels; on a theme or language change diffs paint and layout
 * properties instead of removing and re-adding (so data, filters and feature-state survive); applies
 * each view's map data (setData only when the fingerprint changes, feature-state and filters only
 * where they changed); binds hover and click once for all overlays; and re-adds the custom (GPU)
 * layers after a WebGL context loss. Tested with a fake map (host.test.ts) and, for the methods it
 * calls, against the real maplibre-gl (maplibre-contract.test.ts).
 */
import type {
  CustomLayerInterface,
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MLMap,
  MapMouseEvent,
} from 'maplibre-gl';
import type { AnyOverlay, MapData, OverlayInput, Selection } from '../overlays/types';
import type { Lang } from '../i18n/i18n.svelte';
import type { Theme } from './theme';

/** The part of MapLibre's Map the host uses (the contract test checks each exists). */
export type HostMap = Pick<
  MLMap,
  | 'addSource'
  | 'getSource'
  | 'addLayer'
  | 'getLayer'
  | 'removeLayer'
  | 'setPaintProperty'
  | 'setLayoutProperty'
  | 'setFilter'
  | 'setFeatureState'
  | 'addImage'
  | 'hasImage'
  | 'on'
  | 'off'
  | 'queryRenderedFeatures'
  | 'getCanvas'
  | 'triggerRepaint'
  | 'redraw'
>;

type Props = Record<string, unknown>;

/** A feature under the pointer: its overlay, what selecting it means, and its properties. */
export interface Hit {
  overlay: string;
  sel: Selection;
  props: Record<string, unknown>;
}

/** Layers whose metadata says so go above the basemap labels (circle labels win collisions). */
const onTop = (l: LayerSpecification) =>
  !!(l as { metadata?: Record<string, unknown> }).metadata?.['crossings:top'];
const json = (v: unknown) => JSON.stringify(v) ?? 'undefined';
const propsOf = (l: LayerSpecification, k: 'paint' | 'layout'): Props =>
  ((l as unknown as Record<string, Props | undefined>)[k] ?? {}) as Props;

/**
 * Paint/layout differences between two versions of the same layers, as the calls that turn one into
 * the other. `visibility` is the host's, never the theme's.
 */
export function layerDiff(
  before: readonly LayerSpecification[],
  after: readonly LayerSpecification[],
): { layer: string; kind: 'paint' | 'layout'; key: string; value: unknown }[] {
  const out: { layer: string; kind: 'paint' | 'layout'; key: string; value: unknown }[] = [];
  const old = new Map(before.map((l) => [l.id, l]));
  for (const l of after) {
    const o = old.get(l.id);
    for (const kind of ['paint', 'layout'] as const) {
      const a = o ? propsOf(o, kind) : {};
      const b = propsOf(l, kind);
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (key === 'visibility') continue;
        if (json(a[key]) !== json(b[key])) out.push({ layer: l.id, kind, key, value: b[key] });
      }
    }
  }
  return out;
}

export function applyLayerDiff(
  map: HostMap,
  before: readonly LayerSpecification[],
  after: readonly LayerSpecification[],
) {
  for (const d of layerDiff(before, after)) {
    if (!map.getLayer(d.layer)) continue;
    if (d.kind === 'paint') map.setPaintProperty(d.layer, d.key as never, d.value as never);
    else map.setLayoutProperty(d.layer, d.key as never, d.value as never);
  }
}

interface Slot {
  o: AnyOverlay;
  specs: LayerSpecification[];
  custom: CustomLayerInterface | null;
  visible: boolean;
  filters: Map<string, string>;
  state: Map<string, Map<string | number, string>>;
  dataKeys: Map<string, string>;
}

export class OverlayHost {
  private readonly slots: Slot[];
  private unbind: (() => void) | null = null;

  constructor(
    private readonly map: HostMap,
    overlays: readonly AnyOverlay[],
    /** Overlays go below this layer (the first basemap label layer). */
    private readonly beforeId: string | undefined,
  ) {
    this.slots = overlays.map((o) => ({
      o,
      specs: [],
      custom: null,
      visible: true,
      filters: new Map(),
      state: new Map(),
      dataKeys: new Map(),
    }));
  }

  private before(): string | undefined {
    return this.beforeId && this.map.getLayer(this.beforeId) ? this.beforeId : undefined;
  }

  /** Adds everything once, bottom to top. Safe to call again (existing ids are kept). */
  add(input: OverlayInput) {
    for (const s of this.slots) {
      for (const [id, img] of Object.entries(s.o.images?.() ?? {}))
        if (!this.map.hasImage(id)) this.map.addImage(id, img, { sdf: !!img.sdf });
      for (const [id, src] of Object.entries(s.o.sources(input)))
        if (!this.map.getSource(id)) this.map.addSource(id, src);
      s.specs = s.o.layers(input.theme, input.lang);
      for (const l of s.specs)
        if (!this.map.getLayer(l.id)) this.map.addLayer(l, onTop(l) ? undefined : this.before());
      if (s.o.custom && !s.custom) {
        const layer = s.o.custom.create(input);
        s.custom = layer;
        this.map.addLayer(layer, this.before());
      }
    }
  }

  /** Layer ids the host added, bottom to top. */
  layerIds(): string[] {
    return this.slots.flatMap((s) => [...s.specs.map((l) => l.id), ...(s.custom ? [s.custom.id] : [])]);
  }

  /** A theme or language change: only the paint/layout properties that differ are set. */
  restyle(theme: Theme, lang: Lang) {
    for (const s of this.slots) {
      const next = s.o.layers(theme, lang);
      applyLayerDiff(this.map, s.specs, next);
      s.specs = next;
    }
  }

  private sentData = false;
  /**
   * Whether new source data went to a visible overlay since the last call (then reset): MapLibre
   * draws the map when the worker has laid it out, with every feature-state, filter and uniform set
   * since, so a redraw now would be a frame the next one repeats (and on a slow GPU, one more frame
   * a key press waits behind).
   */
  takeSentData(): boolean {
    const sent = this.sentData;
    this.sentData = false;
    return sent;
  }

  /** Show or hide an overlay's layers; true when that changed anything. */
  setVisible(id: string, visible: boolean): boolean {
    const s = this.slots.find((x) => x.o.id === id);
    if (!s || s.visible === visible) return false;
    s.visible = visible;
    for (const lid of this.layerIdsOf(s))
      if (this.map.getLayer(lid)) this.map.setLayoutProperty(lid, 'visibility', visible ? 'visible' : 'none');
    return true;
  }

  private layerIdsOf(s: Slot) {
    return [...s.specs.map((l) => l.id), ...(s.custom ? [s.custom.id] : [])];
  }

  /**
   * Push an overlay's view into the map (`md`: its mapData, when the caller already has it). Returns
   * true when what is drawn changed now (feature-state, a filter, a custom layer's uniforms), so the
   * caller redraws once for all overlays in this frame; new source data draws when its worker is done.
   */
  apply(id: string, view: unknown, input: OverlayInput, md?: MapData): boolean {
    const s = this.slots.find((x) => x.o.id === id);
    if (!s) return false;
    md ??= s.o.mapData(view, input);
    let changed = false;
    for (const [src, d] of Object.entries(md.data ?? {})) {
      if (s.dataKeys.get(src) === d.key) continue;
      const source = this.map.getSource(src) as GeoJSONSource | undefined;
      if (!source) continue;
      s.dataKeys.set(src, d.key);
      source.setData(d.fc);
      if (s.visible) this.sentData = true;
    }
    for (const [src, states] of Object.entries(md.state ?? {})) {
      if (!this.map.getSource(src)) continue;
      const last = s.state.get(src) ?? new Map<string | number, string>();
      for (const [fid, st] of states) {
        const k = json(st);
        if (last.get(fid) === k) continue;
        last.set(fid, k);
        this.map.setFeatureState({ source: src, id: fid }, st);
        changed = true;
      }
      s.state.set(src, last);
    }
    for (const [layer, f] of Object.entries(md.filters ?? {})) {
      const k = json(f);
      if (s.filters.get(layer) === k || !this.map.getLayer(layer)) continue;
      s.filters.set(layer, k);
      // validate: false — the overlays' filters are typed, and validating each one on every
      // window change cost more than setting it (profiled: ~3 ms a key press at 1280×720).
      this.map.setFilter(layer, f as FilterSpecification, { validate: false });
      changed = true;
    }
    if (s.custom && s.o.custom && s.o.custom.update(s.custom, view, input)) changed = true;
    return changed && s.visible;
  }

  isVisible(id: string): boolean {
    return this.slots.find((x) => x.o.id === id)?.visible ?? false;
  }

  /** The custom layer instance of an overlay (tests, bench). */
  customLayer<L extends CustomLayerInterface>(id: string): L | null {
    return (this.slots.find((x) => x.o.id === id)?.custom as L | undefined) ?? null;
  }

  /** What is under a screen point: the topmost visible overlay's feature, or null. */
  hit(x: number, y: number, views: (id: string) => unknown, input: OverlayInput): Hit | null {
    const layers = this.slots
      .filter((s) => s.visible && s.o.interactive)
      .flatMap((s) => s.o.interactive!.layers)
      .filter((l) => this.map.getLayer(l));
    const feats = layers.length ? this.map.queryRenderedFeatures([x, y], { layers }) : [];
    // Topmost first; a small mark (a higher `priority`) wins over a large translucent one above it,
    // so a marker under a circle can still be pointed at.
    let best: { hit: Hit; priority: number } | null = null;
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const s = this.slots[i];
      if (!s.visible) continue;
      let h: Hit | null = null;
      if (s.custom && s.o.custom?.pick) {
        const got = s.o.custom.pick(s.custom, x, y, views(s.o.id), input);
        if (got) h = { overlay: s.o.id, ...got };
      }
      const mine = s.o.interactive;
      const f = !h && mine ? feats.find((f) => mine.layers.includes(f.layer.id)) : undefined;
      if (f && mine) {
        const props = (f.properties ?? {}) as Record<string, unknown>;
        h = { overlay: s.o.id, sel: mine.select(props), props };
      }
      const priority = s.o.interactive?.priority ?? 0;
      if (h && (!best || priority > best.priority)) best = { hit: h, priority };
    }
    return best?.hit ?? null;
  }

  /**
   * One mousemove, one click and one mouseout handler for every overlay. Hover is reported, not
   * drawn here: the app keeps it as state, and each overlay highlights it in its mapData (the same
   * path keyboard focus in the table takes).
   */
  bindPointer(
    views: (id: string) => unknown,
    input: OverlayInput,
    on: { select(sel: Selection): void; hover(hit: Hit | null, point: { x: number; y: number }): void },
  ) {
    this.unbind?.();
    const canvas = () => this.map.getCanvas();
    let last = '';
    const move = (e: MapMouseEvent) => {
      const h = this.hit(e.point.x, e.point.y, views, input);
      canvas().style.cursor = h ? 'pointer' : '';
      const k = h ? `${h.overlay}:${json(h.sel)}:${json(h.props)}` : '';
      // The tooltip follows the pointer; the hover state changes only when the feature does.
      on.hover(h, e.point);
      last = k;
    };
    const click = (e: MapMouseEvent) => {
      const h = this.hit(e.point.x, e.point.y, views, input);
      if (h?.sel) on.select(h.sel);
    };
    const leave = () => {
      canvas().style.cursor = '';
      if (last) on.hover(null, { x: 0, y: 0 });
      last = '';
    };
    this.map.on('mousemove', move);
    this.map.on('click', click);
    this.map.on('mouseout', leave);
    this.unbind = () => {
      this.map.off('mousemove', move);
      this.map.off('click', click);
      this.map.off('mouseout', leave);
    };
    return this.unbind;
  }

  /**
   * After a WebGL context is restored MapLibre rebuilds the style from a copy without the custom
   * layers and without feature-state (map.ts `_contextLost` / `_contextRestored`): each custom layer
   * is added again as a fresh instance (new GL objects) at its place in the z-order, and every view
   * is applied again so feature-state comes back. Sources keep their data and layers their filters.
   */
  restore(input: OverlayInput, views: (id: string) => unknown) {
    this.slots.forEach((s, i) => {
      s.state.clear();
      if (!s.o.custom || !s.custom) return;
      if (this.map.getLayer(s.custom.id)) this.map.removeLayer(s.custom.id);
      const above = this.slots
        .slice(i + 1)
        .flatMap((x) => this.layerIdsOf(x))
        .find((id) => this.map.getLayer(id));
      const layer = s.o.custom.create(input);
      s.custom = layer;
      this.map.addLayer(layer, above ?? this.before());
      if (!s.visible) this.map.setLayoutProperty(layer.id, 'visibility', 'none');
    });
    for (const s of this.slots) {
      const v = views(s.o.id);
      if (v !== null && v !== undefined) this.apply(s.o.id, v, input);
    }
    this.map.triggerRepaint();
  }
}
