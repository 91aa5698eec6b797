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
import { createProgram, isWebGL2 } from './shaders';

type GL = WebGLRenderingContext | WebGL2RenderingContext;

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
}

const premultiply = ([r, g, b, a]: [number, number, number, number]) => [r * a, g * a, b * a, a];

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
  private gl: GL | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: WebGLBuffer[] = [];
  private uploaded: SortedPoints | null = null;
  private loc: Record<string, WebGLUniformLocation | null> = {};
  private attr: Record<string, number> = {};
  private matrix = new Float32Array(16);

  constructor(
    readonly id: string,
    private style: DatedPointsStyle,
  ) {}

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

  onAdd(map: MLMap, gl: WebGL2RenderingContext) {
    this.map = map;
    this.gl = gl;
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
    this.uploaded = null;
  }

  onRemove(_map: MLMap, gl: WebGL2RenderingContext) {
    for (const b of this.buffers) gl.deleteBuffer(b);
    this.buffers = [];
    if (this.vao && isWebGL2(gl)) gl.deleteVertexArray(this.vao);
    this.vao = null;
    if (this.program) gl.deleteProgram(this.program);
    this.program = null;
    this.uploaded = null;
    this.map = null;
    this.gl = null;
  }

  /** Upload the sorted arrays into GPU buffers (once per setPoints). */
  private upload(gl: GL, p: SortedPoints) {
    for (const b of this.buffers) gl.deleteBuffer(b);
    this.buffers = [];
    const gl2 = isWebGL2(gl) ? gl : null;
    if (gl2) {
      if (this.vao) gl2.deleteVertexArray(this.vao);
      this.vao = gl2.createVertexArray();
      gl2.bindVertexArray(this.vao);
    }
    const pos = new Float32Array(p.n * 2);
    for (let k = 0; k < p.n; k++) {
      pos[2 * k] = p.x[k];
      pos[2 * k + 1] = p.y[k];
    }
    const put = (data: Float32Array, name: string, size: number) => {
      const b = gl.createBuffer();
      if (!b) throw new Error('dated points: could not create a buffer');
      this.buffers.push(b);
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      if (gl2) {
        gl.enableVertexAttribArray(this.attr[name]);
        gl.vertexAttribPointer(this.attr[name], size, gl.FLOAT, false, 0, 0);
      }
    };
    put(pos, 'a_pos', 2);
    put(p.t, 'a_t', 1);
    put(p.size, 'a_size', 1);
    if (gl2) gl2.bindVertexArray(null);
    this.uploaded = p;
  }

  /** WebGL1 only: bind the attributes by hand (WebGL2 keeps them in the VAO). */
  private bindAttributes(gl: GL) {
    const names: [string, number][] = [
      ['a_pos', 2],
      ['a_t', 1],
      ['a_size', 1],
    ];
    names.forEach(([name, size], i) => {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers[i]);
      gl.enableVertexAttribArray(this.attr[name]);
      gl.vertexAttribPointer(this.attr[name], size, gl.FLOAT, false, 0, 0);
    });
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
    const at = performance.now();
    const prev = this.lastFrame?.window;
    this.frames++;
    if (!prev || prev[0] !== this.win[0] || prev[1] !== this.win[1]) this.windowChanges++;
    const frame: FrameInfo = { window: [this.win[0], this.win[1]], at, count: this.range.count, renderMs: 0 };
    this.lastFrame = frame;
    this.draw(gl, options);
    frame.renderMs = performance.now() - at;
  }

  private draw(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
    const p = this.points;
    const { first, count } = this.range;
    if (!p || !this.program || !this.map) return;
    if (this.uploaded !== p) this.upload(gl, p);
    if (count === 0) return;

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
    const gl2 = isWebGL2(gl) ? gl : null;
    if (gl2) gl2.bindVertexArray(this.vao);
    else this.bindAttributes(gl);
    gl.drawArrays(gl.POINTS, first, count);
    if (gl2) gl2.bindVertexArray(null);
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

/** Points grow slowly with zoom so that they stay legible when zoomed in. */
export function zoomScale(zoom: number): number {
  return Math.min(2, Math.max(0.8, 0.8 + (zoom - 3) * 0.15));
}
