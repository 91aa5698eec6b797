import { describe, expect, it } from 'vitest';
import { COUNTRY_ZOOM, focusTarget, PLACE_ZOOM } from './target';
import { fixtureData } from './fixture.test-helper';

describe('focusTarget', () => {
  const data = fixtureData();

  it('centres a place at a close zoom', () => {
    expect(focusTarget({ kind: 'place', id: 'bihac' }, data)).toEqual({
      kind: 'point',
      center: [15.87, 44.81],
      zoom: PLACE_ZOOM,
    });
  });

  it('centres a country on its landing anchor or its capital', () => {
    // Italy has a landing anchor in the Sicily Channel; Libya falls back to its capital.
    expect(focusTarget({ kind: 'country', id: 'ITA' }, data)).toMatchObject({
      kind: 'point',
      zoom: COUNTRY_ZOOM,
    });
    expect(focusTarget({ kind: 'country', id: 'LBY' }, data)).toEqual({
      kind: 'point',
      center: [13.19, 32.89],
      zoom: COUNTRY_ZOOM,
    });
    expect(focusTarget({ kind: 'country', id: 'BIH' }, data)).toBeNull();
  });

  it('fits a family to all its segments and a segment to its own line', () => {
    expect(focusTarget({ kind: 'family', id: 'central-med' }, data)).toEqual({
      kind: 'bounds',
      bounds: [
        [12, 33],
        [30, 38],
      ],
    });
    expect(focusTarget({ kind: 'segment', id: 'cm-a' }, data)).toEqual({
      kind: 'bounds',
      bounds: [
        [12, 33],
        [12.6, 35.5],
      ],
    });
  });

  it("fits an agreement to its parties' capitals and a programme to its recipients", () => {
    expect(focusTarget({ kind: 'agreement', id: 'mou' }, data)).toEqual({
      kind: 'bounds',
      bounds: [
        [12.5, 32.89],
        [13.19, 41.9],
      ],
    });
    expect(focusTarget({ kind: 'programme', id: 'p1' }, data)).toMatchObject({ kind: 'point' });
    expect(focusTarget({ kind: 'programme', id: 'country:LBY' }, data)).toMatchObject({ kind: 'point' });
  });

  it('returns null for nothing, unknown ids and kinds it cannot place', () => {
    expect(focusTarget(null, data)).toBeNull();
    expect(focusTarget({ kind: 'place', id: 'nowhere' }, data)).toBeNull();
    expect(focusTarget({ kind: 'incident', id: 'x' }, data)).toBeNull();
  });
});
