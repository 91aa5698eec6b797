/**
 * The statuses the timeline shows for the real agreements in data/agreements.json, at dates before
 * and after each event the data audit (issue 14) corrected. The expected statuses come from the
 * texts and reports cited in docs/data-notes.md, not from the code.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAll, type Loaded } from '../../scripts/data/load';
import { statusAt } from '../../src/lib/filter/lifecycle';
import { monthIndex } from '../../src/lib/data/time';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let data: Loaded;
beforeAll(() => {
  data = loadAll(root);
});
const status = (id: string, month: string) => {
  const a = data.catalog.agreements.find((x) => x.id === id);
  if (!a) throw new Error(`no agreement ${id}`);
  return statusAt(a, monthIndex(month));
};

describe('real agreements: status at dates around each event', () => {
  it.each([
    // In force on signature (art. of the memorandum; airl.it), renewed tacitly in 2020 and 2023.
    ['italy-libya-mou-2017', '2017-01', null],
    ['italy-libya-mou-2017', '2017-02', 'in_force'],
    ['italy-libya-mou-2017', '2020-01', 'in_force'],
    ['italy-libya-mou-2017', '2025-06', 'in_force'],
    // In force on signature (KT Press); Supreme Court ruling against it; ended with the scheme.
    ['uk-rwanda-mou-2022', '2022-03', null],
    ['uk-rwanda-mou-2022', '2022-04', 'in_force'],
    ['uk-rwanda-mou-2022', '2023-10', 'in_force'],
    ['uk-rwanda-mou-2022', '2023-11', 'suspended'],
    ['uk-rwanda-mou-2022', '2024-07', 'ended'],
    // A proposal and a political agreement are not a signature.
    ['eu-pact-2024', '2020-09', 'announced'],
    ['eu-pact-2024', '2024-04', 'announced'],
    ['eu-pact-2024', '2024-05', 'signed'],
    ['eu-pact-2024', '2024-06', 'in_force'],
    // Announced 11 June 2023, signed 16 July 2023.
    ['eu-tunisia-mou-2023', '2023-06', 'announced'],
    ['eu-tunisia-mou-2023', '2023-07', 'signed'],
    ['spain-morocco-2022', '2022-03', 'announced'],
    ['spain-morocco-2022', '2022-04', 'signed'],
    ['eu-mauritania-2024', '2024-02', 'announced'],
    ['eu-mauritania-2024', '2024-03', 'signed'],
    // Suspended by Albania's Constitutional Court on 13 Dec 2023, upheld on 29 Jan 2024, ratified.
    ['italy-albania-protocol-2023', '2023-11', 'signed'],
    ['italy-albania-protocol-2023', '2023-12', 'suspended'],
    ['italy-albania-protocol-2023', '2024-01', 'signed'],
    ['italy-albania-protocol-2023', '2024-03', 'signed'],
    ['italy-albania-protocol-2023', '2024-09', 'signed'],
    ['italy-albania-protocol-2023', '2024-10', 'in_force'],
  ])('%s at the end of %s: %s', (id, month, expected) => {
    expect(status(id, month)).toBe(expected);
  });
});

describe('dates and parties corrected in the audit (sources in docs/data-notes.md)', () => {
  const agreement = (id: string) => data.catalog.agreements.find((x) => x.id === id)!;
  const dates = (id: string, type: string) =>
    agreement(id)
      .events.filter((e) => e.type === type)
      .map((e) => e.date?.iso ?? null);

  it('Italy–Niger €50m agreement: signed on 31 March 2017 (ANSA, Il Messaggero)', () => {
    expect(dates('italy-niger-2017-border', 'signed')).toEqual(['2017-03-31']);
    expect(status('italy-niger-2017-border', '2017-02')).toBeNull();
    expect(status('italy-niger-2017-border', '2017-03')).toBe('signed');
  });
  it('Niger law 2015-36: in force from May 2015, not 2016; repealed on 25 November 2023', () => {
    expect(dates('niger-law-2015-36', 'in_force')).toEqual(['2015-05']);
    expect(status('niger-law-2015-36', '2015-05')).toBe('in_force');
    expect(status('niger-law-2015-36', '2023-11')).toBe('ended');
  });
  it('Khartoum Process: Libya did not sign the Rome Declaration', () => {
    expect(agreement('khartoum-process').parties).not.toContain('LBY');
    expect(agreement('khartoum-process').parties).toContain('ERI');
  });
  it('EU–Tunisia MoU is not legally binding', () => {
    expect(agreement('eu-tunisia-mou-2023').binding).toBe(false);
  });
  it('Italy–Albania: the CJEU referrals of November 2025 and the Court of Appeal decisions of February 2026', () => {
    expect(dates('italy-albania-protocol-2023', 'ruled_on')).toEqual([
      '2024-10-18',
      '2025-04-24',
      '2025-11-05',
      '2025-11-17',
      '2026-02',
    ]);
    // Rulings on individual cases and referrals leave the protocol in force.
    expect(status('italy-albania-protocol-2023', '2026-03')).toBe('in_force');
  });
  it('UK–Rwanda MoU ends with the scheme, in July 2024', () => {
    expect(dates('uk-rwanda-mou-2022', 'ended')).toEqual(['2024-07-06']);
  });
});

describe('records added in the audit, each with a cited source', () => {
  it.each([
    ['italy-libya-treaty-2008', '2008-07', null],
    ['italy-libya-treaty-2008', '2008-08', 'signed'],
    ['italy-libya-treaty-2008', '2009-02', 'signed'],
    ['italy-libya-treaty-2008', '2009-03', 'in_force'],
    ['frontex-themis', '2018-01', null],
    ['frontex-themis', '2018-02', 'in_force'],
    ['frontex-triton', '2018-02', 'ended'],
    ['greece-turkey-athens-declaration-2023', '2023-12', 'signed'],
    ['eu-lebanon-2024', '2024-05', 'announced'],
    // Greece's asylum suspension: published 2 March 2020, for entries during March 2020 only
    ['greece-asylum-suspension-2020', '2020-02', null],
    ['greece-asylum-suspension-2020', '2020-03', 'in_force'],
    ['greece-asylum-suspension-2020', '2020-04', 'ended'],
  ])('%s at the end of %s: %s', (id, month, expected) => {
    expect(status(id, month)).toBe(expected);
  });
  it('the Athens Declaration is not legally binding; the EU–Lebanon package is €1bn for 2024–2027', () => {
    expect(
      data.catalog.agreements.find((a) => a.id === 'greece-turkey-athens-declaration-2023')!.binding,
    ).toBe(false);
    const p = data.catalog.programmes.find((x) => x.id === 'eu-lbn-2024')!;
    expect(p).toMatchObject({ amount: 1000000000, currency: 'EUR', recipients: ['LBN'] });
    const mf = data.catalog.programmes.find((x) => x.id === 'mf-2022-package')!;
    expect(mf).toMatchObject({ amount: 37200000, recipients: ['LBY', 'NER', 'NGA'] });
  });
});
