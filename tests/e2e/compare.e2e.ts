/**
 * Compare routes (built site, real Chromium): the downloaded CSV holds exactly the points the
 * charts draw (same series, months and values, "no data" where no point is drawn), the values are
 * the data files' figures, the charts follow the timeline window, and the panel passes axe. The
 * picks are in the link (`cmp=`): restored from it, bad or unknown picks dropped with one notice
 * each kind, the rest kept; ticking a box writes the link, and the written link opens the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, saveShotPath, type Opened } from './browser';
import { decodeCounts } from '../../src/lib/data/countsFile';

const require = createRequire(import.meta.url);
const DIST = process.env.CROSSINGS_DIST ?? 'dist';
const counts: { metric: string; area_type: string; area: string; period: string; value: number }[] =
  decodeCounts(JSON.parse(readFileSync(`${DIST}/data/counts.json`, 'utf8')));

/** Every drawn point: series key, month, value. */
const drawn = (page: Page) =>
  page.locator('[data-testid=compare-chart] g[data-series]').evaluateAll((gs) =>
    gs.flatMap((g) =>
      [...g.querySelectorAll('circle[data-month]')].map((c) => {
        const r = (c as SVGGraphicsElement).getBoundingClientRect();
        return {
          key: g.getAttribute('data-series')!,
          month: c.getAttribute('data-month')!,
          value: Number(c.getAttribute('data-value')),
          shown: r.width > 0 && r.height > 0,
        };
      }),
    ),
  );

async function csvOf(page: Page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
  const text = readFileSync((await dl.path())!, 'utf8');
  const [header, ...rows] = text.trimEnd().split('\r\n');
  expect(header).toBe('month,metric,area_type,area,value,qualifier');
  return { name: dl.suggestedFilename(), rows: rows.map((r) => r.split(',')) };
}

describe('compare routes (built site, real Chromium)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser, '?v=1&from=2016-01&to=2017-12', { width: 1280, height: 900 });
    await o.page.getByTestId('tab-compare').click();
    await o.page.waitForSelector('[data-testid=compare-chart]', { timeout: 30000 });
  }, 90000);
  afterAll(async () => browser?.close());

  it('one chart, one metric: the CSV equals the drawn points, which equal the data files', async () => {
    const p = o.page;
    const points = await drawn(p);
    expect(points.every((x) => x.shown)).toBe(true);
    const keys = [...new Set(points.map((x) => x.key))];
    // Italy, Greece and Spain's sea arrivals: three lines of one metric, not a sum.
    expect(keys.sort()).toEqual([
      'sea_arrivals|country|ESP',
      'sea_arrivals|country|GRC',
      'sea_arrivals|country|ITA',
    ]);
    const { name, rows } = await csvOf(p);
    expect(name).toBe('crossings-2016-01_2017-12-compare.csv');
    // 3 lines × 24 months, every month written (value empty = no data).
    expect(rows).toHaveLength(72);
    const withValue = rows.filter((r) => r[4] !== '');
    expect(withValue.map((r) => `${r[1]}|${r[2]}|${r[3]} ${r[0]} ${r[4]}`).sort()).toEqual(
      points.map((x) => `${x.key} ${x.month} ${x.value}`).sort(),
    );
    for (const r of rows.filter((r) => r[4] === '')) expect(r[5]).toBe('no_data');
    for (const x of points) {
      const [metric, areaType, area] = x.key.split('|');
      const c = counts.find(
        (c) => c.metric === metric && c.area_type === areaType && c.area === area && c.period === x.month,
      );
      expect(c?.value, `${x.key} ${x.month}`).toBe(x.value);
    }
    await p.locator('[data-testid=compare]').scrollIntoViewIfNeeded();
    await p.screenshot({ path: saveShotPath('compare-one-chart') });
  });

  it('a chart per metric: every line in its own metric chart, the CSV still equals the charts', async () => {
    const p = o.page;
    await p.getByTestId('compare-multiples').check();
    await p.locator('[data-subject="family:central-med"]').check();
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=compare-chart]').length >= 3);
    const charts = await p.locator('[data-testid=compare] figure[data-metric]').evaluateAll((fs) =>
      fs.map((f) => ({
        metric: f.getAttribute('data-metric'),
        keys: [...f.querySelectorAll('g[data-series]')].map((g) => g.getAttribute('data-series')!),
      })),
    );
    for (const c of charts) for (const k of c.keys) expect(k.split('|')[0]).toBe(c.metric);
    expect(charts.map((c) => c.metric)).toEqual(['sea_arrivals', 'frontex_detections', 'dead_missing']);
    const points = await drawn(p);
    const { rows } = await csvOf(p);
    expect(
      rows
        .filter((r) => r[4] !== '')
        .map((r) => `${r[1]}|${r[2]}|${r[3]} ${r[0]} ${r[4]}`)
        .sort(),
    ).toEqual(points.map((x) => `${x.key} ${x.month} ${x.value}`).sort());
    await p.locator('[data-testid=compare]').scrollIntoViewIfNeeded();
    await p.screenshot({ path: saveShotPath('compare-multiples'), fullPage: false });
  });

  it('follows the timeline window', async () => {
    const p = o.page;
    await p.evaluate(() => ((window as any).__crossings.window = [2017 * 12, 2017 * 12 + 5]));
    await p.waitForFunction(() => {
      const ms = [...document.querySelectorAll('[data-testid=compare-chart] circle[data-month]')].map((c) =>
        c.getAttribute('data-month'),
      );
      return ms.length > 0 && ms.every((m) => m! >= '2017-01' && m! <= '2017-06');
    });
    const { rows } = await csvOf(p);
    expect(new Set(rows.map((r) => r[0]))).toEqual(
      new Set(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06']),
    );
  });

  it('passes axe', async () => {
    const p = o.page;
    await p.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const r = await p.evaluate(async () => {
      const res = await (window as any).axe.run('[data-testid=compare]', { resultTypes: ['violations'] });
      return res.violations.map(
        (v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`,
      );
    });
    expect(r).toEqual([]);
  });

  it('picks from the link: restored in order, bad ones dropped with grouped notices, written back as picked', async () => {
    const link =
      '?v=1&from=2016-01&to=2017-12&cmp=family:central-med,planet:mars,country:ITA,country:XXX,country:,country:constructor';
    const o2 = await openApp(browser, link, { width: 1280, height: 900 });
    const p = o2.page;
    // The Compare panel opens with the link's picks.
    await p.waitForSelector('[data-testid=compare-chart]', { timeout: 30000 });
    expect(await p.getByTestId('tab-compare').getAttribute('aria-selected')).toBe('true');
    const checked = () =>
      p
        .locator('[data-testid=compare] input[data-subject]:checked')
        .evaluateAll((xs) => xs.map((x) => x.getAttribute('data-subject')));
    expect((await checked()).sort()).toEqual(['country:ITA', 'family:central-med']);
    // One notice for the malformed picks, one for those not in the data; nothing else.
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=notices]')?.textContent?.includes('XXX'),
    );
    const notices = await p.getByTestId('notices').innerText();
    expect(notices).toContain('“planet:mars, country:”');
    expect(notices).toContain('“country:XXX, country:constructor”');
    expect(notices.match(/compare/gi)?.length).toBe(2);
    // The link now says what is charted, with the bad picks gone and the rest kept.
    await p.waitForFunction(
      () => new URLSearchParams(location.search).get('cmp') === 'family:central-med,country:ITA',
    );
    const keys = [...new Set((await drawn(p)).map((x) => x.key))].sort();
    // Sea arrivals are counted per country: the route family has none and is named as such, not drawn.
    expect(keys).toEqual(['sea_arrivals|country|ITA']);
    expect(await p.getByTestId('compare-without').innerText()).toContain('Central Mediterranean');
    // Ticking a box writes the link; the link opens the same picks and the same charted points.
    await p.locator('[data-subject="country:GRC"]').check();
    await p.waitForFunction(
      () => new URLSearchParams(location.search).get('cmp') === 'family:central-med,country:ITA,country:GRC',
    );
    const points = await drawn(p);
    const written = await p.evaluate(() => location.search);
    const o3 = await openApp(browser, written, { width: 1280, height: 900 });
    await o3.page.waitForSelector('[data-testid=compare-chart]', { timeout: 30000 });
    expect((await drawn(o3.page)).sort((a, b) => (a.key + a.month).localeCompare(b.key + b.month))).toEqual(
      points.sort((a, b) => (a.key + a.month).localeCompare(b.key + b.month)),
    );
    expect(await o3.page.evaluate(() => location.search)).toBe(written);
    // Leaving the panel takes the picks out of the link; Back brings the panel and the picks back.
    await o3.page.getByTestId('tab-details').click();
    await o3.page.waitForFunction(() => !new URLSearchParams(location.search).has('cmp'));
    await o3.page.goBack();
    await o3.page.waitForSelector('[data-testid=compare-chart]');
    expect(await o3.page.evaluate(() => location.search)).toBe(written);
    await o2.page.context().close();
    await o3.page.context().close();
  }, 120000);
});
