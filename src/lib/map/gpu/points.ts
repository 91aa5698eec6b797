/**
 * Pure parts of the GPU dated-point layer: Web Mercator conversion, sorting points by time so a
 * time window is one contiguous index range, the window → range search, and the size scale.
 * No DOM or WebGL here, so all of it is unit-tested in Node.
 */

/** Longitude/latitude (degrees) → Web Mercator in 0..1 (x east, y south), as MapLibre's projectTile expects. */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}
export function mercatorY(lat: number): number {
  const l = Math.max(-85.051129, Math.min(85.051129, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360))) / 360;
}

/** A calendar date (YYYY-MM-DD) → months as a float: monthIndex + (day - 1) / 31, always inside its month. */
export function monthFloat(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 1;
  const d = iso.length >= 10 ? Number(iso.slice(8, 10)) : 1;
  return y * 12 + m - 1 + (d - 1) / 31;
}

export type NumArray = Float32Array | Float64Array | number[];

/** Points sorted by time, ready for upload. `t` is relative to `tBase` to keep float32 precision. */
export interface SortedPoints {
  n: number;
  /** sorted position → index in the caller's arrays */
  order: Uint32Array;
  x: Float32Array;
  y: Float32Array;
  t: Float32Array;
  size: Float32Array;
  tBase: number;
  maxSize: number;
}

/** Sort once by time (stable: ties keep input order) and convert to Mercator. */
export function sortPoints(
  lon: NumArray,
  lat: NumArray,
  t: NumArray,
  size?: NumArray,
  defaultSize = 3,
): SortedPoints {
  const n = t.length;
  if (lon.length !== n || lat.length !== n || (size && size.length !== n))
    throw new Error(`dated points: lon, lat, t and size must have the same length (t has ${n})`);
  let tBase = Infinity;
  for (let i = 0; i < n; i++) if (t[i] < tBase) tBase = t[i];
  tBase = Number.isFinite(tBase) ? Math.floor(tBase) : 0;
  const order = sortOrder(t, tBase);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const ts = new Float32Array(n);
  const s = new Float32Array(n);
  let maxSize = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    x[k] = mercatorX(lon[i]);
    y[k] = mercatorY(lat[i]);
    ts[k] = t[i] - tBase;
    s[k] = size ? size[i] : defaultSize;
    if (s[k] > maxSize) maxSize = s[k];
  }
  return { n, order, x, y, t: ts, size: s, tBase, maxSize };
}

const PACK = 2 ** 21;

/**
 * Stable permutation sorting by the float32 value of t - tBase (what the GPU and the window search
 * compare). Up to 2M points, each key packs the float32 bit pattern (ordered like the value for
 * non-negative floats) with the index into one exact float64, so a native typed-array sort does
 * the work without a JS comparator (≈10× faster at 1M points).
 */
export function sortOrder(t: NumArray, tBase: number): Uint32Array {
  const n = t.length;
  const order = new Uint32Array(n);
  if (n > PACK) {
    for (let i = 0; i < n; i++) order[i] = i;
    const rel = Float32Array.from(t, (v) => v - tBase);
    return order.sort((a, b) => rel[a] - rel[b] || a - b);
  }
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[0] = t[i] - tBase;
    keys[i] = bits[0] * PACK + i;
  }
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = keys[k] % PACK;
  return order;
}

/** First index whose value is ≥ v in an ascending array. */
export function lowerBound(a: Float32Array, v: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inclusive month window [from, to] → the contiguous sorted range of points with
 * from ≤ t < to + 1. `t` is relative to `tBase`; compare in float32 like the shader does.
 */
export function windowRange(
  t: Float32Array,
  tBase: number,
  from: number,
  to: number,
): { first: number; count: number } {
  if (to < from) return { first: 0, count: 0 };
  const lo = Math.fround(from - tBase);
  const hi = Math.fround(to + 1 - tBase);
  const first = lowerBound(t, lo);
  const end = lowerBound(t, hi, first);
  return { first, count: end - first };
}

/** Square-root size scale: value 0 → minPx, maxValue → maxPx (area proportional to value). */
export function sqrtSizes(values: NumArray, minPx = 2.5, maxPx = 16, maxValue?: number): Float32Array {
  let max = maxValue ?? 0;
  if (maxValue === undefined) for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const out = new Float32Array(values.length);
  const k = max > 0 ? (maxPx - minPx) / Math.sqrt(max) : 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.max(0, Math.min(max, values[i] || 0));
    out[i] = minPx + k * Math.sqrt(v);
  }
  return out;
}

/** '#rrggbb' (or '#rgb') + alpha → [r, g, b, a] in 0..1, not premultiplied. */
export function hexToRgba(hex: string, alpha = 1): [number, number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const v = parseInt(h.slice(0, 6), 16);
  if (h.length < 6 || Number.isNaN(v)) throw new Error(`not a hex colour: ${hex}`);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255, alpha];
}

/**
 * Candidates for a click: sorted indices in [first, first + count) whose Mercator position lies
 * within `radius` (Mercator units, per axis) of (mx, my). A linear scan over two float arrays:
 * about a millisecond per 100k points, so no grid index is needed for clicks.
 */
export function nearCandidates(
  x: Float32Array,
  y: Float32Array,
  first: number,
  count: number,
  mx: number,
  my: number,
  radius: number,
): number[] {
  const out: number[] = [];
  const end = first + count;
  for (let k = first; k < end; k++)
    if (Math.abs(x[k] - mx) <= radius && Math.abs(y[k] - my) <= radius) out.push(k);
  return out;
}

/** Deterministic PRNG (mulberry32) for synthetic data in tests and the bench. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** n synthetic dated points in a lon/lat box, uniformly over [t0, t1), with sizes 2..8 px. */
export function syntheticPoints(
  n: number,
  seed: number,
  box: [number, number, number, number],
  t0: number,
  t1: number,
): { lon: Float64Array; lat: Float64Array; t: Float32Array; size: Float32Array } {
  const rnd = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const t = new Float32Array(n);
  const size = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = box[0] + rnd() * (box[2] - box[0]);
    lat[i] = box[1] + rnd() * (box[3] - box[1]);
    t[i] = t0 + rnd() * (t1 - t0);
    size[i] = 2 + 6 * rnd() * rnd();
  }
  return { lon, lat, t, size };
}
