/** The poster's camera and placement: the same fit as MapLibre, and the picture where the map draws. */
import { describe, expect, it } from 'vitest';
import { LngLatBounds, MercatorCoordinate } from 'maplibre-gl';
import { INITIAL_BOUNDS } from '../data/region';
import { mercX, mercY, posterCamera, posterPlacement } from './posterView';

const bounds = INITIAL_BOUNDS as unknown as number[][];

describe('posterView', () => {
  it.each([
    [0, 0],
    [15, 28.6],
    [-45, -25],
    [75, 72],
  ])('projects %f, %f as MapLibre does (512 px world at zoom 0)', (lon, lat) => {
    const m = MercatorCoordinate.fromLngLat({ lng: lon, lat });
    expect(mercX(lon)).toBeCloseTo(m.x * 512, 6);
    expect(mercY(lat)).toBeCloseTo(m.y * 512, 6);
  });

  it.each([
    [928, 451],
    [390, 523],
    [1280, 720],
  ])('fits the bounds in %i × %i with the padding, centred', (w, h) => {
    const cam = posterCamera(w, h, bounds, 16, 1.5, 11, null);
    const s = 2 ** cam.zoom;
    const dx = (mercX(bounds[1][0]) - mercX(bounds[0][0])) * s;
    const dy = (mercY(bounds[0][1]) - mercY(bounds[1][1])) * s;
    // One side touches the padding, the other fits inside it.
    expect(Math.max(dx / (w - 32), dy / (h - 32))).toBeCloseTo(1, 6);
    const c = new LngLatBounds(bounds[0] as [number, number], bounds[1] as [number, number]);
    expect(cam.x).toBeCloseTo((mercX(c.getWest()) + mercX(c.getEast())) / 2, 6);
  });

  it('takes a requested view as it is, clamped to the zoom range', () => {
    expect(posterCamera(800, 600, bounds, 16, 1.5, 11, [5.2, 36.1, 13.4])).toEqual({
      x: mercX(13.4),
      y: mercY(36.1),
      zoom: 5.2,
    });
    expect(posterCamera(800, 600, bounds, 16, 1.5, 11, [0, 36, 13]).zoom).toBe(1.5);
  });

  it("puts the camera's centre at the middle of the box, at the camera's scale", () => {
    const cam = { x: 300, y: 200, zoom: 3 };
    const box = [250, 150, 100, 80];
    const [left, top, width, height] = posterPlacement(800, 600, box, cam);
    expect([width, height]).toEqual([800, 640]);
    // The camera centre lies (300 - 250) × 8 px into the picture, which must land at x = 400.
    expect(left + (cam.x - box[0]) * 8).toBe(400);
    expect(top + (cam.y - box[1]) * 8).toBe(300);
  });
});
