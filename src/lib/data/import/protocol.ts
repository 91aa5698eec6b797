/** Messages between the page and the import worker. */
import type { SortedPoints } from '../../map/gpu/points';
import type { Analysis, Built, Choices } from './types';

export type ToWorker =
  { type: 'read'; file: Blob; name: string; choices: Choices } | { type: 'choose'; choices: Choices };

export interface ImportResult {
  analysis: Analysis;
  built: Built | null;
  sorted: SortedPoints | null;
  choices: Choices;
}

export type FromWorker =
  | { type: 'progress'; phase: 'read' | 'parse'; done: number; total: number }
  | ({ type: 'result' } & ImportResult)
  | { type: 'error'; message: string };

/** The buffers a result transfers (each once). */
export function buffersOf(built: Built | null, sorted: SortedPoints | null): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  if (built) {
    const p = built.points;
    for (const a of [p.lon, p.lat, p.t, p.date, p.value, p.row, p.names, p.nameAt, p.notes, p.noteAt])
      out.add(a.buffer as ArrayBuffer);
  }
  if (sorted)
    for (const a of [sorted.order, sorted.x, sorted.y, sorted.t, sorted.size])
      out.add(a.buffer as ArrayBuffer);
  return [...out];
}
