/**
 * The live MapLibre map for code outside the map's component tree (exports, URL Back/Forward).
 * Set by ShareMapBridge, which sits inside MapView and reads the map context.
 */
import type { Map as MLMap } from 'maplibre-gl';

export const mapRef: { map: MLMap | null } = { map: null };
