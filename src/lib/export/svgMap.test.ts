/**
 * The SVG basemap on the real offline basemap (public/data, as `npm run data` writes it; built in
 * memory when missing): countries filled as land, not as "everything but the country", labels as
 * escaped <text>, and route arrows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoContains, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { light, projector } from '../map/theme';
import {
  arrowPath,
  arrowsAlong,
  basemapGroup,
  basemapSvg,
  countryLabelSize,
  el,
  labelName,
  labelsGroup,
  makeProjection,
  projectLine,
  rewindForD3,
  seaLabelSize,
  svgEscape,
  wrapLabel,
  type BasemapInput,
  type BasemapProps,
  type LabelProps,
} from './svgMap';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '../../../public/data');
const FILES = ['basemap-coarse.json', 'country-labels.json', 'sea-labels.json'] as const;

let files: Record<string, unknown>;
beforeAll(async () => {
  if (FILES.every((f) => existsSync(join(DATA, f))))
    files = Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(DATA, f), 'utf8'))]));
  else files = await (await import('../../../scripts/basemap')).buildBasemap();
}, 120_000);

const W = 1000;
const H = 640;
const VIEW = { center: [15, 38] as [number, number], zoom: 3.2 };
const FRAME_START = `M0,0L${W},0`;

const basemap = () => files['basemap-coarse.json'] as FeatureCollection<Geometry, BasemapProps>;
const input = (over: Partial<BasemapInput> = {}): BasemapInput => ({
  width: W,
  height: H,
  view: VIEW,
  theme: light,
  lang: 'en',
  basemap: basemap(),
  countryLabels: files['country-labels.json'] as FeatureCollection<Point, LabelProps>,
  seaLabels: files['sea-labels.json'] as FeatureCollection<Point, LabelProps>,
  ...over,
});

// ---- reading the output back

/** Subpaths of path data made of M/L/Z (what d3-geo writes for polygons). */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === 'Z') continue;
    const n = args.split(',').map(Number);
    if (cmd === 'M') out.push([]);
    out[out.length - 1].push([n[0], n[1]]);
  }
  return out;
}

const bbox = (d: string) => {
  const pts = rings(d).flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
const bboxShare = (d: string) => {
  const b = bbox(d);
  return ((b.x1 - b.x0) * (b.y1 - b.y0)) / (W * H);
};

/** Even-odd point in path, the way a renderer fills it. */
function insidePath(d: string, [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of rings(d))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

const countryPaths = (svg: string) =>
  [...svg.matchAll(/<path d="([^"]*)" fill="([^"]*)" data-iso3="([^"]*)"\/>/g)].map(([, d, fill, iso3]) => ({
    d,
    fill,
    iso3,
  }));

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface TextOut {
  group: string;
  text: string;
  size: number;
  spacing: number;
  lines: { x: number; y: number; text: string }[];
}

/** Every <text> of the labels group, with its lines (tspans) and the group it sits in. */
function texts(svg: string): TextOut[] {
  const out: TextOut[] = [];
  for (const [, group, body] of svg.matchAll(/<g id="(sea-labels|country-labels)"[^>]*>(.*?)<\/g>/g))
    for (const [, attrs, inner] of body.matchAll(/<text([^>]*)>(.*?)<\/text>/g)) {
      const num = (s: string, k: string) => Number(new RegExp(` ${k}="([^"]*)"`).exec(s)?.[1]);
      const lines = inner.includes('<tspan')
        ? [...inner.matchAll(/<tspan([^>]*)>(.*?)<\/tspan>/g)].map(([, a, t]) => ({
            x: num(a, 'x'),
            y: num(a, 'y'),
            text: unescape(t),
          }))
        : [{ x: num(attrs, 'x'), y: num(attrs, 'y'), text: unescape(inner) }];
      out.push({
        group,
        text: lines.map((l) => l.text).join(' '),
        size: num(attrs, 'font-size'),
        spacing: num(attrs, 'letter-spacing'),
        lines,
      });
    }
  return out;
}

/** Tags balance and nothing but tags starts with '<' (no markup smuggled in through data). */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  for (const [tag, close, name, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    if (tag.includes('<', 1)) return false;
    if (selfClose) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  const stripped = svg.replace(/<\/?[a-zA-Z][\w-]*(?:\s+[\w-]+="[^"<>]*")*\s*\/?>/g, '');
  return stack.length === 0 && !stripped.includes('<') && !stripped.includes('>');
}

// ---- markup

describe('svgEscape and el', () => {
  it.each([
    ['<script>&"', '&lt;script&gt;&amp;&quot;'],
    ["l'Aquila", 'l&#39;Aquila'],
    ['plain', 'plain'],
    ['a\u0001b\u001fc', 'abc'],
    ['Côte d’Ivoire', 'Côte d’Ivoire'],
  ])('%j → %j', (s, expected) => expect(svgEscape(s)).toBe(expected));

  it.each([
    ['path', { d: 'M0,0', fill: undefined, stroke: '' }, undefined, '<path d="M0,0"/>'],
    [
      'text',
      { x: 1, 'data-x': '"><script>' },
      'hi',
      '<text x="1" data-x="&quot;&gt;&lt;script&gt;">hi</text>',
    ],
    ['g', {}, '', '<g></g>'],
  ])('el(%s, %j, %j)', (tag, attrs, body, expected) => expect(el(tag, attrs, body)).toBe(expected));
});

// ---- projection

describe('makeProjection matches MapLibre (512 px world at zoom 0)', () => {
  it.each([
    ['the centre is the middle of the box', { center: [15, 38], zoom: 3.2 }, [15, 38], [W / 2, H / 2]],
    [
      '90° of longitude is a quarter world at zoom 0',
      { center: [0, 0], zoom: 0 },
      [90, 0],
      [W / 2 + 128, H / 2],
    ],
    ['and doubles per zoom level', { center: [0, 0], zoom: 2 }, [-45, 0], [W / 2 - 256, H / 2]],
  ] as const)('%s', (_, view, lonLat, xy) => {
    const { projection } = makeProjection(
      { center: [...view.center] as [number, number], zoom: view.zoom },
      W,
      H,
    );
    const p = projection([...lonLat] as [number, number])!;
    expect(p[0]).toBeCloseTo(xy[0], 6);
    expect(p[1]).toBeCloseTo(xy[1], 6);
  });

  it('projectLine projects every vertex and skips those that do not project', () => {
    const { projection } = makeProjection(VIEW, W, H);
    const line: Position[] = [
      [15, 38],
      [16, 38],
      [17, 39],
    ];
    expect(projectLine(projection, line)).toHaveLength(3);
    expect(projectLine(projection, line)[0]).toEqual([W / 2, H / 2]);
    const stub = ((p: [number, number]) => (p[0] === 16 ? null : [p[0], p[1]])) as unknown as GeoProjection;
    expect(projectLine(stub, line)).toEqual([
      [15, 38],
      [17, 39],
    ]);
  });
});

// ---- winding

const ccwSquare = (x: number, y: number, s: number): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const cw = (ring: Position[]) => [...ring].reverse();
const poly = (...r: Position[][]): Polygon => ({ type: 'Polygon', coordinates: r });

describe('rewindForD3', () => {
  const SMALL = 0.01; // steradians; a hemisphere is 2π
  it.each([
    ['RFC 7946 polygon', poly(ccwSquare(10, 40, 2))],
    ['d3-wound polygon', poly(cw(ccwSquare(10, 40, 2)))],
    ['RFC 7946 polygon with a hole', poly(ccwSquare(10, 40, 4), cw(ccwSquare(11, 41, 1)))],
    ['d3-wound polygon with a hole', poly(cw(ccwSquare(10, 40, 4)), ccwSquare(11, 41, 1))],
  ])('%s: encloses the country, minus its holes', (_, g) => {
    const out = rewindForD3(g);
    const ext = geoArea(poly(out.coordinates[0]));
    expect(ext).toBeLessThan(SMALL);
    const holes = out.coordinates.slice(1).map((r) => 4 * Math.PI - geoArea(poly(r)));
    expect(geoArea(out)).toBeCloseTo(ext - holes.reduce((a, b) => a + b, 0), 10);
    expect(rewindForD3(out)).toEqual(out);
  });

  it('rewinds each polygon of a MultiPolygon on its own', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ccwSquare(0, 0, 1)], [cw(ccwSquare(5, 5, 1))]],
    };
    const out = rewindForD3(g);
    for (const p of out.coordinates) expect(geoArea(poly(...p))).toBeLessThan(SMALL);
  });

  it('leaves its input unchanged (real Italy, and a synthetic feature)', () => {
    const italy = basemap().features.find((f) => f.properties.iso3 === 'ITA')!;
    const synthetic: Feature = {
      type: 'Feature',
      properties: { k: 'country' },
      geometry: poly(ccwSquare(1, 1, 1)),
    };
    for (const f of [italy, synthetic]) {
      const before = JSON.stringify(f);
      const out = rewindForD3(f);
      expect(JSON.stringify(f)).toBe(before);
      expect(out).not.toBe(f);
      expect(out.geometry).not.toBe(f.geometry);
      expect(out.properties).toEqual(f.properties);
    }
  });

  it('passes other geometries through as copies', () => {
    const line: Geometry = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
    };
    expect(rewindForD3(line)).toEqual(line);
    expect(rewindForD3(line)).not.toBe(line);
  });
});

// ---- basemap on the real data

describe('basemap at [15, 38] zoom 3.2 in 1000×640', () => {
  let svg: string;
  let paths: ReturnType<typeof countryPaths>;
  beforeAll(() => {
    svg = basemapSvg(input());
    paths = countryPaths(svg);
  });
  const { projection } = makeProjection(VIEW, W, H);
  const at = (lonLat: [number, number]) => projection(lonLat)!;

  it('draws sea, land, coast, borders (dashed) and then labels, as well-formed markup', () => {
    expect(
      svg.startsWith(`<g id="basemap"><rect id="sea" width="${W}" height="${H}" fill="${light.water}"/>`),
    ).toBe(true);
    const order = [
      '<g id="land">',
      '<g id="coast"',
      '<g id="borders"',
      '<g id="labels"',
      '<g id="sea-labels"',
      '<g id="country-labels"',
    ];
    const idx = order.map((s) => svg.indexOf(s));
    expect(idx.every((i) => i > 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(svg).toContain('stroke-dasharray="2.4 1.2"');
    expect(wellFormed(svg)).toBe(true);
    expect(basemapGroup(input()) + labelsGroup(input())).toBe(svg);
  });

  it('draws the countries in view, none of them as the frame', () => {
    expect(paths.length).toBeGreaterThan(40);
    for (const p of paths) {
      expect(p.d.startsWith(FRAME_START), p.iso3).toBe(false);
      expect(bboxShare(p.d), p.iso3).toBeLessThan(0.6);
    }
  });

  it('colours each country by whether it reaches the region', () => {
    const out = new Map(basemap().features.map((f) => [f.properties.iso3, f.properties.out]));
    for (const p of paths) expect(p.fill, p.iso3).toBe(out.get(p.iso3) ? light.landOutside : light.land);
    expect(paths.find((p) => p.iso3 === 'ITA')?.fill).toBe(light.land);
  });

  it.each([
    ['ITA', 'Rome', [12.5, 41.9], 0.1],
    ['ITA', 'Florence', [11.25, 43.77], 0.1],
    ['LBY', 'the Fezzan', [14, 26], 0.3],
    ['TUN', 'Kairouan', [10.1, 35.68], 0.05],
    ['DZA', 'Ghardaïa', [3.67, 32.49], 0.3],
    ['GRC', 'Larissa', [22.42, 39.64], 0.05],
    ['TUR', 'Ankara', [32.85, 39.92], 0.2],
    ['ESP', 'Madrid', [-3.7, 40.42], 0.2],
  ] as const)(
    '%s: %s is inside the path, which is much smaller than the frame',
    (iso3, _, lonLat, maxShare) => {
      const p = paths.find((x) => x.iso3 === iso3)!;
      expect(p).toBeDefined();
      expect(p.d.startsWith(FRAME_START)).toBe(false);
      expect(bboxShare(p.d)).toBeLessThan(maxShare);
      expect(insidePath(p.d, at([...lonLat]))).toBe(true);
    },
  );

  it.each([
    ['Tyrrhenian Sea', [12, 40]],
    ['Ionian Sea', [18.6, 38]],
    ['Strait of Sicily', [12.4, 36.7]],
    ['Mediterranean Sea', [18.5, 33.9]],
    ['Adriatic Sea', [14.9, 43.1]],
    ['Aegean Sea', [24.6, 39.2]],
    ['Atlantic Ocean', [-17.5, 38.5]],
  ] as const)('the %s is sea: in no country path', (_, lonLat) => {
    const p = at([...lonLat]);
    expect(paths.filter((c) => insidePath(c.d, p)).map((c) => c.iso3)).toEqual([]);
  });

  it('would catch the inside-out bug: mainland Italy wound the other way is the frame minus Italy', () => {
    const italy = rewindForD3(basemap().features.find((f) => f.properties.iso3 === 'ITA')!);
    const mainland = (italy.geometry as MultiPolygon).coordinates.find((p) =>
      geoContains(poly(...p), [12.5, 41.9]),
    )!;
    const { path } = makeProjection(VIEW, W, H);
    expect(insidePath(path(poly(...mainland)), at([12.5, 41.9]))).toBe(true);
    const d = path(poly(...mainland.map(cw)));
    expect(bboxShare(d)).toBeCloseTo(1, 6);
    expect(insidePath(d, at([12.5, 41.9]))).toBe(false);
    expect(insidePath(d, at([12, 40]))).toBe(true);
  });
});

// ---- labels

describe('labels', () => {
  it.each([
    [
      'en',
      ['ITALY', 'LIBYA', 'TUNISIA', 'GREECE', 'ALGERIA'],
      ['Mediterranean Sea', 'Tyrrhenian Sea', 'Ionian Sea'],
    ],
    [
      'it',
      ['ITALIA', 'LIBIA', 'TUNISIA', 'GRECIA', 'ALGERIA'],
      ['Mar Mediterraneo', 'Mar Tirreno', 'Mar Ionio'],
    ],
  ])('%s: country names in capitals, sea names as written', (lang, countries, seas) => {
    const t = texts(basemapSvg(input({ lang })));
    const inGroup = (g: string) => t.filter((x) => x.group === g).map((x) => x.text);
    for (const c of countries) expect(inGroup('country-labels')).toContain(c);
    for (const s of seas) expect(inGroup('sea-labels')).toContain(s);
  });

  it('draws only labels whose point is in the box', () => {
    const all = texts(basemapSvg(input())).map((x) => x.text);
    expect(all).not.toContain('RWANDA'); // 2° S, below the box
    expect(all).not.toContain('North Sea'); // 56° N, just above it
    expect(all).toContain('Red Sea');
  });

  it('no two labels overlap (estimated as chars × size × 0.6 plus letter spacing)', () => {
    const boxes = texts(basemapSvg(input())).map((t) => {
      const w = Math.max(...t.lines.map((l) => l.text.length)) * (0.6 * t.size + t.spacing);
      const h = t.lines.length * 1.2 * t.size;
      const cy = t.lines[0].y - 0.35 * t.size + ((t.lines.length - 1) / 2) * 1.2 * t.size;
      return [t.lines[0].x - w / 2, cy - h / 2, t.lines[0].x + w / 2, cy + h / 2, t.text] as const;
    });
    expect(boxes.length).toBeGreaterThan(15);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const hit = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        expect(hit, `${a[4]} / ${b[4]}`).toBe(false);
      }
  });

  it.each([
    [1, 1, 10],
    [2, 1, 10],
    [3.2, 1, 11.6],
    [5, 1, 14],
    [9, 1, 14],
    [5, 1.6, 22.4],
  ])('country label size at zoom %d, scale %d: %d px', (zoom, scale, size) =>
    expect(countryLabelSize(zoom, scale)).toBeCloseTo(size, 10),
  );

  it.each([
    ['ocean', 1, 15],
    ['strait', 1, 11],
    ['sea', 1, 13],
    [undefined, 1.6, 20.8],
  ])('sea label size for %s, scale %d: %d px', (kind, scale, size) =>
    expect(seaLabelSize(kind, scale)).toBeCloseTo(size, 10),
  );

  it('uses the theme: projector sizes and colours', () => {
    const svg = basemapSvg(input({ theme: projector }));
    const t = texts(svg);
    expect(t.find((x) => x.text === 'ITALY')?.size).toBeCloseTo(11.6 * 1.6, 2);
    expect(svg).toContain(`<g id="country-labels" fill="${projector.label}" stroke="${projector.labelHalo}"`);
    expect(svg).toContain(
      `<g id="sea-labels" font-style="italic" fill="${projector.seaLabel}" stroke="${projector.water}"`,
    );
    expect(svg).toContain('paint-order="stroke"');
  });

  it.each([
    ['Mediterranean Sea', 7, 0.7, ['Mediterranean', 'Sea']],
    ['Italy', 8, 0.65, ['Italy']],
    ['Bosnia and Herzegovina', 8, 0.65, ['Bosnia and', 'Herzegovina']],
    ['Mauritania', 8, 0.65, ['Mauritania']],
  ])('wrapLabel(%j, %d em)', (text, max, em, lines) => expect(wrapLabel(text, max, em)).toEqual(lines));

  it.each([
    [{ name_en: 'Italy', name_it: 'Italia' }, 'it', 'Italia'],
    [{ name_en: 'Italy', name_it: 'Italia' }, 'fr', 'Italy'],
    [{ name_en: 'Italy', name_it: '' }, 'it', 'Italy'],
    [{ name_en: 'Italy' }, 'en', 'Italy'],
  ])('labelName(%j, %s) = %s', (p, lang, name) => expect(labelName(p as LabelProps, lang)).toBe(name));

  // A tiny world with hand-made labels, to test placement and escaping.
  const label = (
    name: string,
    lonLat: [number, number],
    rank: number,
    kind?: string,
  ): Feature<Point, LabelProps> => ({
    type: 'Feature',
    properties: { name_en: name, rank, kind },
    geometry: { type: 'Point', coordinates: lonLat },
  });
  const fc = <T extends Feature>(...features: T[]) => ({ type: 'FeatureCollection' as const, features });
  const tiny = (countryLabels: Feature<Point, LabelProps>[], seaLabels: Feature<Point, LabelProps>[]) =>
    texts(
      labelsGroup(
        input({
          basemap: fc<Feature<Geometry, BasemapProps>>(),
          countryLabels: fc(...countryLabels),
          seaLabels: fc(...seaLabels),
        }),
      ),
    ).map((t) => `${t.group}:${t.text}`);

  it.each([
    [
      'the lower rank wins a collision',
      [label('Second', [15, 38], 2), label('First', [15.1, 38], 1)],
      [],
      ['country-labels:FIRST'],
    ],
    [
      'apart, both are drawn',
      [label('West', [5, 38], 2), label('East', [25, 38], 1)],
      [],
      ['country-labels:EAST', 'country-labels:WEST'],
    ],
    [
      'country names win over sea names',
      [label('Land', [15, 38], 9)],
      [label('Sea', [15, 38], 1, 'sea')],
      ['country-labels:LAND'],
    ],
    ['outside the box: not drawn', [label('Far', [100, 38], 1)], [label('Away', [15, -40], 1)], []],
  ])('%s', (_, countries, seas, expected) =>
    expect(tiny(countries, seas).sort()).toEqual([...expected].sort()),
  );

  it.each([
    [
      'a sea label',
      [],
      [label('<script>&"', [15, 38], 1)],
      'sea-labels:<script>&"',
      '&lt;script&gt;&amp;&quot;',
    ],
    [
      'a country label',
      [label('<script>&"', [15, 38], 1)],
      [],
      'country-labels:<SCRIPT>&"',
      '&lt;SCRIPT&gt;&amp;&quot;',
    ],
  ])('escapes names from data in %s', (_, countries, seas, read, raw) => {
    const svg = labelsGroup(
      input({ basemap: fc(), countryLabels: fc(...countries), seaLabels: fc(...seas) }),
    );
    expect(svg).toContain(raw);
    expect(svg.toLowerCase()).not.toContain('<script');
    expect(wellFormed(svg)).toBe(true);
    expect(tiny(countries, seas)).toEqual([read]);
  });
});

// ---- route arrows

describe('arrowsAlong and arrowPath', () => {
  const xs = (n: number, step: number, from: number) => Array.from({ length: n }, (_, i) => from + i * step);
  it.each([
    [
      'a straight 400 px line, left to right',
      [
        [0, 100],
        [400, 100],
      ],
      xs(4, 90, 65).map((x) => [x, 100, 0]),
    ],
    [
      'the same line right to left',
      [
        [400, 100],
        [0, 100],
      ],
      xs(4, -90, 335).map((x) => [x, 100, 180]),
    ],
    [
      'downwards (y grows)',
      [
        [50, 0],
        [50, 400],
      ],
      xs(4, 90, 65).map((y) => [50, y, 90]),
    ],
    [
      'round a corner',
      [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
      [
        [55, 0, 0],
        [100, 45, 90],
      ],
    ],
    [
      'with a repeated vertex',
      [
        [0, 0],
        [100, 0],
        [100, 0],
        [100, 100],
      ],
      [
        [55, 0, 0],
        [100, 45, 90],
      ],
    ],
    [
      'shorter than the spacing: one, in the middle',
      [
        [0, 0],
        [50, 0],
      ],
      [[25, 0, 0]],
    ],
    [
      'shorter than 3 arrows: none',
      [
        [0, 0],
        [20, 0],
      ],
      [],
    ],
    ['a single point: none', [[0, 0]], []],
  ] as [string, [number, number][], number[][]][])('%s', (_, points, expected) => {
    const got = arrowsAlong(points).map((a) => [a.x, a.y, a.angle]);
    expect(got).toHaveLength(expected.length);
    got.forEach((g, i) => g.forEach((v, k) => expect(v).toBeCloseTo(expected[i][k], 9)));
  });

  it.each([
    [0, [5, 0]],
    [90, [0, 5]],
    [180, [-5, 0]],
    [-90, [0, -5]],
  ])('at angle %d the tip is at %j', (angle, tip) => {
    const d = arrowPath(0, 0, angle, 10);
    expect(d).toMatch(/^M[^MLZ]+L[^MLZ]+L[^MLZ]+Z$/);
    const [first] = rings(d);
    expect(first).toHaveLength(3);
    expect(first[0][0]).toBeCloseTo(tip[0], 9);
    expect(first[0][1]).toBeCloseTo(tip[1], 9);
    // The base is behind the tip, centred on the same axis.
    const base = [(first[1][0] + first[2][0]) / 2, (first[1][1] + first[2][1]) / 2];
    expect(base[0]).toBeCloseTo(-tip[0], 9);
    expect(base[1]).toBeCloseTo(-tip[1], 9);
  });
});
