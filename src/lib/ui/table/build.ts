/**
 * Builds the tables from what the overlays draw for the window. Inputs are the same derived values
 * the map layers use (Derived), so table and map cannot disagree.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { CatalogFile } from '../../data/types';
import type { Metric } from '../../data/schema';
import type { LandingValue } from '../../filter/landings';
import type { CountryFunding } from '../../filter/programmes';
import type { WindowSum } from '../../filter/aggregate';
import { capitalOf } from '../../filter/agreements';
import { formatCount } from '../../filter/format';
import type { Layers } from '../../state/app.svelte';
import type { Incident } from '../../map/gpu/incidents';
import { ROUTE_AREAS } from '../../data/schema';
import { agreementsOnMap, qualifierNote, type Row, type Table } from './rows';

export interface TableInput {
  cat: CatalogFile;
  routes: FeatureCollection<LineString>;
  layers: Layers;
  lang: string;
  /** "Jan 2023 – Dec 2023", already formatted. */
  period: string;
  landingMetric: Metric;
  landingValues: LandingValue[];
  arcs: FeatureCollection<LineString>;
  funding: CountryFunding[];
  flow: Map<string, WindowSum>;
  /** IOM incidents the deaths layer draws in the window (null while they load). */
  incidents: Incident[] | null;
  date: (iso: string) => string;
  t: (key: string, params?: Record<string, string | number>) => string;
}

export function buildTables(i: TableInput): Table[] {
  const { cat, lang, t } = i;
  const L = (r: { name_en: string; name_it: string }) => (lang === 'it' ? r.name_it : r.name_en);
  const country = (code: string) => (cat.countries[code] ? L(cat.countries[code]) : code);
  const note = (n: ReturnType<typeof qualifierNote>) => (n ? t(`table.note.${n}`) : '');
  const out: Table[] = [];

  if (i.layers.landings) {
    const rows: Row[] = i.landingValues.map((v) => {
      const p = v.point;
      const place = p.areaType === 'place' ? cat.places.find((x) => x.id === p.area) : undefined;
      const name = place ? L(place) : `${country(p.area)} · ${t('landings.allPorts')}`;
      return {
        key: p.key,
        sel: { kind: p.areaType, id: p.area },
        cells: {
          name,
          country: place ? (place.country ? country(place.country) : '') : country(p.area),
          value: v.value,
          note: note(qualifierNote(v.qualifier, v.complete)),
        },
        display: { value: formatCount(v.value, v.qualifier, lang) },
      };
    });
    out.push({
      id: 'landings',
      caption: t('table.caption.landings', { metric: t(`metric.${i.landingMetric}`), period: i.period }),
      columns: [
        { key: 'name', label: t('table.col.place') },
        { key: 'country', label: t('table.col.country') },
        { key: 'value', label: t(`metric.${i.landingMetric}`), numeric: true },
        { key: 'note', label: t('table.col.note') },
      ],
      rows,
    });
  }

  if (i.layers.agreements) {
    const rows: Row[] = agreementsOnMap(i.arcs.features).flatMap(({ id, status }) => {
      const a = cat.agreements.find((x) => x.id === id);
      if (!a) return [];
      return [
        {
          key: id,
          sel: { kind: 'agreement' as const, id },
          cells: {
            title: lang === 'it' ? a.title_it : a.title_en,
            parties: a.parties.map(country).join(', '),
            type: t(`agreement.type.${a.type}`),
            status: t(`agreement.status.${status}`),
          },
        },
      ];
    });
    out.push({
      id: 'agreements',
      caption: t('table.caption.agreements', { period: i.period }),
      columns: [
        { key: 'title', label: t('table.col.agreement') },
        { key: 'parties', label: t('table.col.parties') },
        { key: 'type', label: t('table.col.type') },
        { key: 'status', label: t('table.col.status') },
      ],
      rows,
    });
  }

  if (i.layers.programmes) {
    const shown = i.funding.filter((f) => capitalOf(cat, f.country));
    const currencies = [...new Set(shown.flatMap((f) => Object.keys(f.totals)))].sort();
    const rows: Row[] = shown.map((f) => ({
      key: f.country,
      sel: { kind: 'programme', id: `country:${f.country}` },
      cells: {
        country: country(f.country),
        count: f.programmes.length,
        funder: country(f.mainFunder),
        ...Object.fromEntries(currencies.map((c) => [`amount_${c}`, f.totals[c] ?? null])),
      },
      display: Object.fromEntries(
        currencies
          .filter((c) => f.totals[c] !== undefined)
          .map((c) => [
            `amount_${c}`,
            new Intl.NumberFormat(lang, { style: 'currency', currency: c, maximumFractionDigits: 0 }).format(
              f.totals[c],
            ),
          ]),
      ),
    }));
    out.push({
      id: 'programmes',
      caption: t('table.caption.programmes', { period: i.period }),
      columns: [
        { key: 'country', label: t('table.col.recipient') },
        { key: 'count', label: t('table.col.programmes'), numeric: true },
        { key: 'funder', label: t('table.col.mainFunder') },
        ...currencies.map((c) => ({
          key: `amount_${c}`,
          label: t('table.col.amount', { currency: c }),
          numeric: true,
        })),
      ],
      rows,
    });
  }

  if (i.layers.routes) {
    const rows: Row[] = i.routes.features.map((f): Row => {
      const p = f.properties as Record<string, string>;
      const fam = cat.families.find((x) => x.id === p.family);
      const flow = i.flow.get(p.frontex_route);
      return {
        key: p.id,
        sel: { kind: 'segment' as const, id: p.id },
        cells: {
          name: lang === 'it' ? p.name_it : p.name_en,
          family: fam ? L(fam) : p.family,
          mode: t(`details.mode.${p.mode}`),
          detections: flow?.value ?? null,
        },
        display: flow ? { detections: formatCount(flow.value, flow.qualifier, lang) } : undefined,
      };
    });
    out.push({
      id: 'routes',
      caption: t('table.caption.routes', { period: i.period }),
      columns: [
        { key: 'name', label: t('table.col.segment') },
        { key: 'family', label: t('details.family') },
        { key: 'mode', label: t('table.col.mode') },
        { key: 'detections', label: t('table.col.detections'), numeric: true },
      ],
      rows,
    });
  }
  if (i.layers.deaths && i.incidents) {
    const route = (r: string | null) => {
      const a = r ? ROUTE_AREAS[r as keyof typeof ROUTE_AREAS] : undefined;
      return a ? (lang === 'it' ? a.it : a.en) : (r ?? '');
    };
    const rows: Row[] = i.incidents.map((x) => ({
      key: x.id,
      sel: { kind: 'incident', id: x.id },
      at: [x.lon, x.lat],
      cells: { date: x.date, location: x.location ?? '', route: route(x.route), deadMissing: x.deadMissing },
      display: { date: i.date(x.date) },
    }));
    out.push({
      id: 'deaths',
      caption: t('table.caption.deaths', { period: i.period }),
      columns: [
        { key: 'date', label: t('incident.date') },
        { key: 'location', label: t('incident.location') },
        { key: 'route', label: t('incident.route') },
        { key: 'deadMissing', label: t('metric.dead_missing'), numeric: true },
      ],
      rows,
    });
  }
  return out;
}
