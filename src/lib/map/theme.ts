/**
 * Themes are data: a typed record of colour roles. The projector theme is one more value of the
 * same type. Map styles and CSS custom properties are both generated from these records; components
 * never hold a hex value.
 *
 * The palette is tested, not eyeballed: src/lib/map/palette.test.ts holds every theme to
 * - CIEDE2000 distances between every two categorical colours that can be on the map together
 *   (route families, arrivals, funders, agreement statuses, deaths, highlight), under normal vision
 *   and simulated deuteranopia, protanopia and tritanopia (culori, Machado et al. 2009, severity 1):
 *   anything against a route ≥ 20 / ≥ 10 (the Okabe–Ito palette's own worst pairs are 21.7 / 10.7),
 *   two context colours of different roles ≥ 15 / ≥ 8, two agreement statuses ≥ 10 / ≥ 6;
 * - agreement statuses as an order: one hue family whose lightness moves steadily from the most
 *   prominent (signed) to the least (ended, a neutral grey drawn dashed);
 * - WCAG contrast: every symbol ≥ 3:1 on land, land outside the region and water; text ≥ 4.5:1
 *   (projector ≥ 7:1);
 * - map convention: the sea cooler (bluer) than the land in every theme.
 * docs/accessibility.md explains the thresholds. The colours were found by a constrained search
 * within hue families (vermilion, violet, ochre, green, blue for the five route families) and then
 * checked by eye on a swatch sheet and in the app.
 */
export type RouteGroup = 'central_med' | 'western_balkans' | 'north_african' | 'western_med' | 'atlantic';
export type AgreementStatus = 'signed' | 'in_force' | 'suspended' | 'ended';
/** Funders of programmes with a colour of their own; everyone else is `other`. */
export type FunderKey = 'ITA' | 'EU' | 'GBR' | 'ESP' | 'other';

export interface Theme {
  id: 'light' | 'dark' | 'projector';
  /** Basemap: sea, land in the region, land outside it, borders, coastline. */
  water: string;
  land: string;
  landOutside: string;
  border: string;
  coast: string;
  /** Place names (on land) and their halo; sea names (on water). */
  label: string;
  labelHalo: string;
  seaLabel: string;
  /** Route families by group id: the subject of the map, the strongest colours. */
  routes: Record<RouteGroup, string>;
  /** Arrivals (landing circles: translucent fill, outline in this colour). */
  landing: string;
  /** Programmes in general (legend, chrome); the same colour as `funders.ITA`. */
  programme: string;
  /** Programme markers and funding links by main funder (see filter/funding.ts funderColor). */
  funders: Record<FunderKey, string>;
  /** Agreement statuses, an ordered family: signed → in force → suspended → ended. */
  agreement: Record<AgreementStatus, string>;
  /** Tint for the countries party to an agreement (a fill under the symbols, not a symbol). */
  partyFill: string;
  /** Dead and missing: small marks. */
  death: string;
  /** Selection and the reader's own points. */
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

/** Light: land a light warm grey, sea a pale cool blue; symbols dark enough for 3:1 on both. */
export const light: Theme = {
  id: 'light',
  water: '#d8e7f0',
  land: '#f2efe9',
  landOutside: '#e9e6df',
  border: '#a39e94',
  coast: '#8aa3b3',
  label: '#3b3a36',
  labelHalo: '#ffffff',
  seaLabel: '#3d5f75',
  routes: {
    central_med: '#c8563d',
    western_balkans: '#8b00dc',
    north_african: '#987d00',
    western_med: '#008e63',
    atlantic: '#0072f2',
  },
  landing: '#65002a',
  programme: '#005a58',
  funders: { ITA: '#005a58', EU: '#476800', GBR: '#6b3426', ESP: '#4e4000', other: '#4d4943' },
  agreement: { signed: '#431859', in_force: '#343d7a', suspended: '#655f7e', ended: '#817e7e' },
  partyFill: '#e8e3ef',
  death: '#050001',
  highlight: '#bf5aa5',
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#57606a',
  panel: '#ffffff',
  accent: '#0b5cad',
  scale: 1,
};

/** Dark: the same hue families, light enough for 3:1 on dark land and sea. */
export const dark: Theme = {
  id: 'dark',
  water: '#15222c',
  land: '#2e2d2a',
  landOutside: '#262523',
  border: '#6b6f72',
  coast: '#4f6b7d',
  label: '#e6e6e6',
  labelHalo: '#111417',
  seaLabel: '#8fb3c9',
  routes: {
    central_med: '#ff8600',
    western_balkans: '#f314ff',
    north_african: '#ffc900',
    western_med: '#00c19d',
    atlantic: '#2e9dff',
  },
  landing: '#ff006d',
  programme: '#008992',
  funders: { ITA: '#008992', EU: '#b9ff8e', GBR: '#ffcab3', ESP: '#86834b', other: '#abc4cb' },
  agreement: { signed: '#d5d7ff', in_force: '#d9b4ff', suspended: '#aaa6d0', ended: '#7d7f7d' },
  partyFill: '#33303d',
  death: '#fcfcfc',
  highlight: '#ff86a9',
  bg: '#111417',
  fg: '#eef0f2',
  muted: '#aab3bc',
  panel: '#1b1f23',
  accent: '#79b8ff',
  scale: 1,
};

/**
 * High contrast for washed-out projectors: near-white land, a clearly blue sea, black borders and
 * text (≥ 7:1), symbols that keep 2.5:1 after a simulated wash-out (present/contrast.ts washOut).
 */
export const projector: Theme = {
  id: 'projector',
  water: '#d0e4f1',
  land: '#f6f4ee',
  landOutside: '#edeae3',
  border: '#000000',
  coast: '#1f4e79',
  label: '#000000',
  labelHalo: '#ffffff',
  seaLabel: '#00336b',
  routes: {
    central_med: '#d70000',
    western_balkans: '#a747f9',
    north_african: '#707e00',
    western_med: '#008660',
    atlantic: '#1800e0',
  },
  landing: '#5a0029',
  programme: '#005353',
  funders: { ITA: '#005353', EU: '#004215', GBR: '#895757', ESP: '#7a5100', other: '#443b35' },
  agreement: { signed: '#1f274f', in_force: '#624b74', suspended: '#5a658d', ended: '#7b787a' },
  partyFill: '#e0dbee',
  death: '#030000',
  highlight: '#9e0083',
  bg: '#ffffff',
  fg: '#000000',
  muted: '#1a1a1a',
  panel: '#ffffff',
  accent: '#00336b',
  scale: 1.6,
};

export const THEMES = { light, dark, projector } as const;

/** A theme drawn at another map scale (present mode scales labels and symbols with the screen). */
export const scaledTheme = (theme: Theme, scale: number | null): Theme =>
  scale === null || scale === theme.scale ? theme : { ...theme, scale };
export type ThemeId = keyof typeof THEMES;
