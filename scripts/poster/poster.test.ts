/** The poster as built: basemap paths in the theme's colours, small enough for the first paint. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildCoarse } from '../basemap/coarse';
import { BASEMAP_TILES } from '../../src/lib/map/basemapTiles';
import { mercX, mercY } from '../../src/lib/map/posterView';
import { THEMES } from '../../src/lib/map/theme';
import { DETAIL, pathOf, posterSvg, type Poster } from './svg';
import { posterCss, posterHtml, POSTER_MARK } from './plugin';

let coarse: FeatureCollection;
let poster: Poster;
beforeAll(() => {
  coarse = buildCoarse();
  poster = posterSvg(coarse, BASEMAP_TILES.bounds, THEMES.light);
}, 120_000);

type Ring = number[][];

/** A lon/lat in the picture's units. */
const at = (lon: number, lat: number) => [
  (mercX(lon) - poster.box[0]) * DETAIL.units,
  (mercY(lat) - poster.box[1]) * DETAIL.units,
];

function inRing([x, y]: number[], ring: Ring): boolean {
  let yes = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}
/** Inside some polygon's outer ring and none of its holes. */
const covers = (polys: Ring[][], p: number[]) =>
  polys.some(([outer, ...holes]) => inRing(p, outer) && !holes.some((h) => inRing(p, h)));
const area = (r: Ring) =>
  Math.abs(r.reduce((a, p, i) => a + (r.at(i - 1)![0] * p[1] - p[0] * r.at(i - 1)![1]), 0)) / 2;

/** Reads a `d` of pathOf back: m and bare pairs, relative; z closes. */
function parse(d: string): Ring[] {
  const out: Ring[] = [];
  let [x, y] = [0, 0];
  let start = [0, 0];
  for (const part of d.match(/m[^mz]*z?/g) ?? []) {
    const n = (part.match(/-?\d+/g) ?? []).map(Number);
    const ring: Ring = [];
    for (let i = 0; i < n.length; i += 2) {
      [x, y] = [x + n[i], y + n[i + 1]];
      ring.push([x, y]);
    }
    start = ring[0];
    if (part.endsWith('z')) {
      ring.push(start);
      [x, y] = start;
    }
    out.push(ring);
  }
  return out;
}

describe('poster', () => {
  it('draws sea, land in and outside the region, coast and borders in the theme colours', () => {
    const t = THEMES.light;
    for (const c of [t.water, t.land, t.landOutside, t.coast, t.border])
      expect(poster.svg).toContain(`"${c}"`);
    // The coast is the land fill's own outline, drawn again: one path, two uses.
    expect(poster.svg).toMatch(/<path id="l"[^>]* d="[^"]{1000,}"/);
    expect(poster.svg).toContain(`<use href="#l" stroke="${t.coast}"/>`);
    for (const d of poster.svg.matchAll(/ d="([^"]*)"/g)) expect(d[1].length).toBeGreaterThan(1000);
  });

  it('spans the basemap bounds in world pixels at zoom 0', () => {
    const [w, s, e, n] = BASEMAP_TILES.bounds;
    const { box } = poster;
    expect(box[0]).toBeCloseTo(mercX(w), 0);
    expect(box[1]).toBeCloseTo(mercY(n), 0);
    expect(box[0] + box[2]).toBeCloseTo(mercX(e), 0);
    expect(box[1] + box[3]).toBeCloseTo(mercY(s), 0);
  });

  it('keeps its stylesheet at 12 kB gzip or less (the whole first paint has 90 kB)', () => {
    expect(gzipSync(posterCss(poster.svg), { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
    expect(gzipSync(poster.svg, { level: 9 }).length).toBeLessThan(12 * 1024);
  });

  it('simplifies to whole units inside the picture, with few rings and no edge drawn twice', () => {
    const [, , bw, bh] = poster.box.map((v) => v * DETAIL.units);
    const rings = poster.land.flat();
    // Natural Earth 1:50m has 396 polygons in the bounds; those under a unit² go.
    expect(rings.length).toBeGreaterThan(150);
    expect(rings.length).toBeLessThan(300);
    expect(poster.outside.length).toBeLessThan(40);
    const all = [...rings, ...poster.outside.flat(), ...poster.borders];
    const points = all.reduce((a, r) => a + r.length, 0);
    expect(points).toBeLessThan(8000);
    for (const r of all)
      for (const [x, y] of r) {
        expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
        // Edges cut by the bbox sit a few units outside it, where the coast stroke does not show.
        expect(x).toBeGreaterThanOrEqual(-3);
        expect(y).toBeGreaterThanOrEqual(-3);
        expect(x).toBeLessThanOrEqual(bw + 3);
        expect(y).toBeLessThanOrEqual(bh + 3);
      }
    for (const r of rings) {
      expect(r.length).toBeGreaterThanOrEqual(4);
      expect(area(r)).toBeGreaterThanOrEqual(DETAIL.minRing);
      for (let i = 1; i < r.length; i++) expect(r[i]).not.toEqual(r[i - 1]);
    }
    // Merged land: no segment is in two rings (the old poster drew every border twice).
    const seen = new Set<string>();
    for (const r of rings)
      for (let i = 1; i < r.length; i++) {
        const [a, b] = [r[i - 1].join(), r[i].join()].sort();
        expect(seen.has(a + ';' + b)).toBe(false);
        seen.add(a + ';' + b);
      }
  });

  it('keeps the landmasses and the islands of the routes, and the seas between them', () => {
    const largest = Math.max(...poster.land.map((p) => area(p[0])));
    const [, , bw, bh] = poster.box.map((v) => v * DETAIL.units);
    // Africa and Eurasia are one polygon here, about a third of the picture.
    expect(largest).toBeGreaterThan(0.3 * bw * bh);
    const land: [string, number, number][] = [
      ['Sahara', 10, 25],
      ['Great Britain', -1.5, 52.5],
      ['Iceland', -18.5, 64.8],
      ['Sicily', 14.2, 37.5],
      ['Sardinia', 9, 40],
      ['Crete', 24.9, 35.2],
      ['Cyprus', 33.1, 35],
      ['Malta', 14.42, 35.88],
      ['Lesbos', 26.25, 39.2],
      ['Gran Canaria', -15.6, 27.95],
    ];
    for (const [name, lon, lat] of land) expect(covers(poster.land, at(lon, lat)), name).toBe(true);
    const sea: [string, number, number][] = [
      ['Mediterranean', 18, 34],
      ['Black Sea', 34, 43],
      ['Caspian (a hole in the land)', 51, 42],
      ['Red Sea', 38, 21],
      ['Atlantic', -30, 40],
    ];
    for (const [name, lon, lat] of sea) expect(covers(poster.land, at(lon, lat)), name).toBe(false);
    // Land outside the region (Central Asia) has its own fill; Italy is in the region.
    expect(covers(poster.outside, at(64, 41))).toBe(true);
    expect(covers(poster.outside, at(12.5, 42.5))).toBe(false);
    // No polygon inside another: enclaves (San Marino) would be ringed by the coast stroke.
    for (const [i, p] of poster.land.entries())
      expect(
        covers(
          poster.land.filter((_, j) => j !== i),
          p[0][0],
        ),
      ).toBe(false);
  });

  it('writes paths that read back to the same rings and lines', () => {
    const rings = poster.land.flat();
    expect(parse(pathOf(rings, true))).toEqual(rings);
    expect(parse(pathOf(poster.borders, false))).toEqual(poster.borders);
    expect(
      pathOf(
        [
          [
            [5, 7],
            [2, 9],
            [-1, 3],
            [5, 7],
          ],
        ],
        true,
      ),
    ).toBe('m5 7-3 2-3-6z');
  });

  it('goes where index.html asks for it, and says how to fix a missing basemap', () => {
    expect(readFileSync('index.html', 'utf8')).toContain(POSTER_MARK);
    expect(() => posterHtml('/nonexistent')).toThrow(/run `npm run data`/);
  });
});
