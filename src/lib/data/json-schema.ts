/** Specs for the two JSON tables (routes, agreements), checked field by field with the CSV parsers. */
import * as f from './fields';
import {
  checkJson,
  AGREEMENT_TYPES,
  EVENT_TYPES,
  MODES,
  STATUSES,
  type DataError,
  type EventType,
  type Status,
} from './schema';
import type { PartialDate } from './fields';
import { foldLegacyNames } from './legacyNames';

export const FAMILY_GROUPS = [
  'central_med',
  'western_balkans',
  'north_african',
  'western_med',
  'atlantic',
] as const;
export type FamilyGroup = (typeof FAMILY_GROUPS)[number];

export interface RouteFamily {
  id: string;
  group: FamilyGroup;
  /** In English; other languages: src/lib/i18n/names/<lang>.json, keyed by this name. */
  name: string;
  description_en: string;
  description_it: string;
  /** The Frontex route whose detections this family's lines carry (null: no Frontex series). */
  frontex_route: string | null;
  sources: string[];
}
export interface RouteSegment {
  id: string;
  family: string;
  /** In English; other languages: src/lib/i18n/names/<lang>.json. */
  name: string;
  mode: 'sea' | 'land';
  waypoints: string[];
  description_en: string;
  description_it: string;
  /** Overrides the family's Frontex route for this leg (e.g. Türkiye → Greece is Eastern Med). */
  frontex_route: string | null;
  sources: string[];
}
export interface AgreementEvent {
  type: EventType;
  /** null when the date is unknown: the event is listed, never placed on the timeline. */
  date: PartialDate | null;
  status: Status;
  note_en: string | null;
  note_it: string | null;
  sources: string[];
}
/**
 * Which routes and countries an agreement concerns, for the before/after chart: stated by a source
 * (`basis: "source"`, naming it) or assigned by the editors (`basis: "editors"`, shown as such).
 */
export const CONCERN_BASES = ['source', 'editors'] as const;
export interface AgreementConcerns {
  /** Arrival countries whose series the chart shows (ISO3). */
  countries: string[];
  /** Route family ids from routes.json. */
  routes: string[];
  basis: (typeof CONCERN_BASES)[number];
  /** The source stating it; required when basis is "source". */
  source: string | null;
}
export interface Agreement {
  id: string;
  title_en: string;
  title_it: string;
  parties: string[];
  type: (typeof AGREEMENT_TYPES)[number];
  binding: boolean | null;
  routes: string[];
  /** Absent when no one has said which series it concerns (no before/after chart then). */
  concerns?: AgreementConcerns;
  summary_en: string;
  summary_it: string;
  status: Status;
  sources: string[];
  events: AgreementEvent[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fields<T>(
  file: string,
  path: string,
  o: Obj,
  spec: Record<string, f.Field<unknown>>,
  errors: DataError[],
): T | undefined {
  const before = errors.length;
  const out: Obj = {};
  for (const [k, field] of Object.entries(spec))
    out[k] = checkJson(file, `${path}.${k}`, o[k], field, errors);
  for (const k of Object.keys(o))
    if (!Object.hasOwn(spec, k) && k !== 'events' && k !== 'waypoints' && k !== 'concerns')
      errors.push({
        file,
        row: 0,
        column: `${path}.${k}`,
        value: k,
        expected: `one of the known keys: ${Object.keys(spec).join(', ')}`,
      });
  return errors.length === before ? (out as T) : undefined;
}

const FAMILY = {
  id: f.id,
  group: f.oneOf(FAMILY_GROUPS),
  name: f.text,
  description_en: f.text,
  description_it: f.text,
  frontex_route: f.optionalText,
  sources: f.list(f.id),
};
const SEGMENT = {
  id: f.id,
  family: f.id,
  name: f.text,
  mode: f.oneOf(MODES),
  description_en: f.text,
  description_it: f.text,
  frontex_route: f.optionalText,
  sources: f.list(f.id),
};

export function validateRoutes(
  file: string,
  json: unknown,
  errors: DataError[],
  /** Receives a notice for each old per-language name key (name_en, name_it …): see legacyNames.ts. */
  notices: DataError[] = [],
): { families: RouteFamily[]; segments: RouteSegment[] } {
  const families: RouteFamily[] = [];
  const segments: RouteSegment[] = [];
  if (!isObj(json) || !Array.isArray(json.families) || !Array.isArray(json.segments)) {
    errors.push({
      file,
      row: 0,
      column: '(root)',
      value: '',
      expected: 'an object with "families" and "segments" arrays',
    });
    return { families, segments };
  }
  json.families.forEach((raw, i) => {
    const o = isObj(raw) ? foldLegacyNames(file, `families[${i}]`, raw, notices) : raw;
    const r = isObj(o) ? fields<RouteFamily>(file, `families[${i}]`, o, FAMILY, errors) : undefined;
    if (r) families.push(r);
  });
  json.segments.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const o = foldLegacyNames(file, `segments[${i}]`, raw, notices);
    const r = fields<Omit<RouteSegment, 'waypoints'>>(file, `segments[${i}]`, o, SEGMENT, errors);
    const wp =
      Array.isArray(o.waypoints) &&
      o.waypoints.length >= 2 &&
      o.waypoints.every((w) => typeof w === 'string' && f.ID_RE.test(w));
    if (!wp)
      errors.push({
        file,
        row: 0,
        column: `segments[${i}].waypoints`,
        value: JSON.stringify(o.waypoints ?? null),
        expected: 'an array of at least 2 place ids',
      });
    if (r && wp) segments.push({ ...r, waypoints: o.waypoints as string[] });
  });
  return { families, segments };
}

const AGREEMENT = {
  id: f.id,
  title_en: f.text,
  title_it: f.text,
  parties: f.list(f.party, 1),
  type: f.oneOf(AGREEMENT_TYPES),
  binding: f.optional(f.bool),
  routes: f.list(f.id, 0),
  summary_en: f.text,
  summary_it: f.text,
  status: f.oneOf(STATUSES),
  sources: f.list(f.id),
};
const CONCERNS = {
  countries: f.list(f.iso3, 0),
  routes: f.list(f.id, 0),
  basis: f.oneOf(CONCERN_BASES),
  source: f.optional(f.id),
};

function validateConcerns(
  file: string,
  path: string,
  o: unknown,
  errors: DataError[],
): AgreementConcerns | undefined {
  if (!isObj(o)) {
    errors.push({
      file,
      row: 0,
      column: path,
      value: JSON.stringify(o),
      expected:
        'an object { countries: [ISO3…], routes: [family id…], basis: "source" | "editors", source? }',
    });
    return undefined;
  }
  const c = fields<AgreementConcerns>(file, path, o, CONCERNS, errors);
  if (!c) return undefined;
  if (c.basis === 'source' && !c.source) {
    errors.push({
      file,
      row: 0,
      column: `${path}.source`,
      value: '',
      expected: 'the id of the source that states it (basis "source"), or basis "editors"',
    });
    return undefined;
  }
  if (c.basis === 'editors' && c.source) {
    errors.push({
      file,
      row: 0,
      column: `${path}.source`,
      value: c.source,
      expected: 'no source with basis "editors" (use basis "source" if a source states it)',
    });
    return undefined;
  }
  if (!c.countries.length && !c.routes.length) {
    errors.push({
      file,
      row: 0,
      column: path,
      value: '',
      expected: 'at least one country or route (or leave "concerns" out)',
    });
    return undefined;
  }
  return c;
}

const EVENT = {
  type: f.oneOf(EVENT_TYPES),
  date: f.optional(f.partialDate),
  status: f.oneOf(STATUSES),
  note_en: f.optionalText,
  note_it: f.optionalText,
  sources: f.list(f.id),
};

export function validateAgreements(file: string, json: unknown, errors: DataError[]): Agreement[] {
  const out: Agreement[] = [];
  if (!Array.isArray(json)) {
    errors.push({ file, row: 0, column: '(root)', value: '', expected: 'an array of agreements' });
    return out;
  }
  json.forEach((o, i) => {
    if (!isObj(o)) return;
    const path = `[${i}]${typeof o.id === 'string' ? ` (${o.id})` : ''}`;
    const a = fields<Omit<Agreement, 'events'>>(file, path, o, AGREEMENT, errors);
    const evs = Array.isArray(o.events) ? o.events : [];
    if (!Array.isArray(o.events))
      errors.push({
        file,
        row: 0,
        column: `${path}.events`,
        value: '',
        expected: 'an array of lifecycle events (may be empty if undated)',
      });
    const events: AgreementEvent[] = [];
    evs.forEach((e, j) => {
      const ev = isObj(e)
        ? fields<AgreementEvent>(file, `${path}.events[${j}]`, e, EVENT, errors)
        : undefined;
      if (ev) events.push(ev);
    });
    const before = errors.length;
    const concerns =
      o.concerns === undefined ? undefined : validateConcerns(file, `${path}.concerns`, o.concerns, errors);
    if (a && events.length === evs.length && errors.length === before)
      out.push(concerns ? { ...a, concerns, events } : { ...a, events });
  });
  return out;
}
