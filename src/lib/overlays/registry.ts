/**
 * The registry: which overlays exist, bottom to top (z-order on the map and in the SVG), which a
 * reader switches on and off, and which are on by default. Plain data with no imports, so the app,
 * the URL codec, the story format and the Node scripts read the same list. The overlay modules
 * themselves are in ./index.ts (typed against this list, so a missing one fails the type check).
 */
export const REGISTRY = [
  // Context first (under the routes): agreements and programmes are tints, outlines and small marks.
  { id: 'agreements', toggle: true, on: true, menu: 3 },
  { id: 'programmes', toggle: true, on: false, menu: 2 },
  // The subject.
  { id: 'routes', toggle: true, on: true, menu: 0 },
  // Evidence on the routes.
  { id: 'landings', toggle: true, on: true, menu: 1 },
  { id: 'deaths', toggle: true, on: false, menu: 4 },
  // The reader's own points, on top of everything curated.
  { id: 'user', toggle: false, on: true, menu: 5 },
  // A story chapter's subject (present mode): ringed and named above everything.
  { id: 'focus', toggle: false, on: true, menu: 6 },
] as const;

export type OverlayId = (typeof REGISTRY)[number]['id'];
/** Every overlay id, in z-order (bottom first). */
export const OVERLAY_IDS: readonly OverlayId[] = REGISTRY.map((r) => r.id);

type Toggle = Extract<(typeof REGISTRY)[number], { toggle: true }>;
/** The overlays a reader switches (toggles, URL `layers=`, story `overlays:`), in menu order. */
export type LayerId = Toggle['id'];
export const LAYER_IDS: readonly LayerId[] = REGISTRY.filter((r): r is Toggle => r.toggle)
  .sort((a, b) => a.menu - b.menu)
  .map((r) => r.id);
export type Layers = Record<LayerId, boolean>;
export const DEFAULT_LAYERS: Layers = Object.fromEntries(
  REGISTRY.filter((r): r is Toggle => r.toggle).map((r) => [r.id, r.on]),
) as Layers;

export const isLayerId = (s: string): s is LayerId => (LAYER_IDS as readonly string[]).includes(s);

/** Every overlay id in menu order (legend, table and summary list overlays this way). */
export const MENU_ORDER: readonly OverlayId[] = [...REGISTRY]
  .sort((a, b) => a.menu - b.menu)
  .map((r) => r.id);
