/**
 * The fine basemap (Natural Earth 1:10m), cut into 5°×5° cells inside the region so that the
 * browser fetches only the few cells in view once the map is zoomed in. 1:10m is what shows
 * Lampedusa, Linosa, Malta's Gozo and the small Aegean islands where boats land.
 *
 * Each cell file carries its own rectangle (`k: 'cell'`): the client paints it with the water
 * colour above the coarse layer, so coarse 1:50m land that bulges into the sea never peeks out
 * from under the finer coastline.
 */
import { mesh, feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_BBOX } from '../../src/lib/data/region';
import { clipLines, clipPolygons, polygonsOf, readAtlas, roundLines, roundPolygons, type BBox } from './geo';

export const CELL_DEG = 5;
/** The map layers showing fine geometry start at this zoom; cells are fetched a little earlier. */
export const FINE_MINZOOM = 5;
const DIGITS = 4;
/** Drops vertices closer than ~50 m apart: below a pixel until zoom 11, the map's max zoom. */
const FINE_MIN_WEIGHT = 1e-7;

export interface FineIndex {
  version: 1;
  cellDeg: number;
  minzoom: number;
  /** cell key → [west, south, east, north]; the file is `basemap-fine/<key>.json`. */
  cells: Record<string, [number, number, number, number]>;
}

export const cellKey = (west: number, south: number) => `c${west}_${south}`;

/** Cells of the 5° grid covering the region, each clipped to the region. */
export function regionCells(): { key: string; bbox: BBox }[] {
  const [w, s, e, n] = REGION_BBOX;
  const out: { key: string; bbox: BBox }[] = [];
  for (let x = Math.floor(w / CELL_DEG) * CELL_DEG; x < e; x += CELL_DEG)
    for (let y = Math.floor(s / CELL_DEG) * CELL_DEG; y < n; y += CELL_DEG)
      out.push({
        key: cellKey(x, y),
        bbox: [Math.max(x, w), Math.max(y, s), Math.min(x + CELL_DEG, e), Math.min(y + CELL_DEG, n)],
      });
  return out;
}

/** Cheap bbox test per polygon/line so each cell clips only what can touch it. */
function boxOf(coords: Position[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords)
    [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  return [w, s, e, n];
}
const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

export function buildFine(): { index: FineIndex; cells: Record<string, FeatureCollection> } {
  const landTopo = simplify(
    presimplify(readAtlas('land-10m') as never),
    FINE_MIN_WEIGHT,
  ) as unknown as Topology;
  const countryTopo = simplify(
    presimplify(readAtlas('countries-10m') as never),
    FINE_MIN_WEIGHT,
  ) as unknown as Topology;
  const landFc = feature(landTopo, landTopo.objects.land as GeometryCollection) as FeatureCollection;
  const land = landFc.features.flatMap((f) => polygonsOf(f.geometry));
  const coast = mesh(landTopo, landTopo.objects.land as GeometryCollection).coordinates;
  const borders = mesh(
    countryTopo,
    countryTopo.objects.countries as GeometryCollection,
    (a, b) => a !== b,
  ).coordinates;

  const landBoxed = land.map((p) => ({ p, box: boxOf(p[0]) }));
  const coastBoxed = coast.map((l) => ({ l, box: boxOf(l) }));
  const bordersBoxed = borders.map((l) => ({ l, box: boxOf(l) }));

  const index: FineIndex = { version: 1, cellDeg: CELL_DEG, minzoom: FINE_MINZOOM, cells: {} };
  const cells: Record<string, FeatureCollection> = {};
  for (const { key, bbox } of regionCells()) {
    const polys = roundPolygons(
      clipPolygons(
        landBoxed.filter((x) => overlaps(x.box, bbox)).map((x) => x.p),
        bbox,
      ),
      DIGITS,
    );
    if (!polys.length) continue; // open sea: the coarse layer (water) is already right
    const cut = (ls: { l: Position[]; box: BBox }[]) =>
      roundLines(
        clipLines(
          ls.filter((x) => overlaps(x.box, bbox)).map((x) => x.l),
          bbox,
        ),
        DIGITS,
      );
    const [w, s, e, n] = bbox;
    const features: Feature[] = [
      {
        type: 'Feature',
        properties: { k: 'cell' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
      { type: 'Feature', properties: { k: 'land' }, geometry: { type: 'MultiPolygon', coordinates: polys } },
    ];
    const coastLines = cut(coastBoxed);
    const borderLines = cut(bordersBoxed);
    if (coastLines.length)
      features.push({
        type: 'Feature',
        properties: { k: 'coast' },
        geometry: { type: 'MultiLineString', coordinates: coastLines },
      });
    if (borderLines.length)
      features.push({
        type: 'Feature',
        properties: { k: 'border' },
        geometry: { type: 'MultiLineString', coordinates: borderLines },
      });
    index.cells[key] = [w, s, e, n];
    cells[key] = { type: 'FeatureCollection', features };
  }
  return { index, cells };
}
