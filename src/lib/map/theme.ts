/**
 * Themes are data: a typed record of colour roles. The projector theme is one more value of the
 * same type. Map styles and CSS custom properties are both generated from these records.
 */
export interface Theme {
  id: 'light' | 'dark' | 'projector';
  water: string;
  land: string;
  landOutside: string;
  border: string;
  coast: string;
  label: string;
  labelHalo: string;
  seaLabel: string;
  /** Route families by group id. */
  routes: Record<'central_med' | 'western_balkans' | 'north_african' | 'western_med' | 'atlantic', string>;
  landing: string;
  programme: string;
  agreement: Record<'signed' | 'in_force' | 'suspended' | 'ended', string>;
  death: string;
  highlight: string;
  /** UI chrome. */
  bg: string;
  fg: string;
  muted: string;
  panel: string;
  accent: string;
  /** Multiplier for line widths and label sizes. */
  scale: number;
}

export const light: Theme = {
  id: 'light',
  water: '#d9e6ee',
  land: '#f4f1ea',
  landOutside: '#ebe7de',
  border: '#a39e94',
  coast: '#8aa3b3',
  label: '#3b3a36',
  labelHalo: '#ffffff',
  seaLabel: '#4c6f86',
  routes: {
    central_med: '#c2410c',
    western_balkans: '#6d28d9',
    north_african: '#a16207',
    western_med: '#0f766e',
    atlantic: '#1d4ed8',
  },
  landing: '#b91c1c',
  programme: '#15803d',
  agreement: { signed: '#be185d', in_force: '#4d7c0f', suspended: '#b45309', ended: '#6b7280' },
  death: '#111827',
  highlight: '#facc15',
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#57606a',
  panel: '#ffffff',
  accent: '#0b5cad',
  scale: 1,
};

export const dark: Theme = {
  ...light,
  id: 'dark',
  water: '#16232d',
  land: '#2a2f33',
  landOutside: '#24282b',
  border: '#6b737a',
  coast: '#4f6b7d',
  label: '#e6e6e6',
  labelHalo: '#111417',
  seaLabel: '#8fb3c9',
  routes: {
    central_med: '#fb923c',
    western_balkans: '#c4b5fd',
    north_african: '#facc15',
    western_med: '#5eead4',
    atlantic: '#93c5fd',
  },
  landing: '#f87171',
  programme: '#4ade80',
  agreement: { signed: '#f472b6', in_force: '#a3e635', suspended: '#fbbf24', ended: '#9ca3af' },
  death: '#f3f4f6',
  bg: '#111417',
  fg: '#eef0f2',
  muted: '#aab3bc',
  panel: '#1b1f23',
  accent: '#79b8ff',
};

/**
 * High contrast for washed-out projectors; colour pairs chosen to survive colour-blindness (hues after
 * Okabe–Ito, separated in lightness too). src/lib/present/contrast.test.ts checks WCAG contrast
 * (text ≥ 4.5, map colours ≥ 3 on land and water) and the colour differences under protan, deutan
 * and tritan vision.
 */
export const projector: Theme = {
  ...light,
  id: 'projector',
  water: '#ffffff',
  land: '#e8e8e8',
  landOutside: '#f2f2f2',
  border: '#000000',
  coast: '#000000',
  label: '#000000',
  labelHalo: '#ffffff',
  seaLabel: '#00336b',
  routes: {
    central_med: '#c44100',
    western_balkans: '#6a1b9a',
    north_african: '#4d3300',
    western_med: '#007060',
    atlantic: '#1f5fd6',
  },
  landing: '#a50026',
  programme: '#00603d',
  agreement: { signed: '#c2185b', in_force: '#1b5e20', suspended: '#a05e00', ended: '#707070' },
  death: '#000000',
  highlight: '#000000',
  bg: '#ffffff',
  fg: '#000000',
  muted: '#1a1a1a',
  panel: '#ffffff',
  accent: '#00336b',
  scale: 1.6,
};

export const THEMES = { light, dark, projector } as const;
export type ThemeId = keyof typeof THEMES;
