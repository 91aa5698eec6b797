/**
 * Checks that span tables: every cited id exists, every place is inside the region, lifecycles
 * are in date order, programme dates are ordered, count areas exist. Shared by the data build
 * and the runtime importer, so a user's file gets the same messages.
 */
import { ROUTE_AREAS, type Count, type DataError, type Place, type Programme, type Source } from './schema';
import type { Agreement, RouteFamily, RouteSegment } from './json-schema';
import { insideRegion } from './region';
import { monthIndex } from './time';

export interface Catalog {
  sources: Source[];
  places: Place[];
  families: RouteFamily[];
  segments: RouteSegment[];
  counts: (Omit<Count, '_row'> & { _row?: number; _file?: string })[];
  programmes: Programme[];
  agreements: Agreement[];
}

export const FILES = {
  sources: 'data/sources.csv',
  places: 'data/places.csv',
  routes: 'data/routes.json',
  counts: 'data/counts.csv',
  programmes: 'data/programmes.csv',
  agreements: 'data/agreements.json',
} as const;

/** Countries that have a capital (or seat of government) in places.csv, plus "EU" → Brussels. */
export function capitals(places: Place[]): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const p of places) if (p.kind === 'capital' && p.country && !out.has(p.country)) out.set(p.country, p);
  const brussels = places.find((p) => p.id === 'brussels');
  if (brussels) out.set('EU', brussels);
  return out;
}

export function crossCheck(cat: Catalog): DataError[] {
  const errors: DataError[] = [];
  const sourceIds = new Set(cat.sources.map((s) => s.id));
  const placeIds = new Set(cat.places.map((p) => p.id));
  const familyIds = new Set(cat.families.map((f) => f.id));
  const caps = capitals(cat.places);
  const countries = new Set(cat.places.map((p) => p.country).filter(Boolean) as string[]);
  const cite = (file: string, row: number, column: string, ids: string[]) => {
    for (const id of ids)
      if (!sourceIds.has(id))
        errors.push({ file, row, column, value: id, expected: `a source id defined in ${FILES.sources}` });
  };

  for (const p of cat.places) {
    cite(FILES.places, p._row, 'sources', p.sources);
    if (!insideRegion(p.lon, p.lat))
      errors.push({
        file: FILES.places,
        row: p._row,
        column: 'lat',
        value: `${p.lat},${p.lon}`,
        expected: "a point inside the map's region (check lat/lon are not swapped)",
      });
  }
  const areaOk = (k: keyof typeof ROUTE_AREAS | string | null) => k === null || k in ROUTE_AREAS;
  cat.families.forEach((f, i) => {
    cite(FILES.routes, 0, `families[${i}].sources`, f.sources);
    if (!areaOk(f.frontex_route))
      errors.push({
        file: FILES.routes,
        row: 0,
        column: `families[${i}].frontex_route`,
        value: String(f.frontex_route),
        expected: `one of ${Object.keys(ROUTE_AREAS).join(', ')} or null`,
      });
  });
  cat.segments.forEach((s, i) => {
    cite(FILES.routes, 0, `segments[${i}].sources`, s.sources);
    if (!familyIds.has(s.family))
      errors.push({
        file: FILES.routes,
        row: 0,
        column: `segments[${i}].family`,
        value: s.family,
        expected: 'the id of a family in "families"',
      });
    s.waypoints.forEach((w, j) => {
      if (!placeIds.has(w))
        errors.push({
          file: FILES.routes,
          row: 0,
          column: `segments[${i}].waypoints[${j}]`,
          value: w,
          expected: `a place id from ${FILES.places}`,
        });
    });
    if (!areaOk(s.frontex_route))
      errors.push({
        file: FILES.routes,
        row: 0,
        column: `segments[${i}].frontex_route`,
        value: String(s.frontex_route),
        expected: `one of ${Object.keys(ROUTE_AREAS).join(', ')} or null`,
      });
  });

  // One figure per series (metric × area) and period: two rows for the same month would be added
  // together, and two annual rows would silently replace each other.
  const figure = new Map<string, { id: string; file: string }>();
  for (const c of cat.counts) {
    const file = c._file ?? FILES.counts;
    const row = c._row ?? 0;
    const k = `${c.metric}|${c.area_type}|${c.area}|${c.period}`;
    const prev = figure.get(k);
    if (prev)
      errors.push({
        file,
        row,
        column: 'period',
        value: c.period,
        expected: `one figure per metric, area and period (${c.metric} for ${c.area} in ${c.period} is already given by "${prev.id}" in ${prev.file})`,
      });
    else figure.set(k, { id: c.id, file });
    cite(file, row, 'sources', c.sources);
    const known =
      c.area_type === 'country'
        ? countries.has(c.area)
        : c.area_type === 'place'
          ? placeIds.has(c.area)
          : c.area in ROUTE_AREAS;
    if (!known)
      errors.push({
        file,
        row,
        column: 'area',
        value: c.area,
        expected:
          c.area_type === 'country'
            ? 'an ISO3 code of a country with a place in places.csv'
            : c.area_type === 'place'
              ? 'a place id from places.csv'
              : `a route area: ${Object.keys(ROUTE_AREAS).join(', ')}`,
      });
  }

  for (const p of cat.programmes) {
    cite(FILES.programmes, p._row, 'sources', p.sources);
    for (const r of p.routes)
      if (!familyIds.has(r))
        errors.push({
          file: FILES.programmes,
          row: p._row,
          column: 'routes',
          value: r,
          expected: 'route family ids from routes.json',
        });
    for (const c of [p.funder, ...p.recipients])
      if (!caps.has(c))
        errors.push({
          file: FILES.programmes,
          row: p._row,
          column: c === p.funder ? 'funder' : 'recipients',
          value: c,
          expected: `a country with a capital (kind "capital") in ${FILES.places}, or "EU"`,
        });
    if (p.start && p.end && monthIndex(p.end.iso) < monthIndex(p.start.iso))
      errors.push({
        file: FILES.programmes,
        row: p._row,
        column: 'end',
        value: p.end.iso,
        expected: `a date on or after start (${p.start.iso})`,
      });
  }

  cat.agreements.forEach((a, i) => {
    const path = `[${i}] (${a.id})`;
    cite(FILES.agreements, 0, `${path}.sources`, a.sources);
    for (const r of a.routes)
      if (!familyIds.has(r))
        errors.push({
          file: FILES.agreements,
          row: 0,
          column: `${path}.routes`,
          value: r,
          expected: 'route family ids from routes.json',
        });
    if (a.concerns) {
      const c = a.concerns;
      for (const r of c.routes)
        if (!familyIds.has(r))
          errors.push({
            file: FILES.agreements,
            row: 0,
            column: `${path}.concerns.routes`,
            value: r,
            expected: 'route family ids from routes.json',
          });
      for (const p of c.countries)
        if (!caps.has(p) || p === 'EU')
          errors.push({
            file: FILES.agreements,
            row: 0,
            column: `${path}.concerns.countries`,
            value: p,
            expected: `a country with a capital in ${FILES.places}`,
          });
      if (c.source) cite(FILES.agreements, 0, `${path}.concerns.source`, [c.source]);
    }
    for (const p of a.parties)
      if (!caps.has(p))
        errors.push({
          file: FILES.agreements,
          row: 0,
          column: `${path}.parties`,
          value: p,
          expected: `a country with a capital in ${FILES.places}, or "EU"`,
        });
    let last: string | null = null;
    a.events.forEach((e, j) => {
      cite(FILES.agreements, 0, `${path}.events[${j}].sources`, e.sources);
      if (!e.date) return;
      if (last !== null && startDay(e.date.iso) < startDay(last))
        errors.push({
          file: FILES.agreements,
          row: 0,
          column: `${path}.events[${j}].date`,
          value: e.date.iso,
          expected: `a date on or after the previous event (${last}): list events in date order`,
        });
      last = e.date.iso;
    });
  });
  const ids = new Map<string, string>();
  for (const [file, list] of [
    [FILES.agreements, cat.agreements],
    [FILES.programmes, cat.programmes],
  ] as const)
    for (const r of list) {
      if (ids.has(r.id))
        errors.push({
          file,
          row: '_row' in r ? (r._row as number) : 0,
          column: 'id',
          value: r.id,
          expected: `a unique id (already used in ${ids.get(r.id)})`,
        });
      ids.set(r.id, file);
    }
  return errors;
}

/** Compare partial dates by their first day ("2024" → 2024-01-01). */
function startDay(iso: string): string {
  return iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
}
