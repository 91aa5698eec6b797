/**
 * Field parsers shared by every table: each turns one cell into a typed value or says what was
 * expected, so an error can name the file, row, column, the bad value and the fix.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };
export type Field<T> = (raw: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

export const ID_RE = /^[a-z0-9][a-z0-9_-]*$/;

export const text: Field<string> = (raw) => (raw.trim() ? ok(raw.trim()) : fail('a non-empty text'));

export const optionalText: Field<string | null> = (raw) => ok(raw.trim() || null);

export const id: Field<string> = (raw) =>
  ID_RE.test(raw.trim())
    ? ok(raw.trim())
    : fail('an id of lower-case letters, digits, "-" or "_" (e.g. "lampedusa")');

export function oneOf<T extends string>(values: readonly T[]): Field<T> {
  return (raw) =>
    (values as readonly string[]).includes(raw.trim())
      ? ok(raw.trim() as T)
      : fail(`one of ${values.map((v) => `"${v}"`).join(', ')}`);
}

export function optional<T>(field: Field<T>): Field<T | null> {
  return (raw) => (raw.trim() === '' ? ok(null) : field(raw));
}

/** A ";"-separated list; `min` items at least. */
export function list<T>(field: Field<T>, min = 1): Field<T[]> {
  return (raw) => {
    const parts = raw
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < min) return fail(`at least ${min} item(s) separated by ";"`);
    const out: T[] = [];
    for (const p of parts) {
      const r = field(p);
      if (!r.ok) return fail(`a ";"-separated list of ${r.expected} ("${p}" is not)`);
      out.push(r.value);
    }
    return ok(out);
  };
}

/**
 * A plain number: digits with an optional "." decimal part; no thousands separators. `grouping`
 * refuses "1.234" and "1,234" as ambiguous (a count written with a thousands separator); a
 * coordinate never has one, so for coordinates "35.501" is three decimals.
 */
export function number(min = -Infinity, max = Infinity, what = 'a number', grouping = true): Field<number> {
  return (raw) => {
    const s = raw.trim();
    if (grouping && /^\d{1,3}([.,]\d{3})+$/.test(s))
      return fail(
        `${what} without thousands separators ("${s}" is ambiguous: write ${s.replace(/[.,]/g, '')} or use "." for decimals only)`,
      );
    if (!/^-?\d+(\.\d+)?$/.test(s)) return fail(`${what} (digits, "." for decimals)`);
    const n = Number(s);
    if (n < min || n > max) return fail(`${what} from ${min} to ${max}`);
    return ok(n);
  };
}

const nonNegative = number(0, 1e9, 'a whole number ≥ 0');
/** A count: a whole number ≥ 0 ("1.5" is not a count). */
export const count: Field<number> = (raw) => {
  const r = nonNegative(raw);
  return r.ok && !Number.isInteger(r.value) ? fail(`a whole number ≥ 0 ("${raw.trim()}" has a fraction)`) : r;
};
export const integer: Field<number> = count;
/**
 * A money amount: a whole number ≥ 0 up to 10^12. Larger than a count's ceiling (10^9) because
 * multi-country funds are announced in billions (e.g. the €1.8bn EU Emergency Trust Fund for Africa).
 */
const nonNegativeAmount = number(0, 1e12, 'a whole amount ≥ 0');
export const amount: Field<number> = (raw) => {
  const r = nonNegativeAmount(raw);
  return r.ok && !Number.isInteger(r.value) ? fail(`a whole amount ≥ 0 ("${raw.trim()}" has a fraction)`) : r;
};
export const latitude = number(-90, 90, 'a latitude in decimal degrees', false);
export const longitude = number(-180, 180, 'a longitude in decimal degrees', false);

export const ISO3_RE = /^[A-Z]{3}$/;
export const iso3: Field<string> = (raw) =>
  ISO3_RE.test(raw.trim()) ? ok(raw.trim()) : fail('an ISO 3166-1 alpha-3 code in capitals (e.g. "ITA")');

/** A party to an agreement or a funder: ISO3, or "EU". */
export const party: Field<string> = (raw) =>
  raw.trim() === 'EU' ? ok('EU') : iso3(raw).ok ? ok(raw.trim()) : fail('an ISO 3166-1 alpha-3 code or "EU"');

export type Precision = 'day' | 'month' | 'year';
/** A date as published: YYYY, YYYY-MM or YYYY-MM-DD; precision is kept, never invented. */
export interface PartialDate {
  iso: string;
  precision: Precision;
}

export function parsePartialDate(s: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1900 || year > 2100) return null;
  if (mo === undefined) return { iso: s, precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return { iso: s, precision: 'month' };
  const day = Number(d);
  const dt = new Date(Date.UTC(year, month - 1, day));
  if (dt.getUTCMonth() !== month - 1 || day < 1) return null;
  return { iso: s, precision: 'day' };
}

export const partialDate: Field<PartialDate> = (raw) => {
  const s = raw.trim();
  const r = parsePartialDate(s);
  if (r) return ok(r);
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(s))
    return fail(`a date as YYYY-MM-DD, YYYY-MM or YYYY ("${s}" is ambiguous between day/month orders)`);
  return fail('a real date as YYYY-MM-DD, YYYY-MM or YYYY');
};

/** A count period: a year (YYYY) or a month (YYYY-MM). */
export const period: Field<string> = (raw) => {
  const s = raw.trim();
  const r = parsePartialDate(s);
  return r && r.precision !== 'day' ? ok(s) : fail('a year (YYYY) or a month (YYYY-MM)');
};

export const url: Field<string> = (raw) => {
  const s = raw.trim();
  try {
    const u = new URL(s);
    if (u.protocol === 'https:' || u.protocol === 'http:') return ok(s);
  } catch {
    /* fall through */
  }
  return fail('an absolute http(s) URL');
};

export const bool: Field<boolean> = (raw) => {
  const s = raw.trim().toLowerCase();
  if (s === 'true' || s === 'yes') return ok(true);
  if (s === 'false' || s === 'no') return ok(false);
  return fail('"true" or "false"');
};
