import { describe, expect, it } from 'vitest';
import {
  deathsDimmed,
  dimmed,
  focus as focusOverlay,
  focusTarget,
  lineMiddle,
  programmeDimmed,
} from './focus';
import { deathsStyle } from './deaths';
import { light } from '../map/theme';
import { agreements } from './agreements';
import { landings } from './landings';
import { routes } from './routes';
import { testInput } from './testInput.test-helper';
import { entriesFor, legendOf } from './describe';
import type { AnyOverlay, OverlayInput } from './types';
import type { Focus } from '../data/stories';

const input = (focus: Focus | null, over: Partial<OverlayInput> = {}) => testInput({ focus, ...over });
/** The feature-state an overlay's mapData gives each feature of a source, as id → dim. */
function dims(o: AnyOverlay, i: OverlayInput, source: string) {
  const md = o.mapData(o.view(o.prepare(i), i), i);
  return [...(md.state?.[source] ?? new Map()).entries()].map(([id, s]) => [id, s.dim]);
}

describe('focusTarget', () => {
  const i = testInput();
  const cat = i.data.catalog;
  it('puts an agreement at its marker (the partner capital) and outlines its non-EU parties', () => {
    expect(focusTarget(cat, i.data.routes, { kind: 'agreement', id: 'mou' }, 'it')).toEqual({
      focus: { kind: 'agreement', id: 'mou' },
      name: 'Memorandum Italia–Libia',
      point: [13.19, 32.89],
      countries: ['ITA', 'LBY'],
      group: null,
    });
  });
  it('puts a place at its coordinates and a country at its capital', () => {
    const p = focusTarget(cat, i.data.routes, { kind: 'place', id: 'lampedusa' }, 'en');
    expect([p?.name, p?.point, p?.countries]).toEqual(['Lampedusa', [12.6, 35.5], []]);
    const c = focusTarget(cat, i.data.routes, { kind: 'country', id: 'ITA' }, 'it');
    expect([c?.name, c?.point, c?.countries]).toEqual(['Italia', [12.5, 41.9], ['ITA']]);
  });
  it('puts a route family at the middle of its first segment, with its group for the swatch', () => {
    const r = focusTarget(cat, i.data.routes, { kind: 'route', id: 'central-med' }, 'en');
    expect(r?.point[0]).toBeCloseTo(12.3, 6);
    expect(r?.point[1]).toBeCloseTo(34.25, 6);
    expect(r?.group).toBe(cat.families.find((f) => f.id === 'central-med')!.group);
  });
  it('is null for no focus and for ids the data does not know', () => {
    expect(focusTarget(cat, i.data.routes, null, 'en')).toBeNull();
    for (const f of [
      { kind: 'agreement', id: 'nope' },
      { kind: 'place', id: 'nope' },
      { kind: 'route', id: 'nope' },
      { kind: 'country', id: 'TUR' }, // known, but no capital to put it at
    ] as Focus[])
      expect(focusTarget(cat, i.data.routes, f, 'en'), f.id).toBeNull();
  });
});

describe('lineMiddle', () => {
  it('is the point halfway along the line', () => {
    expect(
      lineMiddle([
        [0, 0],
        [2, 0],
        [2, 6],
      ]),
    ).toEqual([2, 2]);
    expect(lineMiddle([[5, 5]])).toEqual([5, 5]);
  });
});

describe('dimmed: only the focus kind’s other features are dimmed', () => {
  const mou = testInput().data.catalog.agreements[0];
  it.each([
    [{ kind: 'agreement', id: 'mou' }, { kind: 'agreement', agreement: mou }, false],
    [{ kind: 'agreement', id: 'other' }, { kind: 'agreement', agreement: mou }, true],
    [{ kind: 'agreement', id: 'other' }, { kind: 'place', id: 'lampedusa', country: 'ITA' }, false],
    [{ kind: 'place', id: 'lampedusa' }, { kind: 'place', id: 'pozzallo', country: 'ITA' }, true],
    [{ kind: 'place', id: 'lampedusa' }, { kind: 'route', id: 'cm-a', family: 'central-med' }, false],
    [{ kind: 'route', id: 'central-med' }, { kind: 'route', id: 'cm-a', family: 'central-med' }, false],
    [{ kind: 'route', id: 'cm-b' }, { kind: 'route', id: 'cm-a', family: 'central-med' }, true],
    [{ kind: 'country', id: 'LBY' }, { kind: 'agreement', agreement: mou }, false],
    [{ kind: 'country', id: 'TUR' }, { kind: 'agreement', agreement: mou }, true],
    [{ kind: 'country', id: 'ITA' }, { kind: 'place', id: 'x', country: 'MLT' }, true],
  ] as const)('%j vs %j → %s', (f, s, want) => {
    expect(dimmed(f as Focus, s as never)).toBe(want);
  });
  it('dims nothing without a focus', () => {
    expect(dimmed(null, { kind: 'agreement', agreement: mou })).toBe(false);
  });
});

describe('the overlays read the focus in mapData (feature-state dim)', () => {
  it('routes: the other segments dim, the subject’s do not', () => {
    expect(dims(routes, input({ kind: 'route', id: 'cm-b' }), 'routes')).toEqual([
      [0, true],
      [1, false],
    ]);
    expect(dims(routes, input({ kind: 'route', id: 'central-med' }), 'routes')).toEqual([
      [0, false],
      [1, false],
    ]);
    expect(dims(routes, input(null), 'routes')).toEqual([
      [0, false],
      [1, false],
    ]);
  });
  it('landings: a place focus dims the other circles; a country focus the circles outside it', () => {
    const i = input({ kind: 'place', id: 'lampedusa' });
    const v = landings.view(landings.prepare(i), i) as { values: { point: { area: string } }[] };
    const areas = v.values.map((x) => x.point.area);
    expect(areas.sort()).toEqual(['ITA', 'lampedusa']);
    const byArea = (f: Focus) => {
      const j = input(f);
      const w = landings.view(landings.prepare(j), j) as typeof v;
      const d = new Map(dims(landings, j, 'landings') as [number, boolean][]);
      return Object.fromEntries(w.values.map((x, k) => [x.point.area, d.get(k)]));
    };
    expect(byArea({ kind: 'place', id: 'lampedusa' })).toEqual({ ITA: true, lampedusa: false });
    expect(byArea({ kind: 'country', id: 'ITA' })).toEqual({ ITA: false, lampedusa: false });
    expect(byArea({ kind: 'country', id: 'LBY' })).toEqual({ ITA: true, lampedusa: true });
  });
  it('agreements: the other markers dim', () => {
    const w = { window: [12 * 2023, 12 * 2023 + 11] as [number, number] };
    expect(dims(agreements, input({ kind: 'agreement', id: 'mou' }, w), 'agreement-markers')).toEqual([
      [0, false],
    ]);
    expect(dims(agreements, input({ kind: 'agreement', id: 'other' }, w), 'agreement-markers')).toEqual([
      [0, true],
    ]);
  });
});

describe('the focus overlay', () => {
  it('without a focus draws nothing, names nothing and filters no country name out', () => {
    const n = input(null);
    // Always applied (a hidden overlay is not applied, and the names must come back).
    expect(focusOverlay.visible(n)).toBe(true);
    const md = focusOverlay.mapData(focusOverlay.view(focusOverlay.prepare(n), n), n);
    expect(md.data?.focus.fc.features).toEqual([]);
    expect(md.filters?.['country-labels']).toEqual(['!=', ['get', 'iso3'], '']);
    expect(legendOf(entriesFor(n), n).find((x) => x.overlay === 'focus')).toBeUndefined();
  });

  it('with a focus names it in the legend and rings it on the map', () => {
    const i = input({ kind: 'place', id: 'lampedusa' });
    expect(focusOverlay.visible(i)).toBe(true);
    const legend = legendOf(entriesFor(i), i);
    const g = legend.find((x) => x.overlay === 'focus');
    expect(g?.title).toBe('layers.focus');
    expect(g?.items.map((x) => [x.label, x.key])).toEqual([['Lampedusa', 'focus']]);
    const md = focusOverlay.mapData(focusOverlay.view(focusOverlay.prepare(i), i), i);
    expect(md.data?.focus.fc.features.map((f) => [f.properties?.name, f.geometry])).toEqual([
      ['Lampedusa', { type: 'Point', coordinates: [12.6, 35.5] }],
    ]);
    expect(md.filters?.['focus-country']).toEqual(['in', ['get', 'iso3'], ['literal', []]]);
  });
  it('outlines a country focus', () => {
    const i = input({ kind: 'country', id: 'ITA' });
    const md = focusOverlay.mapData(focusOverlay.view(focusOverlay.prepare(i), i), i);
    expect(md.filters?.['focus-country']).toEqual(['in', ['get', 'iso3'], ['literal', ['ITA']]]);
  });
});

describe('programmes and the dead and missing dim too', () => {
  const cat = { agreements: [{ id: 'mou', parties: ['ITA', 'LBY'] }] } as never;
  it.each([
    [null, 'LBY', 'ITA', false],
    [{ kind: 'country', id: 'BIH' }, 'BIH', 'ITA', false],
    [{ kind: 'country', id: 'ITA' }, 'BIH', 'ITA', false],
    [{ kind: 'country', id: 'BIH' }, 'DZA', 'ITA', true],
    [{ kind: 'agreement', id: 'mou' }, 'LBY', 'ITA', false],
    [{ kind: 'agreement', id: 'mou' }, 'NER', 'ITA', true],
    [{ kind: 'agreement', id: 'gone' }, 'LBY', 'ITA', true],
    [{ kind: 'place', id: 'lampedusa' }, 'LBY', 'ITA', true],
    [{ kind: 'route', id: 'central-med' }, 'LBY', 'ITA', true],
  ] as const)('programme in %j: recipient %s, funder %s → %s', (f, country, funder, want) => {
    expect(programmeDimmed(f as Focus | null, cat, country, funder)).toBe(want);
  });
  it('the dead and missing dim for any subject but a route, as one layer', () => {
    expect(deathsDimmed(null)).toBe(false);
    expect(deathsDimmed({ kind: 'route', id: 'central-med' })).toBe(false);
    expect(deathsDimmed({ kind: 'country', id: 'ITA' })).toBe(true);
    expect(deathsDimmed({ kind: 'agreement', id: 'mou' })).toBe(true);
    const full = deathsStyle(light);
    const dim = deathsStyle(light, true);
    expect(dim.opacity).toBeCloseTo(full.opacity / 4);
    expect(dim.haloOpacity).toBeCloseTo(full.haloOpacity / 4);
    expect({ ...dim, opacity: 0, haloOpacity: 0 }).toEqual({ ...full, opacity: 0, haloOpacity: 0 });
  });
});

describe('the focus label', () => {
  it('hides the basemap name of a focused country (the focus label is its name), and brings it back', () => {
    const md = (f: Focus | null) => {
      const i = input(f);
      return focusOverlay.mapData(focusOverlay.view(focusOverlay.prepare(i), i), i);
    };
    expect(md({ kind: 'country', id: 'ITA' }).filters?.['country-labels']).toEqual([
      '!=',
      ['get', 'iso3'],
      'ITA',
    ]);
    expect(md({ kind: 'place', id: 'lampedusa' }).filters?.['country-labels']).toEqual([
      '!=',
      ['get', 'iso3'],
      '',
    ]);
    expect(md(null).filters?.['country-labels']).toEqual(['!=', ['get', 'iso3'], '']);
  });
});
