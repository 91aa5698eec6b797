import { describe, expect, it } from 'vitest';
import { shaderSources } from './shaders';

describe('dated-point shaders', () => {
  it('emit GLSL ES 3.00 for WebGL2 with no leftover placeholders', () => {
    const { vertex, fragment } = shaderSources(true);
    expect(vertex.startsWith('#version 300 es')).toBe(true);
    expect(fragment.startsWith('#version 300 es')).toBe(true);
    expect(vertex).toMatch(/\bin vec2 a_pos;/);
    expect(vertex).toMatch(/\bout float v_r;/);
    expect(fragment).toMatch(/\bin float v_r;/);
    expect(fragment).toMatch(/out vec4 fragColor;/);
    for (const s of [vertex, fragment]) expect(s).not.toMatch(/ATTR|VARY_|FRAG_/);
  });

  it('emit GLSL ES 1.00 for WebGL1', () => {
    const { vertex, fragment } = shaderSources(false);
    expect(vertex).not.toMatch(/#version/);
    expect(vertex).toMatch(/attribute vec2 a_pos;/);
    expect(vertex).toMatch(/varying float v_r;/);
    expect(fragment).toMatch(/gl_FragColor/);
    for (const s of [vertex, fragment]) expect(s).not.toMatch(/ATTR|VARY_|FRAG_/);
  });

  it('filter by time in the vertex shader with a half-open window uniform', () => {
    const { vertex } = shaderSources(true);
    expect(vertex).toMatch(/uniform vec2 u_window;/);
    expect(vertex).toMatch(/a_t >= u_window\.x && a_t < u_window\.y/);
    expect(vertex).toMatch(/gl_PointSize = inside \?/);
  });

  it('declare uniforms shared by both stages with the same precision (else the link fails)', () => {
    for (const gl2 of [true, false]) {
      const { vertex, fragment } = shaderSources(gl2);
      const decl = (src: string, defaultPrecision: string) => {
        const out = new Map<string, string>();
        for (const m of src.matchAll(/uniform\s+(?:(lowp|mediump|highp)\s+)?\w+\s+(\w+);/g))
          out.set(m[2], m[1] ?? defaultPrecision);
        return out;
      };
      const v = decl(vertex, 'highp');
      const f = decl(fragment, 'mediump');
      for (const [name, p] of f) if (v.has(name)) expect(`${name}:${v.get(name)}`).toBe(`${name}:${p}`);
    }
  });
});
