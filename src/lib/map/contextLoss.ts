/**
 * Custom layers after a WebGL context loss. maplibre-gl 6 rebuilds the style itself when the context
 * is restored, from a snapshot that leaves out custom layers (`Map._contextLost` /
 * `Map._contextRestored` in node_modules/maplibre-gl/src/ui/map.ts), and never re-adds them or calls
 * their onAdd again: the app has to `addLayer` them again. The rebuilt style loads on the next frame,
 * after 'webglcontextrestored' (addLayer before that throws "Style is not done loading."), so this
 * waits for the following 'style.load'. A worker-pool restart goes through the same rebuild with
 * synthetic 'webglcontextlost' / 'webglcontextrestored' events (`Map._handleWorkersRestarted`), so it
 * is covered too.
 */
import type { Map as MLMap } from 'maplibre-gl';

/**
 * Calls `onRestored` once the map's style has been rebuilt after each WebGL context restore (on the
 * first 'style.load' after 'webglcontextrestored'), when custom layers can be added again. A loss
 * while a restore is still waiting for its style cancels that wait. Returns a function that stops
 * watching.
 */
export function watchContextLoss(map: MLMap, onRestored: () => void): () => void {
  let waiting = false;
  const styleLoaded = () => {
    waiting = false;
    onRestored();
  };
  const cancel = () => {
    if (waiting) map.off('style.load', styleLoaded);
    waiting = false;
  };
  const restored = () => {
    cancel();
    waiting = true;
    map.once('style.load', styleLoaded);
  };
  map.on('webglcontextlost', cancel);
  map.on('webglcontextrestored', restored);
  return () => {
    cancel();
    map.off('webglcontextlost', cancel);
    map.off('webglcontextrestored', restored);
  };
}
