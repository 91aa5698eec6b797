/** The region the app covers: Atlantic coast of Africa (and the Canaries, Cabo Verde) to the Horn of
 * Africa and Türkiye; the Great Lakes to the UK and the Netherlands. [west, south, east, north]. */
export const REGION_BBOX = [-26, -6, 52, 61] as const;

/** The view fitted on load: the routes' core, from the Canaries to the Horn, Kigali to London. */
export const INITIAL_BOUNDS = [
  [-19, -3],
  [45, 53],
] as const;

export function insideRegion(lon: number, lat: number): boolean {
  const [w, s, e, n] = REGION_BBOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}
