/**
 * The coarse basemap loaded with the page (Natural Earth 1:50m) and the country label points.
 */
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { REGION_BBOX } from '../../src/lib/data/region';
import { BASEMAP_TILES } from '../../src/lib/map/basemapTiles';
import {
  bboxIntersects,
  boundsOf,
  clipLines,
  clipPolygons,
  largestPolygon,
  polygonsOf,
  readAtlas,
  roundLines,
  roundPolygons,
  roundTo,
  type BBox,
} from './geo';
import { countryName, type CountryName } from './names';
import { polylabel } from './polylabel';

/**
 * The coarse layer covers the map's maxBounds (MapView) plus a degree, which is wider than the
 * region, so panning to the edge never shows the world ending in water, and the clip edges (which
 * the coast layer would draw, see below) stay off screen.
 */
export const COARSE_BBOX: BBox = [...BASEMAP_TILES.bounds];
const DIGITS = 3;
/**
 * Triangle-area threshold (deg²) for Visvalingam simplification, and coordinate rounding
 * (0.001° ≈ 100 m). At zoom 4 a pixel is ~0.04°, so this removes wiggles of about a pixel there;
 * from zoom 5 the 1:10m cells take over inside the region. Chosen to keep the first load under
 * COARSE_GZIP_BUDGET (tested).
 */
const COARSE_MIN_WEIGHT = 1.5e-3;

type CountryGeom = GeometryObject<{ name: string }>;

function countriesOf(topo: Topology): CountryGeom[] {
  const obj = topo.objects.countries as unknown as { geometries: CountryGeom[] };
  return obj.geometries;
}

const asPolys = (topo: Topology, g: CountryGeom) =>
  polygonsOf((feature(topo, g) as Feature).geometry as Geometry);

const nameOf = (g: CountryGeom) =>
  countryName(
    g.id === undefined ? undefined : String(g.id),
    (g.properties as { name?: string } | undefined)?.name ?? '',
  );

function multi(polys: Position[][][]): Geometry {
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}

/**
 * Three kinds of feature, told apart by `k`:
 * - `country`: one (Multi)Polygon per country with its `iso3` and `out: 1` when it does not reach
 *   the region (painted `landOutside`). The agreements overlay highlights parties by `iso3`.
 * - `coast`: the exterior arcs of the topology (shared by no two countries), i.e. the coastline.
 * - `border`: land borders, each drawn once from the topology's shared arcs.
 */
export function buildCoarse(): FeatureCollection {
  const topo = simplify(
    presimplify(readAtlas('countries-50m') as never),
    COARSE_MIN_WEIGHT,
  ) as unknown as Topology;
  const all = countriesOf(topo);
  const features: Feature[] = [];
  for (const g of all) {
    const polys = clipPolygons(asPolys(topo, g), COARSE_BBOX);
    if (!polys.length) continue;
    const inRegion =
      bboxIntersects(boundsOf(polys), REGION_BBOX) && clipPolygons(polys, REGION_BBOX).length > 0;
    const props = { k: 'country', iso3: nameOf(g)?.iso3 ?? '', out: inRegion ? 0 : 1 };
    // Outer rings only: enclaves (San Marino, Vatican City, Lesotho) are countries of their own
    // with the same land colour, and holes in simplified, rounded rings are what breaks
    // triangulation (a country that vanishes at some zooms).
    const outer = roundPolygons(polys, DIGITS).map((p) => [p[0]]);
    features.push({ type: 'Feature', properties: props, geometry: multi(outer) });
  }
  const objects = topo.objects.countries as never;
  const coast = mesh(topo, objects, ((a: CountryGeom, b: CountryGeom) => a === b) as never);
  features.push({
    type: 'Feature',
    properties: { k: 'coast' },
    geometry: {
      type: 'MultiLineString',
      coordinates: roundLines(clipLines(coast.coordinates, COARSE_BBOX), DIGITS),
    },
  });
  const borders = mesh(topo, objects, ((a: CountryGeom, b: CountryGeom) => a !== b) as never);
  const coordinates = roundLines(clipLines(borders.coordinates, COARSE_BBOX), DIGITS);
  features.push({
    type: 'Feature',
    properties: { k: 'border' },
    geometry: { type: 'MultiLineString', coordinates },
  });
  return { type: 'FeatureCollection', features };
}

export interface CountryLabelProps {
  iso3: string;
  name_en: string;
  name_it: string;
  name_fr: string;
  name_ar: string;
  /** 1 = the largest polygon: used as `symbol-sort-key`, so big countries win label collisions. */
  rank: number;
  /** Area of the labelled polygon inside the region (km²). */
  km2: number;
}

/** A country whose main polygon barely reaches into the region (Oman, Angola) gets no label there. */
const MIN_SHARE_IN_REGION = 0.03;

/** Each country's largest polygon (1:10m, whole, not clipped), keyed by iso3. */
export function largestPolygons(): Map<string, { name: CountryName; rings: Position[][]; km2: number }> {
  const topo = readAtlas('countries-10m');
  const out = new Map<string, { name: CountryName; rings: Position[][]; km2: number }>();
  for (const g of countriesOf(topo)) {
    const name = nameOf(g);
    const big = name && largestPolygon(asPolys(topo, g));
    if (name && big) out.set(name.iso3, { name, ...big });
  }
  return out;
}

/**
 * One label per country that intersects the region, inside its largest polygon (the mainland,
 * never an island or an exclave), at the pole of inaccessibility of the part of that polygon that
 * lies in the region: Russia's label lands west of the Urals, not in Siberia. Uses 1:10m so small
 * states such as Malta and San Marino get labels.
 */
export function buildCountryLabels(): FeatureCollection<Point, CountryLabelProps> {
  const r = roundTo(DIGITS);
  const found: { props: Omit<CountryLabelProps, 'rank'>; at: Position }[] = [];
  for (const { name, rings, km2 } of largestPolygons().values()) {
    const part = largestPolygon(clipPolygons([rings], REGION_BBOX));
    if (!part || part.km2 < km2 * MIN_SHARE_IN_REGION) continue;
    const at = polylabel(part.rings, 0.005);
    found.push({ props: { ...name, km2: Math.round(part.km2) }, at: [r(at[0]), r(at[1])] });
  }
  found.sort((a, b) => b.props.km2 - a.props.km2);
  return {
    type: 'FeatureCollection',
    features: found.map(({ props, at }, i) => ({
      type: 'Feature',
      properties: { ...props, rank: i + 1 },
      geometry: { type: 'Point', coordinates: at },
    })),
  };
}
