/** The poster as built: basemap paths in the theme's colours, small enough for the first paint. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildCoarse } from '../basemap/coarse';
import { BASEMAP_TILES } from '../../src/lib/map/basemapTiles';
import { mercX, mercY } from '../../src/lib/map/posterView';
import { THEMES } from '../../src/lib/map/theme';
import { posterSvg } from './svg';
import { posterHtml, POSTER_MARK } from './plugin';

let coarse: FeatureCollection;
beforeAll(() => {
  coarse = buildCoarse();
}, 120_000);

describe('poster', () => {
  it('draws sea, land in and outside the region, coast and borders in the theme colours', () => {
    const { svg } = posterSvg(coarse, BASEMAP_TILES.bounds, THEMES.light);
    const t = THEMES.light;
    for (const c of [t.water, t.land, t.landOutside, t.coast, t.border]) expect(svg).toContain(`"${c}"`);
    for (const d of svg.matchAll(/ d="([^"]*)"/g)) expect(d[1].length).toBeGreaterThan(1000);
  });

  it('spans the basemap bounds in world pixels at zoom 0', () => {
    const [w, s, e, n] = BASEMAP_TILES.bounds;
    const { box } = posterSvg(coarse, BASEMAP_TILES.bounds, THEMES.light);
    expect(box[0]).toBeCloseTo(mercX(w), 0);
    expect(box[1]).toBeCloseTo(mercY(n), 0);
    expect(box[0] + box[2]).toBeCloseTo(mercX(e), 0);
    expect(box[1] + box[3]).toBeCloseTo(mercY(s), 0);
  });

  it('keeps the picture under 40 kB gzip (the whole first paint has 90 kB)', () => {
    const { svg } = posterSvg(coarse, BASEMAP_TILES.bounds, THEMES.light);
    expect(gzipSync(svg, { level: 9 }).length).toBeLessThan(40 * 1024);
  });

  it('goes where index.html asks for it, and says how to fix a missing basemap', () => {
    expect(readFileSync('index.html', 'utf8')).toContain(POSTER_MARK);
    expect(() => posterHtml('/nonexistent')).toThrow(/run `npm run data`/);
  });
});
