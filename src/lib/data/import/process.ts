/**
 * One pass over a table's rows (CSV, a sheet, or GeoJSON properties): each cell is read once into
 * compact columns with every reading it allows (a date as day/month and as month/day, a number with
 * either decimal separator), the column statistics decide what the file itself settles, and
 * `finish(choices)` applies the reader's answers to what it does not, without reading the file again.
 */
import type { Geometry } from 'geojson';
import { insideRegion, REGION_BBOX } from '../region';
import { mapHeader, ROLES, type Role } from './headers';
import { classifyDate, classifyNumber, parseCoord, type DateOrder, type Decimal } from './values';
import { F64, I32, Packed } from './columns';
import type { Encoding } from './decode';
import type {
  Analysis,
  Built,
  Choices,
  Issue,
  IssueCode,
  Notice,
  PreviewRow,
  Question,
  UserFeature,
} from './types';

import { MAX_BYTES, MAX_FEATURES, MAX_ROWS } from './limits';
const MAX_ISSUES = 1000;
const PREVIEW = 20;
const EXAMPLES = 3;

export type Cell = string | number;

/** y*10000 + m*100 + d; m = 0 for a year, d = 0 for a month. */
const code = (iso: string) =>
  Number(iso.slice(0, 4)) * 10000 +
  (iso.length >= 7 ? Number(iso.slice(5, 7)) * 100 : 0) +
  (iso.length >= 10 ? Number(iso.slice(8, 10)) : 0);
import { codeIso } from './dateCode';
export { codeIso };
export function codeMonths(c: number): [number, number] {
  const y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  return m ? [y * 12 + m - 1, y * 12 + m - 1] : [y * 12, y * 12 + 11];
}
function codeT(c: number): number {
  const y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  const d = c % 100;
  return y * 12 + m - 1 + (d ? (d - 1) / 31 : 0);
}

interface Evidence {
  counts: Record<string, number>;
  examples: { row: number; value: string; kind: string }[];
}
const evidence = (keys: string[]): Evidence => ({
  counts: Object.fromEntries(keys.map((k) => [k, 0])),
  examples: [],
});

export interface Meta {
  encoding: Encoding | null;
  delimiter: string | null;
  notices?: Notice[];
}

export class Processor {
  readonly col: Partial<Record<Role, number>>;
  private missing: Role[];
  private issues: Issue[] = [];
  private issueCount = 0;
  private dataRows = 0;
  private parseRejected = 0;
  private preview: (PreviewRow & { stored: number })[] = [];
  private notices: Notice[];
  stopped = false;

  private row = new I32();
  private lon = new F64();
  private lat = new F64();
  /** Date code as day/month/year and as month/day/year (the same for ISO; 0: not a date that way). */
  private dA = new I32();
  private dB = new I32();
  /** The value read with a decimal point and with a decimal comma (-1: empty; NaN: not that way). */
  private vDot = new F64();
  private vComma = new F64();
  private names: string[] = [];
  private notes: string[] = [];
  private geoms = new Map<number, Geometry>();
  private dates = evidence(['dmy', 'mdy', 'ambiguous']);
  private nums = evidence(['dot', 'comma', 'ambiguous']);

  constructor(
    readonly file: string,
    readonly format: Analysis['format'],
    readonly header: string[],
    readonly meta: Meta,
  ) {
    const m = mapHeader(header);
    this.col = m.index;
    this.missing = m.missing;
    this.notices = [...(meta.notices ?? [])];
    for (const d of m.duplicates)
      this.notices.push({ code: 'duplicateColumn', params: { column: d.column, role: d.role } });
    if (m.index.name === undefined && !m.missing.length) this.notices.push({ code: 'noName', params: {} });
    if (m.missing.length && header.length)
      this.issue('missingColumns', 0, '(header)', header.join(', '), { missing: m.missing.join(', ') });
  }

  get fatal(): boolean {
    return this.missing.length > 0;
  }

  private name(role: Role): string {
    const i = this.col[role];
    return i === undefined ? role : this.header[i] || role;
  }

  issue(code: IssueCode, row: number, column: string, value: string, params?: Issue['params']) {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES)
      this.issues.push({
        code,
        row,
        column,
        value: value.length > 80 ? value.slice(0, 79) + '…' : value,
        params,
      });
  }

  /** One data row (`row`: its number in the file, the header being row 1). False: stop reading. */
  add(cells: Cell[], row: number, geometry?: Geometry): boolean {
    if (this.fatal || this.stopped) return false;
    if (cells.length === 1 && cells[0] === '' && !geometry) return true;
    this.dataRows++;
    if (this.dataRows > MAX_ROWS) {
      this.dataRows--;
      this.issue('tooManyRows', row, '(file)', '', { max: MAX_ROWS });
      this.stopped = true;
      return false;
    }
    const bad: number[] = [];
    const before = this.issueCount;
    const width = this.header.length;
    let n = cells.length;
    while (n > width && cells[n - 1] === '') n--;
    if (n !== width && this.format === 'csv')
      this.issue('fieldCount', row, '(row)', cells.join(this.meta.delimiter ?? ','), {
        n: cells.length,
        m: width,
      });
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (typeof c === 'string' && c.includes('\0')) this.fail(row, bad, i, 'nul', c.replace(/\0/g, '\\0'));
    }
    const lat = this.coord(cells, row, bad, 'lat');
    const lon = this.coord(cells, row, bad, 'lon');
    let dA = 0;
    let dB = 0;
    const dc = this.cell(cells, 'date');
    if (typeof dc === 'number') {
      if (Number.isInteger(dc) && dc >= 1000 && dc <= 2999) dA = dB = dc * 10000;
      else this.fail(row, bad, 'date', 'date', String(dc));
    } else {
      const f = classifyDate(dc);
      if (!f) this.fail(row, bad, 'date', 'date', dc);
      else if (f.kind === 'invalid')
        this.fail(
          row,
          bad,
          'date',
          f.reason === 'short-year' ? 'dateShortYear' : f.reason === 'calendar' ? 'dateCalendar' : 'date',
          dc,
        );
      else if (f.kind === 'iso') dA = dB = code(f.iso);
      else {
        const dmy = f.y * 10000 + f.b * 100 + f.a;
        const mdy = f.y * 10000 + f.a * 100 + f.b;
        dA = f.kind === 'mdy' ? 0 : dmy;
        dB = f.kind === 'dmy' ? 0 : mdy;
        if (f.kind !== 'same') this.note(this.dates, f.kind, row, dc);
      }
    }
    let vDot = -1;
    let vComma = -1;
    const vc = this.cell(cells, 'value');
    if (typeof vc === 'number') vDot = vComma = vc;
    else if (vc.trim()) {
      const f = classifyNumber(vc);
      if (!f) this.fail(row, bad, 'value', 'number', vc);
      else if (f.kind === 'int') vDot = vComma = f.value;
      else if (f.kind === 'ambiguous') {
        vDot = f.dot;
        vComma = f.comma;
        this.note(this.nums, 'ambiguous', row, vc);
      } else {
        vDot = f.kind === 'dot' ? f.value : NaN;
        vComma = f.kind === 'comma' ? f.value : NaN;
        this.note(this.nums, f.kind, row, vc);
      }
    }
    const stored = this.issueCount > before ? -1 : this.row.n;
    if (stored < 0) this.parseRejected++;
    else {
      this.row.push(row);
      this.lat.push(lat);
      this.lon.push(lon);
      this.dA.push(dA);
      this.dB.push(dB);
      this.vDot.push(vDot);
      this.vComma.push(vComma);
      this.names.push(String(this.cell(cells, 'name')).trim());
      this.notes.push(String(this.cell(cells, 'note')).trim());
      if (geometry) this.geoms.set(stored, geometry);
    }
    if (this.preview.length < PREVIEW) this.preview.push({ row, cells: cells.map(String), bad, stored });
    return true;
  }

  private cell(cells: Cell[], r: Role): Cell {
    const i = this.col[r];
    return i === undefined ? '' : (cells[i] ?? '');
  }

  private fail(row: number, bad: number[], role: Role | number, code: IssueCode, value: string) {
    const i = typeof role === 'number' ? role : (this.col[role] ?? -1);
    if (i >= 0) bad.push(i);
    this.issue(code, row, typeof role === 'number' ? this.header[i] : this.name(role), value);
  }

  private coord(cells: Cell[], row: number, bad: number[], r: 'lat' | 'lon'): number {
    const c = this.cell(cells, r);
    if (typeof c === 'number') return c;
    const p = parseCoord(c, r);
    if (p && 'value' in p) return p.value;
    this.fail(row, bad, r, p ? (p.error as IssueCode) : 'coord', c);
    return NaN;
  }

  private note(e: Evidence, kind: string, row: number, value: string) {
    e.counts[kind]++;
    if (e.examples.length < EXAMPLES * 3 && e.examples.filter((x) => x.value === value).length === 0)
      e.examples.push({ row, value, kind });
  }

  /** Apply the reader's answers; build what can be drawn when every question is answered. */
  finish(choices: Choices = {}): { analysis: Analysis; built: Built | null } {
    // What finishing adds (row problems under these choices) is undone at the end: finish may run again.
    const saved = { issues: this.issues.length, count: this.issueCount };
    const questions: Question[] = [];
    const notices = [...this.notices];
    const dateCol = this.name('date');
    const valueCol = this.name('value');
    const decide = <T extends string>(
      e: Evidence,
      a: T,
      b: T,
      kind: Question['kind'],
      column: string,
      chosen: T | undefined,
    ) => {
      const na = e.counts[a];
      const nb = e.counts[b];
      const found = na > 0 && nb === 0 ? a : nb > 0 && na === 0 ? b : null;
      if (found && !chosen) {
        const ex = e.examples.find((x) => x.kind === found);
        notices.push({
          code: kind === 'decimal' ? 'decimalFound' : 'dateOrderFound',
          params: { column, reading: found, row: ex?.row ?? 0, value: ex?.value ?? '' },
        });
        return found;
      }
      if (found || (na === 0 && nb === 0 && e.counts.ambiguous === 0)) return chosen ?? found;
      questions.push({
        kind,
        column,
        counts: { ...e.counts },
        examples: e.examples.map(({ row, value }) => ({ row, value })),
        conflict: na > 0 && nb > 0,
      });
      return chosen ?? null;
    };
    const order = decide<DateOrder>(this.dates, 'dmy', 'mdy', 'dateOrder', dateCol, choices.dateOrder);
    const decimal = decide<Decimal>(this.nums, 'dot', 'comma', 'decimal', valueCol, choices.decimal);

    const n = this.row.n;
    const lat = this.lat.a;
    const lon = this.lon.a;
    let inside = 0;
    let insideSwapped = 0;
    let latOver90 = 0;
    for (let i = 0; i < n; i++) {
      if (insideRegion(lon[i], lat[i])) inside++;
      else if (insideRegion(lat[i], lon[i])) insideSwapped++;
      if (Math.abs(lat[i]) > 90) latOver90++;
    }
    const swap = { offered: insideSwapped > inside, inside, insideSwapped, latOver90, total: n };
    const ready = !this.fatal && questions.every((q) => (q.kind === 'decimal' ? decimal : order));
    const preview = this.preview.map(({ stored: _s, ...p }) => ({ ...p, bad: [...p.bad] }));
    const previewOf = new Map(this.preview.map((p, k) => [p.stored, k] as const).filter(([s]) => s >= 0));
    let built: Built | null = null;
    let rejected = this.parseRejected;
    let accepted = 0;
    if (ready && !this.fatal && this.dataRows) {
      const out = this.build(choices.swap === true, order, decimal, previewOf, preview);
      built = out.built;
      rejected += out.rejected;
      accepted = out.built.points.n + out.built.features.length;
    }
    if (!this.dataRows && !this.fatal)
      this.issue(this.format === 'geojson' ? 'geojson' : 'headerOnly', 0, '(file)', '');
    const issues = this.issues.slice();
    const issueCount = this.issueCount;
    this.issues.length = saved.issues;
    this.issueCount = saved.count;
    return {
      analysis: {
        file: this.file,
        format: this.format,
        encoding: this.meta.encoding,
        delimiter: this.meta.delimiter,
        header: this.header,
        mapping: Object.fromEntries(
          ROLES.filter((r) => this.col[r] !== undefined).map((r) => [r, this.header[this.col[r]!]]),
        ),
        dataRows: this.dataRows,
        preview,
        questions,
        notices,
        swap,
        issues,
        issueCount,
        accepted,
        rejected,
        fatal: this.fatal || !this.dataRows,
        ready: ready && this.dataRows > 0,
      },
      built,
    };
  }

  private build(
    swap: boolean,
    order: DateOrder | null,
    decimal: Decimal | null,
    previewOf: Map<number, number>,
    preview: PreviewRow[],
  ): { built: Built; rejected: number } {
    const [w, s, e, nn] = REGION_BBOX;
    const lonOut = new F64();
    const latOut = new F64();
    const t = new F64();
    const date = new I32();
    const value = new F64();
    const rowOut = new I32();
    const names = new Packed();
    const notes = new Packed();
    const features: UserFeature[] = [];
    let rejected = 0;
    let i = 0;
    let row = 0;
    const fail = (role: Role, code: IssueCode, v: string, params?: Issue['params']) => {
      const k = previewOf.get(i);
      const c = this.col[role];
      if (k !== undefined && c !== undefined) preview[k].bad.push(c);
      this.issue(code, row, this.name(role), v, params);
    };
    /** A date as the file wrote it (a/b/yyyy), from the reading that exists. */
    const written = (a: number, b: number) => {
      const c = a || b;
      const y = Math.floor(c / 10000);
      const mo = Math.floor(c / 100) % 100;
      const d = c % 100;
      return a ? `${d}/${mo}/${y}` : `${mo}/${d}/${y}`;
    };
    for (i = 0; i < this.row.n; i++) {
      row = this.row.a[i];
      const before = this.issueCount;
      const la = swap ? this.lon.a[i] : this.lat.a[i];
      const lo = swap ? this.lat.a[i] : this.lon.a[i];
      if (Math.abs(la) > 90) fail('lat', 'latRange', String(la));
      else if (Math.abs(lo) > 180) fail('lon', 'lonRange', String(lo));
      else if (lo < w || lo > e || la < s || la > nn)
        fail('lat', 'outside', `${la}, ${lo}`, { w, s, e, n: nn });
      const dc =
        order === 'mdy'
          ? this.dB.a[i]
          : order === 'dmy'
            ? this.dA.a[i]
            : this.dA.a[i] === this.dB.a[i]
              ? this.dA.a[i]
              : 0;
      if (!dc)
        fail('date', order ? 'dateOrder' : 'dateUnresolved', written(this.dA.a[i], this.dB.a[i]), {
          order: order ?? '',
        });
      let v: number | null = null;
      const vd = this.vDot.a[i];
      const vc = this.vComma.a[i];
      if (vd !== -1 || vc !== -1) {
        const x = decimal === 'comma' ? vc : decimal === 'dot' ? vd : vd === vc ? vd : NaN;
        if (Number.isNaN(x))
          fail(
            'value',
            decimal ? 'decimalMismatch' : 'decimalUnresolved',
            String(Number.isNaN(vd) ? vc : vd),
            { decimal: decimal ?? '' },
          );
        else if (!Number.isInteger(x) || x < 0) fail('value', 'count', String(x));
        else v = x;
      }
      if (this.issueCount > before) {
        rejected++;
        continue;
      }
      const geom = this.geoms.get(i);
      const monthly = Math.floor(dc / 100) % 100 !== 0;
      if (geom?.type === 'Point' || (!geom && monthly)) {
        if (monthly) {
          lonOut.push(lo);
          latOut.push(la);
          t.push(codeT(dc));
          date.push(dc);
          value.push(v ?? NaN);
          rowOut.push(row);
          names.push(this.names[i]);
          notes.push(this.notes[i]);
          continue;
        }
      }
      if (features.length >= MAX_FEATURES) {
        if (features.length === MAX_FEATURES)
          this.issue('tooManySpans', row, '(file)', '', { max: MAX_FEATURES });
        rejected++;
        continue;
      }
      const [from, to] = codeMonths(dc);
      features.push({
        row,
        name: this.names[i],
        lat: la,
        lon: lo,
        from,
        to,
        date: codeIso(dc),
        value: v,
        note: this.notes[i] || null,
        geometry: geom && geom.type !== 'Point' ? geom : undefined,
      });
    }
    const nm = names.done();
    const nt = notes.done();
    return {
      built: {
        points: {
          n: t.n,
          lon: lonOut.done(),
          lat: latOut.done(),
          t: t.done(),
          date: date.done(),
          value: value.done(),
          row: new Uint32Array(rowOut.done().buffer),
          names: nm.bytes,
          nameAt: nm.at,
          notes: nt.bytes,
          noteAt: nt.at,
        },
        features,
      },
      rejected,
    };
  }
}

/** A file refused as a whole (empty, binary, unreadable): no rows, one problem. */
export function fileIssue(
  name: string,
  code: 'empty' | 'binary' | 'tooBig' | 'xlsx' | 'json',
  value = '',
  params?: Record<string, string | number>,
) {
  const p = new Processor(name, 'csv', [], { encoding: null, delimiter: null });
  p.issue(code, 0, '(file)', value, params);
  return p;
}

/** Refused before reading: the size is all that is looked at. */
export const tooBigFile = (name: string, size: number) =>
  fileIssue(name, 'tooBig', String(size), { max: MAX_BYTES });
