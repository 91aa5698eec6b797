/**
 * The overlay host against a fake map that records every call (the real method names are checked
 * against maplibre-gl in maplibre-contract.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CustomLayerInterface, LayerSpecification } from 'maplibre-gl';
import { OverlayHost, layerDiff, type HostMap } from './host';
import { OVERLAYS } from '../overlays/index';
import { OVERLAY_IDS } from '../overlays/registry';
import { dark, light, projector } from './theme';
import { testInput } from '../overlays/testInput.test-helper';
import type { OverlayInput } from '../overlays/types';

type Call = [string, ...unknown[]];

class FakeMap {
  calls: Call[] = [];
  layers: { id: string; spec: LayerSpecification | CustomLayerInterface }[] = [];
  sources = new Map<string, { setData(d: unknown): void }>();
  handlers = new Map<string, ((e: unknown) => void)[]>();
  rendered: { layer: { id: string }; source: string; id: number; properties: Record<string, unknown> }[] = [];
  canvas = { style: { cursor: '' } };
  constructor() {
    this.layers.push({
      id: 'sea-labels',
      spec: { id: 'sea-labels', type: 'symbol', source: 'x' } as LayerSpecification,
    });
  }
  log(...c: Call) {
    this.calls.push(c);
  }
  addSource(id: string) {
    this.log('addSource', id);
    this.sources.set(id, { setData: (d) => this.log('setData', id, d) });
  }
  getSource(id: string) {
    return this.sources.get(id);
  }
  addLayer(l: LayerSpecification | CustomLayerInterface, before?: string) {
    this.log('addLayer', l.id, before);
    const i = before ? this.layers.findIndex((x) => x.id === before) : -1;
    const entry = { id: l.id, spec: l };
    if (i < 0) this.layers.push(entry);
    else this.layers.splice(i, 0, entry);
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id)?.spec;
  }
  removeLayer(id: string) {
    this.log('removeLayer', id);
    this.layers = this.layers.filter((l) => l.id !== id);
  }
  removeSource(id: string) {
    this.log('removeSource', id);
  }
  setPaintProperty(id: string, k: string, v: unknown) {
    this.log('setPaintProperty', id, k, v);
  }
  setLayoutProperty(id: string, k: string, v: unknown) {
    this.log('setLayoutProperty', id, k, v);
  }
  setFilter(id: string, f: unknown) {
    this.log('setFilter', id, f);
  }
  setFeatureState(t: unknown, s: unknown) {
    this.log('setFeatureState', t, s);
  }
  addImage(id: string) {
    this.log('addImage', id);
  }
  hasImage() {
    return false;
  }
  on(e: string, f: (e: unknown) => void) {
    this.handlers.set(e, [...(this.handlers.get(e) ?? []), f]);
  }
  off(e: string, f: (e: unknown) => void) {
    this.handlers.set(
      e,
      (this.handlers.get(e) ?? []).filter((x) => x !== f),
    );
  }
  fire(e: string, ev: unknown) {
    for (const f of this.handlers.get(e) ?? []) f(ev);
  }
  queryRenderedFeatures(_p: unknown, o: { layers: string[] }) {
    return this.rendered.filter((f) => o.layers.includes(f.layer.id));
  }
  getCanvas() {
    return this.canvas;
  }
  triggerRepaint() {
    this.log('triggerRepaint');
  }
  redraw() {
    this.log('redraw');
  }
  order() {
    return this.layers.map((l) => l.id);
  }
  only(name: string) {
    return this.calls.filter((c) => c[0] === name);
  }
}

/** A custom layer stand-in for the GPU layer (no WebGL in unit tests). */
class FakeGpu implements CustomLayerInterface {
  readonly type = 'custom' as const;
  constructor(readonly id: string) {}
  onAdd() {}
  render() {}
  setPoints() {}
  getPoints() {
    return null;
  }
  setStyle() {}
  setWindow() {
    return false;
  }
  pick() {
    return null;
  }
}

// The real overlay modules, with the GPU layer swapped for the stand-in.
const overlays = OVERLAYS.map((o) =>
  o.custom ? { ...o, custom: { ...o.custom, create: () => new FakeGpu(o.custom!.id) as never } } : o,
);

function setup(input: OverlayInput = testInput()) {
  const map = new FakeMap();
  const host = new OverlayHost(map as unknown as HostMap, overlays, 'sea-labels');
  host.add(input);
  const views = new Map(overlays.map((o) => [o.id, o.view(o.prepare(input), input)]));
  for (const o of overlays) host.apply(o.id, views.get(o.id), input);
  return { map, host, views, input };
}

describe('the overlay host', () => {
  it('adds every overlay once, in registry z-order, below the labels (circle labels above them)', () => {
    const { map, host } = setup();
    const order = map.order();
    const labels = order.indexOf('sea-labels');
    // Only layers marked crossings:top (the landing circles' labels, the focus's name) sit above
    // the place names.
    expect(order.slice(labels + 1)).toEqual(['landings-labels', 'focus-label']);
    const ours = order.filter((id) => id !== 'sea-labels');
    expect([...ours].sort()).toEqual([...host.layerIds()].sort());
    // Below the labels, each overlay's layers are contiguous and the overlays follow the registry.
    const owner = (id: string) =>
      overlays.find((o) => o.layers(light, 'en').some((l) => l.id === id) || o.custom?.id === id)!.id;
    const seq = order
      .slice(0, labels)
      .map(owner)
      .filter((id, i, a) => a[i - 1] !== id);
    expect(seq).toEqual([...OVERLAY_IDS]);
    expect(ours).toContain('deaths-points');
  });

  it('a theme change sets only the paint/layout that differ: no layer or source is removed', () => {
    const { map, host } = setup();
    map.calls = [];
    host.restyle(dark, 'en');
    host.restyle(projector, 'en');
    host.restyle(light, 'en');
    expect(map.only('removeLayer')).toEqual([]);
    expect(map.only('removeSource')).toEqual([]);
    expect(map.only('addLayer')).toEqual([]);
    expect(map.only('setFilter')).toEqual([]);
    const paints = map.only('setPaintProperty');
    expect(paints.length).toBeGreaterThan(10);
    expect(paints).toContainEqual(['setPaintProperty', 'landings-circles', 'circle-color', dark.landing]);
    expect(paints).toContainEqual(['setPaintProperty', 'landings-circles', 'circle-color', light.landing]);
    // Visibility belongs to the toggles, never to the theme.
    expect(map.only('setLayoutProperty').filter((c) => c[2] === 'visibility')).toEqual([]);
  });

  it('a theme change with nothing different issues no call', () => {
    const { map, host } = setup();
    map.calls = [];
    host.restyle(light, 'en');
    expect(map.calls).toEqual([]);
  });

  it('sets data, filters and feature-state only when they change', () => {
    const { map, host, views, input } = setup();
    expect(
      map
        .only('setData')
        .map((c) => c[1])
        .sort(),
    ).toEqual([
      'agreement-markers',
      'agreements',
      'focus',
      'landings',
      'programme-links',
      'programmes',
      'user',
    ]);
    map.calls = [];
    for (const o of overlays) host.apply(o.id, views.get(o.id), input);
    expect(map.calls.filter((c) => c[0] !== 'redraw')).toEqual([]);
    // A selection draws its connectors, outlines its parties and rings its marker, nothing else.
    const sel = { ...input, selection: { kind: 'agreement' as const, id: 'mou' } };
    const ag = overlays.find((o) => o.id === 'agreements')!;
    host.apply('agreements', ag.view(ag.prepare(sel), sel), sel);
    expect(map.only('setFilter').map((c) => c[1])).toEqual(['agreements-selected']);
    expect(map.only('setData').map((c) => c[1])).toEqual(['agreements']);
    expect(map.only('setFeatureState')).toEqual([
      ['setFeatureState', { source: 'agreement-markers', id: 0 }, { hover: true, dim: false }],
    ]);
  });

  it('filters set from data survive a theme change (the party fill keeps its countries)', () => {
    const { map, host } = setup();
    const partyFilter = map.only('setFilter').find((c) => c[1] === 'agreements-parties');
    expect(partyFilter?.[2]).toEqual(['in', ['get', 'iso3'], ['literal', ['ITA', 'LBY']]]);
    map.calls = [];
    host.restyle(dark, 'en');
    expect(map.only('setFilter')).toEqual([]);
  });

  it('toggles visibility of all of an overlay’s layers, once per change', () => {
    const { map, host } = setup();
    map.calls = [];
    host.setVisible('agreements', false);
    host.setVisible('agreements', false);
    expect(map.only('setLayoutProperty').map((c) => [c[1], c[3]])).toEqual([
      ['agreements-parties', 'none'],
      ['agreements-selected', 'none'],
      ['agreements-arcs-casing', 'none'],
      ['agreements-arcs', 'none'],
      ['agreements-markers', 'none'],
    ]);
  });

  it('one click handler selects the topmost overlay’s feature; a small marker wins over a circle above it', () => {
    const { map, host, views, input } = setup();
    const picked: unknown[] = [];
    const hovered: unknown[] = [];
    host.bindPointer((id) => views.get(id as never), input, {
      select: (s) => picked.push(s),
      hover: (h) => hovered.push(h?.sel ?? null),
    });
    const circle = {
      layer: { id: 'landings-circles' },
      source: 'landings',
      id: 1,
      properties: { areaType: 'place', area: 'lampedusa' },
    };
    const route = { layer: { id: 'routes-line' }, source: 'routes', id: 0, properties: { id: 'cm-a' } };
    const marker = {
      layer: { id: 'agreements-markers' },
      source: 'agreement-markers',
      id: 0,
      properties: { id: 'mou' },
    };
    map.rendered = [circle, route];
    map.fire('click', { point: { x: 5, y: 5 } });
    expect(picked).toEqual([{ kind: 'place', id: 'lampedusa' }]); // the circle is above the route
    map.rendered = [circle, route, marker];
    map.fire('click', { point: { x: 5, y: 5 } });
    expect(picked.at(-1)).toEqual({ kind: 'agreement', id: 'mou' }); // priority 1 beats z-order
    map.fire('mousemove', { point: { x: 5, y: 5 } });
    expect(hovered).toEqual([{ kind: 'agreement', id: 'mou' }]);
    expect(map.canvas.style.cursor).toBe('pointer');
    map.rendered = [];
    map.fire('mousemove', { point: { x: 50, y: 5 } });
    map.fire('mouseout', {});
    expect(hovered.at(-1)).toBeNull();
    expect(map.canvas.style.cursor).toBe('');
  });

  it('after a context restore, re-adds the GPU layers at their z-positions and re-applies feature-state', () => {
    const { map, host, views, input } = setup();
    const before = map.order();
    const first = host.customLayer('deaths');
    map.calls = [];
    host.restore(input, (id) => views.get(id as never));
    expect(map.order()).toEqual(before);
    expect(host.customLayer('deaths')).not.toBe(first);
    // Both GPU layers come back at their z-positions: the dead and missing, and the reader's points.
    expect(map.only('addLayer')).toEqual([
      ['addLayer', 'deaths-points', 'user-fills'],
      // …and the reader's points under the next layer up (the chapter focus, then the labels).
      ['addLayer', 'user-points-gpu', 'focus-country'],
    ]);
    // Every feature with state comes back: 2 route segments, 2 landing circles, 1 agreement
    // marker, 1 programme marker (the fixture's).
    expect(
      map
        .only('setFeatureState')
        .map((c) => (c[1] as { source: string }).source)
        .sort(),
    ).toEqual(['agreement-markers', 'landings', 'landings', 'programmes', 'routes', 'routes']);
    expect(map.only('removeSource')).toEqual([]);
  });
});

describe('layerDiff', () => {
  const l = (paint: Record<string, unknown>, layout: Record<string, unknown> = {}) =>
    ({ id: 'x', type: 'line', source: 's', paint, layout }) as LayerSpecification;
  it('lists changed, added and removed properties, never visibility', () => {
    expect(
      layerDiff(
        [l({ a: 1, b: 2 }, { visibility: 'none', c: 1 })],
        [l({ a: 1, b: 3, d: 4 }, { visibility: 'visible' })],
      ),
    ).toEqual([
      { layer: 'x', kind: 'paint', key: 'b', value: 3 },
      { layer: 'x', kind: 'paint', key: 'd', value: 4 },
      { layer: 'x', kind: 'layout', key: 'c', value: undefined },
    ]);
  });
  it('does not mutate its inputs', () => {
    const a = [l({ a: [1, 2] })];
    const b = [l({ a: [1, 3] })];
    const copy = JSON.stringify([a, b]);
    layerDiff(a, b);
    expect(JSON.stringify([a, b])).toBe(copy);
  });
});
