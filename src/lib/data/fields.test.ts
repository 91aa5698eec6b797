import { describe, expect, it } from 'vitest';
import { amount, count, parsePartialDate, partialDate, url } from './fields';

describe('dates', () => {
  it.each([
    ['2024', 'year'],
    ['2024-02', 'month'],
    ['2024-02-29', 'day'],
  ])('%s has %s precision', (s, p) => expect(parsePartialDate(s)?.precision).toBe(p));
  it.each(['2023-02-29', '2024-13', '2024-04-31', '31/02/2024', '24-01-01', ''])('%s is rejected', (s) => {
    expect(parsePartialDate(s)).toBeNull();
  });
  it('names the ambiguity of day/month order', () => {
    const r = partialDate('03/04/2024');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected).toMatch(/ambiguous/);
  });
});

describe('url', () => {
  it.each(['javascript:alert(1)', 'ftp://x', 'not a url'])('rejects %s', (s) =>
    expect(url(s).ok).toBe(false),
  );
  it('accepts https', () => expect(url('https://example.org/a?b=1').ok).toBe(true));
});

describe('count and amount', () => {
  it('a count stops at 10^9; a money amount goes to 10^12 (the €1.8bn EU Trust Fund for Africa)', () => {
    expect(count('1800000000').ok).toBe(false);
    expect(amount('1800000000')).toEqual({ ok: true, value: 1_800_000_000 });
    expect(amount('1000000000001').ok).toBe(false);
  });
  it.each(['1.5', '-3', '1,800,000', '2.000.000'])('an amount rejects %s', (s) =>
    expect(amount(s).ok).toBe(false),
  );
});
