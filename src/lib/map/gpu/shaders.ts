/**
 * Shaders of the dated-point layer, written once and emitted as GLSL ES 3.00 (WebGL2, what
 * MapLibre 6 creates) or GLSL ES 1.00 (WebGL1, kept so the layer also runs in a WebGL1 context).
 *
 * The vertex shader hides points outside the time window (zero size, moved outside clip space), so
 * a window change is a uniform update: the same idea as deck.gl's DataFilterExtension. Colours
 * arrive premultiplied, as MapLibre's blend function (ONE, ONE_MINUS_SRC_ALPHA) expects.
 */

const VERTEX_BODY = `
uniform mat4 u_matrix;
uniform vec2 u_window;
uniform float u_dpr;
uniform float u_size_scale;
// Shared with the fragment shader, so same precision there (mediump): a mismatch fails to link.
uniform mediump float u_halo;
ATTR vec2 a_pos;
ATTR float a_t;
ATTR float a_size;
VARY_OUT float v_r;
void main() {
  bool inside = a_t >= u_window.x && a_t < u_window.y;
  float r = a_size * u_size_scale;
  v_r = r;
  gl_PointSize = inside ? 2.0 * (r + u_halo + 1.0) * u_dpr : 0.0;
  gl_Position = inside ? u_matrix * vec4(a_pos, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}`;

const FRAGMENT_BODY = `
precision mediump float;
uniform vec4 u_color;
uniform vec4 u_halo_color;
uniform float u_halo;
VARY_IN float v_r;
FRAG_DECL
void main() {
  float outer = v_r + u_halo;
  float d = length(gl_PointCoord * 2.0 - 1.0) * (outer + 1.0);
  float cover = 1.0 - smoothstep(outer - 0.5, outer + 0.5, d);
  if (cover <= 0.0) discard;
  float fill = 1.0 - smoothstep(v_r - 0.5, v_r + 0.5, d);
  FRAG_OUT = mix(u_halo_color, u_color, fill) * cover;
}`;

export function shaderSources(webgl2: boolean): { vertex: string; fragment: string } {
  if (webgl2)
    return {
      vertex:
        `#version 300 es\nprecision highp float;` +
        VERTEX_BODY.replace(/ATTR/g, 'in').replace(/VARY_OUT/g, 'out'),
      fragment:
        `#version 300 es` +
        FRAGMENT_BODY.replace(/VARY_IN/g, 'in')
          .replace('FRAG_DECL', 'out vec4 fragColor;')
          .replace('FRAG_OUT', 'fragColor'),
    };
  return {
    vertex:
      `precision highp float;` + VERTEX_BODY.replace(/ATTR/g, 'attribute').replace(/VARY_OUT/g, 'varying'),
    fragment: FRAGMENT_BODY.replace(/VARY_IN/g, 'varying')
      .replace('FRAG_DECL', '')
      .replace('FRAG_OUT', 'gl_FragColor'),
  };
}

type GL = WebGLRenderingContext | WebGL2RenderingContext;

export function isWebGL2(gl: GL): gl is WebGL2RenderingContext {
  return typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext;
}

function compile(gl: GL, type: number, src: string): WebGLShader {
  const s = gl.createShader(type);
  if (!s) throw new Error('dated points: could not create a shader');
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) {
    const log = gl.getShaderInfoLog(s);
    gl.deleteShader(s);
    throw new Error(`dated points: shader did not compile: ${log}`);
  }
  return s;
}

export function createProgram(gl: GL): WebGLProgram {
  const { vertex, fragment } = shaderSources(isWebGL2(gl));
  const p = gl.createProgram();
  if (!p) throw new Error('dated points: could not create a program');
  const vs = compile(gl, gl.VERTEX_SHADER, vertex);
  const fs = compile(gl, gl.FRAGMENT_SHADER, fragment);
  gl.attachShader(p, vs);
  gl.attachShader(p, fs);
  gl.linkProgram(p);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS))
    throw new Error(`dated points: link failed: ${gl.getProgramInfoLog(p)}`);
  return p;
}
