/**
 * The layer's GL lifecycle against a fake WebGL2 context (no GPU in Node). The fake models what
 * matters here: every object belongs to one context generation; a loss makes isContextLost() true;
 * a restore keeps the same gl object but starts a new generation, and the is* queries answer false
 * for objects of an older generation (as browsers do for objects invalidated by a loss).
 */
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { CustomRenderMethodInput, Map as MLMap } from 'maplibre-gl';
import { DatedPointsLayer, type DatedPointsStyle } from './DatedPointsLayer';
import { sortPoints } from './points';

interface GlObject {
  kind: 'shader' | 'program' | 'vao' | 'buffer';
  /** The fake context that created it, and that context's generation then. */
  ctx: number;
  gen: number;
  serial: number;
}

let contexts = 0;

function fakeGl() {
  const ctx = ++contexts;
  let lost = false;
  let gen = 0;
  let serial = 0;
  const make = (kind: GlObject['kind']) => (): GlObject => ({ kind, ctx, gen, serial: ++serial });
  const owns = (kind: GlObject['kind']) => (o: GlObject | null) =>
    !lost && !!o && o.kind === kind && o.ctx === ctx && o.gen === gen;
  const fns = {
    VERTEX_SHADER: 0x8b31,
    FRAGMENT_SHADER: 0x8b30,
    COMPILE_STATUS: 0x8b81,
    LINK_STATUS: 0x8b82,
    ARRAY_BUFFER: 0x8892,
    STATIC_DRAW: 0x88e4,
    FLOAT: 0x1406,
    POINTS: 0x0000,
    isContextLost: vi.fn(() => lost),
    createShader: vi.fn(make('shader')),
    shaderSource: vi.fn(),
    compileShader: vi.fn(),
    getShaderParameter: vi.fn(() => true),
    getShaderInfoLog: vi.fn(() => ''),
    deleteShader: vi.fn(),
    createProgram: vi.fn(make('program')),
    attachShader: vi.fn(),
    linkProgram: vi.fn(),
    getProgramParameter: vi.fn(() => true),
    getProgramInfoLog: vi.fn(() => ''),
    isProgram: vi.fn(owns('program')),
    deleteProgram: vi.fn(),
    useProgram: vi.fn(),
    getUniformLocation: vi.fn((_p: GlObject, name: string) => ({ name })),
    getAttribLocation: vi.fn((_p: GlObject, name: string) => ['a_pos', 'a_t', 'a_size'].indexOf(name)),
    createVertexArray: vi.fn(make('vao')),
    isVertexArray: vi.fn(owns('vao')),
    bindVertexArray: vi.fn(),
    deleteVertexArray: vi.fn(),
    createBuffer: vi.fn(make('buffer')),
    isBuffer: vi.fn(owns('buffer')),
    bindBuffer: vi.fn(),
    bufferData: vi.fn(),
    bufferSubData: vi.fn(),
    deleteBuffer: vi.fn(),
    enableVertexAttribArray: vi.fn(),
    vertexAttribPointer: vi.fn(),
    uniformMatrix4fv: vi.fn(),
    uniform2f: vi.fn(),
    uniform1f: vi.fn(),
    uniform4fv: vi.fn(),
    drawArrays: vi.fn(),
  };
  const mocks = Object.values(fns).filter((f): f is Mock => typeof f === 'function');
  return {
    gl: fns as unknown as WebGL2RenderingContext,
    fns,
    ctx,
    get gen() {
      return gen;
    },
    lose() {
      lost = true;
    },
    /** Same gl object, new generation: every older object is invalid. */
    restore() {
      lost = false;
      gen++;
    },
    /** Forget the calls so far (the objects and the generation stay). */
    clearCalls() {
      for (const m of mocks) m.mockClear();
    },
  };
}

type FakeGl = ReturnType<typeof fakeGl>;

/** The objects passed to the delete* methods, and those that the fake created (from its mocks). */
const deleted = (f: FakeGl): GlObject[] =>
  [f.fns.deleteBuffer, f.fns.deleteVertexArray, f.fns.deleteProgram].flatMap((m) =>
    m.mock.calls.map((c) => c[0] as GlObject),
  );
const created = (m: Mock): GlObject[] => m.mock.results.map((r) => r.value as GlObject);

const style: DatedPointsStyle = {
  color: '#ff0000',
  opacity: 1,
  haloColor: '#ffffff',
  haloOpacity: 1,
  halo: 1,
  sizeScale: 1,
};
const map = { triggerRepaint: vi.fn(), getPixelRatio: () => 2, getZoom: () => 3 } as unknown as MLMap;
const options = {
  defaultProjectionData: { mainMatrix: new Float32Array(16) },
} as unknown as CustomRenderMethodInput;

// Three points in months 10, 11 and 12; the window below keeps all of them.
const points = sortPoints([10, 20, 30], [40, 41, 42], [12, 10, 11], [3, 4, 5]);

function addedLayer(f: FakeGl) {
  const layer = new DatedPointsLayer('t', style);
  layer.setPoints(points);
  layer.setWindow(10, 12);
  layer.onAdd(map, f.gl);
  return layer;
}

/** Checks one complete upload of `points` into three fresh buffers of the current generation. */
function expectUpload(f: FakeGl) {
  expect(f.fns.createVertexArray).toHaveBeenCalledTimes(1);
  expect(f.fns.createBuffer).toHaveBeenCalledTimes(3);
  const buffers = created(f.fns.createBuffer);
  for (const b of buffers) expect([b.ctx, b.gen]).toEqual([f.ctx, f.gen]);
  expect(f.fns.bindBuffer.mock.calls.map((c) => c[1])).toEqual(buffers);
  const data = f.fns.bufferData.mock.calls.map((c) => c[1] as Float32Array);
  expect(data).toHaveLength(3);
  expect([...data[0]]).toEqual([...points.x].flatMap((x, k) => [x, points.y[k]]));
  expect(data[1]).toBe(points.t);
  expect(data[2]).toBe(points.size);
  expect(f.fns.vertexAttribPointer.mock.calls.map((c) => [c[0], c[1]])).toEqual([
    [0, 2],
    [1, 1],
    [2, 1],
  ]);
  return buffers;
}

describe('DatedPointsLayer GL lifecycle', () => {
  it('creates the program in onAdd, then the VAO and buffers at the first frame, and draws', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    expect(f.fns.createProgram).toHaveBeenCalledTimes(1);
    expect(f.fns.createBuffer).not.toHaveBeenCalled();
    layer.render(f.gl, options);
    expectUpload(f);
    const [program] = created(f.fns.createProgram);
    const [vao] = created(f.fns.createVertexArray);
    expect(f.fns.useProgram).toHaveBeenCalledWith(program);
    expect(f.fns.bindVertexArray.mock.calls.map((c) => c[0])).toEqual([vao, null, vao, null]);
    expect(f.fns.drawArrays).toHaveBeenCalledWith(f.fns.POINTS, 0, 3);
    // A second frame reuses the upload.
    layer.render(f.gl, options);
    expect(f.fns.createBuffer).toHaveBeenCalledTimes(3);
    expect(f.fns.drawArrays).toHaveBeenCalledTimes(2);
  });

  it('onRemove on a live context deletes exactly what the layer created', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    layer.render(f.gl, options);
    layer.onRemove(map, f.gl);
    expect(f.fns.deleteBuffer.mock.calls.map((c) => c[0])).toEqual(created(f.fns.createBuffer));
    expect(f.fns.deleteVertexArray.mock.calls.map((c) => c[0])).toEqual(created(f.fns.createVertexArray));
    expect(f.fns.deleteProgram.mock.calls.map((c) => c[0])).toEqual(created(f.fns.createProgram));
  });

  it('onRemove on a lost context does not throw and deletes nothing', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    layer.render(f.gl, options);
    f.lose();
    expect(() => layer.onRemove(map, f.gl)).not.toThrow();
    expect(deleted(f)).toEqual([]);
  });

  it('after a restore, a fresh onAdd creates a new program, VAO and buffers and uploads the points again', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    layer.render(f.gl, options);
    const old = [
      ...created(f.fns.createProgram),
      ...created(f.fns.createVertexArray),
      ...created(f.fns.createBuffer),
    ];
    // What MapLibre does: onRemove with the lost context, later the app adds the layer again.
    f.lose();
    layer.onRemove(map, f.gl);
    f.restore();
    f.clearCalls();
    layer.onAdd(map, f.gl);
    layer.render(f.gl, options);

    expect(f.fns.createProgram).toHaveBeenCalledTimes(1);
    const [program] = created(f.fns.createProgram);
    expect(program.gen).toBe(f.gen);
    const buffers = expectUpload(f);
    const [vao] = created(f.fns.createVertexArray);
    expect(vao.gen).toBe(f.gen);
    expect(f.fns.useProgram.mock.calls.map((c) => c[0])).toEqual([program]);
    expect(f.fns.bindVertexArray.mock.calls.map((c) => c[0])).toEqual([vao, null, vao, null]);
    for (const o of [program, vao, ...buffers]) expect(old).not.toContain(o);
    // Nothing of the dead generation was deleted or bound with the restored context.
    expect(deleted(f)).toEqual([]);
    expect(f.fns.drawArrays).toHaveBeenCalledWith(f.fns.POINTS, 0, 3);
  });

  it('an onAdd with no onRemove before it (style rebuilt after a worker restart) replaces the live objects', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    layer.render(f.gl, options);
    const before = {
      program: created(f.fns.createProgram),
      vao: created(f.fns.createVertexArray),
      buffers: created(f.fns.createBuffer),
    };
    f.clearCalls();
    layer.onAdd(map, f.gl);
    expect(f.fns.deleteBuffer.mock.calls.map((c) => c[0])).toEqual(before.buffers);
    expect(f.fns.deleteVertexArray.mock.calls.map((c) => c[0])).toEqual(before.vao);
    expect(f.fns.deleteProgram.mock.calls.map((c) => c[0])).toEqual(before.program);
    expect(f.fns.createProgram).toHaveBeenCalledTimes(1);
    layer.render(f.gl, options);
    const buffers = expectUpload(f);
    for (const b of buffers) expect(before.buffers).not.toContain(b);
    // The upload deleted nothing more: the old buffers were already gone.
    expect(f.fns.deleteBuffer).toHaveBeenCalledTimes(3);
  });

  it('an onAdd with a new context after a loss never deletes the old objects with it', () => {
    const oldGl = fakeGl();
    const layer = addedLayer(oldGl);
    layer.render(oldGl.gl, options);
    oldGl.lose();
    oldGl.clearCalls();
    const newGl = fakeGl();
    // No onRemove in between: the layer still holds the old objects.
    layer.onAdd(map, newGl.gl);
    layer.render(newGl.gl, options);
    expect(deleted(newGl)).toEqual([]);
    expect(newGl.fns.createProgram).toHaveBeenCalledTimes(1);
    expectUpload(newGl);
    expect(deleted(oldGl)).toEqual([]);
    expect(oldGl.fns.bindBuffer).not.toHaveBeenCalled();
  });

  it('resetGl forgets the GL objects without deleting them; nothing is drawn until the next onAdd', () => {
    const f = fakeGl();
    const layer = addedLayer(f);
    layer.render(f.gl, options);
    f.clearCalls();
    layer.resetGl();
    layer.render(f.gl, options);
    expect(deleted(f)).toEqual([]);
    expect(f.fns.drawArrays).not.toHaveBeenCalled();
    expect(f.fns.bindBuffer).not.toHaveBeenCalled();
    layer.onAdd(map, f.gl);
    expect(deleted(f)).toEqual([]);
    layer.render(f.gl, options);
    expectUpload(f);
    expect(f.fns.drawArrays).toHaveBeenCalledTimes(1);
  });

  it('keeps working without points when the program does not link', () => {
    const f = fakeGl();
    f.fns.getProgramParameter.mockReturnValue(false);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const layer = addedLayer(f);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringMatching(/link failed/) }),
    );
    error.mockRestore();
    expect(() => layer.render(f.gl, options)).not.toThrow();
    expect(f.fns.drawArrays).not.toHaveBeenCalled();
    expect(() => layer.onRemove(map, f.gl)).not.toThrow();
  });

  it('uploads a set bigger than the chunk over several frames and draws only once it is all on the GPU', () => {
    const f = fakeGl();
    const repaint = vi.fn();
    const m = { ...map, triggerRepaint: repaint } as unknown as MLMap;
    // Five points, two per frame: allocate, then 2 + 2 + 1.
    const five = sortPoints(
      [10, 20, 30, 40, 50],
      [40, 41, 42, 43, 44],
      [14, 10, 12, 11, 13],
      [1, 2, 3, 4, 5],
    );
    const layer = new DatedPointsLayer('t', style, 2);
    layer.setPoints(five);
    layer.setWindow(10, 14);
    layer.onAdd(m, f.gl);
    repaint.mockClear();

    layer.render(f.gl, options);
    // Frame 1: three buffers of the full size (bytes), nothing drawn, another frame asked for.
    expect(f.fns.bufferData.mock.calls.map((c) => c[1])).toEqual([5 * 2 * 4, 5 * 4, 5 * 4]);
    expect(f.fns.bufferSubData).not.toHaveBeenCalled();
    expect(f.fns.drawArrays).not.toHaveBeenCalled();
    expect(layer.lastFrame?.drawn).toBe(false);
    expect(layer.ready()).toBe(false);
    expect(repaint).toHaveBeenCalledTimes(1);

    layer.render(f.gl, options);
    layer.render(f.gl, options);
    expect(f.fns.drawArrays).not.toHaveBeenCalled();
    layer.render(f.gl, options);
    // Frames 2–4 filled the buffers in order: [byte offset, data] per buffer.
    const [pos, t, size] = created(f.fns.createBuffer);
    const sub = f.fns.bufferSubData.mock.calls;
    const binds = f.fns.bindBuffer.mock.calls.map((c) => c[1]).filter((b) => b !== null);
    expect(binds.slice(3)).toEqual([pos, t, size, pos, t, size, pos, t, size]);
    expect(sub.map((c) => c[1])).toEqual([0, 0, 0, 16, 8, 8, 32, 16, 16]);
    const joined = (k: number) =>
      sub.filter((_, i) => i % 3 === k).flatMap((c) => [...(c[2] as Float32Array)]);
    expect(joined(0)).toEqual([...five.x].flatMap((x, k) => [x, five.y[k]]));
    expect(joined(1)).toEqual([...five.t]);
    expect(joined(2)).toEqual([...five.size]);
    // The last chunk's frame draws the whole window at once.
    expect(f.fns.drawArrays).toHaveBeenCalledTimes(1);
    expect(f.fns.drawArrays).toHaveBeenCalledWith(f.fns.POINTS, 0, 5);
    expect(layer.lastFrame?.drawn).toBe(true);
    expect(layer.ready()).toBe(true);
    // No further upload.
    layer.render(f.gl, options);
    expect(f.fns.bufferSubData).toHaveBeenCalledTimes(9);
  });

  it('new points during a chunked upload start over with fresh buffers', () => {
    const f = fakeGl();
    const layer = new DatedPointsLayer('t', style, 2);
    layer.setPoints(sortPoints([1, 2, 3], [40, 41, 42], [10, 11, 12]));
    layer.setWindow(10, 12);
    layer.onAdd(map, f.gl);
    layer.render(f.gl, options);
    layer.render(f.gl, options);
    const first = created(f.fns.createBuffer);
    layer.setPoints(points);
    layer.render(f.gl, options);
    expect(f.fns.deleteBuffer.mock.calls.map((c) => c[0])).toEqual(first);
    layer.render(f.gl, options);
    layer.render(f.gl, options);
    expect(f.fns.drawArrays).toHaveBeenCalledTimes(1);
    expect(f.fns.drawArrays).toHaveBeenCalledWith(f.fns.POINTS, 0, 3);
  });
});
