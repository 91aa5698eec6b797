/**
 * IOM Missing Migrants Project incidents on the routes this map covers, and dead-and-missing per
 * route and year. Cumulative incidents were dropped upstream, so every total is a lower bound
 * (qualifier "at_least").
 */
import type { DataError, RouteArea } from '../../src/lib/data/schema';
import { readRaw, rawCount } from './raw';
import type { DerivedCount } from './transforms';

/** IOM route names → route areas. Routes outside the map's scope (to the UK, Belarus, Ukraine,
 * into Türkiye from Iran or Syria) are left out. */
export const IOM_ROUTES: Record<string, RouteArea> = {
  'Central Mediterranean': 'central_med',
  'Western Mediterranean': 'western_med',
  'Eastern Mediterranean': 'eastern_med',
  'Western Africa / Atlantic route to the Canary Islands': 'western_african',
  'Western Balkans': 'western_balkans',
  'Sahara Desert crossing': 'sahara',
};

export interface Incident {
  id: string;
  date: string;
  lat: number;
  lon: number;
  dead: number;
  missing: number;
  deadMissing: number;
  survivors: number | null;
  cause: string;
  route: RouteArea;
  country: string;
  location: string;
  quality: number | null;
  source: string;
  link: string | null;
}

/**
 * `warnings` receives upstream anomalies that cannot be fixed in data/raw/ (kept as obtained):
 * negative dead/missing/survivor counts in a few rows are read as "not available".
 */
export function iomIncidents(
  file: string,
  text: string,
  errors: DataError[],
  warnings: DataError[] = [],
): Incident[] {
  const out: Incident[] = [];
  const need = [
    'Main ID',
    'incident_date_clean',
    'Latitude',
    'Longitude',
    'No. dead',
    'No. missing',
    'No. dead/missing',
    'Route',
  ];
  for (const r of readRaw(file, text, need, errors)) {
    // An incident on two routes ("Central Mediterranean,Sahara Desert crossing") counts on the first.
    const route = IOM_ROUTES[r.get('Route').split(',')[0]];
    if (!route) continue;
    const date = r.get('incident_date_clean');
    const lat = Number(r.get('Latitude'));
    const lon = Number(r.get('Longitude'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      errors.push({
        file,
        row: r.row,
        column: 'incident_date_clean',
        value: date,
        expected: 'a date YYYY-MM-DD',
      });
      continue;
    }
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      errors.push({
        file,
        row: r.row,
        column: 'Latitude',
        value: `${r.get('Latitude')},${r.get('Longitude')}`,
        expected: 'decimal degrees',
      });
      continue;
    }
    const dm = rawCount(file, r, 'No. dead/missing', errors);
    if (dm === null) continue;
    const q = r.get('Source Quality');
    out.push({
      id: r.get('Main ID'),
      date,
      lat: Math.round(lat * 1e4) / 1e4,
      lon: Math.round(lon * 1e4) / 1e4,
      dead: rawCount(file, r, 'No. dead', warnings) ?? 0,
      missing: rawCount(file, r, 'No. missing', warnings) ?? 0,
      deadMissing: dm,
      survivors: rawCount(file, r, 'No. survivors', warnings),
      cause: r.get('Cause of death (category)'),
      route,
      country: r.get('Country of Incident'),
      location: r.get('Location of death'),
      // Quality is a 1–5 score; some rows list several codes ("45"): keep the highest.
      quality: /^[1-5]+$/.test(q) ? Math.max(...q.split('').map(Number)) : null,
      source: r.get('Source'),
      link: /^https?:\/\//.test(r.get('Link')) ? r.get('Link') : null,
    });
  }
  return out;
}

/** The last day the incidents cover (the raw file's latest incident date), or null if none. */
export function lastIncidentDay(incidents: Incident[]): string | null {
  let last: string | null = null;
  for (const i of incidents) if (!last || i.date > last) last = i.date;
  return last;
}

const lastDayOfMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * Is a period (YYYY or YYYY-MM) only partly covered by a file whose data end on `last`? The
 * period that contains `last` is incomplete unless `last` is its final day.
 */
export function coveredOnlyInPart(period: string, last: string | null): boolean {
  if (!last || !last.startsWith(period)) return false;
  return last !== (period.length === 4 ? `${period}-12-31` : lastDayOfMonth(period));
}

const partialNote = (last: string) =>
  `Incomplete period: the raw file ends on ${last}, so later incidents are not counted`;

/** Dead and missing per route and calendar year, from the incidents. */
export function deadMissingByRouteYear(incidents: Incident[]): DerivedCount[] {
  const last = lastIncidentDay(incidents);
  const acc = new Map<string, number>();
  for (const i of incidents) {
    const k = `${i.route}|${i.date.slice(0, 4)}`;
    acc.set(k, (acc.get(k) ?? 0) + i.deadMissing);
  }
  return [...acc].sort().map(([k, value]) => {
    const [route, year] = k.split('|');
    const partial = coveredOnlyInPart(year, last);
    return {
      id: `iom-${route}-${year}`,
      metric: 'dead_missing',
      area_type: 'route',
      area: route,
      period: year,
      value,
      qualifier: 'at_least',
      status: 'seen',
      sources: ['iom-mmp'],
      note:
        (partial ? `${partialNote(last!)}. ` : '') +
        'Sum of recorded incidents; cumulative incidents were excluded upstream, so this is a lower bound',
      incomplete: partial || null,
    } as DerivedCount;
  });
}

/**
 * Dead and missing per route and month, with explicit zeros for months with no recorded incident
 * between the first and last month of the data, so any window (not only whole years) has a figure.
 */
export function deadMissingByRouteMonth(incidents: Incident[]): DerivedCount[] {
  if (!incidents.length) return [];
  const months = incidents.map((i) => i.date.slice(0, 7)).sort();
  const [first, last] = [months[0], months[months.length - 1]];
  const lastDay = lastIncidentDay(incidents);
  const acc = new Map<string, number>();
  for (const i of incidents) {
    const k = `${i.route}|${i.date.slice(0, 7)}`;
    acc.set(k, (acc.get(k) ?? 0) + i.deadMissing);
  }
  const routes = [...new Set(incidents.map((i) => i.route))].sort();
  const out: DerivedCount[] = [];
  for (const route of routes)
    for (
      let [y, m] = first.split('-').map(Number);
      `${y}-${String(m).padStart(2, '0')}` <= last;
      m === 12 ? ((m = 1), y++) : m++
    ) {
      const period = `${y}-${String(m).padStart(2, '0')}`;
      const partial = coveredOnlyInPart(period, lastDay);
      out.push({
        id: `iom-${route}-${period}`,
        metric: 'dead_missing',
        area_type: 'route',
        area: route,
        period,
        value: acc.get(`${route}|${period}`) ?? 0,
        qualifier: 'at_least',
        status: 'seen',
        sources: ['iom-mmp'],
        note:
          (partial ? `${partialNote(lastDay!)}. ` : '') +
          'Sum of recorded incidents (0 = none recorded); a lower bound',
        incomplete: partial || null,
      });
    }
  return out;
}
