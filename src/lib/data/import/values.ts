/**
 * How spreadsheets write one cell: coordinates (decimal with a point or a comma, or degrees-minutes-
 * seconds with a hemisphere), counts (with either decimal separator and thousands groups) and dates
 * (ISO, day/month/year, month/day/year, with an optional time). A form that two readings fit
 * (03/04/2024; 1.234) is returned as ambiguous, never resolved here: the column decides, or the reader.
 */

const MINUS = /[\u2212\u2012\u2013]/g;
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** A coordinate in decimal degrees, or null. `axis` checks a hemisphere letter (N/S vs E/W/O). */
const PLAIN = /^-?\d{1,3}(\.\d+)?$/;
export function parseCoord(raw: string, axis: 'lat' | 'lon'): { value: number } | { error: string } | null {
  if (PLAIN.test(raw)) return { value: Number(raw) };
  let s = raw.trim().replace(MINUS, '-');
  if (!s) return null;
  if (/^[+-]?\d+([.,]\d+)?$/.test(s)) return { value: Number(s.replace(',', '.')) };
  if (/^[+-]?\d*[.,]\d+$/.test(s)) return { value: Number(s.replace(',', '.')) };
  // Degrees, minutes, seconds: 35°30'05"N, N 35 30 05, 35°30.5'N, 12d36m34s E, 35:30:05N, -35°30'.
  s = s.toUpperCase();
  let hemi = '';
  const lead = /^([NSEWO])\s*/.exec(s);
  if (lead) {
    hemi = lead[1];
    s = s.slice(lead[0].length);
  }
  const trail = /\s*([NSEWO])$/.exec(s);
  if (trail) {
    if (hemi) return { error: 'dms' };
    hemi = trail[1];
    s = s.slice(0, trail.index);
  }
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const parts = s
    .split(/[°º˚'"′″’”:DMS\s]+/)
    .filter(Boolean)
    .map((p) => (/^\d+([.,]\d+)?$/.test(p) ? Number(p.replace(',', '.')) : NaN));
  if (!parts.length || parts.length > 3 || parts.some((p) => !Number.isFinite(p))) return { error: 'coord' };
  if (!hemi && parts.length === 1) return { error: 'coord' };
  const [d, m = 0, sec = 0] = parts;
  if (m >= 60 || sec >= 60 || (parts.length > 1 && !Number.isInteger(d))) return { error: 'dms' };
  if (hemi) {
    const ns = hemi === 'N' || hemi === 'S';
    if (ns !== (axis === 'lat')) return { error: 'hemisphere' };
    if (hemi === 'S' || hemi === 'W' || hemi === 'O') sign = -sign;
  }
  return { value: sign * (d + m / 60 + sec / 3600) };
}

/** The reading of a number cell: decisive for one decimal separator, or ambiguous between both. */
export type NumberForm =
  | { kind: 'int'; value: number }
  | { kind: 'dot' | 'comma'; value: number }
  | { kind: 'ambiguous'; dot: number; comma: number };

const INT = /^\d{1,15}$/;
export function classifyNumber(raw: string): NumberForm | null {
  if (INT.test(raw)) return { kind: 'int', value: Number(raw) };
  let s = raw.trim().replace(MINUS, '-');
  if (/^[+-]?\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+([.,]\d+)?$/.test(s)) s = s.replace(SPACES, '');
  s = s.replace(/^\+/, '');
  if (/^-?\d+$/.test(s)) return { kind: 'int', value: Number(s) };
  const neg = s.startsWith('-') ? -1 : 1;
  const u = neg < 0 ? s.slice(1) : s;
  const lead0 = u.startsWith('0');
  let m: RegExpExecArray | null;
  if ((m = /^\d{1,3}((\.\d{3})+)$/.exec(u))) {
    const thousands = Number(u.replace(/\./g, '')) * neg;
    if (lead0) return { kind: 'dot', value: Number(u) * neg };
    return m[1].length > 4
      ? { kind: 'comma', value: thousands }
      : { kind: 'ambiguous', dot: Number(u) * neg, comma: thousands };
  }
  if ((m = /^\d{1,3}((,\d{3})+)$/.exec(u))) {
    const thousands = Number(u.replace(/,/g, '')) * neg;
    const decimal = Number(u.replace(',', '.')) * neg;
    if (lead0) return { kind: 'comma', value: decimal };
    return m[1].length > 4
      ? { kind: 'dot', value: thousands }
      : { kind: 'ambiguous', dot: thousands, comma: decimal };
  }
  if (/^\d{1,3}(\.\d{3})*,\d+$/.test(u) || /^\d+,\d+$/.test(u))
    return { kind: 'comma', value: Number(u.replace(/\./g, '').replace(',', '.')) * neg };
  if (/^\d{1,3}(,\d{3})*\.\d+$/.test(u) || /^\d+\.\d+$/.test(u))
    return { kind: 'dot', value: Number(u.replace(/,/g, '')) * neg };
  return null;
}

export type Decimal = 'dot' | 'comma';
export function numberValue(f: NumberForm, decimal: Decimal | null): number | null {
  if (f.kind === 'int') return f.value;
  if (f.kind === 'ambiguous') return decimal ? f[decimal] : null;
  return decimal && f.kind !== decimal ? null : f.value;
}

export type DateOrder = 'dmy' | 'mdy';
/** A date cell: ISO (no order needed), or two numbers and a year whose order may be decisive or not. */
export type DateForm =
  | { kind: 'iso'; iso: string }
  | { kind: 'dmy' | 'mdy' | 'ambiguous' | 'same'; a: number; b: number; y: number }
  | { kind: 'invalid'; reason: 'short-year' | 'calendar' | 'form' };

const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD if it is a real calendar day, else null. */
export function dayIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 2999) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export function classifyDate(raw: string): DateForm | null {
  const fast = ISO_DAY.exec(raw);
  if (fast) {
    const iso = dayIso(Number(fast[1]), Number(fast[2]), Number(fast[3]));
    return iso ? { kind: 'iso', iso } : { kind: 'invalid', reason: 'calendar' };
  }
  let s = raw.trim();
  if (!s) return null;
  const time = /^(.+?)(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/.exec(s);
  if (time) s = time[1].trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(s))) {
    const y = Number(m[1]);
    if (y < 1000 || y > 2999) return { kind: 'invalid', reason: 'calendar' };
    if (!m[3]) return { kind: 'iso', iso: m[1] };
    const mo = Number(m[3]);
    if (mo < 1 || mo > 12) return { kind: 'invalid', reason: 'calendar' };
    if (!m[4]) return { kind: 'iso', iso: `${y}-${pad(mo)}` };
    const iso = dayIso(y, mo, Number(m[4]));
    return iso ? { kind: 'iso', iso } : { kind: 'invalid', reason: 'calendar' };
  }
  if ((m = /^(\d{1,2})([/.-])(\d{4})$/.exec(s))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12
      ? { kind: 'iso', iso: `${m[3]}-${pad(mo)}` }
      : { kind: 'invalid', reason: 'calendar' };
  }
  if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    const asDmy = dayIso(y, b, a);
    const asMdy = dayIso(y, a, b);
    if (!asDmy && !asMdy) return { kind: 'invalid', reason: 'calendar' };
    const kind = asDmy && asMdy ? (a === b ? 'same' : 'ambiguous') : asDmy ? 'dmy' : 'mdy';
    return { kind, a, b, y };
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(s)) return { kind: 'invalid', reason: 'short-year' };
  return { kind: 'invalid', reason: 'form' };
}

/** The ISO date of a form under a column's order (null: not a date under that order, or no order yet). */
export function dateIso(f: DateForm, order: DateOrder | null): string | null {
  if (f.kind === 'iso') return f.iso;
  if (f.kind === 'invalid') return null;
  if (f.kind === 'same') return dayIso(f.y, f.a, f.b);
  if (!order) return null;
  return order === 'dmy' ? dayIso(f.y, f.b, f.a) : dayIso(f.y, f.a, f.b);
}
