/**
 * Transforms from the raw files in data/raw/ (kept as obtained) into count rows and incidents.
 * Each transform is a pure function of the file text, so it is unit-tested on small fixtures.
 */
import type { Count, DataError, Metric, Qualifier, RouteArea } from '../../src/lib/data/schema';
import { readRaw, rawCount } from './raw';

export type DerivedCount = Omit<Count, '_row'>;

const row = (
  id: string,
  metric: Metric,
  area_type: Count['area_type'],
  area: string,
  period: string,
  value: number,
  sources: string[],
  qualifier: Qualifier = 'exact',
  note: string | null = null,
  incomplete = false,
): DerivedCount => ({
  id,
  metric,
  area_type,
  area,
  period,
  value,
  qualifier,
  status: 'seen',
  sources,
  note,
  incomplete: incomplete || null,
});

/**
 * Italy daily landings (ondata transcription of the ministry's cruscotto): each report repeats
 * days, so keep the value from the LATEST report for each date, then sum by month. Rows dated after
 * their own report are placeholders for days not yet reported (zeros, blanks, impossible dates like
 * 2024-04-31): they are skipped, not read as data. A month missing some days is kept as "at least".
 */
export function italyMonthlyFromDaily(file: string, text: string, errors: DataError[]): DerivedCount[] {
  const latest = new Map<string, { report: string; value: number }>();
  for (const r of readRaw(file, text, ['Data', 'Valore', 'Data_Report'], errors)) {
    const day = r.get('Data');
    const report = r.get('Data_Report');
    if (day > report) continue;
    if (!isCalendarDay(day)) {
      errors.push({ file, row: r.row, column: 'Data', value: day, expected: 'a real date YYYY-MM-DD' });
      continue;
    }
    const v = rawCount(file, r, 'Valore', errors);
    if (v === null) continue;
    const prev = latest.get(day);
    if (!prev || report > prev.report) latest.set(day, { report, value: v });
  }
  const months = new Map<string, { sum: number; days: number }>();
  for (const [day, { value }] of latest) {
    const m = day.slice(0, 7);
    const acc = months.get(m) ?? { sum: 0, days: 0 };
    acc.sum += value;
    acc.days++;
    months.set(m, acc);
  }
  const out: DerivedCount[] = [];
  for (const [m, { sum, days }] of [...months].sort()) {
    const [y, mo] = m.split('-').map(Number);
    const inMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const complete = days === inMonth;
    out.push(
      row(
        `ita-sea-${m}`,
        'sea_arrivals',
        'country',
        'ITA',
        m,
        sum,
        ['ondata-sbarchi', 'viminale-cruscotto'],
        complete ? 'exact' : 'at_least',
        (complete ? '' : `Only ${days} of ${inMonth} days reported. `) +
          'Sum of daily "by 08:00" figures (latest report per day); runs 1–4 % under consolidated totals',
        !complete,
      ),
    );
  }
  return out;
}

export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const UNHCR_SERIES: { column: string; area: string; metric: Metric; prefix: string }[] = [
  { column: 'italy_all', area: 'ITA', metric: 'sea_arrivals', prefix: 'ita-sea' },
  { column: 'greece_sea', area: 'GRC', metric: 'sea_arrivals', prefix: 'grc-sea' },
  { column: 'spain_sea', area: 'ESP', metric: 'sea_arrivals', prefix: 'esp-sea' },
  { column: 'malta_all', area: 'MLT', metric: 'sea_arrivals', prefix: 'mlt-sea' },
];

/**
 * The raw UNHCR file's last month is a snapshot taken before the month ended (Greece 4,301 and Spain
 * 219 against 8,996 and 3,509 in October): its figures are kept as incomplete lower bounds.
 */
export const UNHCR_PARTIAL_MONTH = '2019-11';

/** UNHCR monthly arrivals, Jan 2014 – Nov 2019. Italy is taken up to `italyUntil` (the daily series follows). */
export function unhcrMonthly(
  file: string,
  text: string,
  errors: DataError[],
  italyUntil = '2019-08',
): DerivedCount[] {
  const out: DerivedCount[] = [];
  for (const r of readRaw(file, text, ['month', 'year', ...UNHCR_SERIES.map((s) => s.column)], errors)) {
    const y = Number(r.get('year'));
    const mo = Number(r.get('month'));
    if (!(y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12)) {
      errors.push({
        file,
        row: r.row,
        column: 'month',
        value: `${r.get('year')}-${r.get('month')}`,
        expected: 'a year and month 1–12',
      });
      continue;
    }
    const m = `${y}-${String(mo).padStart(2, '0')}`;
    for (const s of UNHCR_SERIES) {
      if (s.area === 'ITA' && m > italyUntil) continue;
      const v = rawCount(file, r, s.column, errors);
      const partial = m === UNHCR_PARTIAL_MONTH;
      if (v !== null)
        out.push(
          row(
            `${s.prefix}-${m}`,
            s.metric,
            'country',
            s.area,
            m,
            v,
            ['unhcr-med-monthly'],
            partial ? 'at_least' : 'exact',
            partial ? 'Incomplete month: the upstream file is a snapshot taken before the month ended' : null,
            partial,
          ),
        );
    }
  }
  return out;
}

export const FRONTEX_ROUTES: Record<string, RouteArea> = {
  'Central Mediterranean Route': 'central_med',
  'Eastern Mediterranean Route': 'eastern_med',
  'Western Mediterranean Route': 'western_med',
  'Western Balkan Route': 'western_balkans',
  'Western African Route': 'western_african',
  'Eastern Borders Route': 'eastern_borders',
  'Circular Route from Albania to Greece': 'albania_greece',
  'Black Sea Route': 'black_sea',
  Other: 'other',
};

/** Frontex monthly detections of illegal border crossings by route (detections, not people). */
export function frontexMonthly(file: string, text: string, errors: DataError[]): DerivedCount[] {
  const out: DerivedCount[] = [];
  for (const r of readRaw(file, text, ['route', 'date', 'detections'], errors)) {
    const route = FRONTEX_ROUTES[r.get('route')];
    if (!route) {
      errors.push({
        file,
        row: r.row,
        column: 'route',
        value: r.get('route'),
        expected: `one of ${Object.keys(FRONTEX_ROUTES).join(', ')}`,
      });
      continue;
    }
    const d = r.get('date');
    if (!/^\d{4}-\d{2}-01$/.test(d)) {
      errors.push({
        file,
        row: r.row,
        column: 'date',
        value: d,
        expected: 'the first day of a month, YYYY-MM-01',
      });
      continue;
    }
    const v = rawCount(file, r, 'detections', errors);
    if (v !== null)
      out.push(
        row(`frontex-${route}-${d.slice(0, 7)}`, 'frontex_detections', 'route', route, d.slice(0, 7), v, [
          'frontex-ibc',
        ]),
      );
  }
  return out;
}

/**
 * Up to this year the ministry's series in the raw file counts arrivals by sea only (2006: 39,180;
 * 2011–2015: 5,441, 3,804, 3,237, 4,552, 5,312 "by sea" in the ministry's figures as reported by
 * Europa Press); from 2016 it is sea and land (Ceuta, Melilla). The two parts are different metrics.
 */
export const SPAIN_SEA_ONLY_UNTIL = '2015';

/** Spain's Ministry of the Interior annual arrivals: sea only to 2015, irregular (sea + land) from 2016. */
export function spainAnnual(file: string, text: string, errors: DataError[]): DerivedCount[] {
  const out: DerivedCount[] = [];
  for (const r of readRaw(file, text, ['year', 'arrivals'], errors)) {
    const y = r.get('year');
    if (!/^\d{4}$/.test(y)) {
      errors.push({ file, row: r.row, column: 'year', value: y, expected: 'a year YYYY' });
      continue;
    }
    const v = rawCount(file, r, 'arrivals', errors);
    if (v === null) continue;
    const seaOnly = y <= SPAIN_SEA_ONLY_UNTIL;
    out.push(
      seaOnly
        ? row(
            `esp-sea-${y}`,
            'sea_arrivals',
            'country',
            'ESP',
            y,
            v,
            ['spain-mir-annual', 'vozpopuli-spain-sea-2018'],
            'exact',
            'Ministry series, sea arrivals only (2002–2015); from 2016 the same series counts sea and land arrivals (irregular arrivals)',
          )
        : row(`esp-irregular-${y}`, 'irregular_arrivals', 'country', 'ESP', y, v, ['spain-mir-annual']),
    );
  }
  return out;
}
