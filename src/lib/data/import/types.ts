/** What an import reports and produces (plain data: it crosses the worker boundary). */
import type { Geometry } from 'geojson';
import type { Decimal, DateOrder } from './values';
import type { Role } from './headers';
import type { Encoding } from './decode';

export const ISSUE_CODES = [
  'empty',
  'headerOnly',
  'binary',
  'tooBig',
  'xlsx',
  'json',
  'geojson',
  'missingColumns',
  'fieldCount',
  'nul',
  'coord',
  'dms',
  'hemisphere',
  'latRange',
  'lonRange',
  'outside',
  'date',
  'dateShortYear',
  'dateCalendar',
  'dateOrder',
  'dateUnresolved',
  'number',
  'count',
  'decimalUnresolved',
  'decimalMismatch',
  'geometry',
  'tooManyRows',
  'tooManySpans',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem: row 0 is the whole file; `column` is the header as the file writes it. */
export interface Issue {
  code: IssueCode;
  row: number;
  column: string;
  value: string;
  params?: Record<string, string | number>;
}

export interface Choices {
  decimal?: Decimal;
  dateOrder?: DateOrder;
  swap?: boolean;
}

/** A question the reader must answer before anything is drawn (the file allows two readings). */
export interface Question {
  kind: 'decimal' | 'dateOrder';
  column: string;
  /** Rows that read one way or the other (the evidence), and rows that fit both. */
  counts: Record<string, number>;
  examples: { row: number; value: string }[];
  /** true when the file holds evidence for both readings (some rows will be rejected either way). */
  conflict: boolean;
}

export const NOTICE_CODES = [
  'encoding',
  'delimiter',
  'decimalFound',
  'dateOrderFound',
  'duplicateColumn',
  'noName',
  'sheet',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];
export interface Notice {
  code: NoticeCode;
  params: Record<string, string | number>;
}

export interface PreviewRow {
  row: number;
  cells: string[];
  /** Column indexes with a problem in this row. */
  bad: number[];
}

export interface Analysis {
  file: string;
  format: 'csv' | 'xlsx' | 'geojson';
  encoding: Encoding | null;
  delimiter: string | null;
  header: string[];
  /** The header of the column used for each role (null: none). */
  mapping: Partial<Record<Role, string>>;
  dataRows: number;
  preview: PreviewRow[];
  questions: Question[];
  notices: Notice[];
  /** Coordinates that fall outside the region as given but inside when swapped: offered as a fix. */
  swap: { offered: boolean; inside: number; insideSwapped: number; latOver90: number; total: number };
  issues: Issue[];
  issueCount: number;
  accepted: number;
  rejected: number;
  /** Nothing can be drawn (a file-level problem). */
  fatal: boolean;
  /** Every question answered: the points can be drawn. */
  ready: boolean;
}

/** A point, line or polygon drawn by MapLibre (dates given only as a year, and all lines and polygons). */
export interface UserFeature {
  row: number;
  name: string;
  lat: number;
  lon: number;
  from: number;
  to: number;
  date: string;
  value: number | null;
  note: string | null;
  geometry?: Geometry;
}

/** Points dated to the month or day: the GPU layer's arrays, in file order (sorted on the main side). */
export interface PointColumns {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Months as a float (monthFloat). */
  t: Float64Array;
  /** y*10000 + m*100 + d (d = 0: month precision). */
  date: Int32Array;
  /** NaN: no value. */
  value: Float64Array;
  row: Uint32Array;
  /** Names and notes as UTF-8 with offsets (one transfer, decoded only when shown). */
  names: Uint8Array;
  nameAt: Uint32Array;
  notes: Uint8Array;
  noteAt: Uint32Array;
}

export interface Built {
  points: PointColumns;
  features: UserFeature[];
}
