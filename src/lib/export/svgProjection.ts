/**
 * The live map's Web Mercator as a d3-geo projection (the SVG export draws every point where
 * MapLibre draws it), and polygon winding for d3-geo.
 *
 * Winding. GeoJSON (RFC 7946, and our Natural Earth files) winds exterior rings counterclockwise;
 * d3-geo works on the sphere and reads a ring by the side it encloses on its right, so a
 * counterclockwise country is "the whole globe except the country". Clipped to the frame, that is
 * the frame rectangle with the country cut out, and land and sea come out one colour.
 * `rewindForD3` turns every ring the way d3 expects before any path is drawn.
 */
import { geoArea, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry, Position } from 'geojson';

export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface MapProjection {
  /** d3 Mercator, clipped to [0,0]–[width,height]. `projection([lon, lat])` is not clipped. */
  projection: GeoProjection;
  /** SVG path data for a feature or geometry; '' when nothing of it is in the box. */
  path: (g: Feature | Geometry) => string;
}

/** MapLibre draws a 512 px world at zoom 0; d3's Mercator scale is the world width over 2π. */
export const mercatorScale = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

/**
 * The d3 projection that puts every point where MapLibre draws it for a map of width × height at
 * this centre and zoom. `precision(0)` turns off d3's great-circle resampling: MapLibre joins
 * vertices with straight lines in Mercator, and so does this (long edges such as the basemap's
 * clip edges along parallels would otherwise bow towards the pole).
 */
export function makeProjection(view: MapView, width: number, height: number): MapProjection {
  const projection = geoMercator()
    .scale(mercatorScale(view.zoom))
    .center(view.center)
    .translate([width / 2, height / 2])
    .precision(0)
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const gp = geoPath(projection).digits(2);
  return { projection, path: (g) => gp(g as Feature) ?? '' };
}

/** Projects a line's vertices to screen points, leaving out those that do not project. */
export function projectLine(projection: GeoProjection, coords: Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of coords) {
    const p = projection([c[0], c[1]]);
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push([p[0], p[1]]);
  }
  return out;
}

export const insideBox = (p: readonly [number, number], width: number, height: number) =>
  p[0] >= 0 && p[1] >= 0 && p[0] <= width && p[1] <= height;

const HEMISPHERE = 2 * Math.PI;

/**
 * A copy of the ring wound for d3: an exterior ring must enclose less than a hemisphere (clockwise
 * as seen on the map), a hole more (counterclockwise, its complement being the hole).
 */
function windRing(ring: Position[], exterior: boolean): Position[] {
  const copy = ring.map((p) => [...p]);
  const big = geoArea({ type: 'Polygon', coordinates: [copy] }) > HEMISPHERE;
  return big === exterior ? copy.reverse() : copy;
}

const windPolygon = (rings: Position[][]) => rings.map((ring, i) => windRing(ring, i === 0));

function rewindGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Polygon':
      return { ...g, coordinates: windPolygon(g.coordinates) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map(windPolygon) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map(rewindGeometry) };
    default:
      return structuredClone(g);
  }
}

/**
 * A copy of a feature (or geometry) with every polygon ring wound the way d3-geo expects, ring by
 * ring, whatever the input's winding (RFC 7946, d3, or a mix after clipping). The input is not
 * changed. No polygon here spans a hemisphere, which is what makes the area test unambiguous.
 */
export function rewindForD3<T extends Feature | Geometry>(x: T): T {
  if (x.type === 'Feature') {
    const f = x as Feature;
    return {
      ...f,
      properties: f.properties && { ...f.properties },
      geometry: f.geometry && rewindGeometry(f.geometry),
    } as T;
  }
  return rewindGeometry(x as Geometry) as T;
}
