/**
 * The one schema for every record type. The data build (scripts/build-data.ts), the runtime loader
 * and the "bring your own data" importer all validate through these specs, so an error reads the
 * same wherever it is caught.
 */
import { parseCsv, CsvSyntaxError } from './csv';
import * as f from './fields';
import type { Field, PartialDate } from './fields';
import { LEGACY_NAME, movedNotice, renamedNotice } from './legacyNames';

export const METRICS = ['sea_arrivals', 'irregular_arrivals', 'frontex_detections', 'dead_missing'] as const;
export type Metric = (typeof METRICS)[number];
export const QUALIFIERS = ['exact', 'approx', 'at_least'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const STATUSES = ['seen', 'unconfirmed'] as const;
export type Status = (typeof STATUSES)[number];
export const PLACE_KINDS = [
  'city',
  'capital',
  'port',
  'island',
  'town',
  'sea',
  'waypoint',
  'region',
] as const;
export const AREA_TYPES = ['country', 'place', 'route'] as const;
export const MODES = ['sea', 'land'] as const;
export const AGREEMENT_TYPES = [
  'mou',
  'protocol',
  'treaty',
  'declaration',
  'joint_statement',
  'partnership',
  'agreement',
  'action_plan',
  'law',
  'process',
  'operation',
  'funding',
  'regulation',
  'other',
] as const;
/** Lifecycle event types; what each does to an agreement's status: EFFECTS in filter/lifecycle.ts. */
export const EVENT_TYPES = [
  'announced',
  'approved',
  'signed',
  'ratified',
  'in_force',
  'renewed',
  'applies',
  'suspended',
  'reinstated',
  'ruled_in_favour',
  'ruled_against',
  'ruled_on',
  'ended',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One problem in one cell (or JSON path). `row` is the spreadsheet row: the header is row 1. */
export interface DataError {
  file: string;
  row: number;
  column: string;
  value: string;
  expected: string;
  /** For a story file: the 1-based chapter the error is in. */
  chapter?: number;
}

export function formatError(e: DataError): string {
  const where =
    (e.chapter ? `chapter ${e.chapter}, ` : '') +
    (e.row > 0 ? `row ${e.row}, column "${e.column}"` : `"${e.column}"`);
  const value = e.value.length > 60 ? e.value.slice(0, 57) + '…' : e.value;
  return `${e.file}, ${where}: ${JSON.stringify(value)} is not valid (expected ${e.expected})`;
}

export interface ColumnSpec<T> {
  field: Field<T>;
  /** When true the column may be absent from the header (all values then read as ""). */
  optionalColumn?: boolean;
}
type Spec = Record<string, ColumnSpec<unknown>>;
type Out<S extends Spec> = { [K in keyof S]: S[K] extends ColumnSpec<infer T> ? T : never } & {
  _row: number;
};

const c = <T>(field: Field<T>, optionalColumn = false): ColumnSpec<T> => ({ field, optionalColumn });

export const SOURCE_SPEC = {
  id: c(f.id),
  publisher: c(f.text),
  title: c(f.text),
  url: c(f.optional(f.url)),
  date: c(f.optional(f.partialDate)),
  licence: c(f.text),
  attribution: c(f.text),
  status: c(f.oneOf(STATUSES)),
  note: c(f.optionalText, true),
};

export const PLACE_SPEC = {
  id: c(f.id),
  /** In English; other languages: src/lib/i18n/names/<lang>.json, keyed by this name. */
  name: c(f.text),
  country: c(f.optional(f.iso3)),
  kind: c(f.oneOf(PLACE_KINDS)),
  lat: c(f.latitude),
  lon: c(f.longitude),
  geonames_id: c(f.optional(f.integer), true),
  sources: c(f.list(f.id)),
};

export const COUNT_SPEC = {
  id: c(f.id),
  metric: c(f.oneOf(METRICS)),
  area_type: c(f.oneOf(AREA_TYPES)),
  area: c(f.text),
  period: c(f.period),
  value: c(f.count),
  qualifier: c(f.oneOf(QUALIFIERS)),
  status: c(f.oneOf(STATUSES)),
  sources: c(f.list(f.id)),
  note: c(f.optionalText, true),
  /**
   * "true" when the figure covers only part of its period (a mid-month snapshot, a raw file that
   * ends inside the month or year): never shown as exact; `npm run data` lists these periods.
   */
  incomplete: c(f.optional(f.bool), true),
};

export const PROGRAMME_SPEC = {
  id: c(f.id),
  funder: c(f.party),
  fund: c(f.optionalText),
  implementer: c(f.optionalText),
  recipients: c(f.list(f.iso3)),
  amount: c(f.optional(f.amount)),
  currency: c(f.oneOf(['EUR', 'GBP', 'USD'] as const)),
  announced: c(f.partialDate),
  start: c(f.optional(f.partialDate)),
  end: c(f.optional(f.partialDate)),
  purpose_en: c(f.text),
  purpose_it: c(f.text),
  routes: c(f.list(f.id, 0)),
  status: c(f.oneOf(STATUSES)),
  sources: c(f.list(f.id)),
};

export type Source = Out<typeof SOURCE_SPEC>;
export type Place = Out<typeof PLACE_SPEC>;
/** A count row; `incomplete` may be left out (= false) by code that builds rows. */
export type Count = Omit<Out<typeof COUNT_SPEC>, 'incomplete'> & { incomplete?: boolean | null };
export type Programme = Out<typeof PROGRAMME_SPEC>;
export type { PartialDate };

export interface TableResult<T> {
  records: T[];
  errors: DataError[];
  /** Rows rejected (a row with several bad cells counts once). */
  rejected: number;
  /** Not errors: old per-language name columns, read or set aside (see legacyNames.ts). */
  notices?: DataError[];
}

/** Validate a CSV text against a spec. Collects every error; never stops at the first. */
export function validateCsv<S extends Spec>(file: string, text: string, spec: S): TableResult<Out<S>> {
  const errors: DataError[] = [];
  let table;
  try {
    table = parseCsv(text, file);
  } catch (e) {
    const line = e instanceof CsvSyntaxError ? e.line : 0;
    return {
      records: [],
      errors: [{ file, row: line, column: '(file)', value: '', expected: String((e as Error).message) }],
      rejected: 0,
    };
  }
  const index = new Map(table.header.map((h, i) => [h, i]));
  // Old per-language name columns (before the name map): `name_en` is read as `name`, the others
  // are set aside with a notice per value saying which map entry to add.
  const notices: DataError[] = [];
  const legacy = Object.hasOwn(spec, 'name')
    ? table.header.filter((h) => LEGACY_NAME.test(h) && !Object.hasOwn(spec, h))
    : [];
  if (legacy.includes('name_en') && !index.has('name')) {
    index.set('name', index.get('name_en')!);
    notices.push(renamedNotice(file, 1, 'name_en'));
  }
  const missing = Object.keys(spec).filter((k) => !index.has(k) && !spec[k].optionalColumn);
  for (const m of missing)
    errors.push({
      file,
      row: 1,
      column: m,
      value: '',
      expected: `a column named "${m}" in the header (add it)`,
    });
  for (const h of table.header)
    if (!Object.hasOwn(spec, h) && !legacy.includes(h))
      errors.push({
        file,
        row: 1,
        column: h,
        value: h,
        expected: `one of the known columns: ${Object.keys(spec).join(', ')}`,
      });
  if (missing.length) return { records: [], errors, rejected: table.rows.length };
  const records: Out<S>[] = [];
  const seen = new Map<string, number>();
  let rejected = 0;
  for (const { line, cells } of table.rows) {
    let bad = false;
    if (cells.length !== table.header.length) {
      errors.push({
        file,
        row: line,
        column: '(row)',
        value: cells.join(','),
        expected: `${table.header.length} cells as in the header (found ${cells.length}; quote values that contain commas)`,
      });
      rejected++;
      continue;
    }
    const rec: Record<string, unknown> = { _row: line };
    for (const [name, col] of Object.entries(spec)) {
      const i = index.get(name);
      const raw = i === undefined ? '' : cells[i];
      const r = col.field(raw);
      if (r.ok) rec[name] = r.value;
      else {
        errors.push({ file, row: line, column: name, value: raw, expected: r.expected });
        bad = true;
      }
    }
    if (!bad && typeof rec.id === 'string') {
      const prev = seen.get(rec.id);
      if (prev !== undefined) {
        errors.push({
          file,
          row: line,
          column: 'id',
          value: rec.id,
          expected: `a unique id (already used on row ${prev})`,
        });
        bad = true;
      } else seen.set(rec.id, line);
    }
    for (const h of legacy) {
      const v = cells[index.get(h)!];
      const lang = LEGACY_NAME.exec(h)![1];
      if (lang !== 'en' && v !== '')
        notices.push(movedNotice(file, line, h, lang, typeof rec.name === 'string' ? rec.name : '', v));
    }
    if (bad) rejected++;
    else records.push(rec as Out<S>);
  }
  return { records, errors, rejected, ...(notices.length ? { notices } : {}) };
}

/** Check one JSON value with a field parser; push an error naming its path. */
export function checkJson<T>(
  file: string,
  path: string,
  value: unknown,
  field: Field<T>,
  errors: DataError[],
): T | undefined {
  const raw = value == null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  const r = field(raw);
  if (r.ok) return r.value;
  errors.push({ file, row: 0, column: path, value: raw, expected: r.expected });
  return undefined;
}

/**
 * Routes as the publishers count them (area of a count row with area_type "route"). Frontex and
 * IOM each name their own routes; a route family says which of these its lines carry.
 */
/** Each area's English name; other languages: the name map (src/lib/i18n/names/<lang>.json). */
export const ROUTE_AREAS = {
  central_med: 'Central Mediterranean',
  eastern_med: 'Eastern Mediterranean',
  western_med: 'Western Mediterranean',
  western_balkans: 'Western Balkans',
  western_african: 'Western African (Atlantic to the Canaries)',
  sahara: 'Sahara Desert crossing',
  eastern_borders: 'Eastern land borders',
  albania_greece: 'Circular route Albania–Greece',
  black_sea: 'Black Sea',
  channel: 'Mainland Europe to the UK',
  other: 'Other',
} as const;
export type RouteArea = keyof typeof ROUTE_AREAS;
