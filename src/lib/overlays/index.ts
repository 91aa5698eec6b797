/**
 * The overlay modules, in the registry's z-order (bottom first). Adding an overlay: write one module
 * against ./types.ts, add its entry to ./registry.ts and here, and its `layers.<id>` locale strings.
 */
import { OVERLAY_IDS, type OverlayId } from './registry';
import type { AnyOverlay } from './types';
import { agreements } from './agreements';
import { programmes } from './programmes';
import { routes } from './routes';
import { landings } from './landings';
import { deaths } from './deaths';
import { user } from './user';
import { focus } from './focus';

const MODULES: Record<OverlayId, AnyOverlay> = {
  agreements,
  programmes,
  routes,
  landings,
  deaths,
  user,
  focus,
};

/** Every overlay module, bottom to top. */
export const OVERLAYS: readonly AnyOverlay[] = OVERLAY_IDS.map((id) => MODULES[id]);
export const overlay = (id: OverlayId): AnyOverlay => MODULES[id];
