/**
 * Funded programmes: per recipient country a marker at its capital, area ∝ the amount announced in
 * the window (euros where stated, else the country's first currency: amounts in different
 * currencies are never added), coloured by main funder; for the selected country or programme,
 * dashed funding links from each funder's capital.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, LineString, Point } from 'geojson';
import { scaleSqrt } from 'd3-scale';
import { capitalOf } from '../filter/agreements';
import { funderColor, fundingLink } from '../filter/funding';
import { fundingByCountry, programmesIn, sharedProgrammes, type CountryFunding } from '../filter/programmes';
import { formatMoney } from '../filter/format';
import type { CatalogFile } from '../data/types';
import { featureKey } from '../map/fingerprint';
import { nameOf } from '../i18n/names';
import { el, svgEscape } from '../export/svgMarkup';
import { periodText } from './format';
import type { LegendItem, Overlay, OverlayInput } from './types';
import { DIM, dimOpacity, programmeDimmed } from './focus';

type Programme = CatalogFile['programmes'][number];
export interface ProgrammeMarker {
  funding: CountryFunding;
  at: [number, number];
  radius: number;
  label: string;
}
export interface ProgrammesView {
  /** Programmes announced in the window. */
  programmes: Programme[];
  /** One marker per recipient country with a capital on the map. */
  markers: ProgrammeMarker[];
  /** Funding links of the selected country or programme. */
  links: Feature<LineString>[];
  /** Programmes of the window shared by several countries: shown once, in no country's total. */
  shared: Programme[];
}

const eur = (f: CountryFunding) => f.totals.EUR ?? Object.values(f.totals)[0] ?? 0;
const moneyLabel = (f: CountryFunding, lang: OverlayInput['lang']) =>
  Object.entries(f.totals)
    .map(([cur, v]) => formatMoney(v, cur, lang))
    .join(' + ');

/** "Fondo Africa (€200m): Egypt, Eritrea, …" for each shared programme, once. */
function sharedNotes(v: ProgrammesView, { data, lang, t }: OverlayInput): string[] {
  const name = (c: string) => nameOf(data.catalog.countries[c] ?? { name: c }, lang);
  return v.shared.map((p) =>
    t('programmes.sharedOnce', {
      name: p.fund ?? nameOf(p, lang, 'purpose').slice(0, 60),
      amount: p.amount == null ? t('programmes.amountUnknown') : formatMoney(p.amount, p.currency, lang),
      countries: p.recipients.map(name).join(', '),
    }),
  );
}

export const programmes: Overlay<CatalogFile, ProgrammesView> = {
  id: 'programmes',
  prepare: ({ data }) => data.catalog,
  view: (cat, { window, theme, lang, selection }) => {
    const w: [number, number] = [window[0], window[1]];
    const list = programmesIn(cat.programmes, w);
    const funding = fundingByCountry(cat.programmes, w);
    const r = scaleSqrt()
      .domain([0, Math.max(1, ...funding.map(eur))])
      .range([4, 22 * theme.scale]); // context: smaller than the arrival circles (max 34)
    const markers: ProgrammeMarker[] = [];
    for (const f of funding) {
      const at = capitalOf(cat, f.country);
      if (at) markers.push({ funding: f, at, radius: r(eur(f)), label: moneyLabel(f, lang) });
    }
    const sel =
      selection?.kind === 'programme'
        ? selection.id.startsWith('country:')
          ? list.filter((p) => p.recipients.includes(selection.id.slice(8)))
          : cat.programmes.filter((p) => p.id === selection.id)
        : [];
    const links = sel.flatMap((p) =>
      p.recipients
        .map((rc) => fundingLink(cat, p.funder, rc, funderColor(p.funder, theme)))
        .filter((l): l is Feature<LineString> => !!l),
    );
    return { programmes: list, markers, links, shared: sharedProgrammes(cat.programmes, w) };
  },
  sources: () => ({
    programmes: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    'programme-links': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  }),
  layers: (theme) => [
    {
      id: 'programme-links',
      type: 'line',
      source: 'programme-links',
      metadata: { 'crossings:legend': 'programme-link' },
      paint: {
        'line-color': ['get', 'color'] as ExpressionSpecification,
        'line-width': 2.5 * theme.scale,
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'programme-markers',
      type: 'circle',
      source: 'programmes',
      metadata: { 'crossings:legend': 'programme-marker' },
      paint: {
        'circle-radius': ['get', 'radius'] as ExpressionSpecification,
        'circle-color': ['get', 'color'] as ExpressionSpecification,
        'circle-opacity': [
          'case',
          ['boolean', ['feature-state', 'hover'], false],
          0.9,
          ['boolean', ['feature-state', 'dim'], false],
          0.65 * DIM,
          0.65,
        ],
        'circle-stroke-opacity': dimOpacity(1),
        'circle-stroke-color': [
          'case',
          ['boolean', ['feature-state', 'hover'], false],
          theme.fg,
          theme.labelHalo,
        ],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 1.5],
      },
    },
    {
      id: 'programme-labels',
      type: 'symbol',
      source: 'programmes',
      metadata: { 'crossings:legend': 'label' },
      layout: {
        'text-field': ['get', 'label'] as ExpressionSpecification,
        'text-size': 11 * theme.scale,
        'text-offset': [0, 1.6],
        'text-anchor': 'top',
      },
      paint: {
        'text-color': theme.label,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.5,
        'text-opacity': dimOpacity(1),
      },
    },
  ],
  mapData: (v, { theme, hover, focus, data }) => {
    const features = v.markers.map((m, i): Feature<Point> => ({
      type: 'Feature',
      id: i,
      properties: {
        country: m.funding.country,
        radius: m.radius,
        color: funderColor(m.funding.mainFunder, theme),
        label: m.label,
      },
      geometry: { type: 'Point', coordinates: m.at },
    }));
    const fc = { type: 'FeatureCollection' as const, features };
    const links = { type: 'FeatureCollection' as const, features: v.links };
    const h = hover?.kind === 'programme' && hover.id.startsWith('country:') ? hover.id.slice(8) : null;
    const state = new Map<number, Record<string, boolean>>();
    v.markers.forEach((m, i) =>
      state.set(i, {
        hover: m.funding.country === h,
        dim: programmeDimmed(focus, data.catalog, m.funding.country, m.funding.mainFunder),
      }),
    );
    return {
      data: {
        programmes: { fc, key: featureKey(fc) },
        'programme-links': { fc: links, key: featureKey(links) },
      },
      state: { programmes: state },
    };
  },
  interactive: {
    layers: ['programme-markers'],
    select: (p) => ({ kind: 'programme', id: `country:${p.country}` }),
  },
  visible: ({ layers }) => layers.programmes,
  tooltip: ({ props }, v, { data, lang, t, window }) => {
    const m = v.markers.find((x) => x.funding.country === props.country);
    if (!m) return null;
    const cat = data.catalog;
    const name = (c: string) => nameOf(cat.countries[c] ?? { name: c }, lang);
    const publishers = new Set(
      m.funding.programmes
        .flatMap((p) => p.sources)
        .map((id) => cat.sources.find((x) => x.id === id)?.publisher ?? id),
    );
    return {
      title: name(m.funding.country),
      lines: [
        t('tooltip.programmes', {
          n: m.funding.programmes.length,
          amount:
            m.label || (m.funding.shared.length ? t('programmes.onlyShared') : t('programmes.amountUnknown')),
        }),
        `${t('table.col.mainFunder')}: ${name(m.funding.mainFunder)} · ${periodText(window, lang)}`,
      ],
      source: [...publishers].slice(0, 2).join('; '),
    };
  },
  legend: (v, input) => {
    const { data, theme, lang, t } = input;
    const funders = [...new Set(v.markers.map((m) => m.funding.mainFunder))].sort();
    const items: LegendItem[] = funders.map((f) => ({
      label: t('legend.funder', { funder: nameOf(data.catalog.countries[f] ?? { name: f }, lang) }),
      key: 'programme-marker',
      swatch: { kind: 'circle', color: funderColor(f, theme), r: 6 },
      count: v.markers.filter((m) => m.funding.mainFunder === f).length,
    }));
    if (v.links.length)
      items.push({
        label: t('legend.fundingLinks'),
        key: 'programme-link',
        swatch: { kind: 'line', color: theme.programme, width: 2.5, dash: true },
      });
    return [
      {
        overlay: 'programmes',
        title: t('layers.programmes'),
        items,
        notes: [{ text: t('legend.programmes') }, ...sharedNotes(v, input).map((text) => ({ text }))],
      },
    ];
  },
  table: (v, input) => {
    const { data, lang, t, window } = input;
    const cat = data.catalog;
    const country = (code: string) => (cat.countries[code] ? nameOf(cat.countries[code], lang) : code);
    const currencies = [...new Set(v.markers.flatMap((m) => Object.keys(m.funding.totals)))].sort();
    return {
      id: 'programmes',
      caption: t('table.caption.programmes', { period: periodText(window, lang) }),
      notes: sharedNotes(v, input),
      columns: [
        { key: 'country', label: t('table.col.recipient') },
        { key: 'count', label: t('table.col.programmes'), numeric: true },
        { key: 'shared', label: t('table.col.sharedProgrammes'), numeric: true },
        { key: 'funder', label: t('table.col.mainFunder') },
        ...currencies.map((c) => ({
          key: `amount_${c}`,
          label: t('table.col.amount', { currency: c }),
          numeric: true,
        })),
      ],
      rows: v.markers.map(({ funding: f }) => ({
        key: f.country,
        sel: { kind: 'programme' as const, id: `country:${f.country}` },
        group: f.mainFunder,
        cells: {
          country: country(f.country),
          count: f.programmes.length,
          shared: f.shared.length,
          funder: country(f.mainFunder),
          ...Object.fromEntries(currencies.map((c) => [`amount_${c}`, f.totals[c] ?? null])),
        },
        display: Object.fromEntries(
          currencies
            .filter((c) => f.totals[c] !== undefined)
            .map((c) => [
              `amount_${c}`,
              new Intl.NumberFormat(lang, {
                style: 'currency',
                currency: c,
                maximumFractionDigits: 0,
              }).format(f.totals[c]),
            ]),
        ),
      })),
    };
  },
  svg: (v, { theme }, ctx) => {
    const links = v.links
      .map((l) => {
        const d = ctx.path(l);
        return d
          ? el('path', {
              d,
              stroke: String(l.properties?.color),
              'stroke-width': 2.5 * theme.scale,
              'stroke-dasharray': '5 2.5',
            })
          : '';
      })
      .join('');
    const size = 11 * theme.scale;
    const marks = v.markers
      .map((m) => {
        const p = ctx.project(m.at);
        if (!p || p[0] < 0 || p[1] < 0 || p[0] > ctx.width || p[1] > ctx.height) return '';
        const circle = el('circle', {
          cx: p[0].toFixed(1),
          cy: p[1].toFixed(1),
          r: m.radius.toFixed(1),
          fill: funderColor(m.funding.mainFunder, theme),
          'fill-opacity': 0.65,
          stroke: theme.labelHalo,
          'stroke-width': 1.5,
          'data-country': m.funding.country,
        });
        // The amount under the marker, unless it would cover a place name or another label.
        const y = p[1] + m.radius + size + 1;
        const w = m.label.length * size * 0.6;
        if (!ctx.place([p[0] - w / 2, y - size, p[0] + w / 2, y + 3])) return circle;
        return (
          circle +
          el(
            'text',
            {
              x: p[0].toFixed(1),
              y: y.toFixed(1),
              'text-anchor': 'middle',
              'font-size': size,
              fill: theme.label,
              stroke: theme.labelHalo,
              'stroke-width': 3,
              'paint-order': 'stroke',
            },
            svgEscape(m.label),
          )
        );
      })
      .join('');
    return el('g', { class: 'links', fill: 'none' }, links) + el('g', { class: 'markers' }, marks);
  },
  credits: (v) => ({ data: [], documents: v.programmes.length }),
  exportItems: (v, { lang }) =>
    v.programmes.map((p) => ({
      row: {
        id: p.id,
        name: nameOf(p, lang, 'purpose'),
        lon: null,
        lat: null,
        metric: p.currency,
        value: p.amount ?? null,
        qualifier: '',
        complete: null,
        status: p.recipients.join(' '),
        sources: p.sources.join(' '),
      },
      geometry: null,
    })),
};
