/**
 * The reader's own data: the file being previewed (its analysis and the reader's answers) and what
 * is drawn (only after the reader says so). Shared by the import panel and the map layer. Never
 * curated data.
 */
import type { SortedPoints } from '../map/gpu/points';
import type { Analysis, Choices, PointColumns, UserFeature } from '../data/import/types';
import { ImportJob, tooBig, type ImportResult, type ProgressInfo } from '../data/import/client';

/** What the map draws for the reader: month/day-dated points on the GPU, the rest as MapLibre features. */
export interface UserLayer {
  file: string;
  points: PointColumns;
  sorted: SortedPoints | null;
  features: UserFeature[];
  rejected: number;
}

class UserData {
  /** The file being previewed (null when none). */
  analysis = $state.raw<Analysis | null>(null);
  choices = $state.raw<Choices>({});
  progress = $state.raw<ProgressInfo | null>(null);
  busy = $state(false);
  message = $state<{ key: string; params?: Record<string, string> } | null>(null);
  /** What is drawn. */
  layer = $state.raw<UserLayer | null>(null);
  private job: ImportJob | null = null;
  private result: ImportResult | null = null;

  private apply(r: ImportResult) {
    this.result = r;
    this.analysis = r.analysis;
    this.choices = r.choices;
  }
  private async run(go: (job: ImportJob) => Promise<ImportResult>) {
    this.busy = true;
    this.message = null;
    const job = this.job!;
    try {
      this.apply(await go(job));
    } catch (e) {
      if (!job.cancelled)
        this.message = { key: 'import.failed', params: { message: String((e as Error).message) } };
    } finally {
      if (this.job === job) {
        this.busy = false;
        this.progress = null;
      }
    }
  }

  async open(file: File) {
    this.discard();
    if (tooBig(file)) {
      // The import's processing code is loaded only for a file (not on the first load).
      const { tooBigFile } = await import('../data/import/process');
      const r = tooBigFile(file.name, file.size).finish();
      this.apply({ ...r, sorted: null, choices: {} });
      return;
    }
    this.job = new ImportJob((p) => (this.progress = p));
    this.progress = { phase: 'read', done: 0, total: file.size };
    await this.run((j) => j.read(file));
  }
  async choose(c: Choices) {
    if (!this.job) return;
    this.choices = { ...this.choices, ...c };
    await this.run((j) => j.choose(this.choices));
  }
  cancel() {
    this.job?.cancel();
    this.job = null;
    this.busy = false;
    this.progress = null;
    this.analysis = null;
    this.message = { key: 'import.cancelled' };
  }
  /** Draw the previewed file (replaces what was drawn). */
  add() {
    const r = this.result;
    if (!r?.built || !r.analysis.ready) return;
    this.layer = {
      file: r.analysis.file,
      points: r.built.points,
      sorted: r.sorted,
      features: r.built.features,
      rejected: r.analysis.rejected,
    };
    this.discard();
  }
  discard() {
    this.job?.close();
    this.job = null;
    this.result = null;
    this.analysis = null;
    this.choices = {};
    this.busy = false;
    this.progress = null;
  }
  clear() {
    this.discard();
    this.layer = null;
    this.message = null;
  }
}
export const userData = new UserData();
