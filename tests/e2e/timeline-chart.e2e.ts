/**
 * The timeline chart and the detail charts as a reader sees them (built site, real Chromium): a
 * y-axis with a unit and round ticks, labelled marker rows whose marks never overlap nor leave the
 * timeline, an axis that starts where the metric's figures start (and says so), one caption; in a
 * country's details, agreement marks inside the chart and clear of the source links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, saveShotPath, type Opened } from './browser';

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const EPS = 0.5;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - EPS &&
  a.y >= b.y - EPS &&
  a.x + a.width <= b.x + b.width + EPS &&
  a.y + a.height <= b.y + b.height + EPS;
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function setWindow(page: Page, from: string, to: string) {
  await page.evaluate(
    ([a, b]) => ((window as any).__crossings.window = [a, b]),
    [monthIndex(from), monthIndex(to)],
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Wait until the timeline's svg has been re-laid out to its container's width (after a resize). */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const chart = document.querySelector('[data-testid=timeline] .chart') as HTMLElement | null;
    const svg = chart?.querySelector('svg');
    return !!svg && Math.abs(Number(svg.getAttribute('width')) - chart!.clientWidth) < 1;
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Bounding boxes of the timeline's marks, per row, left to right. */
async function markerRows(page: Page) {
  return page.evaluate(() => {
    const rows: Record<string, { box: Box; ids: string[]; count: string }[]> = {};
    for (const kind of ['agreement', 'programme']) {
      rows[kind] = [...document.querySelectorAll(`[data-testid=timeline-row-${kind}] .marker`)]
        .map((m) => {
          const r = m.getBoundingClientRect();
          return {
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
            ids: (m.getAttribute('data-ids') ?? '').split(' ').filter(Boolean),
            count: m.querySelector('text')?.textContent ?? '',
          };
        })
        .sort((a, b) => a.box.x - b.box.x);
    }
    return rows;
  });
}

async function expectRowsClean(page: Page) {
  const timeline = (await page.getByTestId('timeline').boundingBox())!;
  const rows = await markerRows(page);
  for (const [kind, marks] of Object.entries(rows)) {
    expect(marks.length, kind).toBeGreaterThan(0);
    for (let i = 1; i < marks.length; i++) {
      const a = marks[i - 1].box;
      const b = marks[i].box;
      expect(intersects(a, b), `${kind} marks ${i - 1} and ${i} overlap`).toBe(false);
    }
    for (const m of marks) {
      expect(inside(m.box, timeline), `${kind} mark ${m.ids.join(',')} leaves the timeline`).toBe(true);
      expect(m.ids.length).toBeGreaterThan(0);
      // A cluster shows how many markers it holds.
      if (m.ids.length > 1) expect(m.count).toBe(String(m.ids.length));
    }
  }
  return rows;
}

describe('timeline chart and detail charts (built site, real Chromium)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser);
  });
  afterAll(async () => {
    await o?.page.getByTestId('timeline').screenshot({ path: saveShotPath('timeline-chart') });
    await browser?.close();
  });

  it('has a y-axis with round tick labels and the unit, and labelled marker rows', async () => {
    const page = o.page;
    await setWindow(page, '2023-01', '2023-12');
    const yaxis = page.locator('[data-testid=timeline] svg [data-testid=timeline-yaxis]');
    const ticks = await yaxis.locator('text.tick').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[0]).toBe('0');
    expect(ticks.at(-1)).toMatch(/^\d+K$/);
    expect(await page.getByTestId('timeline-unit').textContent()).toBe('people');
    expect(await page.getByTestId('timeline-row-label-agreement').textContent()).toBe('Agreements');
    expect(await page.getByTestId('timeline-row-label-programme').textContent()).toBe('Programmes');
    // Gridlines, one per tick.
    expect(await page.locator('[data-testid=timeline] .grid line').count()).toBe(ticks.length);
  });

  it('marks in a row never overlap nor leave the timeline; clusters keep every id', async () => {
    const page = o.page;
    const rows = await expectRowsClean(page);
    const ids = rows.agreement.flatMap((m) => m.ids);
    expect(ids).toContain('italy-albania-protocol-2023');
    expect(rows.agreement.some((m) => m.ids.length > 1)).toBe(true);
    // The accessible name lists what a cluster holds.
    const cluster = page.locator('[data-testid=timeline-row-agreement] .marker.cluster').first();
    const name = (await cluster.getAttribute('aria-label'))!;
    const n = (await cluster.getAttribute('data-ids'))!.split(' ').length;
    expect(name).toMatch(new RegExp(`^${n} agreement events`));
    expect(name.split('\n')).toHaveLength(n + 1);
  });

  it('stays clean at 1024 and 360 px wide and over all time', async () => {
    const page = o.page;
    for (const width of [1024, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await settled(page);
      await expectRowsClean(page);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await settled(page);
    await page.getByTestId('timeline-all').click();
    await settled(page);
    await expectRowsClean(page);
  });

  it('starts the axis where sea arrivals start, says so, and widens for an earlier window', async () => {
    const page = o.page;
    await setWindow(page, '2023-01', '2023-12');
    const years = () => page.locator('[data-testid=timeline] .axis text').allTextContents();
    await expect.poll(async () => (await years())[0]).toBe('2014');
    expect(await page.getByTestId('timeline-data-from').textContent()).toBe(
      'Sea arrivals data from Jan 2014',
    );
    // The keyboard still reaches the app's first month: the axis widens to show the window.
    const slider = page.getByTestId('timeline-window');
    await slider.focus();
    await page.keyboard.press('Home');
    const w = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w).toEqual([monthIndex('2009-01'), monthIndex('2009-12')]);
    await expect.poll(async () => (await years())[0]).toBe('2009');
    expect(await page.locator('[data-testid=timeline-data-from] line').count()).toBe(1);
    // Frontex detections have figures from 2009: no note.
    await page.getByTestId('timeline-metric').selectOption('frontex_detections');
    expect(await page.getByTestId('timeline-unit').textContent()).toBe('detections');
    expect(await page.getByTestId('timeline-data-from').count()).toBe(0);
    await page.getByTestId('timeline-metric').selectOption('sea_arrivals');
  });

  it('a click on the bars centres the window on the clicked month (the axis is offset by the y-axis)', async () => {
    const page = o.page;
    await setWindow(page, '2023-01', '2023-12');
    await expect
      .poll(async () => await page.locator('[data-testid=timeline] .axis text').first().textContent())
      .toBe('2014');
    const ticks = await page
      .locator('[data-testid=timeline] .axis line')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    const years = await page.locator('[data-testid=timeline] .axis text').allTextContents();
    const i = years.indexOf('2016');
    const perMonth = (ticks[i + 1] - ticks[i]) / 12;
    const overlay = (await page.locator('[data-testid=timeline] g.brush .overlay').boundingBox())!;
    await page.mouse.click(ticks[i] + perMonth * 5.5, overlay.y + overlay.height / 2);
    await expect
      .poll(() => page.evaluate(() => [...(window as any).__crossings.window]))
      .toEqual([monthIndex('2016-01'), monthIndex('2016-12')]);
  });

  it('has one caption that names the resolution once', async () => {
    const page = o.page;
    const caption = (await page.getByTestId('timeline-caption').textContent())!;
    expect(caption).toMatch(/^Sea arrivals · Italy · monthly · UNHCR/);
    expect(caption.match(/monthly/g)).toHaveLength(1);
    const parts = caption.split(' · ');
    expect(new Set(parts).size).toBe(parts.length);
  });

  it.each([
    ['2023-01', '2023-12'],
    ['2009-01', '2025-12'],
  ])(
    "Italy's details (%s to %s): agreement marks inside the chart, clear of the source links",
    async (from, to) => {
      const page = o.page;
      await setWindow(page, from, to);
      await page.evaluate(() => (window as any).__crossings.select({ kind: 'country', id: 'ITA' }));
      const details = page.getByTestId('details');
      const fig = details.locator('figure[data-series="sea_arrivals|country|ITA"]');
      await fig.waitFor();
      await fig.scrollIntoViewIfNeeded();
      const svg = fig.locator('svg[data-testid=series-chart]');
      expect(await svg.locator('[data-unit]').textContent()).toBe('people');
      const svgBox = (await svg.boundingBox())!;
      const marks = await details.locator('[data-agreement-mark]').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const chart = e.closest('svg')!.getBoundingClientRect();
          return {
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
            chart: { x: chart.x, y: chart.y, width: chart.width, height: chart.height },
            n: e.getAttribute('data-n') ?? '',
          };
        }),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(inside(m.box, m.chart), `mark ${m.n}`).toBe(true);
      const ownMarks = await svg.locator('[data-agreement-mark]').count();
      expect(ownMarks).toBeGreaterThan(0);
      // Mark labels in a chart never overlap one another.
      const labels = await svg
        .locator('[data-agreement-mark] text')
        .evaluateAll((els) =>
          els
            .map((e) => e.getBoundingClientRect())
            .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
        );
      labels.sort((a, b) => a.x - b.x);
      for (let i = 1; i < labels.length; i++) expect(intersects(labels[i - 1], labels[i])).toBe(false);
      const links = await details.locator('a, button.link').evaluateAll((els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const m of marks)
        for (const l of links) expect(intersects(m.box, l), `mark ${m.n} over a link`).toBe(false);
      expect(svgBox.height).toBeGreaterThan(0);
      await fig.screenshot({
        path: saveShotPath(`timeline-chart-italy-${from.slice(0, 4)}-${to.slice(0, 4)}`),
      });
    },
  );
});
