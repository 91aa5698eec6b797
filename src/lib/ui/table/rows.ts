/**
 * The data table as plain data (each overlay module builds its own table from its view, so a table
 * holds exactly what the map draws for the window); sorting; and CSV of exactly what a table shows
 * (same rows, same order, same columns).
 */
import type { Qualifier } from '../../data/schema';
import type { Selection } from '../../state/selection';
import type { OverlayId } from '../../overlays/registry';
import { csvText } from '../../export/csv';

export type TableId = OverlayId;
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}
export interface Row {
  key: string;
  /** What "show on map" selects (null: nothing to select, e.g. a reader's own point). */
  sel: Selection;
  /** The legend category the row counts in (an agreement's status, a programme's main funder). */
  group?: string;
  cells: Record<string, Cell>;
  /** Where "show on map" goes when the selection alone cannot say (an incident's point). */
  at?: [number, number];
  /** Shown instead of the raw number (e.g. "≈1,200" or "157.652"); the CSV keeps the number. */
  display?: Record<string, string>;
}
export interface Table {
  id: TableId;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** Said under the caption: what the rows leave out (e.g. "no data for 2021: Greece"). */
  notes?: string[];
}

export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: string;
  dir: SortDir;
}

/** Stable sort by one column: numbers numerically, text by the locale's collation, empty cells last. */
export function sortRows(rows: readonly Row[], sort: Sort | null, lang: string): Row[] {
  if (!sort) return [...rows];
  const coll = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = a.r.cells[sort.key],
        y = b.r.cells[sort.key];
      if (x === null || x === undefined) return y === null || y === undefined ? a.i - b.i : 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : coll.compare(String(x), String(y));
      return c * sign || a.i - b.i;
    })
    .map((x) => x.r);
}

/** Next sort state when a column header is pressed: numbers start descending, text ascending. */
export function nextSort(current: Sort | null, col: Column): Sort {
  if (current?.key === col.key)
    return { key: col.key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key: col.key, dir: col.numeric ? 'descending' : 'ascending' };
}

/**
 * RFC 4180 CSV (CRLF line ends) of the columns and rows as given; numbers unformatted, text a
 * spreadsheet would run as a formula defused (see csvText).
 */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  return csvText(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => r.cells[c.key] ?? null)),
  );
}

/** The note for a window sum: approximate, a lower bound, or incomplete (some months missing). */
export function qualifierNote(q: Qualifier, complete: boolean): 'approx' | 'atLeast' | 'partial' | null {
  if (!complete) return 'partial';
  return q === 'approx' ? 'approx' : q === 'at_least' ? 'atLeast' : null;
}
