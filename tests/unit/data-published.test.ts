/**
 * Tests on the real data in data/: published figures pinned to their sources, the monthly series
 * against the annual figures, and the integrity rules every record must meet. A data edit that
 * breaks one of these is caught before it reaches the map.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAll, type Loaded } from '../../scripts/data/load';
import { MONTHLY_ANNUAL_TOLERANCE, monthlyVsAnnual } from '../../scripts/data/checks';
import { METRICS } from '../../src/lib/data/schema';
import { insideRegion } from '../../src/lib/data/region';
import { monthIndex } from '../../src/lib/data/time';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let data: Loaded;
beforeAll(() => {
  data = loadAll(root);
});

const count = (id: string) => data.catalog.counts.find((c) => c.id === id);

describe('the data in data/ builds', () => {
  it('with no errors', () => expect(data.errors).toEqual([]));
});

describe('pinned published figures', () => {
  const counts: {
    id: string;
    metric: string;
    area: string;
    period: string;
    value: number;
    qualifier: string;
    source: string;
  }[] = [
    // Ministry of the Interior figures, as in FACTS.md §1a
    {
      id: 'ita-sea-2016',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2016',
      value: 181436,
      qualifier: 'exact',
      source: 'unhcr-italy-dashboard-2017-12',
    },
    {
      id: 'ita-sea-2023',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2023',
      value: 157652,
      qualifier: 'exact',
      source: 'ilgiornale-sbarchi-2023',
    },
    {
      id: 'ita-sea-2014',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2014',
      value: 170100,
      qualifier: 'exact',
      source: 'iom-italy-2014',
    },
    {
      id: 'ita-sea-2025',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2025',
      value: 66296,
      qualifier: 'exact',
      source: 'ansa-viminale-sbarchi-2025',
    },
    // "around 110,000" (UK Home Office) and "over 35,000" (UNHCR)
    {
      id: 'lampedusa-sea-2023',
      metric: 'sea_arrivals',
      area: 'lampedusa',
      period: '2023',
      value: 110000,
      qualifier: 'approx',
      source: 'uk-ho-cleverly-italy-2024',
    },
    {
      id: 'lampedusa-sea-2021',
      metric: 'sea_arrivals',
      area: 'lampedusa',
      period: '2021',
      value: 35000,
      qualifier: 'at_least',
      source: 'unhcr-italy-dashboard-2021-12',
    },
    {
      id: 'grc-sea-2019',
      metric: 'sea_arrivals',
      area: 'GRC',
      period: '2019',
      value: 59726,
      qualifier: 'exact',
      source: 'unhcr-greece-dashboard-2019-12',
    },
    // Spanish Ministry of the Interior, from the raw file (transformed, not retyped)
    {
      id: 'esp-irregular-2018',
      metric: 'irregular_arrivals',
      area: 'ESP',
      period: '2018',
      value: 64298,
      qualifier: 'exact',
      source: 'spain-mir-annual',
    },
    // Spain's ministry series is sea-only to 2015 (Vozpópuli/Europa Press: 39,180 by sea in 2006;
    // 5,312 by sea in 2015): its own metric, not "irregular (sea + land)"
    {
      id: 'esp-sea-2006',
      metric: 'sea_arrivals',
      area: 'ESP',
      period: '2006',
      value: 39180,
      qualifier: 'exact',
      source: 'spain-mir-annual',
    },
    {
      id: 'esp-sea-2015',
      metric: 'sea_arrivals',
      area: 'ESP',
      period: '2015',
      value: 5312,
      qualifier: 'exact',
      source: 'vozpopuli-spain-sea-2018',
    },
    // Italy 2015: the ministry's published total (Cinformi, 22 Jan 2016), equal to UNHCR's monthly sum
    {
      id: 'ita-sea-2015',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2015',
      value: 153842,
      qualifier: 'exact',
      source: 'cinformi-sbarchi-2015',
    },
    // Italy 2024: the consolidated ministry figure, not the provisional/UNHCR 66,317 (not confirmed)
    {
      id: 'ita-sea-2024',
      metric: 'sea_arrivals',
      area: 'ITA',
      period: '2024',
      value: 66617,
      qualifier: 'exact',
      source: 'ansa-viminale-sbarchi-2025',
    },
    // Greece 2021: UNHCR December 2021 dashboard, "In 2021, a total of 4,331 … arrived in Greece by sea"
    {
      id: 'grc-sea-2021',
      metric: 'sea_arrivals',
      area: 'GRC',
      period: '2021',
      value: 4331,
      qualifier: 'exact',
      source: 'unhcr-greece-dashboard-2021-12',
    },
    // Spain 2025: the ministry's balance for the whole year (EFE, 2 Jan 2026), sea and land
    {
      id: 'esp-irregular-2025',
      metric: 'irregular_arrivals',
      area: 'ESP',
      period: '2025',
      value: 36775,
      qualifier: 'exact',
      source: 'efe-infobae-spain-2025',
    },
    // Frontex, Central Mediterranean, peak month (FACTS.md §2)
    {
      id: 'frontex-central_med-2023-08',
      metric: 'frontex_detections',
      area: 'central_med',
      period: '2023-08',
      value: 25756,
      qualifier: 'exact',
      source: 'frontex-ibc',
    },
  ];
  it.each(counts)('$id = $value ($qualifier)', ({ id, metric, area, period, value, qualifier, source }) => {
    const c = count(id);
    expect(c).toBeDefined();
    expect(c).toMatchObject({ metric, area, period, value, qualifier });
    expect(c!.sources).toContain(source);
  });

  it('IOM dead and missing in the Central Mediterranean, 2023, is a lower bound of 2,526', () => {
    // FACTS.md §4: sum of the filtered incidents (cumulative incidents excluded upstream).
    expect(count('iom-central_med-2023')).toMatchObject({
      metric: 'dead_missing',
      value: 2526,
      qualifier: 'at_least',
    });
  });

  const programmes = [
    // the four Migration Fund allocations in the Farnesina–IOM release of 20 July 2021
    { id: 'mf-2021-bih', recipients: ['BIH'], amount: 1_500_000, announced: '2021-07-20' },
    { id: 'mf-2021-dza', recipients: ['DZA'], amount: 2_000_000, announced: '2021-07-20' },
    { id: 'mf-2021-lby-ner', recipients: ['LBY', 'NER'], amount: 5_000_000, announced: '2021-07-20' },
    { id: 'mf-2021-horn', recipients: ['ETH'], amount: 2_250_000, announced: '2021-07-20' },
    {
      id: 'fa-2018-refinance',
      recipients: expect.arrayContaining(['LBY', 'NER', 'TUN']),
      amount: 80_000_000,
      announced: '2018-02-06',
    },
  ];
  it.each(programmes)('programme $id: €$amount on $announced', ({ id, recipients, amount, announced }) => {
    const p = data.catalog.programmes.find((x) => x.id === id);
    expect(p).toBeDefined();
    expect(p).toMatchObject({ funder: 'ITA', currency: 'EUR', amount, recipients });
    expect(p!.announced).toEqual({ iso: announced, precision: 'day' });
  });
  const added = [
    // EU Trust Fund for Africa, launched at Valletta (Commission release, 12 Nov 2015)
    {
      id: 'eu-eutf-africa-2015',
      funder: 'EU',
      recipient: 'LBY',
      amount: 1_800_000_000,
      announced: '2015-11-12',
    },
    // its €46m programme for the Libyan Border and Coast Guards (IP/17/2187, 28 Jul 2017)
    {
      id: 'eu-lby-2017-eutf-coastguard',
      funder: 'EU',
      recipient: 'LBY',
      amount: 46_000_000,
      announced: '2017-07-28',
    },
    // second tranche of the Turkey facility, EU-budget share (Council, 29 Jun 2018)
    {
      id: 'eu-tur-2018-facility-eu-budget',
      funder: 'EU',
      recipient: 'TUR',
      amount: 2_000_000_000,
      announced: '2018-06-29',
    },
    // Spain's credit for Morocco's border control (Council of Ministers, 19 Jul 2019)
    {
      id: 'esp-mar-2019-border',
      funder: 'ESP',
      recipient: 'MAR',
      amount: 30_000_000,
      announced: '2019-07-19',
    },
  ];
  it.each(added)(
    'programme $id: $funder €$amount on $announced',
    ({ id, funder, recipient, amount, announced }) => {
      const p = data.catalog.programmes.find((x) => x.id === id);
      expect(p).toMatchObject({ funder, currency: 'EUR', amount, status: 'seen' });
      expect(p!.recipients).toContain(recipient);
      expect(p!.announced).toEqual({ iso: announced, precision: 'day' });
    },
  );
  it('the Sahel border project (Dec 2021) has the €3m of the MAECI–IOM agreement obtained by ASGI', () => {
    const p = data.catalog.programmes.find((x) => x.id === 'mf-2021-sahel-border')!;
    expect(p).toMatchObject({ amount: 3_000_000, recipients: ['BFA', 'MLI', 'NER'], status: 'seen' });
    expect(p.start).toEqual({ iso: '2021-12', precision: 'month' });
    expect(p.end).toEqual({ iso: '2023-05', precision: 'month' });
    expect(p.sources).toContain('asgi-sciabaca-niger-2021');
  });
  it('the Libya–Crete segment runs from Tobruk to the south coast of Crete', () => {
    const s = data.catalog.segments.find((x) => x.id === 'cm-tobruk-crete')!;
    expect(s).toMatchObject({ family: 'central-med', mode: 'sea', waypoints: ['tobruk', 'agia-galini'] });
    expect(s.sources).toContain('civilmrcc-libya-crete');
    expect(data.catalog.places.find((p) => p.id === 'agia-galini')).toMatchObject({ country: 'GRC' });
  });
  it('the 2021 allocations cite the Farnesina release (source document 001)', () => {
    for (const id of ['mf-2021-bih', 'mf-2021-dza', 'mf-2021-lby-ner', 'mf-2021-horn'])
      expect(data.catalog.programmes.find((x) => x.id === id)!.sources).toContain(
        'farnesina-sereni-iom-2021',
      );
  });

  const events = [
    { agreement: 'italy-libya-mou-2017', type: 'signed', date: '2017-02-02' },
    { agreement: 'italy-albania-protocol-2023', type: 'signed', date: '2023-11-06' },
    { agreement: 'eu-tunisia-mou-2023', type: 'signed', date: '2023-07-16' },
    { agreement: 'uk-rwanda-treaty-2023', type: 'signed', date: '2023-12-05' },
    { agreement: 'eu-pact-2024', type: 'applies', date: '2026-07-01' },
    { agreement: 'uk-italy-2024-pledge', type: 'announced', date: '2024-04-23' },
    // the Gjadër repatriation centre: first transfer under the decree-law of 28 March 2025
    { agreement: 'italy-albania-protocol-2023', type: 'applies', date: '2025-04-11' },
    { agreement: 'greece-asylum-suspension-2020', type: 'in_force', date: '2020-03-02' },
  ];
  it.each(events)('$agreement: $type on $date', ({ agreement, type, date }) => {
    const a = data.catalog.agreements.find((x) => x.id === agreement);
    expect(a).toBeDefined();
    expect(a!.events.map((e) => `${e.type} ${e.date?.iso}`)).toContain(`${type} ${date}`);
  });

  it('the Italy–Netherlands declaration of intent stays undated', () => {
    const a = data.catalog.agreements.find((x) => x.id === 'italy-netherlands-doi')!;
    expect(a.parties).toEqual(['ITA', 'NLD']);
    expect(a.sources).toContain('it-nl-declaration-text');
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.every((e) => e.date === null)).toBe(true);
  });

  it("the issue's Add list is all present (issue 14)", () => {
    const agreements = new Set(data.catalog.agreements.map((a) => a.id));
    const programmes = new Set(data.catalog.programmes.map((p) => p.id));
    for (const id of [
      'italy-libya-treaty-2008',
      'eu-lebanon-2024',
      'frontex-themis',
      'eu-pact-2024',
      'italy-albania-protocol-2023',
      'greece-asylum-suspension-2020',
      'greece-turkey-athens-declaration-2023',
    ])
      expect(agreements, id).toContain(id);
    for (const id of [
      'eu-eutf-africa-2015',
      'eu-lby-2017-eutf-coastguard',
      'eu-tur-2018-facility-eu-budget',
      'mf-2022-package',
      'esp-mar-2019-border',
    ])
      expect(programmes, id).toContain(id);
    const pact = data.catalog.agreements.find((a) => a.id === 'eu-pact-2024')!;
    expect(pact.events.map((e) => `${e.type} ${e.date?.iso}`)).toEqual(
      expect.arrayContaining(['signed 2024-05-14', 'in_force 2024-06-11', 'applies 2026-07-01']),
    );
  });

  it('the agreements named in the three source documents are all present', () => {
    const ids = new Set(data.catalog.agreements.map((a) => a.id));
    for (const id of [
      'uk-italy-2024-pledge',
      'uk-rwanda-mou-2022',
      'uk-rwanda-treaty-2023',
      'italy-albania-protocol-2023',
      'rome-process-2023',
      'italy-netherlands-doi',
    ])
      expect(ids, id).toContain(id);
    expect(data.catalog.agreements.length).toBeGreaterThanOrEqual(30);
  });
});

describe('incomplete periods are marked, never exact (issue 14)', () => {
  it.each([
    ['grc-sea-2019-11', 4301],
    ['esp-sea-2019-11', 219],
  ])('%s (%i) is a mid-month snapshot: incomplete, at least', (id, value) => {
    expect(count(id)).toMatchObject({ value, qualifier: 'at_least', incomplete: true });
  });
  it('Italy September 2025 (daily reports end on 30 Sep with days missing) is incomplete', () => {
    expect(count('ita-sea-2025-09')).toMatchObject({ qualifier: 'at_least', incomplete: true });
  });
  it('the IOM month and year in which the raw file ends (May 2026) are incomplete on every route', () => {
    const may = data.catalog.counts.filter((c) => c.metric === 'dead_missing' && c.period === '2026-05');
    expect(may.length).toBeGreaterThan(0);
    expect(may.every((c) => c.incomplete === true)).toBe(true);
    const y2026 = data.catalog.counts.filter((c) => c.metric === 'dead_missing' && c.period === '2026');
    expect(y2026.every((c) => c.incomplete === true)).toBe(true);
    expect(count('iom-central_med-2026-04')!.incomplete ?? null).toBeNull();
  });
  it('no other row is incomplete, and every incomplete row is "at least"', () => {
    const inc = data.catalog.counts.filter((c) => c.incomplete);
    expect(inc.every((c) => c.qualifier === 'at_least')).toBe(true);
    expect(
      inc
        .filter((c) => c.metric !== 'dead_missing')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['esp-sea-2019-11', 'grc-sea-2019-11', 'ita-sea-2025-09']);
  });
  it('Spain: no "irregular arrivals" row before 2016, no sea-only ministry row after 2015', () => {
    const esp = data.catalog.counts.filter((c) => c.area === 'ESP' && c.period.length === 4);
    expect(esp.filter((c) => c.metric === 'irregular_arrivals').every((c) => c.period >= '2016')).toBe(true);
    expect(esp.filter((c) => c.metric === 'sea_arrivals').map((c) => c.period)).toEqual(
      Array.from({ length: 14 }, (_, i) => String(2002 + i)),
    );
  });
});

describe('Italy: monthly sums against the annual ministry figure', () => {
  // Documented in docs/data-notes.md ("Tolerances"): the daily "by 08:00" figures run 1–4 % under
  // the consolidated totals, so a complete year of months must be within 5 % of the annual
  // figure, and never above it by more than that.
  const italy = () =>
    monthlyVsAnnual(data.catalog.counts).filter((c) => c.series === 'sea_arrivals|country|ITA');

  it('is compared for every complete year, 2014–2024 (2025 has months to September only)', () => {
    expect(italy().map((c) => c.year)).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);
  });

  it(`stays within ${MONTHLY_ANNUAL_TOLERANCE * 100} % every year`, () => {
    for (const c of italy())
      expect(Math.abs(c.relDiff), `${c.year}: ${c.monthlySum} vs ${c.annual}`).toBeLessThanOrEqual(
        MONTHLY_ANNUAL_TOLERANCE,
      );
  });

  it('UNHCR monthly values (2014–2018) add up exactly; the daily "by 08:00" sums (2019–2024) run under', () => {
    for (const c of italy()) {
      if (c.year <= 2018) expect(c.monthlySum, String(c.year)).toBe(c.annual);
      else expect(c.monthlySum, String(c.year)).toBeLessThan(c.annual);
    }
  });

  it('the 2023 daily sum is 155,515 against the ministry’s 157,652 (FACTS.md §0)', () => {
    expect(italy().find((c) => c.year === 2023)).toMatchObject({ monthlySum: 155515, annual: 157652 });
  });

  it('every other series with both monthly and annual figures is within the tolerance too', () => {
    const all = monthlyVsAnnual(data.catalog.counts);
    expect(all.length).toBeGreaterThan(italy().length);
    for (const c of all)
      expect(Math.abs(c.relDiff), `${c.series} ${c.year}`).toBeLessThanOrEqual(MONTHLY_ANNUAL_TOLERANCE);
  });
});

describe('integrity of every record', () => {
  it('every record cites at least one source, and every cited source exists', () => {
    const ids = new Set(data.catalog.sources.map((s) => s.id));
    const cited: [string, string[]][] = [
      ...data.catalog.places.map((p): [string, string[]] => [`place ${p.id}`, p.sources]),
      ...data.catalog.counts.map((c): [string, string[]] => [`count ${c.id}`, c.sources]),
      ...data.catalog.programmes.map((p): [string, string[]] => [`programme ${p.id}`, p.sources]),
      ...data.catalog.families.map((f): [string, string[]] => [`family ${f.id}`, f.sources]),
      ...data.catalog.segments.map((s): [string, string[]] => [`segment ${s.id}`, s.sources]),
      ...data.catalog.agreements.flatMap((a): [string, string[]][] => [
        [`agreement ${a.id}`, a.sources],
        ...a.events.map((e, i): [string, string[]] => [`agreement ${a.id} event ${i}`, e.sources]),
      ]),
    ];
    expect(cited.length).toBeGreaterThan(1000);
    for (const [what, sources] of cited) {
      expect(sources.length, what).toBeGreaterThan(0);
      for (const s of sources) expect(ids.has(s), `${what} cites ${s}`).toBe(true);
    }
  });

  it('every source has a publisher, a title, a licence and an attribution; a URL unless it is one of our own documents', () => {
    const noUrl = data.catalog.sources.filter((s) => !s.url).map((s) => s.id);
    // The Declaration of Intent text (source document 002) and our own routing points have no URL.
    expect(noUrl.sort()).toEqual(['crossings-routing', 'it-nl-declaration-text']);
    for (const s of data.catalog.sources)
      for (const k of ['publisher', 'title', 'licence', 'attribution'] as const)
        expect(s[k].trim(), `${s.id}.${k}`).not.toBe('');
  });

  it('no id is used twice within a table, and no programme shares an id with an agreement', () => {
    const tables: [string, { id: string }[]][] = [
      ['sources', data.catalog.sources],
      ['places', data.catalog.places],
      ['counts', data.catalog.counts],
      ['programmes + agreements', [...data.catalog.programmes, ...data.catalog.agreements]],
      ['route families + segments', [...data.catalog.families, ...data.catalog.segments]],
    ];
    for (const [name, rows] of tables) {
      const seen = new Set<string>();
      const dup = rows.map((r) => r.id).filter((id) => seen.size === seen.add(id).size);
      expect(dup, name).toEqual([]);
    }
  });

  it('lifecycle events are valid dates in order, and programmes end on or after they start', () => {
    for (const a of data.catalog.agreements) {
      const dated = a.events.filter((e) => e.date).map((e) => e.date!.iso);
      for (const d of dated)
        expect(Number.isNaN(Date.parse(d.length === 4 ? `${d}-01-01` : d)), d).toBe(false);
      const first = (iso: string) =>
        iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
      expect(dated.map(first), a.id).toEqual([...dated.map(first)].sort());
    }
    for (const p of data.catalog.programmes)
      if (p.start && p.end)
        expect(monthIndex(p.end.iso), p.id).toBeGreaterThanOrEqual(monthIndex(p.start.iso));
  });

  it('every place lies inside the map region', () => {
    for (const p of data.catalog.places)
      expect(insideRegion(p.lon, p.lat), `${p.id} ${p.lat},${p.lon}`).toBe(true);
  });

  it('each count row has one metric from the enum, and each series key carries one metric', () => {
    const bySeriesId = new Map<string, Set<string>>();
    for (const c of data.catalog.counts) {
      expect(METRICS, c.id).toContain(c.metric);
      // The id prefix names the series (e.g. "ita-sea-", "frontex-central_med-"): one metric each.
      const prefix = c.id.replace(/-\d{4}(-\d{2})?$/, '');
      (bySeriesId.get(prefix) ?? bySeriesId.set(prefix, new Set()).get(prefix)!).add(c.metric);
    }
    const mixed = [...bySeriesId].filter(([, m]) => m.size > 1).map(([k, m]) => `${k}: ${[...m].join(', ')}`);
    expect(mixed).toEqual([]);
    expect(bySeriesId.size).toBeGreaterThan(10);
  });

  it('the counts cover each metric of the enum', () => {
    expect(new Set(data.catalog.counts.map((c) => c.metric))).toEqual(new Set(METRICS));
  });
});

describe('programme totals per country (issue 14)', () => {
  it('a 2017 window counts the €200m Fondo Africa in no country total, and lists it once', async () => {
    const { fundingByCountry, sharedProgrammes } = await import('../../src/lib/filter/programmes');
    const w: [number, number] = [monthIndex('2017-01'), monthIndex('2017-12')];
    const by = fundingByCountry(data.catalog.programmes, w);
    const niger = by.find((f) => f.country === 'NER')!;
    // Niger's own allocations in 2017: €15m to IOM (April) and the €50m border agreement.
    expect(niger.totals.EUR).toBe(65000000);
    expect(niger.shared.map((p) => p.id)).toContain('fa-2017-fund');
    const sumOfCountryTotals = by.reduce((s, f) => s + (f.totals.EUR ?? 0), 0);
    // Libya's own 2017 money includes the EU Trust Fund's €46m coast-guard programme.
    expect(by.find((f) => f.country === 'LBY')!.totals.EUR).toBeGreaterThanOrEqual(46000000);
    expect(sumOfCountryTotals).toBeLessThan(200000000);
    expect(sharedProgrammes(data.catalog.programmes, w).filter((p) => p.id === 'fa-2017-fund')).toHaveLength(
      1,
    );
  });
});
describe('the EU Trust Fund for Africa (19 countries on the map) is listed once, in no country total', () => {
  it('November 2015', async () => {
    const { fundingByCountry, sharedProgrammes } = await import('../../src/lib/filter/programmes');
    const w: [number, number] = [monthIndex('2015-11'), monthIndex('2015-11')];
    const shared = sharedProgrammes(data.catalog.programmes, w).filter((p) => p.id === 'eu-eutf-africa-2015');
    expect(shared).toHaveLength(1);
    expect(shared[0].recipients).toHaveLength(19);
    const libya = fundingByCountry(data.catalog.programmes, w).find((f) => f.country === 'LBY');
    expect(libya?.shared.map((p) => p.id)).toContain('eu-eutf-africa-2015');
    expect(libya?.totals.EUR ?? 0).toBe(0);
  });
});
