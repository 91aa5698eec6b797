/**
 * What is in the current window, as plain records: the one source for the CSV and GeoJSON exports.
 * Pure: the caller passes the app's fields and the derived values the map draws.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Metric, Programme } from '../data/schema';
import type { CatalogFile } from '../data/types';
import type { LandingValue } from '../filter/landings';
import type { Layers } from '../state/app.svelte';
import { monthIso, type MonthIndex } from '../data/time';

export interface ExportInput {
  lang: 'en' | 'it';
  window: [MonthIndex, MonthIndex];
  layers: Layers;
  catalog: CatalogFile;
  routes: FeatureCollection<LineString>;
  landingMetric: Metric;
  landings: LandingValue[];
  /** Agreement arcs at the end of the window (Derived.arcsNow). */
  arcs: FeatureCollection<LineString>;
  programmes: Omit<Programme, '_row'>[];
}

/** One row per thing on the map; columns are the same for every layer (empty when not relevant). */
export interface ExportRow {
  layer: 'routes' | 'landings' | 'agreements' | 'programmes';
  id: string;
  name: string;
  lon: number | null;
  lat: number | null;
  metric: string;
  value: number | null;
  qualifier: string;
  complete: boolean | null;
  status: string;
  window_from: string;
  window_to: string;
  sources: string;
}

const nameOf = (r: object, lang: string, field = 'name') => {
  const rec = r as Record<string, unknown>;
  return String(rec[`${field}_${lang}`] ?? rec[`${field}_en`] ?? '');
};

export function exportRows(x: ExportInput): ExportRow[] {
  const from = monthIso(x.window[0]);
  const to = monthIso(x.window[1]);
  const base = {
    window_from: from,
    window_to: to,
    metric: '',
    value: null,
    qualifier: '',
    complete: null,
    status: '',
  };
  const rows: ExportRow[] = [];
  if (x.layers.routes)
    for (const s of x.catalog.segments)
      rows.push({
        ...base,
        layer: 'routes',
        id: s.id,
        name: nameOf(s, x.lang),
        lon: null,
        lat: null,
        status: s.mode,
        sources: s.sources.join(' '),
      });
  if (x.layers.landings) {
    const places = new Map(x.catalog.places.map((p) => [p.id, p]));
    for (const v of x.landings) {
      const p = v.point;
      const name =
        p.areaType === 'place'
          ? nameOf(places.get(p.area) ?? { name_en: p.area }, x.lang)
          : nameOf(x.catalog.countries[p.area] ?? { name_en: p.area }, x.lang);
      rows.push({
        ...base,
        layer: 'landings',
        id: p.key,
        name,
        lon: p.coords[0],
        lat: p.coords[1],
        metric: x.landingMetric,
        value: v.value,
        qualifier: v.qualifier,
        complete: v.complete,
        sources: '',
      });
    }
  }
  if (x.layers.agreements) {
    const byId = new Map(x.catalog.agreements.map((a) => [a.id, a]));
    const seen = new Set<string>();
    for (const f of x.arcs.features) {
      const id = String(f.properties?.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const a = byId.get(id);
      rows.push({
        ...base,
        layer: 'agreements',
        id,
        name: a ? nameOf(a, x.lang, 'title') : id,
        lon: null,
        lat: null,
        status: String(f.properties?.status ?? ''),
        sources: a?.sources.join(' ') ?? '',
      });
    }
  }
  if (x.layers.programmes)
    for (const p of x.programmes)
      rows.push({
        ...base,
        layer: 'programmes',
        id: p.id,
        name: nameOf(p, x.lang, 'purpose'),
        lon: null,
        lat: null,
        metric: p.currency,
        value: p.amount ?? null,
        status: p.recipients.join(' '),
        sources: p.sources.join(' '),
      });
  return rows;
}

export const CSV_COLUMNS: (keyof ExportRow)[] = [
  'layer',
  'id',
  'name',
  'lon',
  'lat',
  'metric',
  'value',
  'qualifier',
  'complete',
  'status',
  'window_from',
  'window_to',
  'sources',
];

/** RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(rows: ExportRow[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}

/** GeoJSON of the same rows: routes and arcs as lines, landings as points (properties = the row). */
export function toGeoJson(x: ExportInput, rows: ExportRow[]): FeatureCollection {
  const features: Feature[] = [];
  const routeGeom = new Map<string, LineString>();
  for (const f of x.routes.features) routeGeom.set(String(f.properties?.id), f.geometry);
  const arcGeoms = new Map<string, LineString['coordinates'][]>();
  for (const f of x.arcs.features) {
    const id = String(f.properties?.id);
    arcGeoms.set(id, [...(arcGeoms.get(id) ?? []), f.geometry.coordinates]);
  }
  for (const r of rows) {
    if (r.layer === 'landings' && r.lon !== null && r.lat !== null)
      features.push({
        type: 'Feature',
        properties: { ...r },
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] } as Point,
      });
    else if (r.layer === 'routes' && routeGeom.has(r.id))
      features.push({ type: 'Feature', properties: { ...r }, geometry: routeGeom.get(r.id)! });
    else if (r.layer === 'agreements' && arcGeoms.has(r.id))
      features.push({
        type: 'Feature',
        properties: { ...r },
        geometry: { type: 'MultiLineString', coordinates: arcGeoms.get(r.id)! },
      });
    else features.push({ type: 'Feature', properties: { ...r }, geometry: null as unknown as Point });
  }
  return { type: 'FeatureCollection', features };
}
