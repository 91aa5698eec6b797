/** CSS custom properties from a theme record, so chrome and map share one palette. */
import type { Theme } from '../map/theme';

export function themeCss(theme: Theme): string {
  const vars: Record<string, string> = {
    '--bg': theme.bg,
    '--fg': theme.fg,
    '--muted': theme.muted,
    '--panel': theme.panel,
    '--accent': theme.accent,
    '--landing': theme.landing,
    '--programme': theme.programme,
    '--agreement': theme.agreement.in_force,
    '--death': theme.death,
    '--font-scale': String(theme.scale),
  };
  return Object.entries(vars)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}
