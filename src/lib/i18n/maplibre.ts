/**
 * MapLibre's own interface strings ("Zoom in", "Zoom out", the canvas's "Map", the cooperative
 * gestures hint, the scale's units) in the reader's language. MapLibre reads them once, from the
 * `locale` map option, when it builds each control; `relocalizeMap` updates a live map when the
 * language changes (MapLibre 6 has no public setter: the locale table is replaced in place and the
 * already-built labels are rewritten).
 */
import type { Map as MLMap } from 'maplibre-gl';
import { t } from './i18n.svelte';

/** MapLibre locale keys → our message keys' text in the current language. */
export function mapLocale(): Record<string, string> {
  return {
    'Map.Title': t('maplibre.map'),
    'NavigationControl.ZoomIn': t('maplibre.zoomIn'),
    'NavigationControl.ZoomOut': t('maplibre.zoomOut'),
    'NavigationControl.ResetBearing': t('maplibre.resetBearing'),
    'CooperativeGesturesHandler.WindowsHelpText': t('maplibre.ctrlScroll'),
    'CooperativeGesturesHandler.MacHelpText': t('maplibre.cmdScroll'),
    'CooperativeGesturesHandler.MobileHelpText': t('maplibre.twoFingers'),
    'ScaleControl.Kilometers': t('maplibre.km'),
    'ScaleControl.Meters': t('maplibre.m'),
  };
}

/** Rewrite the strings of a live map's controls in the current language. */
export function relocalizeMap(map: MLMap, scale?: { setUnit(u: 'metric'): void }): void {
  const loc = mapLocale();
  const internal = map as unknown as { _locale?: Record<string, string> };
  internal._locale = { ...(internal._locale ?? {}), ...loc };
  const root = map.getContainer();
  map.getCanvas().setAttribute('aria-label', loc['Map.Title']);
  const label = (sel: string, text: string) =>
    root.querySelectorAll<HTMLElement>(sel).forEach((el) => {
      el.title = text;
      el.setAttribute('aria-label', text);
    });
  label('.maplibregl-ctrl-zoom-in', loc['NavigationControl.ZoomIn']);
  label('.maplibregl-ctrl-zoom-out', loc['NavigationControl.ZoomOut']);
  label('.maplibregl-ctrl-compass', loc['NavigationControl.ResetBearing']);
  const text = (sel: string, s: string) => root.querySelectorAll(sel).forEach((el) => (el.textContent = s));
  const mac = /Mac/i.test(globalThis.navigator?.platform ?? '');
  text(
    '.maplibregl-desktop-message',
    loc[mac ? 'CooperativeGesturesHandler.MacHelpText' : 'CooperativeGesturesHandler.WindowsHelpText'],
  );
  text('.maplibregl-mobile-message', loc['CooperativeGesturesHandler.MobileHelpText']);
  scale?.setUnit('metric');
}
