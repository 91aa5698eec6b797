/** The map context: one class with $state fields, reached through typed helpers. */
import { getContext, setContext } from 'svelte';
import type { Map as MLMap } from 'maplibre-gl';

export class MapContext {
  map = $state.raw<MLMap | null>(null);
  /** True once the style has loaded: layers may be added. */
  ready = $state(false);
  /** The layer id data layers are inserted before (labels stay on top). */
  beforeId = $state<string | undefined>(undefined);
}

const KEY = Symbol('map');
export const setMapContext = (c: MapContext) => setContext(KEY, c);
export const getMapContext = () => getContext<MapContext>(KEY);
