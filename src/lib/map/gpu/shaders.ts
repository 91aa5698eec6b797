/**
 * Shaders of the dated-point layer, in GLSL ES 3.00: MapLibre 6 only creates WebGL2 contexts
 * (`Map._setupPainter` asks the canvas for 'webgl2' and throws a GPUInitializationError otherwise).
 *
 * The vertex shader hides points outside the time window (zero size, moved outside clip space), so
 * a window change is a uniform update: the same idea as deck.gl's DataFilterExtension. Colours
 * arrive premultiplied, as MapLibre's blend function (ONE, ONE_MINUS_SRC_ALPHA) expects.
 */

const VERTEX = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_window;
uniform float u_dpr;
uniform float u_size_scale;
// Shared with the fragment shader, so same precision there (mediump): a mismatch fails to link.
uniform mediump float u_halo;
in vec2 a_pos;
in float a_t;
in float a_size;
out float v_r;
void main() {
  bool inside = a_t >= u_window.x && a_t < u_window.y;
  float r = a_size * u_size_scale;
  v_r = r;
  gl_PointSize = inside ? 2.0 * (r + u_halo + 1.0) * u_dpr : 0.0;
  gl_Position = inside ? u_matrix * vec4(a_pos, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec4 u_color;
uniform vec4 u_halo_color;
uniform float u_halo;
in float v_r;
out vec4 fragColor;
void main() {
  float outer = v_r + u_halo;
  float d = length(gl_PointCoord * 2.0 - 1.0) * (outer + 1.0);
  float cover = 1.0 - smoothstep(outer - 0.5, outer + 0.5, d);
  if (cover <= 0.0) discard;
  float fill = 1.0 - smoothstep(v_r - 0.5, v_r + 0.5, d);
  fragColor = mix(u_halo_color, u_color, fill) * cover;
}`;

export function shaderSources(): { vertex: string; fragment: string } {
  return { vertex: VERTEX, fragment: FRAGMENT };
}

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
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

export function createProgram(gl: WebGL2RenderingContext): WebGLProgram {
  const { vertex, fragment } = shaderSources();
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
