/**
 * Arabic map labels need shaping (joined letter forms) and bidirectional reordering, which MapLibre
 * leaves to its RTL text plugin. The plugin (`@mapbox/mapbox-gl-rtl-text`, from npm) is a local
 * asset of the build — no network — and in the offline single file a data: URL. It is registered
 * deferred: MapLibre loads it only once a label contains right-to-left text (so in Arabic).
 */
import { getRTLTextPluginStatus, setRTLTextPlugin } from 'maplibre-gl';
import rtlTextUrl from 'mapbox-gl-rtl-text-script?url';

export function registerRtlText(): void {
  // Test hook only: the browser tests read the plugin's status; the app never does.
  (globalThis as { __crossingsRtlStatus?: () => string }).__crossingsRtlStatus = getRTLTextPluginStatus;
  if (getRTLTextPluginStatus() !== 'unavailable') return;
  setRTLTextPlugin(rtlTextUrl, true).catch((e: unknown) => console.warn('RTL text plugin:', e));
}
