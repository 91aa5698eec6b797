/**
 * The parts of maplibre-gl the app relies on, checked against the installed package: the runtime
 * module and class prototypes (a test per name, so a failure names what disappeared), and the
 * custom layer interface and event names at the type level (`satisfies` and `expectTypeOf` are
 * checked by `npm run check`, not at run time).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as maplibre from 'maplibre-gl';
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  MapContextEvent,
  MapEventType,
  MapStyleLoadEvent,
  Map as MLMap,
} from 'maplibre-gl';
import { DatedPointsLayer } from './gpu/DatedPointsLayer';

const MAP_METHODS = [
  'addSource',
  'getSource',
  'removeSource',
  'addLayer',
  'getLayer',
  'removeLayer',
  'moveLayer',
  'setPaintProperty',
  'getPaintProperty',
  'setLayoutProperty',
  'getLayoutProperty',
  'setFilter',
  'getFilter',
  'setFeatureState',
  'removeFeatureState',
  'queryRenderedFeatures',
  'addImage',
  'hasImage',
  'on',
  'off',
  'once',
  'getCanvas',
  'getContainer',
  'triggerRepaint',
  'redraw',
  'setPixelRatio',
  'getPixelRatio',
  'getStyle',
  'fitBounds',
  'flyTo',
  'jumpTo',
  'getCenter',
  'getZoom',
  'getBounds',
  'project',
  'unproject',
  'isStyleLoaded',
  'loaded',
  'remove',
] as const satisfies readonly (keyof MLMap)[];

const GEOJSON_SOURCE_METHODS = ['setData'] as const satisfies readonly (keyof maplibre.GeoJSONSource)[];

const MODULE_EXPORTS = [
  'addProtocol',
  'setWorkerUrl',
  'Map',
  'NavigationControl',
  'ScaleControl',
] as const satisfies readonly (keyof typeof maplibre)[];

/** A member of a prototype chain, read without calling getters. */
function member(proto: object, name: string): unknown {
  for (let o: object | null = proto; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d.value;
  }
  return undefined;
}

describe('maplibre-gl runtime', () => {
  it.each(MODULE_EXPORTS)('module export %s exists', (name) => {
    expect(typeof (maplibre as Record<string, unknown>)[name]).toBe('function');
  });

  it.each(MAP_METHODS)('Map.prototype.%s exists', (name) => {
    expect(typeof member(maplibre.Map.prototype, name)).toBe('function');
  });

  it.each(GEOJSON_SOURCE_METHODS)('GeoJSONSource.prototype.%s exists', (name) => {
    expect(typeof member(maplibre.GeoJSONSource.prototype, name)).toBe('function');
  });

  it('a missing name fails the check (the helper is not always true)', () => {
    expect(typeof member(maplibre.Map.prototype, 'noSuchMethod')).toBe('undefined');
  });
});

describe('custom layer interface', () => {
  // A minimal custom layer as MapLibre documents it; a change to the interface fails the type check.
  const probe = {
    id: 'contract-probe',
    type: 'custom',
    renderingMode: '2d',
    onAdd(map: MLMap, gl: WebGL2RenderingContext) {
      void map;
      void gl;
    },
    render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      void gl;
      void options.defaultProjectionData.mainMatrix;
    },
    onRemove(map: MLMap, gl: WebGL2RenderingContext) {
      void map;
      void gl;
    },
  } satisfies CustomLayerInterface;

  it('a plain object with id, type, renderingMode, onAdd, render and onRemove satisfies it', () => {
    expect(probe.type).toBe('custom');
    expect(Object.keys(probe).sort()).toEqual(['id', 'onAdd', 'onRemove', 'render', 'renderingMode', 'type']);
  });

  it('DatedPointsLayer satisfies it', () => {
    const layer = new DatedPointsLayer('contract-dated-points', {
      color: '#000000',
      opacity: 1,
      haloColor: '#ffffff',
      haloOpacity: 1,
      halo: 1,
      sizeScale: 1,
    }) satisfies CustomLayerInterface;
    expectTypeOf(layer).toExtend<CustomLayerInterface>();
    expect(layer.id).toBe('contract-dated-points');
    expect(layer.type).toBe('custom');
    expect(layer.renderingMode).toBe('2d');
    for (const m of ['onAdd', 'render', 'onRemove'] as const) expect(typeof layer[m]).toBe('function');
  });

  it('hands custom layers a WebGL2 context (type-level: the shaders are GLSL ES 3.00 only)', () => {
    type OnAdd = NonNullable<CustomLayerInterface['onAdd']>;
    type OnRemove = NonNullable<CustomLayerInterface['onRemove']>;
    expectTypeOf<Parameters<OnAdd>[1]>().toEqualTypeOf<WebGL2RenderingContext>();
    expectTypeOf<Parameters<OnRemove>[1]>().toEqualTypeOf<WebGL2RenderingContext>();
    expectTypeOf<Parameters<CustomLayerInterface['render']>[0]>().toEqualTypeOf<WebGL2RenderingContext>();
  });

  it('the map fires the context events that watchContextLoss listens to', () => {
    expect(new maplibre.MapStyleLoadEvent().type).toBe('style.load');
    expectTypeOf<MapEventType['webglcontextlost']>().toEqualTypeOf<MapContextEvent>();
    expectTypeOf<MapEventType['webglcontextrestored']>().toEqualTypeOf<MapContextEvent>();
    expectTypeOf<MapEventType['style.load']>().toEqualTypeOf<MapStyleLoadEvent>();
  });
});
