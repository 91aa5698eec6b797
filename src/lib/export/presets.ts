/**
 * Output size presets shared by every export (PNG, SVG, video): the page size in CSS pixels at
 * 1×, and the pixel density the file is written at. The map extent is fitted to the preset's frame
 * (not the browser window's aspect), and text and the map's labels are sized for the output
 * (`minScale`, layout.ts `mapBox`).
 */
export type PresetId = 'article' | 'full' | 'square' | 'print' | 'custom';

export interface SizePreset {
  id: PresetId;
  /** Page width and height in CSS pixels (what the layout is computed at). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel in the written file (print: 2400 px wide). */
  density: number;
  /** Dots per inch written into the file's metadata (PNG pHYs, SVG width/height in inches). */
  dpi: number;
}

export const PRESETS: Readonly<Record<Exclude<PresetId, 'custom'>, SizePreset>> = {
  // A newspaper article column: 640 wide, tall enough for the headline, a compact key and sources.
  article: { id: 'article', width: 640, height: 720, density: 1, dpi: 96 },
  // Full width, also the social-card size (16:9).
  full: { id: 'full', width: 1200, height: 675, density: 1, dpi: 96 },
  square: { id: 'square', width: 1080, height: 1080, density: 1, dpi: 96 },
  // Print: laid out at 1200 × 800 CSS px, written at 2× = 2400 × 1600 px, 300 dpi (8 × 5.33 in).
  print: { id: 'print', width: 1200, height: 800, density: 2, dpi: 300 },
};

export const PRESET_IDS: readonly PresetId[] = ['article', 'full', 'square', 'print', 'custom'];

/** Limits for a custom size, in output pixels. */
export const CUSTOM_MIN = 320;
export const CUSTOM_MAX = 4000;

/** A custom preset from output pixel sizes (clamped to the limits above), laid out at 1×. */
export function customPreset(width: number, height: number): SizePreset {
  const clamp = (v: number) =>
    Math.round(Math.min(CUSTOM_MAX, Math.max(CUSTOM_MIN, Number.isFinite(v) ? v : CUSTOM_MIN)));
  return { id: 'custom', width: clamp(width), height: clamp(height), density: 1, dpi: 96 };
}

/** The written file's pixel size for a preset. */
export function outputSize(p: SizePreset): { width: number; height: number } {
  return { width: Math.round(p.width * p.density), height: Math.round(p.height * p.density) };
}

/** The smallest type a printed graphic may use, in points (Reuters/AP print graphics: 7 pt). */
export const MIN_PRINT_PT = 7;
/** The smallest text the map and the page draw at 1×, in CSS px (country names at low zoom). */
export const SMALLEST_TEXT_PX = 10;

/**
 * The scale below which a preset's smallest text would be under MIN_PRINT_PT at its dpi: 1 on
 * screen (96 dpi), about 1.46 for print (10 CSS px × 2 px per CSS px at 300 dpi would be 4.8 pt).
 */
export function minScale(p: SizePreset): number {
  const px = (MIN_PRINT_PT / 72) * p.dpi;
  return Math.max(1, px / (SMALLEST_TEXT_PX * p.density));
}
