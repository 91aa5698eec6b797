/**
 * A MapLibre custom layer for many dated points, filtered by time on the GPU.
 *
 * The points (x, y in Web Mercator 0..1, t in months, size in px) are sorted by time and uploaded
 * once. A time window is then two uniforms plus a binary search: the layer draws only the
 * contiguous sorted index range inside the window, and the vertex shader also hides anything outside
 * it (so the float32 comparison on the GPU is the same as the CPU's). No setData, no setFilter, no
 * re-tiling in a worker: a scrub costs one repaint.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MLMap } from 'maplibre-gl';
import { hexToRgba, mercatorX, mercatorY, nearCandidates, windowRange, type SortedPoints } from './points';
import { createProgram } from './shaders';

type GL = WebGL2RenderingContext;

export interface DatedPointsStyle {
  color: string;
  opacity: number;
  haloColor: string;
  haloOpacity: number;
  /** Halo width in CSS px. */
  halo: number;
  /** Multiplier on each point's size (radius, CSS px). */
  sizeScale: number;
}

export interface FrameInfo {
  /** The inclusive month window drawn. */
  window: [number, number];
  /** performance.now() when the frame was drawn. */
  at: number;
  /** Points drawn. */
  count: number;
  /** Main-thread time spent in this layer's render() (command submission, not GPU time). */
  renderMs: number;
  /** False while a big set is still being uploaded (nothing drawn in that frame). */
  drawn: boolean;
}

const premultiply = ([r, g, b, a]: [number, number, number, number]) => [r * a, g * a, b * a, a];

/**
 * WebGL context loss and restore. What maplibre-gl 6.17 does (node_modules/maplibre-gl/src/ui/map.ts,
 * same code in dist/maplibre-gl-dev.mjs):
 *
 * - Lost (`Map._contextLost`, on the canvas 'webglcontextlost'): calls preventDefault (so the
 *   browser may restore), destroys the painter, snapshots the style (`Map._takeStyleSnapshot` →
 *   `Style.serialize`, which skips custom layers: `Style._serializedAllLayers`), logs "Custom layer
 *   with id '…' cannot be restored after WebGL context loss. You will need to re-add it manually
 *   after context restoration." (`Map._warnAboutUnrestorableLayers`), then `Style.destroy()` calls
 *   every layer's onRemove, so this layer's onRemove runs with the lost context
 *   (gl.isContextLost() is true). Then the map fires 'webglcontextlost'.
 * - Restored (`Map._contextRestored`): `Map._restoreStyleSnapshot` → `setStyle(snapshot,
 *   {diff: false})`, which loads on the next frame (`Style.loadJSON`), a new Painter on
 *   `canvas.getContext('webgl2')` (the same WebGL2RenderingContext object; every GL object created
 *   before the loss is invalid), then the map fires 'webglcontextrestored'. MapLibre never calls
 *   onAdd on custom layers again and never re-adds them: the app must `addLayer` them after the
 *   rebuilt style's 'style.load' (see ../contextLoss.ts, `watchContextLoss`).
 * - Workers restarted (`Map._handleWorkersRestarted`): the same style rebuild with synthetic
 *   'webglcontextlost' / 'webglcontextrestored' events, but the context stays alive and the old
 *   style is dropped by `Style._remove`, which does NOT call onRemove. So onAdd can come again with
 *   no onRemove before it, while the previous objects are still alive.
 *
 * Hence: onRemove deletes nothing on a lost context; onAdd first releases what a previous add left
 * (deleting only objects the current context still owns: gl.isBuffer / isVertexArray / isProgram
 * answer false for objects invalidated by a loss or made by another context), then creates the
 * program anew, and the next frame creates the VAO and buffers and uploads the points again.
 * `resetGl()` forgets the GL objects without deleting them.
 */
export class DatedPointsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;

  /** The last frame drawn (read by tests and the bench). */
  lastFrame: FrameInfo | null = null;
  /** Frames drawn, and frames whose window differed from the previous frame's. */
  frames = 0;
  windowChanges = 0;

  private points: SortedPoints | null = null;
  private win: [number, number] = [0, -1];
  private range = { first: 0, count: 0 };
  private map: MLMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: WebGLBuffer[] = [];
  private uploaded: SortedPoints | null = null;
  /** Points of `uploaded` already in the buffers (a big set is uploaded over several frames). */
  private uploadedCount = 0;
  private loc: Record<string, WebGLUniformLocation | null> = {};
  private attr: Record<string, number> = {};
  private matrix = new Float32Array(16);

  /**
   * @param uploadChunk the most points uploaded in one frame. A big set (a reader's 1,000,000 rows)
   *   is uploaded over several frames so that no frame's main-thread task grows with the file; the
   *   layer draws nothing until the whole set is on the GPU (never a partial set shown as if whole).
   */
  constructor(
    readonly id: string,
    private style: DatedPointsStyle,
    private readonly uploadChunk = UPLOAD_CHUNK,
  ) {}

  /** Whether the current points are all on the GPU (false while a big set is still uploading). */
  ready(): boolean {
    return !this.points || (this.uploaded === this.points && this.uploadedCount === this.points.n);
  }

  /** Replace the points (already sorted by time). Uploaded at the next frame. */
  setPoints(points: SortedPoints | null) {
    this.points = points;
    this.updateRange();
    this.map?.triggerRepaint();
  }

  getPoints(): SortedPoints | null {
    return this.points;
  }

  /** Inclusive month window [from, to]. Returns whether it changed (a repaint is then requested). */
  setWindow(from: number, to: number): boolean {
    if (this.win[0] === from && this.win[1] === to) return false;
    this.win = [from, to];
    this.updateRange();
    this.map?.triggerRepaint();
    return true;
  }

  setStyle(style: DatedPointsStyle) {
    this.style = style;
    this.map?.triggerRepaint();
  }

  /** Points inside the current window. */
  count(): number {
    return this.range.count;
  }

  private updateRange() {
    const p = this.points;
    this.range = p ? windowRange(p.t, p.tBase, this.win[0], this.win[1]) : { first: 0, count: 0 };
  }

  onAdd(map: MLMap, gl: GL) {
    // A second onAdd with no onRemove before it (MapLibre rebuilt the style after a worker
    // restart): release what the previous add created, as far as this context still owns it.
    this.releaseGl(gl);
    this.map = map;
    let p: WebGLProgram;
    try {
      p = this.program = createProgram(gl);
    } catch (e) {
      // The map keeps working without the points; the error says why they are missing.
      console.error(e);
      return;
    }
    for (const u of ['u_matrix', 'u_window', 'u_dpr', 'u_size_scale', 'u_halo', 'u_color', 'u_halo_color'])
      this.loc[u] = gl.getUniformLocation(p, u);
    for (const a of ['a_pos', 'a_t', 'a_size']) this.attr[a] = gl.getAttribLocation(p, a);
  }

  onRemove(_map: MLMap, gl: GL) {
    this.releaseGl(gl);
    this.map = null;
  }

  /**
   * Forget the program, VAO and buffers without deleting them (they belong to a context that is
   * gone). The next onAdd creates new ones and the next frame uploads the points again.
   */
  resetGl() {
    this.program = null;
    this.vao = null;
    this.buffers = [];
    this.uploaded = null;
    this.uploadedCount = 0;
    this.loc = {};
    this.attr = {};
  }

  /** Delete the GL objects that `gl` still owns (none if it is lost), then forget them all. */
  private releaseGl(gl: GL) {
    if (!gl.isContextLost()) {
      for (const b of this.buffers) if (gl.isBuffer(b)) gl.deleteBuffer(b);
      if (this.vao && gl.isVertexArray(this.vao)) gl.deleteVertexArray(this.vao);
      if (this.program && gl.isProgram(this.program)) gl.deleteProgram(this.program);
    }
    this.resetGl();
  }

  /**
   * Create the VAO and the three buffers for `p`. A set of at most `uploadChunk` points is uploaded
   * whole here; a bigger one gets buffers of its full size, filled by `uploadMore` frame by frame.
   */
  private startUpload(gl: GL, p: SortedPoints) {
    for (const b of this.buffers) gl.deleteBuffer(b);
    this.buffers = [];
    if (this.vao) gl.deleteVertexArray(this.vao);
    this.vao = gl.createVertexArray();
    if (!this.vao) throw new Error('dated points: could not create a vertex array');
    gl.bindVertexArray(this.vao);
    const whole = p.n <= this.uploadChunk;
    const put = (name: string, size: number, data: Float32Array | null) => {
      const b = gl.createBuffer();
      if (!b) throw new Error('dated points: could not create a buffer');
      this.buffers.push(b);
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      if (data) gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      else gl.bufferData(gl.ARRAY_BUFFER, p.n * size * 4, gl.STATIC_DRAW);
      gl.enableVertexAttribArray(this.attr[name]);
      gl.vertexAttribPointer(this.attr[name], size, gl.FLOAT, false, 0, 0);
    };
    put('a_pos', 2, whole ? interleave(p, 0, p.n) : null);
    put('a_t', 1, whole ? p.t : null);
    put('a_size', 1, whole ? p.size : null);
    gl.bindVertexArray(null);
    this.uploaded = p;
    this.uploadedCount = whole ? p.n : 0;
  }

  /** Upload the next `uploadChunk` points of a big set into its buffers. */
  private uploadMore(gl: GL, p: SortedPoints) {
    const from = this.uploadedCount;
    const to = Math.min(p.n, from + this.uploadChunk);
    const [pos, t, size] = this.buffers;
    gl.bindBuffer(gl.ARRAY_BUFFER, pos);
    gl.bufferSubData(gl.ARRAY_BUFFER, from * 8, interleave(p, from, to));
    gl.bindBuffer(gl.ARRAY_BUFFER, t);
    gl.bufferSubData(gl.ARRAY_BUFFER, from * 4, p.t.subarray(from, to));
    gl.bindBuffer(gl.ARRAY_BUFFER, size);
    gl.bufferSubData(gl.ARRAY_BUFFER, from * 4, p.size.subarray(from, to));
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.uploadedCount = to;
  }

  render(gl: GL, options: CustomRenderMethodInput) {
    const at = performance.now();
    const prev = this.lastFrame?.window;
    this.frames++;
    if (!prev || prev[0] !== this.win[0] || prev[1] !== this.win[1]) this.windowChanges++;
    const frame: FrameInfo = {
      window: [this.win[0], this.win[1]],
      at,
      count: this.range.count,
      renderMs: 0,
      drawn: false,
    };
    this.lastFrame = frame;
    frame.drawn = this.draw(gl, options);
    frame.renderMs = performance.now() - at;
  }

  /** Draws the window's points; returns false when nothing could be drawn yet (no program, uploading). */
  private draw(gl: GL, options: CustomRenderMethodInput): boolean {
    const p = this.points;
    const { first, count } = this.range;
    if (!p || !this.program || !this.map) return false;
    if (this.uploaded !== p) this.startUpload(gl, p);
    else if (this.uploadedCount < p.n) this.uploadMore(gl, p);
    if (this.uploadedCount < p.n) {
      // Still uploading: ask for the next frame, draw nothing yet.
      this.map.triggerRepaint();
      return false;
    }
    if (count === 0) return true;

    gl.useProgram(this.program);
    this.matrix.set(options.defaultProjectionData.mainMatrix);
    gl.uniformMatrix4fv(this.loc.u_matrix, false, this.matrix);
    gl.uniform2f(this.loc.u_window, this.win[0] - p.tBase, this.win[1] + 1 - p.tBase);
    gl.uniform1f(this.loc.u_dpr, this.map.getPixelRatio());
    gl.uniform1f(this.loc.u_size_scale, this.style.sizeScale * zoomScale(this.map.getZoom()));
    gl.uniform1f(this.loc.u_halo, this.style.halo);
    gl.uniform4fv(this.loc.u_color, premultiply(hexToRgba(this.style.color, this.style.opacity)));
    gl.uniform4fv(
      this.loc.u_halo_color,
      premultiply(hexToRgba(this.style.haloColor, this.style.haloOpacity)),
    );
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, first, count);
    gl.bindVertexArray(null);
    return true;
  }

  /**
   * The point nearest to a screen position (CSS px, relative to the map canvas) among those inside
   * the window, within `tolerance` px of its drawn edge. Returns its index in the caller's arrays.
   */
  pick(x: number, y: number, tolerance = 6): number | null {
    const p = this.points;
    const map = this.map;
    if (!p || !map || this.range.count === 0) return null;
    const scale = this.style.sizeScale * zoomScale(map.getZoom());
    const reach = tolerance + p.maxSize * scale;
    const c = map.unproject([x, y]);
    const e = map.unproject([x + reach, y]);
    const mx = mercatorX(c.lng);
    const my = mercatorY(c.lat);
    const r = Math.abs(mercatorX(e.lng) - mx);
    const pxPerMerc = reach / (r || 1);
    let best: number | null = null;
    let bestD = Infinity;
    for (const k of nearCandidates(p.x, p.y, this.range.first, this.range.count, mx, my, r)) {
      const d = Math.hypot(p.x[k] - mx, p.y[k] - my) * pxPerMerc;
      if (d <= tolerance + p.size[k] * scale && d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best === null ? null : p.order[best];
  }
}

/** Points uploaded per frame: 100,000 points are 1.6 MB, a few ms of copying on SwiftShader. */
export const UPLOAD_CHUNK = 100_000;

/** x and y of points [from, to) interleaved, as the a_pos attribute reads them. */
function interleave(p: SortedPoints, from: number, to: number): Float32Array {
  const pos = new Float32Array((to - from) * 2);
  for (let k = from; k < to; k++) {
    pos[2 * (k - from)] = p.x[k];
    pos[2 * (k - from) + 1] = p.y[k];
  }
  return pos;
}

/** Points grow slowly with zoom so that they stay legible when zoomed in. */
export function zoomScale(zoom: number): number {
  return Math.min(2, Math.max(0.8, 0.8 + (zoom - 3) * 0.15));
}
