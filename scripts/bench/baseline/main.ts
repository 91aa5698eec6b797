/**
 * The bench's in-run baseline: the bare basemap with the same MapLibre, the same style and options
 * as the app's MapView, and no overlays. Built by scripts/bench/run.ts, never shipped.
 */
import { Map as MLMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapStyle, attachFineBasemap } from '../../../src/lib/map/basemap';
import { THEMES } from '../../../src/lib/map/theme';
import { INITIAL_BOUNDS } from '../../../src/lib/data/region';

const DATA = '../data/';
setWorkerUrl(workerUrl);
const map = new MLMap({
  container: 'map',
  style: basemapStyle(THEMES.light, DATA),
  bounds: INITIAL_BOUNDS as unknown as [[number, number], [number, number]],
  fitBoundsOptions: { padding: 16 },
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: false, antialias: false },
  fadeDuration: 0,
  maxBounds: [
    [-45, -25],
    [75, 72],
  ],
  minZoom: 1.5,
  maxZoom: 11,
  locale: {},
});
map.on('load', () => attachFineBasemap(map, DATA, (e) => console.warn(e)));
(window as unknown as { __crossingsMap: MLMap }).__crossingsMap = map;
