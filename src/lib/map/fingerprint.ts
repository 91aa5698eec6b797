/**
 * A cheap fingerprint of a small FeatureCollection (ids and properties, not geometry): the host
 * calls setData only when it changes, because setData re-tiles the source in the worker, which
 * costs frames while the timeline plays, and most windows leave a small overlay as it was.
 */
export const featureKey = (fc: { features: { id?: string | number; properties: unknown }[] }) =>
  fc.features.map((f) => `${f.id}:${JSON.stringify(f.properties)}`).join('|');
