import { describe, expect, it } from 'vitest';
import { causeKeys, countInWindow, incidentArrays, incidentRecords, safeLink } from './incidents';
import { monthFloat, sortPoints, windowRange } from './points';
import { INCIDENT_COLUMNS } from '../../data/types';

const file = {
  version: 1 as const,
  source: 'iom-mmp',
  columns: [...INCIDENT_COLUMNS],
  rows: [
    [
      'a',
      '2019-03-02',
      35.5,
      12.6,
      3,
      1,
      4,
      20,
      'Drowning',
      'central_med',
      'Italy',
      'off Lampedusa',
      4,
      'X',
      'https://example.org/a',
    ],
    [
      'b',
      '2023-12-31',
      28.1,
      -15.4,
      0,
      9,
      9,
      null,
      'Mixed or unknown',
      'western_african',
      'Spain',
      '',
      1,
      'Y',
      'javascript:alert(1)',
    ],
    ['c', '2023-01-01', null, 10, 1, 0, 1, null, null, null, null, null, null, null, null],
    ['d', '2024-01-01', 36, 14, 1, 0, null, null, null, null, null, null, null, null, null],
  ],
};

describe('incidents', () => {
  it('reads columns by name and drops rows that cannot be drawn', () => {
    const list = incidentRecords(file);
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'd']);
    expect(list[0]).toMatchObject({ dead: 3, missing: 1, deadMissing: 4, survivors: 20, quality: 4 });
    expect(list[1].location).toBeNull();
    expect(list[2].deadMissing).toBe(1);
  });

  it('fails clearly on a missing column', () => {
    expect(() => incidentRecords({ ...file, columns: file.columns.slice(1) })).toThrow(/no column "id"/);
  });

  it('window counts on the GPU arrays equal the naive count', () => {
    const list = incidentRecords(file);
    const a = incidentArrays(list);
    expect(a.t[0]).toBe(monthFloat('2019-03-02'));
    expect(a.size[1]).toBeGreaterThan(a.size[0]);
    const s = sortPoints(a.lon, a.lat, a.t, a.size);
    for (const [from, to] of [
      [2023 * 12, 2023 * 12 + 11],
      [2019 * 12, 2019 * 12 + 11],
      [2019 * 12, 2024 * 12],
    ])
      expect(windowRange(s.t, s.tBase, from, to).count).toBe(countInWindow(list, from, to));
  });

  it('shows only http(s) links', () => {
    expect(safeLink('https://x.org')).toBe('https://x.org');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});

describe('causeKeys', () => {
  it('splits IOM multi-cause values without breaking categories that contain ", "', () => {
    expect(
      causeKeys('Harsh environmental conditions / lack of adequate shelter, food, water,Mixed or unknown'),
    ).toEqual([
      {
        key: 'incident.cause.environment',
        text: 'Harsh environmental conditions / lack of adequate shelter, food, water',
      },
      { key: 'incident.cause.unknown', text: 'Mixed or unknown' },
    ]);
    expect(causeKeys('Something new')).toEqual([{ text: 'Something new' }]);
    expect(causeKeys(null)).toEqual([]);
  });
});
