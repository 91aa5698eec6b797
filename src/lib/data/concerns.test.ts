import { describe, expect, it } from 'vitest';
import { validateAgreements } from './json-schema';
import type { DataError } from './schema';

const agreement = (concerns?: unknown) => ({
  id: 'a',
  title_en: 'x',
  title_it: 'x',
  parties: ['ITA', 'LBY'],
  type: 'mou',
  binding: null,
  routes: ['central-med'],
  ...(concerns === undefined ? {} : { concerns }),
  summary_en: 'x',
  summary_it: 'x',
  status: 'seen',
  sources: ['s'],
  events: [],
});

function run(concerns?: unknown): { out: ReturnType<typeof validateAgreements>; errors: DataError[] } {
  const errors: DataError[] = [];
  const out = validateAgreements('data/agreements.json', [agreement(concerns)], errors);
  return { out, errors };
}

describe('agreements.json: concerns', () => {
  it('is optional', () => {
    const { out, errors } = run();
    expect(errors).toEqual([]);
    expect(out[0].concerns).toBeUndefined();
  });

  it('reads an editors’ assignment and a sourced one', () => {
    const e = run({ countries: ['ITA'], routes: ['central-med'], basis: 'editors' });
    expect(e.errors).toEqual([]);
    expect(e.out[0].concerns).toEqual({
      countries: ['ITA'],
      routes: ['central-med'],
      basis: 'editors',
      source: null,
    });
    const s = run({ countries: ['ITA'], routes: [], basis: 'source', source: 'asgi' });
    expect(s.errors).toEqual([]);
    expect(s.out[0].concerns?.source).toBe('asgi');
  });

  const bad: [string, unknown, RegExp, RegExp][] = [
    ['not an object', ['ITA'], /concerns$/, /an object/],
    [
      'unknown basis',
      { countries: ['ITA'], routes: [], basis: 'guess' },
      /concerns\.basis/,
      /"source", "editors"/,
    ],
    [
      'basis source without a source',
      { countries: ['ITA'], routes: [], basis: 'source' },
      /concerns\.source/,
      /id of the source/,
    ],
    [
      'a source with basis editors',
      { countries: ['ITA'], routes: [], basis: 'editors', source: 's' },
      /concerns\.source/,
      /no source/,
    ],
    ['nothing concerned', { countries: [], routes: [], basis: 'editors' }, /concerns$/, /at least one/],
    [
      'not an ISO3 code',
      { countries: ['Italy'], routes: [], basis: 'editors' },
      /concerns\.countries/,
      /ISO/,
    ],
    [
      'unknown key',
      { countries: ['ITA'], routes: [], basis: 'editors', guess: true },
      /concerns\.guess/,
      /known keys/,
    ],
  ];
  it.each(bad)(
    'rejects %s, naming the path and the fix, and drops the agreement',
    (_, c, column, expected) => {
      const { out, errors } = run(c);
      expect(out).toEqual([]);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.some((e) => column.test(e.column) && expected.test(e.expected)),
        JSON.stringify(errors),
      ).toBe(true);
      expect(errors[0].column).toContain('[0] (a).concerns');
    },
  );
});
