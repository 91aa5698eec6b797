/**
 * The page's side of an import: one worker per file, progress, the reader's answers (the worker
 * keeps the parsed rows, so an answer costs no re-read), and cancel (the worker is terminated).
 */
import type { Choices } from './types';
import type { FromWorker, ImportResult, ToWorker } from './protocol';
import { MAX_BYTES } from './limits';

export type { ImportResult };
export interface ProgressInfo {
  phase: 'read' | 'parse';
  done: number;
  total: number;
}

export class ImportJob {
  private worker: Worker;
  private pending: { resolve(r: ImportResult): void; reject(e: Error): void } | null = null;
  cancelled = false;

  constructor(private onProgress: (p: ProgressInfo) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') this.onProgress(m);
      else if (m.type === 'error') this.settle(null, new Error(m.message));
      else this.settle(m, null);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.settle(null, new Error(e.message || 'import worker failed'));
    };
  }

  private settle(r: ImportResult | null, err: Error | null) {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (r) p.resolve(r);
    else p.reject(err!);
  }

  private send(m: ToWorker): Promise<ImportResult> {
    return new Promise((resolve, reject) => {
      this.pending?.reject(new Error('superseded'));
      this.pending = { resolve, reject };
      this.worker.postMessage(m);
    });
  }

  read(file: File, choices: Choices = {}) {
    return this.send({ type: 'read', file, name: file.name, choices });
  }
  choose(choices: Choices) {
    return this.send({ type: 'choose', choices });
  }
  cancel() {
    this.cancelled = true;
    this.worker.terminate();
    this.settle(null, new Error('cancelled'));
  }
  close() {
    this.worker.terminate();
  }
}

/** Checked before anything is read: a file over the limit is refused at once. */
export const tooBig = (file: Blob) => file.size > MAX_BYTES;
