import { describe, expect, it } from 'vitest';
import { shaderSources } from './shaders';

describe('dated-point shaders', () => {
  it('are GLSL ES 3.00 (WebGL2, the only context MapLibre 6 creates)', () => {
    const { vertex, fragment } = shaderSources();
    // #version must be the very first line, or the shader compiles as GLSL ES 1.00 and fails.
    expect(vertex.startsWith('#version 300 es\n')).toBe(true);
    expect(fragment.startsWith('#version 300 es\n')).toBe(true);
    expect(vertex).toMatch(/\bin vec2 a_pos;/);
    expect(vertex).toMatch(/\bin float a_t;/);
    expect(vertex).toMatch(/\bin float a_size;/);
    expect(vertex).toMatch(/\bout float v_r;/);
    expect(fragment).toMatch(/\bin float v_r;/);
    expect(fragment).toMatch(/\bout vec4 fragColor;/);
    expect(fragment).toMatch(/\bfragColor = /);
  });

  it('contain no GLSL ES 1.00 syntax', () => {
    for (const s of Object.values(shaderSources())) {
      expect(s).not.toMatch(/\battribute\b/);
      expect(s).not.toMatch(/\bvarying\b/);
      expect(s).not.toMatch(/\bgl_FragColor\b/);
      expect(s).not.toMatch(/ATTR|VARY_|FRAG_/);
    }
  });

  it('filter by time in the vertex shader with a half-open window uniform', () => {
    const { vertex } = shaderSources();
    expect(vertex).toMatch(/uniform vec2 u_window;/);
    expect(vertex).toMatch(/a_t >= u_window\.x && a_t < u_window\.y/);
    expect(vertex).toMatch(/gl_PointSize = inside \?/);
  });

  it('declare uniforms shared by both stages with the same precision (else the link fails)', () => {
    const { vertex, fragment } = shaderSources();
    const decl = (src: string, defaultPrecision: string) => {
      const out = new Map<string, string>();
      for (const m of src.matchAll(/uniform\s+(?:(lowp|mediump|highp)\s+)?\w+\s+(\w+);/g))
        out.set(m[2], m[1] ?? defaultPrecision);
      return out;
    };
    const v = decl(vertex, 'highp');
    const f = decl(fragment, 'mediump');
    const shared = [...f.keys()].filter((name) => v.has(name));
    // u_halo is the one uniform both stages read; if that changes, this test should be looked at.
    expect(shared).toEqual(['u_halo']);
    for (const name of shared) expect(`${name}:${v.get(name)}`).toBe(`${name}:${f.get(name)}`);
  });
});
