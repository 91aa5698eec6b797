/**
 * The CSV and GeoJSON exports of what is in the current window: the rows come from the overlay
 * model (each overlay's `exportItems`), so they are the features the map, the legend and the table
 * show. One row per thing on the map; the same columns for every overlay (empty when not relevant).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExportRow } from '../overlays/types';
import type { ExportRecord } from '../overlays/describe';
import { csvText } from './csv';

export type { ExportRow };

export const CSV_COLUMNS: (keyof ExportRow)[] = [
  'layer',
  'id',
  'name',
  'lon',
  'lat',
  'metric',
  'value',
  'qualifier',
  'complete',
  'status',
  'window_from',
  'window_to',
  'sources',
];

/** RFC 4180 CSV through the one writer (formula-like text defused). */
export const toCsv = (rows: readonly ExportRow[]): string =>
  csvText(
    CSV_COLUMNS,
    rows.map((r) => CSV_COLUMNS.map((c) => r[c])),
  );

/** GeoJSON of the same rows: geometry as drawn (points, lines, multi-lines), properties = the row. */
export function toGeoJson(records: readonly ExportRecord[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: records.map((r): Feature => ({
      type: 'Feature',
      properties: { ...r.row },
      geometry: r.geometry as Feature['geometry'],
    })),
  };
}
