import { describe, expect, it } from 'vitest';
import { parsePartialDate, partialDate, url } from './fields';

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
