import { describe, expect, it } from 'vitest';
import { beforeAfter, change, windowStat, type Lookup, type MonthFigure } from './beforeAfter';
import { caption, type Translate } from './caption';
import { monthIndex, monthIso } from '../data/time';
import en from '../i18n/locales/en/lazy/analysis.json';
import it_ from '../i18n/locales/it/lazy/analysis.json';

/** A fixture series: month ISO → value (or [value, 'incomplete']); absent months have no figure. */
function fixture(rows: Record<string, number | [number, 'incomplete']>): Lookup {
  const m = new Map<number, MonthFigure>();
  for (const [iso, v] of Object.entries(rows))
    m.set(
      monthIndex(iso),
      Array.isArray(v) ? { value: v[0], incomplete: true } : { value: v, incomplete: false },
    );
  return (i) => m.get(i) ?? { value: null, incomplete: false };
}
/** Every month from..to with the value f(month ISO). */
function dense(from: string, to: string, f: (iso: string) => number) {
  const out: Record<string, number> = {};
  for (let m = monthIndex(from); m <= monthIndex(to); m++) out[monthIso(m)] = f(monthIso(m));
  return out;
}
const tOf =
  (msgs: Record<string, string>): Translate =>
  (key, params) => {
    const msg = msgs[key];
    if (msg === undefined) throw new Error(`missing key ${key}`);
    return params ? msg.replace(/\{(\w+)\}/g, (_, k) => String(params[k])) : msg;
  };
const num = (n: number) => new Intl.NumberFormat('en').format(n);
const month = (m: number) => monthIso(m);

describe('before/after windows', () => {
  it('a day-dated event leaves its own month out: before ends the month before, after starts the month after', () => {
    // Signed 2 February 2017: before = Feb 2016 … Jan 2017, after = Mar 2017 … Feb 2018.
    const r = beforeAfter(fixture({}), { month: monthIndex('2017-02'), precision: 'day' }, 12);
    expect(r.gap.map(monthIso)).toEqual(['2017-02', '2017-02']);
    expect([monthIso(r.main.before.from), monthIso(r.main.before.to)]).toEqual(['2016-02', '2017-01']);
    expect([monthIso(r.main.after.from), monthIso(r.main.after.to)]).toEqual(['2017-03', '2018-02']);
    expect(r.main.before.months).toHaveLength(12);
    expect(r.main.after.months).toHaveLength(12);
  });

  it('crosses year boundaries exactly (event in January, N = 6)', () => {
    const r = beforeAfter(fixture({}), { month: monthIndex('2020-01'), precision: 'month' }, 6);
    expect([monthIso(r.main.before.from), monthIso(r.main.before.to)]).toEqual(['2019-07', '2019-12']);
    expect([monthIso(r.main.after.from), monthIso(r.main.after.to)]).toEqual(['2020-02', '2020-07']);
    // The reference is the same calendar months one year earlier.
    const ref = r.reference[0];
    expect([monthIso(ref.before.from), monthIso(ref.before.to)]).toEqual(['2018-07', '2018-12']);
    expect([monthIso(ref.after.from), monthIso(ref.after.to)]).toEqual(['2019-02', '2019-07']);
  });

  it('a year-precision event leaves its whole year out', () => {
    const r = beforeAfter(fixture({}), { month: monthIndex('2016'), precision: 'year' }, 12);
    expect(r.gap.map(monthIso)).toEqual(['2016-01', '2016-12']);
    expect([monthIso(r.main.before.from), monthIso(r.main.before.to)]).toEqual(['2015-01', '2015-12']);
    expect([monthIso(r.main.after.from), monthIso(r.main.after.to)]).toEqual(['2017-01', '2017-12']);
  });

  it('sums each window and compares totals when every month is complete', () => {
    const data = fixture({
      ...dense('2016-02', '2017-01', () => 100),
      ...dense('2017-03', '2018-02', () => 38),
    });
    const r = beforeAfter(data, { month: monthIndex('2017-02'), precision: 'day' }, 12);
    expect(r.main.before.sum).toBe(1200);
    expect(r.main.after.sum).toBe(456);
    expect(r.main.change).toEqual({ kind: 'pct', pct: -62, basis: 'total' });
  });

  it('leaves missing and incomplete months out and compares averages per complete month', () => {
    const rows: Record<string, number | [number, 'incomplete']> = {
      ...dense('2023-01', '2023-06', () => 10),
      ...dense('2023-08', '2024-01', () => 20),
    };
    rows['2023-03'] = [2, 'incomplete']; // 15 of 30 days reported
    delete rows['2023-10']; // no figure
    const r = beforeAfter(fixture(rows), { month: monthIndex('2023-07'), precision: 'day' }, 6);
    const b = r.main.before,
      a = r.main.after;
    expect(b.complete).toBe(5);
    expect(b.sum).toBe(50);
    expect(b.excluded.map(monthIso)).toEqual(['2023-03']);
    expect(b.months.find((c) => monthIso(c.month) === '2023-03')?.state).toBe('incomplete');
    expect(a.complete).toBe(5);
    expect(a.sum).toBe(100);
    expect(a.months.find((c) => monthIso(c.month) === '2023-10')).toEqual({
      month: monthIndex('2023-10'),
      value: null,
      state: 'missing',
    });
    // 10 a month → 20 a month: +100 %, as averages (the totals would say the same here by chance).
    expect(r.main.change).toEqual({ kind: 'pct', pct: 100, basis: 'average' });
  });

  it('gives no percentage when fewer than half the months on a side are complete', () => {
    const rows = { ...dense('2023-01', '2023-02', () => 10), ...dense('2023-08', '2024-01', () => 20) };
    const r = beforeAfter(fixture(rows), { month: monthIndex('2023-07'), precision: 'day' }, 6);
    expect(r.main.change).toEqual({ kind: 'too_few', side: 'before' });
    const none = beforeAfter(fixture({}), { month: monthIndex('2023-07'), precision: 'day' }, 6);
    expect(none.main.change).toEqual({ kind: 'too_few', side: 'both' });
  });

  it('handles a percentage of zero: from zero has none, zero to zero is "none in either"', () => {
    const w = (vals: number[]) =>
      windowStat((m) => ({ value: vals[m], incomplete: false }), 0, vals.length - 1);
    expect(change(w([0, 0, 0]), w([0, 5, 0]))).toEqual({ kind: 'from_zero', basis: 'total' });
    expect(change(w([0, 0, 0]), w([0, 0, 0]))).toEqual({ kind: 'both_zero' });
    expect(change(w([4, 0, 0]), w([0, 0, 0]))).toEqual({ kind: 'pct', pct: -100, basis: 'total' });
  });

  it('rejects an N that is not a whole number of months', () => {
    expect(() => beforeAfter(fixture({}), { month: 0, precision: 'day' }, 0)).toThrow(RangeError);
    expect(() => beforeAfter(fixture({}), { month: 0, precision: 'day' }, 2.5)).toThrow(RangeError);
  });
});

describe('before/after caption', () => {
  const CAUSAL = /\b(caused|causes|led to|leads to|thanks to|because of|resulted in|due to|reduced|cut)\b/i;
  const data = fixture({
    // A year earlier: 50 a month before, 100 a month after; then 100 a month before, 38 after.
    ...dense('2015-02', '2017-02', (iso) => (iso <= '2016-01' ? 50 : 100)),
    ...dense('2017-03', '2018-02', () => 38),
  });
  const r = beforeAfter(data, { month: monthIndex('2017-02'), precision: 'day' }, 12);

  it('states the change and the seasonal reference without a cause (en)', () => {
    const text = caption({
      metric: 'Sea arrivals',
      area: 'Italy',
      event: en['ba.event.signed'],
      date: '2 February 2017',
      yearOnly: null,
      result: r,
      t: tOf(en),
      num,
      month,
    });
    expect(text).toBe(
      'Sea arrivals, Italy: 456 in the 12 months after the signing (2 February 2017), 62\u00a0% lower than the 1,200 in the 12 months before. ' +
        'The same months a year earlier: up 100\u00a0%. ' +
        "Many factors affect crossings; this is not an estimate of the agreement's effect.",
    );
    expect(text).not.toMatch(CAUSAL);
  });

  it('reads the same in Italian, with the disclaimer', () => {
    const text = caption({
      metric: 'Arrivi via mare',
      area: 'Italia',
      event: it_['ba.event.signed'],
      date: '2 febbraio 2017',
      yearOnly: null,
      result: r,
      t: tOf(it_),
      num: (n) => new Intl.NumberFormat('it').format(n),
      month,
    });
    expect(text).toContain('456 nei 12 mesi dopo la firma (2 febbraio 2017), il 62\u00a0% in meno dei 1200');
    expect(text).toContain('Negli stessi mesi un anno prima: aumento del 100\u00a0%.');
    expect(text).toContain("questa non è una stima dell'effetto dell'accordo");
  });

  it('names the months left out and explains a year-only date', () => {
    const rows: Record<string, number | [number, 'incomplete']> = {
      ...dense('2015-01', '2015-12', () => 10),
      ...dense('2017-01', '2017-12', () => 10),
    };
    rows['2017-05'] = [1, 'incomplete'];
    const y = beforeAfter(fixture(rows), { month: monthIndex('2016'), precision: 'year' }, 12, 0);
    const text = caption({
      metric: 'M',
      area: 'A',
      event: en['ba.event.in_force'],
      date: '2016',
      yearOnly: 2016,
      result: y,
      t: tOf(en),
      num,
      month,
    });
    expect(text).toContain(
      'on average 10 a month in the 12 months after entry into force (2016), about the same',
    );
    expect(text).toContain('Left out as missing or incomplete (1): 2017-05.');
    expect(text).toContain('The event is dated only to 2016, so all of 2016 is left out');
    expect(text).not.toMatch(CAUSAL);
  });

  it('says "no percentage" for a change from zero', () => {
    const z = beforeAfter(
      fixture({ ...dense('2020-01', '2020-06', () => 0), ...dense('2020-08', '2021-01', () => 3) }),
      { month: monthIndex('2020-07'), precision: 'month' },
      6,
      0,
    );
    const text = caption({
      metric: 'M',
      area: 'A',
      event: en['ba.event.ended'],
      date: 'July 2020',
      yearOnly: null,
      result: z,
      t: tOf(en),
      num,
      month,
    });
    expect(text).toContain('none in the 6 months before the end (July 2020) and 18 in the 6 months after');
    expect(text).toContain('no percentage');
    expect(text).not.toMatch(/%/);
  });
});
