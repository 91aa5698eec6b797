/**
 * Add/remove/hover/click written once; each overlay declares only its sources and layers.
 */
import type {
  GeoJSONSource,
  LayerSpecification,
  Map as MLMap,
  MapLayerMouseEvent,
  SourceSpecification,
} from 'maplibre-gl';

export function addSource(map: MLMap, id: string, source: SourceSpecification) {
  if (!map.getSource(id)) map.addSource(id, source);
}

export function addLayers(map: MLMap, layers: LayerSpecification[], beforeId?: string) {
  for (const l of layers)
    if (!map.getLayer(l.id)) map.addLayer(l, beforeId && map.getLayer(beforeId) ? beforeId : undefined);
}

export function removeAll(map: MLMap, layerIds: string[], sourceIds: string[]) {
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
}

export function setVisible(map: MLMap, layerIds: string[], visible: boolean) {
  for (const id of layerIds)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

/** Hover highlight through feature-state; returns an unbind function. */
export function bindHover(
  map: MLMap,
  layerId: string,
  source: string,
  onChange?: (id: string | number | null) => void,
) {
  let hovered: string | number | undefined;
  const clear = () => {
    if (hovered !== undefined) map.setFeatureState({ source, id: hovered }, { hover: false });
    hovered = undefined;
  };
  const move = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (!f || f.id === undefined) return;
    if (f.id !== hovered) {
      clear();
      hovered = f.id;
      map.setFeatureState({ source, id: hovered }, { hover: true });
      onChange?.(hovered);
    }
    map.getCanvas().style.cursor = 'pointer';
  };
  const leave = () => {
    clear();
    map.getCanvas().style.cursor = '';
    onChange?.(null);
  };
  map.on('mousemove', layerId, move);
  map.on('mouseleave', layerId, leave);
  return () => {
    map.off('mousemove', layerId, move);
    map.off('mouseleave', layerId, leave);
  };
}

export function bindClick(
  map: MLMap,
  layerId: string,
  onClick: (props: Record<string, unknown>, e: MapLayerMouseEvent) => void,
) {
  const h = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (f) onClick(f.properties ?? {}, e);
  };
  map.on('click', layerId, h);
  return () => map.off('click', layerId, h);
}

const lastKeys = new WeakMap<object, string>();
/**
 * setData only when the content changed: setData re-tiles the source in the worker, which costs
 * frames while the timeline plays, and most windows leave a small overlay as it was. `key` is a
 * cheap fingerprint of `data` from the caller. Keyed by the source object, so a source re-created
 * (e.g. after a theme change) is always filled.
 */
export function setDataIfChanged(map: MLMap, id: string, data: GeoJSON.GeoJSON, key: string) {
  const source = map.getSource(id) as GeoJSONSource | undefined;
  if (!source || lastKeys.get(source) === key) return;
  lastKeys.set(source, key);
  source.setData(data);
}

/** A fingerprint of a small FeatureCollection: ids and properties, not geometry. */
export const featureKey = (fc: { features: { id?: string | number; properties: unknown }[] }) =>
  fc.features.map((f) => `${f.id}:${JSON.stringify(f.properties)}`).join('|');
