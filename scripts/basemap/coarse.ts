/**
 * The coarse basemap loaded with the page (Natural Earth 1:50m) and the country label points.
 *
 * Countries are polygons for the fill only; borders and coastline are separate lines taken from
 * the topology's shared arcs, so a border is drawn once (not twice, once per neighbour) and the
 * edges made by clipping to the extent never show up as fake coastline.
 */
import { mesh, feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { REGION_BBOX } from '../../src/lib/data/region';
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
import { countryName } from './names';
import { polylabel } from './polylabel';

/**
 * The coarse layer covers the map's maxBounds (MapView), which is wider than the region, so panning
 * to the edge never shows the world ending in water. Countries outside the region get `in: 0`.
 */
export const COARSE_BBOX: BBox = [-45, -25, 75, 72];
const DIGITS = 4;
/** Triangle-area threshold (deg²) for Visvalingam simplification: invisible at the zooms 50m is shown. */
const COARSE_MIN_WEIGHT = 2e-4;

type CountryGeom = GeometryObject<{ name: string }>;

function countriesOf(topo: Topology): CountryGeom[] {
  const obj = topo.objects.countries as unknown as { geometries: CountryGeom[] };
  return obj.geometries;
}

const asPolys = (topo: Topology, g: CountryGeom) => polygonsOf((feature(topo, g) as Feature).geometry as Geometry);

const meshLines = (topo: Topology, filter: (a: CountryGeom, b: CountryGeom) => boolean) =>
  mesh(topo, topo.objects.countries as never, filter as never).coordinates;

export function buildCoarse(): FeatureCollection {
  const topo = simplify(presimplify(readAtlas('countries-50m')), COARSE_MIN_WEIGHT);
  const features: Feature[] = [];
  for (const g of countriesOf(topo)) {
    const polys = roundPolygons(clipPolygons(asPolys(topo, g), COARSE_BBOX), DIGITS);
    if (!polys.length) continue;
    const name = countryName(g.id === undefined ? undefined : String(g.id), g.properties?.name ?? '');
    const inRegion = bboxIntersects(boundsOf(polys), REGION_BBOX) && clipPolygons(polys, REGION_BBOX).length > 0;
    features.push({
      type: 'Feature',
      properties: { k: 'country', iso3: name?.iso3 ?? '', in: inRegion ? 1 : 0 },
      geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    });
  }
  const lines = (k: string, filter: (a: CountryGeom, b: CountryGeom) => boolean) => {
    const coordinates = roundLines(clipLines(meshLines(topo, filter), COARSE_BBOX), DIGITS);
    features.push({ type: 'Feature', properties: { k }, geometry: { type: 'MultiLineString', coordinates } });
  };
  lines('border', (a, b) => a !== b);
  lines('coast', (a, b) => a === b);
  return { type: 'FeatureCollection', features };
}

export interface CountryLabelProps {
  iso3: string;
  name_en: string;
  name_it: string;
  /** 1 = the largest polygon: used as `symbol-sort-key`, so big countries win label collisions. */
  rank: number;
  /** Area of the labelled polygon (km², inside the region). */
  km2: number;
}

/**
 * One label per country that intersects the region, at the pole of inaccessibility of its largest
 * polygon *within the region* (so Russia's label lands near Moscow, not in Siberia, and France's in
 * France rather than Guiana). Uses 1:10m so small states such as Malta and Gibraltar get labels.
 */
export function buildCountryLabels(): FeatureCollection<Point, CountryLabelProps> {
  const topo = readAtlas('countries-10m');
  const r = roundTo(DIGITS);
  const found: { props: Omit<CountryLabelProps, 'rank'>; at: Position }[] = [];
  for (const g of countriesOf(topo)) {
    const name = countryName(g.id === undefined ? undefined : String(g.id), g.properties?.name ?? '');
    if (!name) continue;
    const big = largestPolygon(clipPolygons(asPolys(topo, g), REGION_BBOX));
    if (!big) continue;
    const at = polylabel(big.rings, 0.005);
    found.push({ props: { ...name, km2: Math.round(big.km2) }, at: [r(at[0]), r(at[1])] });
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

/** The largest polygon of a country inside the region, from the same data the labels use (for tests). */
export function largestRegionPolygons(): Map<string, Position[][]> {
  const topo = readAtlas('countries-10m');
  const out = new Map<string, Position[][]>();
  for (const g of countriesOf(topo)) {
    const name = countryName(g.id === undefined ? undefined : String(g.id), g.properties?.name ?? '');
    const big = name && largestPolygon(clipPolygons(asPolys(topo, g), REGION_BBOX));
    if (name && big) out.set(name.iso3, big.rings);
  }
  return out;
}
