/**
 * The map context: one class with $state fields, created by App and reached through typed helpers,
 * so exports, present mode, search and the table reach the live map without module singletons.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MLMap } from 'maplibre-gl';
import type { FocusTarget } from '../search/target';
import type { OverlayHost } from './host';

export class MapContext {
  map = $state.raw<MLMap | null>(null);
  /** True once the style has loaded: layers may be added. */
  ready = $state(false);
  /** The layer id data layers are inserted before (labels stay on top). */
  beforeId = $state<string | undefined>(undefined);
  /** The overlay host, once the overlays are on the map. */
  host = $state.raw<OverlayHost | null>(null);
  /** Without WebGL the SVG map moves instead (SvgMapView sets this). */
  fallback: ((target: FocusTarget) => void) | null = null;
  /** A move asked for before the map existed (carried out when it loads). */
  private pending: FocusTarget | null = null;

  /** Move the map to a target (search result, table row); instant under reduced motion. */
  focus(target: FocusTarget | null) {
    if (!target) return;
    const map = this.map;
    if (!map) return void (this.fallback ? this.fallback(target) : (this.pending = target));
    const reduced =
      typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const duration = reduced ? 0 : 900;
    if (target.kind === 'bounds') map.fitBounds(target.bounds, { padding: 60, maxZoom: 7, duration });
    else map.flyTo({ center: target.center, zoom: Math.max(target.zoom, 0), duration });
  }

  /** Called by MapView once the map is ready. */
  flushPending() {
    const p = this.pending;
    this.pending = null;
    if (p) this.focus(p);
  }
}

const KEY = Symbol('map');
export const setMapContext = (c: MapContext) => setContext(KEY, c);
export const getMapContext = () => getContext<MapContext>(KEY);
