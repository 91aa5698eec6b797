/**
 * Agreements: every dated agreement that has a status at the end of the window. Those between
 * capitals are drawn as great-circle arcs coloured by status (ended dashed; multilateral processes
 * faint); their non-EU parties are tinted; the selected agreement's parties are outlined. One list
 * (`shown`) feeds the arcs, the legend counts, the summary, the table and the exports, so "in force"
 * is the same number everywhere. Agreements with no arc (one party, or EU-wide) are still listed.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { Feature, LineString } from 'geojson';
import type { Agreement } from '../data/json-schema';
import { buildArcs, MULTI_PARTIES } from '../filter/agreements';
import { isUndated, statusAt, STATUS_ORDER, type AgreementStatus } from '../filter/lifecycle';
import { COUNTRY_ISO_PROPERTY, COUNTRY_SOURCE } from '../map/basemap';
import { featureKey } from '../map/fingerprint';
import { nameOf } from '../i18n/names';
import { el } from '../export/svgMap';
import { periodText } from './format';
import type { Overlay } from './types';

/** How an agreement appears on the map (an arc, a tinted country, or only in the table). */
export const DRAWN = ['arc', 'fill', 'none'] as const;
export type Drawn = (typeof DRAWN)[number];
export interface AgreementShown {
  agreement: Agreement;
  status: AgreementStatus;
  lines: [number, number][][];
  drawn: Drawn;
}
interface Prepared {
  dated: { agreement: Agreement; lines: [number, number][][] }[];
  undated: Agreement[];
}
export interface AgreementsView {
  shown: AgreementShown[];
  counts: Record<AgreementStatus, number>;
  /** Non-EU parties of the agreements shown (tinted). */
  parties: string[];
  /** Non-EU parties of the selected agreement (outlined), if it is shown. */
  selectedParties: string[];
  selected: string | null;
  undated: Agreement[];
}

const SOURCE = 'agreements';
const partyFilter = (isos: string[]): FilterSpecification => [
  'in',
  ['get', COUNTRY_ISO_PROPERTY],
  ['literal', isos],
];
const nonEu = (a: Agreement) => a.parties.filter((p) => p !== 'EU');

export const agreements: Overlay<Prepared, AgreementsView> = {
  id: 'agreements',
  prepare: ({ data }) => {
    const arcs = new Map(buildArcs(data.catalog).map((a) => [a.agreement.id, a.lines]));
    const all = data.catalog.agreements;
    return {
      dated: all.filter((a) => !isUndated(a)).map((a) => ({ agreement: a, lines: arcs.get(a.id) ?? [] })),
      undated: all.filter(isUndated),
    };
  },
  view: (p, { window, selection }) => {
    const shown: AgreementShown[] = [];
    const counts: Record<AgreementStatus, number> = { signed: 0, in_force: 0, suspended: 0, ended: 0 };
    const parties = new Set<string>();
    for (const { agreement, lines } of p.dated) {
      const status = statusAt(agreement, window[1]);
      if (!status) continue;
      const drawn: Drawn = lines.length ? 'arc' : nonEu(agreement).length ? 'fill' : 'none';
      shown.push({ agreement, status, lines, drawn });
      counts[status]++;
      for (const c of nonEu(agreement)) parties.add(c);
    }
    const selected = selection?.kind === 'agreement' ? selection.id : null;
    const sel = shown.find((s) => s.agreement.id === selected);
    return {
      shown,
      counts,
      parties: [...parties].sort(),
      selectedParties: sel ? nonEu(sel.agreement).sort() : [],
      selected,
      undated: p.undated,
    };
  },
  sources: () => ({ [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }),
  layers: (theme) => {
    const color = [
      'match',
      ['get', 'status'],
      ...STATUS_ORDER.slice(0, 3).flatMap((s) => [s, theme.agreement[s]]),
      theme.agreement.ended,
    ] as unknown as ExpressionSpecification;
    const hover = ['boolean', ['feature-state', 'hover'], false] as ExpressionSpecification;
    return [
      {
        id: 'agreements-parties',
        type: 'fill',
        source: COUNTRY_SOURCE,
        filter: partyFilter([]),
        paint: { 'fill-color': theme.agreement.in_force, 'fill-opacity': 0.14 },
      },
      {
        id: 'agreements-selected',
        type: 'line',
        source: COUNTRY_SOURCE,
        filter: partyFilter([]),
        paint: { 'line-color': theme.fg, 'line-width': 1.6 * theme.scale },
      },
      {
        id: 'agreements-arcs-casing',
        type: 'line',
        source: SOURCE,
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': theme.labelHalo,
          'line-width': 4.5 * theme.scale,
          'line-opacity': ['case', ['==', ['get', 'multi'], 1], 0, 0.8],
        },
      },
      {
        id: 'agreements-arcs',
        type: 'line',
        source: SOURCE,
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': color,
          'line-width': [
            'case',
            hover,
            4.5 * theme.scale,
            ['==', ['get', 'selected'], 1],
            4 * theme.scale,
            ['==', ['get', 'multi'], 1],
            1 * theme.scale,
            2.5 * theme.scale,
          ],
          'line-opacity': ['case', hover, 1, ['==', ['get', 'multi'], 1], 0.4, 1],
          'line-dasharray': [
            'case',
            ['==', ['get', 'status'], 'ended'],
            ['literal', [1, 1.5]],
            ['literal', [1, 0]],
          ],
        },
      },
    ];
  },
  mapData: (v) => {
    const features: Feature<LineString>[] = [];
    v.shown.forEach((s, i) =>
      s.lines.forEach((line, j) =>
        features.push({
          type: 'Feature',
          id: i * 16 + j,
          properties: {
            id: s.agreement.id,
            status: s.status,
            parties: s.agreement.parties.join(';'),
            // Multilateral processes draw a star of arcs: faint, so they don't hide the routes.
            multi: s.agreement.parties.length > MULTI_PARTIES ? 1 : 0,
            selected: s.agreement.id === v.selected ? 1 : 0,
          },
          geometry: { type: 'LineString', coordinates: line },
        }),
      ),
    );
    const fc = { type: 'FeatureCollection' as const, features };
    return {
      data: { [SOURCE]: { fc, key: featureKey(fc) } },
      filters: {
        'agreements-parties': partyFilter(v.parties),
        'agreements-selected': partyFilter(v.selectedParties),
      },
    };
  },
  interactive: {
    layers: ['agreements-arcs'],
    select: (p) => ({ kind: 'agreement', id: String(p.id) }),
  },
  visible: ({ layers }) => layers.agreements,
  summary: (v, { t }) => t('summary.inForce', { n: v.counts.in_force }),
  legend: (v, { theme, lang, t }) => [
    {
      overlay: 'agreements',
      title: `${t('layers.agreements')} (${t('agreement.statusAtEnd').toLowerCase()})`,
      items: [
        ...STATUS_ORDER.map((s) => ({
          label: t(`agreement.status.${s}`),
          count: v.counts[s],
          swatch: { kind: 'line' as const, color: theme.agreement[s], width: 3, dash: s === 'ended' },
          testid: `legend-status-${s}`,
        })),
        {
          label: t('legend.parties'),
          swatch: { kind: 'fill', color: theme.agreement.in_force, opacity: 0.25, stroke: theme.border },
        },
        {
          label: t('legend.multi', { n: MULTI_PARTIES }),
          swatch: { kind: 'line', color: theme.agreement.signed, width: 1, opacity: 0.4 },
        },
      ],
      list: v.undated.length
        ? {
            title: t('legend.undated'),
            testid: 'undated-agreements',
            items: v.undated.map((a) => ({
              label: nameOf(a, lang, 'title'),
              select: { kind: 'agreement' as const, id: a.id },
            })),
          }
        : undefined,
    },
  ],
  table: (v, { data, lang, t, window }) => {
    const cat = data.catalog;
    const country = (code: string) => (cat.countries[code] ? nameOf(cat.countries[code], lang) : code);
    return {
      id: 'agreements',
      caption: t('table.caption.agreements', { period: periodText(window, lang) }),
      columns: [
        { key: 'title', label: t('table.col.agreement') },
        { key: 'parties', label: t('table.col.parties') },
        { key: 'type', label: t('table.col.type') },
        { key: 'status', label: t('table.col.status') },
        { key: 'drawn', label: t('table.col.drawn') },
      ],
      rows: v.shown.map((s) => ({
        key: s.agreement.id,
        sel: { kind: 'agreement' as const, id: s.agreement.id },
        cells: {
          title: nameOf(s.agreement, lang, 'title'),
          parties: s.agreement.parties.map(country).join(', '),
          type: t(`agreement.type.${s.agreement.type}`),
          status: t(`agreement.status.${s.status}`),
          drawn: t(`agreement.drawn.${s.drawn}`),
        },
        group: s.status,
      })),
    };
  },
  svg: (v, { theme }, ctx) => {
    const fills = v.parties.map((iso) => ctx.countryPath(iso)).filter((d) => d);
    const outlines = v.selectedParties.map((iso) => ctx.countryPath(iso)).filter((d) => d);
    const arcs: string[] = [];
    for (const s of v.shown) {
      const multi = s.agreement.parties.length > MULTI_PARTIES;
      for (const line of s.lines) {
        const d = ctx.path({ type: 'LineString', coordinates: line });
        if (!d) continue;
        arcs.push(
          el('path', {
            d,
            'data-id': s.agreement.id,
            'data-status': s.status,
            stroke: theme.agreement[s.status],
            'stroke-width': (s.agreement.id === v.selected ? 4 : multi ? 1 : 2.5) * theme.scale,
            'stroke-opacity': multi ? 0.4 : 1,
            'stroke-dasharray':
              s.status === 'ended' ? `${2.5 * theme.scale} ${3.75 * theme.scale}` : undefined,
          }),
        );
      }
    }
    return (
      el(
        'g',
        { class: 'parties', fill: theme.agreement.in_force, 'fill-opacity': 0.14, stroke: 'none' },
        fills.map((d) => el('path', { d })).join(''),
      ) +
      el(
        'g',
        { class: 'selected-parties', fill: 'none', stroke: theme.fg, 'stroke-width': 1.6 * theme.scale },
        outlines.map((d) => el('path', { d })).join(''),
      ) +
      el('g', { class: 'arcs', fill: 'none', 'stroke-linecap': 'round' }, arcs.join(''))
    );
  },
  exportItems: (v, { lang }) =>
    v.shown.map((s) => ({
      row: {
        id: s.agreement.id,
        name: nameOf(s.agreement, lang, 'title'),
        lon: null,
        lat: null,
        metric: '',
        value: null,
        qualifier: '',
        complete: null,
        status: s.status,
        sources: s.agreement.sources.join(' '),
      },
      geometry: s.lines.length ? { type: 'MultiLineString', coordinates: s.lines } : null,
    })),
};
