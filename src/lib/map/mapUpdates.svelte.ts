/**
 * Input first, map after, on the map side: one effect per overlay marks it dirty when what the map
 * shows of it changes (its visibility, its map data, the window and theme a GPU layer takes); the
 * overlay model's frame scheduler then applies every dirty overlay in one job, in the frame after
 * the input, and redraws the map once. Many changes in a frame are one map update, the latest state
 * winning, and an overlay whose data did not change is not applied. On a slow GPU the map is held
 * back during a stream of input and drawn when it pauses (src/lib/state/pacer.ts).
 */
import type { OverlayModel } from '../overlays/model.svelte';
import { MapPacer } from '../state/pacer';
import { lastReaderInput } from '../state/readerInput';
import type { MapData, OverlayInput } from '../overlays/types';

/** The host methods the updates use (OverlayHost in the app, a recorder in the tests). */
export interface ApplyTarget {
  setVisible(id: string, visible: boolean): boolean;
  apply(id: string, view: unknown, input: OverlayInput, md?: MapData): boolean;
  /** Whether new source data was sent (MapLibre then draws when its tiles are laid out). */
  takeSentData?(): boolean;
}

type State = OverlayModel['states'][number];

/** A change within this long of the reader's latest input follows from it (ms). */
const INPUT_MS = 1000;

export class MapUpdates {
  /** Frames in which the map was updated, overlay updates applied in them, redraws, and updates
   * drawn by MapLibre's render of their new data instead of a redraw. */
  readonly counts = { frames: 0, overlays: 0, redraws: 0, byData: 0 };
  /** Main-thread time of the last redraw (read by the bench). */
  lastRedrawMs = 0;
  private readonly dirty = new Set<State>();
  private readonly stop: () => void;

  constructor(
    private readonly model: OverlayModel,
    private readonly target: ApplyTarget,
    /** A synchronous redraw (map.redraw(): it cancels MapLibre's pending frame and draws now). */
    private readonly redraw: () => void,
    /** Whether a change must be drawn in its frame, never held (the timeline is playing). */
    private readonly exempt: () => boolean = () => false,
    readonly pacer = new MapPacer(),
    private readonly now: () => number = () => performance.now(),
    /** When the reader last gave input (./state/readerInput.ts). */
    private readonly inputAt: () => number = lastReaderInput,
  ) {
    const input = model.input;
    this.stop = $effect.root(() => {
      for (const s of model.states)
        $effect(() => {
          if (s.visible) {
            void s.mapData;
            // What a GPU layer's update reads besides its view (overlays/types.ts Custom.update).
            void input.window;
            void input.theme;
            void input.focus;
          }
          this.dirty.add(s);
          // A reader's input (its time, not this commit's frame: a frame a busy GPU delayed is no
          // pause). What the app animates by itself is not input and is never held.
          const at = this.inputAt();
          if (this.now() - at < INPUT_MS) this.pacer.change(at);
          model.frames.defer('map', this.applyDirty);
        });
    });
  }

  private readonly applyDirty = () => {
    const frames = this.model.frames;
    const now = this.now();
    const fromInput = now - this.inputAt() < INPUT_MS;
    const hold = frames.flushing ? 0 : this.pacer.holdFor(now, this.exempt() || !fromInput);
    if (hold > 0) {
      frames.later('map', this.applyDirty, hold);
      return;
    }
    let redraw = false;
    for (const s of this.dirty) {
      if (this.target.setVisible(s.o.id, s.visible)) redraw = true;
      const md = s.mapData;
      if (md && this.target.apply(s.o.id, s.view, this.model.input, md)) redraw = true;
      this.counts.overlays++;
    }
    this.dirty.clear();
    this.counts.frames++;
    // New data on the map: its own render, once the worker has laid the tiles out, draws this update
    // whole (the new circles and labels with the feature-states and uniforms set here), in one frame
    // instead of a redraw now and another when the tiles come.
    if (this.target.takeSentData?.()) {
      if (redraw) this.counts.byData++;
      this.pacer.drawn(this.now());
      return;
    }
    if (!redraw) return;
    const t0 = this.now();
    this.redraw();
    this.lastRedrawMs = this.now() - t0;
    this.pacer.drawn(t0);
    this.counts.redraws++;
  };

  destroy() {
    this.stop();
  }
}
