/** Read and validate every file in data/ into one catalog, collecting all errors. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COUNT_SPEC,
  PLACE_SPEC,
  PROGRAMME_SPEC,
  SOURCE_SPEC,
  validateCsv,
  type DataError,
} from '../../src/lib/data/schema';
import { validateAgreements, validateRoutes } from '../../src/lib/data/json-schema';
import { crossCheck, FILES, type Catalog } from '../../src/lib/data/crosscheck';
import {
  frontexMonthly,
  italyMonthlyFromDaily,
  spainAnnual,
  unhcrMonthly,
  type DerivedCount,
} from './transforms';
import { deadMissingByRouteMonth, deadMissingByRouteYear, iomIncidents, type Incident } from './iom';
import { MONTHLY_ANNUAL_TOLERANCE, outsideTolerance } from './checks';
import {
  countryBoxes,
  lifecycleOrder,
  nulBytes,
  readText,
  programmeOrder,
  swappedForCountry,
} from './integrity';

export const RAW = {
  italyDaily: 'data/raw/italy_landings_daily_reports.csv',
  unhcr: 'data/raw/unhcr_med_arrivals_monthly_2014_2019.csv',
  frontex: 'data/raw/frontex_ibc_monthly.csv',
  spain: 'data/raw/spain_irregular_arrivals.csv',
  iom: 'data/raw/iom_missing_migrants_europe.csv',
} as const;

export interface FileReport {
  file: string;
  rows: number;
  rejected: number;
}

export interface Loaded {
  catalog: Catalog;
  incidents: Incident[];
  errors: DataError[];
  /** Upstream anomalies in raw files, handled by a stated rule (reported, not fatal). */
  warnings: DataError[];
  /** Old per-language name columns/keys, read or set aside (legacyNames.ts; not fatal). */
  notices: DataError[];
  report: FileReport[];
}

export function loadAll(root: string): Loaded {
  const errors: DataError[] = [];
  const warnings: DataError[] = [];
  const notices: DataError[] = [];
  const report: FileReport[] = [];
  const read = (file: string): string | null => {
    const p = join(root, file);
    if (!existsSync(p)) {
      errors.push({ file, row: 0, column: '(file)', value: '', expected: 'the file to exist' });
      return null;
    }
    const text = readText(file, readFileSync(p), errors);
    if (text !== null) nulBytes(file, text, errors);
    return text;
  };
  const csv = <S extends Parameters<typeof validateCsv>[2]>(file: string, spec: S) => {
    const text = read(file);
    if (text === null) return [];
    const r = validateCsv(file, text, spec);
    errors.push(...r.errors);
    notices.push(...(r.notices ?? []));
    report.push({ file, rows: r.records.length + r.rejected, rejected: r.rejected });
    return r.records;
  };
  const json = (file: string): unknown => {
    const text = read(file);
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      errors.push({
        file,
        row: 0,
        column: '(file)',
        value: '',
        expected: `valid JSON (${(e as Error).message})`,
      });
      return undefined;
    }
  };
  const sources = csv(FILES.sources, SOURCE_SPEC);
  const places = csv(FILES.places, PLACE_SPEC);
  swappedForCountry(FILES.places, places, countryBoxes(), errors);
  const curated = csv(FILES.counts, COUNT_SPEC);
  const programmes = csv(FILES.programmes, PROGRAMME_SPEC);
  programmeOrder(FILES.programmes, programmes, errors);
  const before = errors.length;
  const routesJson = json(FILES.routes);
  const { families, segments } =
    routesJson === undefined
      ? { families: [], segments: [] }
      : validateRoutes(FILES.routes, routesJson, errors, notices);
  report.push({
    file: FILES.routes,
    rows: families.length + segments.length,
    rejected: errors.length - before,
  });
  const before2 = errors.length;
  const agJson = json(FILES.agreements);
  const agreements = agJson === undefined ? [] : validateAgreements(FILES.agreements, agJson, errors);
  lifecycleOrder(FILES.agreements, agreements, errors);
  report.push({ file: FILES.agreements, rows: agreements.length, rejected: errors.length - before2 });

  const derived: (DerivedCount & { _file: string })[] = [];
  const raw = (file: string, fn: (f: string, t: string, e: DataError[]) => DerivedCount[]) => {
    const text = read(file);
    if (text === null) return;
    const n = errors.length;
    const rows = fn(file, text, errors);
    derived.push(...rows.map((r) => ({ ...r, _file: file })));
    report.push({ file, rows: rows.length, rejected: errors.length - n });
  };
  raw(RAW.unhcr, unhcrMonthly);
  raw(RAW.italyDaily, italyMonthlyFromDaily);
  raw(RAW.frontex, frontexMonthly);
  raw(RAW.spain, spainAnnual);
  let incidents: Incident[] = [];
  const iomText = read(RAW.iom);
  if (iomText !== null) {
    const n = errors.length;
    incidents = iomIncidents(RAW.iom, iomText, errors, warnings);
    derived.push(
      ...[...deadMissingByRouteYear(incidents), ...deadMissingByRouteMonth(incidents)].map((r) => ({
        ...r,
        _file: RAW.iom,
      })),
    );
    report.push({ file: RAW.iom, rows: incidents.length, rejected: errors.length - n });
  }
  const counts: (DerivedCount & { _file: string; _row?: number })[] = [
    ...curated.map((c) => ({ ...c, _file: FILES.counts })),
    ...derived,
  ];
  const seen = new Map<string, string>();
  for (const c of counts) {
    if (seen.has(c.id))
      errors.push({
        file: c._file,
        row: c._row ?? 0,
        column: 'id',
        value: c.id,
        expected: `a unique count id (also produced by ${seen.get(c.id)})`,
      });
    seen.set(c.id, c._file);
  }
  // A published annual figure must agree with the sum of its twelve monthly figures (docs/data-notes.md).
  const rowOf = new Map(counts.map((c) => [c.id, c]));
  for (const d of outsideTolerance(counts)) {
    const a = rowOf.get(d.annualId)!;
    errors.push({
      file: a._file,
      row: a._row ?? 0,
      column: 'value',
      value: String(d.annual),
      expected: `a figure within ${MONTHLY_ANNUAL_TOLERANCE * 100} % of the sum of the 12 monthly figures of ${d.series} for ${d.year} (${d.monthlySum}); check the year, the value and the series`,
    });
  }
  const catalog: Catalog = { sources, places, families, segments, counts, programmes, agreements };
  errors.push(...crossCheck(catalog));
  return { catalog, incidents, errors, warnings, notices, report };
}
