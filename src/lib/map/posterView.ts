/**
 * The poster's geometry: Web Mercator in "world pixels at zoom 0" (512 px tiles, as MapLibre), the
 * camera MapLibre's fitBounds would choose, and where the poster image goes so that it lines up with
 * the live map drawn into the same box. Plain functions without imports: scripts/poster/ inlines
 * their source into index.html (they run before any module loads) and the unit tests import them.
 */
export function mercX(lon: number): number {
  return ((lon + 180) / 360) * 512;
}
export function mercY(lat: number): number {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 512;
}

/**
 * Centre (world px at zoom 0) and zoom of MapLibre's `fitBounds(bounds, { padding })` in a w × h
 * box, clamped to [minZoom, maxZoom]; or of a requested view `zoom/lat/lng` (the URL's `map=`).
 */
export function posterCamera(
  w: number,
  h: number,
  bounds: number[][],
  padding: number,
  minZoom: number,
  maxZoom: number,
  view: number[] | null,
): { x: number; y: number; zoom: number } {
  if (view)
    return { x: mercX(view[2]), y: mercY(view[1]), zoom: Math.min(maxZoom, Math.max(minZoom, view[0])) };
  const x0 = mercX(bounds[0][0]);
  const x1 = mercX(bounds[1][0]);
  const y0 = mercY(bounds[1][1]);
  const y1 = mercY(bounds[0][1]);
  const scale = Math.min((w - 2 * padding) / (x1 - x0), (h - 2 * padding) / (y1 - y0));
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.log2(scale)));
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, zoom };
}

/**
 * Where the poster image (it spans `box` = [x, y, width, height] in world px at zoom 0) goes in a
 * w × h box for a camera: its left, top, width and height in CSS pixels.
 */
export function posterPlacement(
  w: number,
  h: number,
  box: number[],
  cam: { x: number; y: number; zoom: number },
): number[] {
  const s = 2 ** cam.zoom;
  return [w / 2 + (box[0] - cam.x) * s, h / 2 + (box[1] - cam.y) * s, box[2] * s, box[3] * s];
}
