/**
 * IOM Missing Migrants incidents: the columnar incidents.json → records and the arrays the GPU
 * layer draws (lon, lat, time in months, size ∝ √dead-and-missing). Pure, unit-tested.
 */
import { INCIDENT_COLUMNS, type IncidentsFile } from '../../data/types';
import { monthFloat, sqrtSizes } from './points';
import type { MessageKey } from '../../i18n/keys';

export interface Incident {
  id: string;
  date: string;
  lat: number;
  lon: number;
  dead: number | null;
  missing: number | null;
  deadMissing: number;
  survivors: number | null;
  cause: string | null;
  route: string | null;
  country: string | null;
  location: string | null;
  /** IOM source-quality level, 1 (one media report) … 5 (official records). */
  quality: number | null;
  source: string | null;
  link: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Rows → records; rows without coordinates or a date are dropped (they cannot be drawn). */
export function incidentRecords(file: IncidentsFile): Incident[] {
  const c = new Map(file.columns.map((name, i) => [name, i]));
  const col = (name: string) => {
    const i = c.get(name);
    if (i === undefined) throw new Error(`incidents.json: no column "${name}"`);
    return i;
  };
  const [
    id,
    date,
    lat,
    lon,
    dead,
    missing,
    dm,
    surv,
    cause,
    route,
    country,
    location,
    quality,
    source,
    link,
  ] = INCIDENT_COLUMNS.map(col);
  const out: Incident[] = [];
  for (const r of file.rows) {
    const la = num(r[lat]);
    const lo = num(r[lon]);
    const d = str(r[date]);
    if (la === null || lo === null || !d) continue;
    const de = num(r[dead]);
    const mi = num(r[missing]);
    out.push({
      id: String(r[id]),
      date: d,
      lat: la,
      lon: lo,
      dead: de,
      missing: mi,
      deadMissing: num(r[dm]) ?? (de ?? 0) + (mi ?? 0),
      survivors: num(r[surv]),
      cause: str(r[cause]),
      route: str(r[route]),
      country: str(r[country]),
      location: str(r[location]),
      quality: num(r[quality]),
      source: str(r[source]),
      link: str(r[link]),
    });
  }
  return out;
}

/** Arrays for the GPU layer, in the records' order. */
export function incidentArrays(list: Incident[]) {
  const n = list.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const t = new Float64Array(n);
  const dm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = list[i].lon;
    lat[i] = list[i].lat;
    t[i] = monthFloat(list[i].date);
    dm[i] = list[i].deadMissing;
  }
  return { lon, lat, t, size: sqrtSizes(dm, 2.5, 14) };
}

/** Incidents with from ≤ month(date) ≤ to: the reference the map's count is checked against. */
export function countInWindow(list: Incident[], from: number, to: number): number {
  let k = 0;
  for (const x of list) {
    const m = Math.floor(monthFloat(x.date));
    if (m >= from && m <= to) k++;
  }
  return k;
}

/** A link is shown only if it is http(s). */
export function safeLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

const CAUSES: [RegExp, string][] = [
  [/^Drowning$/i, 'drowning'],
  [/^Violence$/i, 'violence'],
  [/^Mixed or unknown$/i, 'unknown'],
  [/^Vehicle accident/i, 'vehicle'],
  [/^Harsh environmental/i, 'environment'],
  [/^Accidental death$/i, 'accident'],
  [/^Sickness/i, 'sickness'],
];

/**
 * IOM's cause field can hold several categories separated by "," (without a space; the categories
 * themselves contain ", "). Returns a locale key per known category, or the raw text.
 */
export function causeKeys(cause: string | null): { key?: MessageKey; text: string }[] {
  if (!cause) return [];
  return cause.split(/,(?! )/).map((text) => {
    const hit = CAUSES.find(([re]) => re.test(text.trim()));
    return hit ? { key: `incident.cause.${hit[1]}` as MessageKey, text } : { text };
  });
}
