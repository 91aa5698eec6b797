/**
 * What the visible overlays say about the view, as plain functions of their views: the legend, the
 * tables, the summary phrases, the export rows and the SVG groups. The reactive model
 * (model.svelte.ts) and the tests call the same functions, so every output reads one model.
 */
import { monthIso } from '../data/time';
import type { Table } from '../ui/table/rows';
import { OVERLAYS } from './index';
import { MENU_ORDER, type OverlayId } from './registry';
import type { AnyOverlay, ExportRow, LegendGroup, OverlayInput, SvgContext } from './types';

export interface Entry {
  o: AnyOverlay;
  view: unknown;
  visible: boolean;
}

/** Prepare and view every overlay once (not reactive: for tests and one-off exports). */
export function entriesFor(input: OverlayInput): Entry[] {
  return OVERLAYS.map((o) => ({ o, view: o.view(o.prepare(input), input), visible: o.visible(input) }));
}

const rank = (id: OverlayId) => MENU_ORDER.indexOf(id);
/** Visible entries in menu order. */
const shown = (entries: readonly Entry[]) =>
  entries.filter((e) => e.visible && e.view !== null).sort((a, b) => rank(a.o.id) - rank(b.o.id));

export const legendOf = (entries: readonly Entry[], input: OverlayInput): LegendGroup[] =>
  shown(entries).flatMap((e) => e.o.legend(e.view, input));

export const tablesOf = (entries: readonly Entry[], input: OverlayInput): Table[] =>
  shown(entries)
    .map((e) => e.o.table(e.view, input))
    .filter((x): x is Table => !!x);

export const summaryOf = (entries: readonly Entry[], input: OverlayInput): string[] =>
  shown(entries)
    .map((e) => e.o.summary?.(e.view, input) ?? null)
    .filter((x): x is string => !!x);

/** Whose data the visible overlays draw (menu order), for the published source line. */
export const creditsOf = (entries: readonly Entry[], input: OverlayInput) => {
  const out = { data: [] as string[], documents: [] as OverlayId[] };
  for (const e of shown(entries)) {
    const c = e.o.credits?.(e.view, input);
    if (!c) continue;
    out.data.push(...c.data);
    if (c.documents > 0) out.documents.push(e.o.id);
  }
  return out;
};

export interface ExportRecord {
  row: ExportRow;
  geometry: GeoJSON.Geometry | null;
}
export const exportOf = (entries: readonly Entry[], input: OverlayInput): ExportRecord[] => {
  const w = { window_from: monthIso(input.window[0]), window_to: monthIso(input.window[1]) };
  return shown(entries).flatMap((e) =>
    e.o
      .exportItems(e.view, input)
      .map((x) => ({ row: { layer: e.o.id, ...x.row, ...w }, geometry: x.geometry })),
  );
};

/** Each visible overlay's SVG group, bottom to top (z-order, as on the map). */
export const svgGroupsOf = (entries: readonly Entry[], input: OverlayInput, ctx: SvgContext) =>
  entries
    .filter((e) => e.visible && e.view !== null)
    .map((e) => ({ id: e.o.id, body: e.o.svg(e.view, input, ctx) }));
