/**
 * "Your data": a reader's own CSV of dated points, checked with the same field parsers and table
 * validator as the curated files. It is kept apart from the curated data: it never enters a
 * curated metric, and a bad file only produces a list of errors (file, row, column, the fix).
 */
import * as f from './fields';
import { validateCsv, type DataError } from './schema';
import { REGION_BBOX } from './region';
import { monthIndex, type MonthIndex } from './time';

export const USER_MAX_BYTES = 5 * 1024 * 1024;
export const USER_MAX_ROWS = 50_000;

export const USER_POINT_SPEC = {
  name: { field: f.text, optionalColumn: false },
  lat: { field: f.latitude, optionalColumn: false },
  lon: { field: f.longitude, optionalColumn: false },
  date: { field: f.partialDate, optionalColumn: false },
  value: { field: f.optional(f.count), optionalColumn: true },
  note: { field: f.optionalText, optionalColumn: true },
};

export const USER_TEMPLATE =
  'name,lat,lon,date,value,note\nLampedusa,35.5014,12.6096,2023-09,11000,my own figure\n';

export interface UserPoint {
  row: number;
  name: string;
  lat: number;
  lon: number;
  /** Months the date covers (a year covers twelve). */
  from: MonthIndex;
  to: MonthIndex;
  date: string;
  value: number | null;
  note: string | null;
}

export interface UserParse {
  points: UserPoint[];
  errors: DataError[];
  rejected: number;
}

export function parseUserPoints(file: string, text: string): UserParse {
  if (text.length > USER_MAX_BYTES)
    return {
      points: [],
      errors: [
        {
          file,
          row: 0,
          column: '(file)',
          value: `${text.length} bytes`,
          expected: `a file under ${USER_MAX_BYTES / 1024 / 1024} MB`,
        },
      ],
      rejected: 0,
    };
  const { records, errors, rejected } = validateCsv(file, text, USER_POINT_SPEC);
  const points: UserPoint[] = [];
  let outside = 0;
  const [w, s, e, n] = REGION_BBOX;
  for (const r of records) {
    if (r.lon < w || r.lon > e || r.lat < s || r.lat > n) {
      errors.push({
        file,
        row: r._row,
        column: 'lat',
        value: `${r.lat},${r.lon}`,
        expected: `a point inside the map's region (longitude ${w} to ${e}, latitude ${s} to ${n}; check lat and lon are not swapped)`,
      });
      outside++;
      continue;
    }
    const from = monthIndex(r.date.iso);
    const to = r.date.precision === 'year' ? from + 11 : from;
    points.push({
      row: r._row,
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      from,
      to,
      date: r.date.iso,
      value: r.value ?? null,
      note: r.note ?? null,
    });
    if (points.length >= USER_MAX_ROWS) {
      errors.push({
        file,
        row: r._row,
        column: '(file)',
        value: '',
        expected: `at most ${USER_MAX_ROWS} rows (the rest were not read)`,
      });
      break;
    }
  }
  return { points, errors, rejected: rejected + outside };
}
