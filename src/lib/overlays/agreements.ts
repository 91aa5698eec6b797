/**
 * Agreements: every dated agreement that has a status at the end of the window. Agreements are
 * context, not routes, so by default nothing crosses the map: each agreement is a small diamond at a
 * party's capital (the partner's, for a bilateral one), coloured by status (hollow when ended or only announced), side
 * by side where several share a capital; the non-EU parties are tinted. Only the selected or hovered
 * agreement draws curved connectors between its parties' capitals and outlines its parties, and a
 * multilateral process never draws a fan. One list (`shown`) feeds the markers, the legend counts,
 * the summary, the table and the exports, so "in force" is the same number everywhere.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { Feature, LineString, Point } from 'geojson';
import type { CatalogAgreement as Agreement } from '../data/types';
import { capitalOf, MULTI_PARTIES } from '../filter/agreements';
import { curve } from '../filter/funding';
import { isUndated, statusAt, STATUS_ORDER, type AgreementStatus } from '../filter/lifecycle';
import { COUNTRY_ISO_PROPERTY, COUNTRY_SOURCE, COUNTRY_SOURCE_LAYER } from '../map/basemap';
import { featureKey } from '../map/fingerprint';
import { nameOf } from '../i18n/names';
import { el } from '../export/svgMarkup';
import { periodText } from './format';
import { formatMonth } from '../i18n/i18n.svelte';
import type { CatalogFile } from '../data/types';
import type { Overlay, OverlayInput } from './types';
import { dimOpacity, dimmed } from './focus';

/** How an agreement appears on the map: a marker at a capital, or not at all (no capital known). */
export const DRAWN = ['marker', 'none'] as const;
export type Drawn = (typeof DRAWN)[number];

export interface AgreementShown {
  agreement: Agreement;
  status: AgreementStatus;
  /** Where its marker sits, and its place (column, row; centred) in the grid of markers there. */
  at: [number, number] | null;
  anchor: string;
  offset: [number, number];
  drawn: Drawn;
}
interface Prepared {
  cat: CatalogFile;
  dated: { agreement: Agreement; anchor: string; at: [number, number] | null }[];
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
  /** Connectors of the selected agreement (bilateral or small; never a multilateral fan). */
  links: [number, number][][];
  undated: Agreement[];
  cat: CatalogFile;
}

const SOURCE_LINKS = 'agreements';
const SOURCE_MARKERS = 'agreement-markers';
/** Distance between markers sharing a capital, in icon pixels (× icon-size on screen). */
const MARKER_STEP = 26;
/** Markers per row at one capital (Rome holds eight agreements in 2024). */
const GRID_COLUMNS = 4;
const ICON = 'agreement-diamond';
const ICON_HOLLOW = 'agreement-diamond-hollow';

const nonEu = (a: Agreement) => a.parties.filter((p) => p !== 'EU');
const partyFilter = (isos: string[]): FilterSpecification => [
  'in',
  ['get', COUNTRY_ISO_PROPERTY],
  ['literal', isos],
];

/**
 * The party whose capital holds the marker: the partner of a bilateral agreement (listed after the
 * European party), the first non-EU party of a multilateral one, Brussels for an EU-only instrument.
 */
export function anchorParty(a: Agreement): string {
  const others = nonEu(a);
  if (!others.length) return 'EU';
  return a.parties.length > MULTI_PARTIES ? others[0] : others[others.length - 1];
}

/** Curved connectors from the anchor to each other party (a small agreement only). */
function linksOf(cat: CatalogFile, a: Agreement): [number, number][][] {
  if (a.parties.length > MULTI_PARTIES) return [];
  const hub = capitalOf(cat, anchorParty(a));
  if (!hub) return [];
  return a.parties
    .filter((p) => p !== anchorParty(a))
    .map((p) => capitalOf(cat, p))
    .filter((c): c is [number, number] => !!c && (c[0] !== hub[0] || c[1] !== hub[1]))
    .map((c) => curve(c, hub, 0.18));
}

/** An SDF diamond (filled, or a ring for "ended") drawn into RGBA pixels. */
function diamond(hollow: boolean, size = 24) {
  const data = new Uint8Array(size * size * 4);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const d = (Math.abs(x - c) + Math.abs(y - c)) / c; // 1 on the diamond's edge
      const inside = hollow ? d <= 0.95 && d >= 0.55 : d <= 0.95;
      data.set([0, 0, 0, inside ? 255 : 0], (y * size + x) * 4);
    }
  return { width: size, height: size, data, sdf: true };
}

/** An announced (not yet signed) agreement is drawn hollow in the signed colour; an ended one hollow grey. */
const colourOf = (theme: OverlayInput['theme'], s: AgreementStatus) =>
  theme.agreement[s === 'announced' ? 'signed' : s];
const isHollow = (s: AgreementStatus) => s === 'ended' || s === 'announced';

function statusColor(theme: OverlayInput['theme']): ExpressionSpecification {
  return [
    'match',
    ['get', 'status'],
    ...STATUS_ORDER.slice(0, 4).flatMap((s) => [s, colourOf(theme, s)]),
    theme.agreement.ended,
  ] as unknown as ExpressionSpecification;
}

const hoverOr = (v: AgreementsView, hover: OverlayInput['hover']) =>
  hover?.kind === 'agreement' ? hover.id : v.selected;

export const agreements: Overlay<Prepared, AgreementsView> = {
  id: 'agreements',
  prepare: ({ data }) => {
    const cat = data.catalog;
    const all = cat.agreements;
    return {
      cat,
      dated: all
        .filter((a) => !isUndated(a))
        .map((a) => ({ agreement: a, anchor: anchorParty(a), at: capitalOf(cat, anchorParty(a)) })),
      undated: all.filter(isUndated),
    };
  },
  view: (p, { window, selection }) => {
    const shown: AgreementShown[] = [];
    const counts: Record<AgreementStatus, number> = {
      announced: 0,
      signed: 0,
      in_force: 0,
      suspended: 0,
      ended: 0,
    };
    const parties = new Set<string>();
    const perAnchor = new Map<string, number>();
    for (const { agreement, anchor, at } of p.dated) {
      const status = statusAt(agreement, window[1]);
      if (!status) continue;
      const slot = perAnchor.get(anchor) ?? 0;
      perAnchor.set(anchor, slot + 1);
      shown.push({ agreement, status, at, anchor, offset: [slot, 0], drawn: at ? 'marker' : 'none' });
      counts[status]++;
      for (const c of nonEu(agreement)) parties.add(c);
    }
    // Several agreements at one capital: a compact grid (up to GRID_COLUMNS wide) centred on it.
    for (const s of shown) {
      const n = perAnchor.get(s.anchor) ?? 1;
      const cols = Math.min(n, GRID_COLUMNS);
      const rows = Math.ceil(n / cols);
      const slot = s.offset[0];
      s.offset = [(slot % cols) - (cols - 1) / 2, Math.floor(slot / cols) - (rows - 1) / 2];
    }
    const selected = selection?.kind === 'agreement' ? selection.id : null;
    const sel = shown.find((s) => s.agreement.id === selected);
    return {
      shown,
      counts,
      parties: [...parties].sort(),
      selectedParties: sel ? nonEu(sel.agreement).sort() : [],
      selected,
      links: sel ? linksOf(p.cat, sel.agreement) : [],
      undated: p.undated,
      cat: p.cat,
    };
  },
  sources: () => ({
    [SOURCE_LINKS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    [SOURCE_MARKERS]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  }),
  images: () => ({ [ICON]: diamond(false), [ICON_HOLLOW]: diamond(true) }),
  layers: (theme) => {
    const hover = ['boolean', ['feature-state', 'hover'], false] as ExpressionSpecification;
    return [
      {
        id: 'agreements-parties',
        type: 'fill',
        source: COUNTRY_SOURCE,
        'source-layer': COUNTRY_SOURCE_LAYER,
        filter: partyFilter([]),
        metadata: { 'crossings:legend': 'agreement-party' },
        // The tint palette.test.ts checks symbols and labels against (opaque: the worst case), at half strength.
        paint: { 'fill-color': theme.partyFill, 'fill-opacity': 0.55, 'fill-outline-color': theme.border },
      },
      {
        id: 'agreements-selected',
        type: 'line',
        source: COUNTRY_SOURCE,
        'source-layer': COUNTRY_SOURCE_LAYER,
        filter: partyFilter([]),
        metadata: { 'crossings:legend': 'agreement-selected' },
        paint: { 'line-color': theme.fg, 'line-width': 1.6 * theme.scale },
      },
      {
        id: 'agreements-arcs-casing',
        type: 'line',
        source: SOURCE_LINKS,
        layout: { 'line-cap': 'round' },
        metadata: { 'crossings:legend': 'agreement-link' },
        paint: { 'line-color': theme.labelHalo, 'line-width': 4 * theme.scale, 'line-opacity': 0.8 },
      },
      {
        id: 'agreements-arcs',
        type: 'line',
        source: SOURCE_LINKS,
        layout: { 'line-cap': 'round' },
        metadata: { 'crossings:legend': 'agreement-link' },
        paint: {
          'line-color': statusColor(theme),
          'line-width': 2 * theme.scale,
          'line-dasharray': [3, 1.5],
        },
      },
      {
        id: 'agreements-markers',
        type: 'symbol',
        source: SOURCE_MARKERS,
        metadata: { 'crossings:legend': 'agreement-marker' },
        layout: {
          'icon-image': ['match', ['get', 'status'], ['ended', 'announced'], ICON_HOLLOW, ICON],
          'icon-size': 0.6 * theme.scale,
          'icon-offset': ['get', 'offset'],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          'symbol-sort-key': ['get', 'order'],
        },
        paint: {
          'icon-color': statusColor(theme),
          'icon-halo-color': ['case', hover, theme.fg, theme.labelHalo],
          'icon-halo-width': ['case', hover, 2.5, 1.5],
          'icon-opacity': dimOpacity(1),
        },
      },
    ];
  },
  mapData: (v, { hover, focus: subject }) => {
    const markers: Feature<Point>[] = v.shown
      .filter((s) => s.at)
      .map((s, i) => ({
        type: 'Feature',
        id: i,
        properties: {
          id: s.agreement.id,
          status: s.status,
          offset: [s.offset[0] * MARKER_STEP, s.offset[1] * MARKER_STEP],
          order: STATUS_ORDER.indexOf(s.status),
        },
        geometry: { type: 'Point', coordinates: s.at! },
      }));
    // Connectors of the agreement under the pointer or in focus (else the selected one).
    const focus = hoverOr(v, hover);
    const owner = v.shown.find((s) => s.agreement.id === focus);
    // The selected agreement's connectors are in the view already; only a pointed-at one is new.
    const lines = !owner ? [] : owner.agreement.id === v.selected ? v.links : linksOf(v.cat, owner.agreement);
    const links: Feature<LineString>[] = lines.map((line, j) => ({
      type: 'Feature',
      id: j,
      properties: { id: owner!.agreement.id, status: owner!.status },
      geometry: { type: 'LineString', coordinates: line },
    }));
    const mfc = { type: 'FeatureCollection' as const, features: markers };
    const lfc = { type: 'FeatureCollection' as const, features: links };
    const state = new Map<number, Record<string, boolean>>();
    const byId = new Map(v.shown.map((s) => [s.agreement.id, s.agreement]));
    markers.forEach((m, i) => {
      const agreement = byId.get(String(m.properties!.id))!;
      state.set(i, {
        hover: m.properties!.id === focus,
        dim: dimmed(subject, { kind: 'agreement', agreement }),
      });
    });
    return {
      data: {
        [SOURCE_MARKERS]: { fc: mfc, key: featureKey(mfc) },
        [SOURCE_LINKS]: { fc: lfc, key: featureKey(lfc) },
      },
      state: { [SOURCE_MARKERS]: state },
      filters: {
        'agreements-parties': partyFilter(v.parties),
        'agreements-selected': partyFilter(owner ? nonEu(owner.agreement).sort() : []),
      },
    };
  },
  interactive: {
    layers: ['agreements-markers', 'agreements-arcs'],
    select: (p) => ({ kind: 'agreement', id: String(p.id) }),
    // A diamond is 14 px: it wins over the translucent arrival circles drawn above it.
    priority: 1,
  },
  visible: ({ layers }) => layers.agreements,
  summary: (v, { t }) => t('summary.inForce', { n: v.counts.in_force }),
  tooltip: ({ props }, v, { lang, t, window }) => {
    const s = v.shown.find((x) => x.agreement.id === props.id);
    if (!s) return null;
    const country = (c: string) => nameOf(v.cat.countries[c] ?? { name: c }, lang);
    const src = v.cat.sources.find((x) => x.id === s.agreement.sources[0]);
    return {
      title: nameOf(s.agreement, lang, 'title'),
      lines: [
        `${t(`agreement.status.${s.status}`)} · ${t('tooltip.atEnd', { month: formatMonth(window[1], lang, 'long') })}`,
        s.agreement.parties.map(country).join(', '),
      ],
      source: src ? src.publisher : undefined,
    };
  },
  legend: (v, { theme, lang, t }) => [
    {
      overlay: 'agreements',
      title: `${t('layers.agreements')} (${t('agreement.statusAtEnd').toLowerCase()})`,
      items: [
        ...STATUS_ORDER.map((s) => ({
          label: t(`agreement.status.${s}`),
          count: v.counts[s],
          key: 'agreement-marker',
          swatch: {
            kind: 'diamond' as const,
            color: colourOf(theme, s),
            stroke: theme.labelHalo,
            hollow: isHollow(s),
          },
          testid: `legend-status-${s}`,
        })),
        {
          label: t('legend.parties'),
          key: 'agreement-party',
          swatch: { kind: 'fill', color: theme.partyFill, opacity: 0.55, stroke: theme.border },
        },
        {
          label: t('legend.selectedParties'),
          key: 'agreement-selected',
          swatch: { kind: 'fill', color: theme.bg, opacity: 0, stroke: theme.fg },
        },
        {
          label: t('legend.links'),
          key: 'agreement-link',
          swatch: { kind: 'line', color: theme.agreement.signed, width: 2, dash: true },
        },
      ],
      notes: [{ text: t('legend.agreementMarkers') }],
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
  table: (v, { lang, t, window }) => {
    const cat = v.cat;
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
          drawn: t(`agreement.drawn.${s.drawn}`, { place: country(s.anchor) }),
        },
        group: s.status,
      })),
    };
  },
  svg: (v, { theme }, ctx) => {
    const fills = v.parties.map((iso) => ctx.countryPath(iso)).filter((d) => d);
    const outlines = v.selectedParties.map((iso) => ctx.countryPath(iso)).filter((d) => d);
    const links = v.links
      .map((line) => ctx.path({ type: 'LineString', coordinates: line }))
      .filter((d) => d)
      .map((d) => el('path', { d }))
      .join('');
    const size = 7 * theme.scale;
    const step = MARKER_STEP * 0.6 * theme.scale;
    const markers = v.shown
      .map((s) => {
        const p = s.at && ctx.project(s.at);
        if (!p || p[0] < 0 || p[1] < 0 || p[0] > ctx.width || p[1] > ctx.height) return '';
        const x = p[0] + s.offset[0] * step;
        const y = p[1] + s.offset[1] * step;
        const c = colourOf(theme, s.status);
        const hollow = isHollow(s.status);
        const d = `M${x.toFixed(1)},${(y - size).toFixed(1)}L${(x + size).toFixed(1)},${y.toFixed(1)}L${x.toFixed(1)},${(y + size).toFixed(1)}L${(x - size).toFixed(1)},${y.toFixed(1)}Z`;
        return el('path', {
          d,
          'data-id': s.agreement.id,
          'data-status': s.status,
          fill: hollow ? theme.labelHalo : c,
          stroke: hollow ? c : theme.labelHalo,
          'stroke-width': hollow ? 2.5 : 1.5,
        });
      })
      .join('');
    return (
      el(
        'g',
        {
          class: 'parties',
          fill: theme.partyFill,
          'fill-opacity': 0.55,
          stroke: theme.border,
          'stroke-width': 0.5,
        },
        fills.map((d) => el('path', { d })).join(''),
      ) +
      el(
        'g',
        { class: 'selected-parties', fill: 'none', stroke: theme.fg, 'stroke-width': 1.6 * theme.scale },
        outlines.map((d) => el('path', { d })).join(''),
      ) +
      el(
        'g',
        {
          class: 'links',
          fill: 'none',
          stroke: theme.agreement.signed,
          'stroke-width': 2 * theme.scale,
          'stroke-dasharray': '6 3',
        },
        links,
      ) +
      el('g', { class: 'markers' }, markers)
    );
  },
  credits: (v) => ({ data: [], documents: v.shown.length }),
  exportItems: (v, { lang }) =>
    v.shown.map((s) => ({
      row: {
        id: s.agreement.id,
        name: nameOf(s.agreement, lang, 'title'),
        lon: s.at?.[0] ?? null,
        lat: s.at?.[1] ?? null,
        metric: '',
        value: null,
        qualifier: '',
        complete: null,
        status: s.status,
        sources: s.agreement.sources.join(' '),
      },
      geometry: s.at ? { type: 'Point', coordinates: s.at } : null,
    })),
};
