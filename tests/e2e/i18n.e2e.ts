/**
 * French and Arabic on the built site: no string of the English catalogue is left on screen
 * (explore with its panels and dialogs, embed, present), Arabic mirrors the layout (dir=rtl, side
 * panel on the left) while the timeline keeps time running left to right and still works with the
 * keyboard and the pointer, the map's country labels are drawn from their Arabic names with the
 * RTL text plugin loaded from the site itself, and axe finds nothing serious or critical.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import {
  launch,
  openApp,
  repaintIdle,
  saveShotPath,
  waitForMapIdle,
  type Opened,
  offlinePage,
} from './browser';
import { buildOffline } from '../../scripts/build-offline';
import { monthIndex } from '../../src/lib/data/time';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STORY = 'central-med-2014-2025';
const ARABIC = /[\u0600-\u06FF]/;

type Msg = string | Record<string, string>;
function catalogue(lang: string): Record<string, Msg> {
  const dir = join(__dirname, '../../src/lib/i18n/locales', lang);
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))),
  );
}
const forms = (m: Msg) => (typeof m === 'string' ? [m] : Object.values(m));

/**
 * Pieces of English interface text to look for: each English message cut at its {placeholders},
 * keeping pieces of two words or more. A piece that the other locale's catalogue also contains
 * (a proper name such as "Missing Migrants Project") is allowed.
 */
function englishPieces(lang: string): string[] {
  const en = catalogue('en');
  const other = Object.values(catalogue(lang)).flatMap(forms).join('\n');
  const pieces = new Set<string>();
  for (const m of Object.values(en))
    for (const f of forms(m))
      for (const raw of f.split(/\{\w+\}/)) {
        const p = raw.trim().replace(/^[:;,.()·–—-]+\s*|\s*[:;,.()·–—-]+$/g, '');
        if (p.split(/\s+/).length >= 2 && /[a-z]{3}/.test(p) && !other.includes(p)) pieces.add(p);
      }
  return [...pieces];
}

/** Visible text nodes, plus the accessible names and tooltips of visible elements. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element | null) =>
      !!el && (el as HTMLElement).checkVisibility?.({ checkOpacity: false });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.textContent?.trim();
      const el = n.parentElement;
      if (!s || !el || el.closest('script,style,[aria-hidden=true]')) continue;
      if (el.closest('title') ? visible(el.closest('svg')) : visible(el)) out.push(s);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[aria-valuetext]'))
      if (visible(el))
        for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) {
          const v = el.getAttribute(a);
          if (v) out.push(v);
        }
    return out;
  });
}

async function leftovers(page: Page, lang: string): Promise<string[]> {
  const pieces = englishPieces(lang);
  const texts = await visibleTexts(page);
  const found = new Set<string>();
  for (const t of texts)
    for (const p of pieces) if (t.includes(p)) found.add(`"${p}" in "${t.slice(0, 120)}"`);
  return [...found];
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return res.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['fr', 'ar'])('lang=%s', (lang) => {
  let o: Opened;
  afterAll(async () => {
    await o?.page.context().close();
  });

  it('explore, its panels and dialogs show no English interface text; axe is clean', async () => {
    o = await openApp(browser, `?lang=${lang}&from=2016-01&to=2016-12&sel=place:lampedusa`);
    const page = o.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.getByTestId('place-details').or(page.locator('[data-testid=details]')).first().waitFor();
    const found: string[] = [];
    found.push(...(await leftovers(page, lang)));
    await page.screenshot({ path: saveShotPath(`i18n-${lang}-explore`) });
    expect(await axeSerious(page)).toEqual([]);
    for (const tab of ['table', 'about']) {
      await page.getByTestId(`tab-${tab}`).click();
      found.push(...(await leftovers(page, lang)));
    }
    await page.getByTestId('tab-details').click();
    for (const [open, dialog] of [
      ['open-embed', 'embed-dialog'],
      ['open-export', 'export-dialog'],
    ]) {
      await page.getByTestId(open).click();
      await page.getByTestId(dialog).waitFor();
      found.push(...(await leftovers(page, lang)));
      if (open === 'open-embed') await page.screenshot({ path: saveShotPath(`i18n-${lang}-embed-dialog`) });
      expect(await axeSerious(page), dialog).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId(dialog).waitFor({ state: 'hidden' });
    }
    expect(found).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
  });

  it('embed shows no English interface text', async () => {
    const e = await openApp(browser, `?lang=${lang}&embed&from=2016-01&to=2016-12`, {
      width: 800,
      height: 500,
    });
    try {
      expect(await leftovers(e.page, lang)).toEqual([]);
      await e.page.screenshot({ path: saveShotPath(`i18n-${lang}-embed`) });
      expect(await axeSerious(e.page)).toEqual([]);
    } finally {
      await e.page.context().close();
    }
  });

  it('present mode chrome shows no English interface text', async () => {
    const p = await openApp(browser, `?lang=${lang}&present=${STORY}`, { width: 1280, height: 720 });
    try {
      await p.page.locator('[data-testid=present-title]').waitFor();
      expect(await leftovers(p.page, lang)).toEqual([]);
      await p.page.screenshot({ path: saveShotPath(`i18n-${lang}-present`) });
      expect(await axeSerious(p.page)).toEqual([]);
    } finally {
      await p.page.context().close();
    }
  });
});

describe('Arabic: right to left', () => {
  let o: Opened;
  beforeAll(async () => {
    o = await openApp(browser, '?lang=ar&from=2016-01&to=2016-12');
  });
  afterAll(async () => {
    await o?.page.context().close();
  });

  it('sets dir=rtl and puts the side panel on the left of the map', async () => {
    const page = o.page;
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const side = (await page.locator('.side').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(side.x + side.width).toBeLessThanOrEqual(map.x + 1);
  });

  it('keeps the timeline in time order: later is to the right, and ArrowRight moves later', async () => {
    const page = o.page;
    const ticks = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=timeline] g.axis text')].map((t) => ({
        x: t.getBoundingClientRect().x,
        label: t.textContent ?? '',
      })),
    );
    const years = ticks.filter((t) => /^\d{4}$/.test(t.label.trim()));
    expect(years.length).toBeGreaterThan(3);
    for (let i = 1; i < years.length; i++) {
      expect(Number(years[i].label)).toBeGreaterThan(Number(years[i - 1].label));
      expect(years[i].x).toBeGreaterThan(years[i - 1].x);
    }
    const slider = page.getByTestId('timeline-window');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const w = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w).toEqual([monthIndex('2016-02'), monthIndex('2017-01')]);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(ARABIC);
  });

  it('drags the brush with the pointer: to the right is later', async () => {
    const page = o.page;
    await page.evaluate(
      ([a, b]) => ((window as any).__crossings.window = [a, b]),
      [monthIndex('2016-01'), monthIndex('2016-12')],
    );
    await repaintIdle(page);
    const sel = page.locator('[data-testid=timeline] g.brush .selection');
    const box = (await sel.boundingBox())!;
    const perMonth = Number(await sel.getAttribute('width')) / 12;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + perMonth * 24.2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const w = await page.evaluate(() => [...(window as any).__crossings.window]);
    expect(w).toEqual([monthIndex('2018-01'), monthIndex('2018-12')]);
  });

  it('draws country labels from their Arabic names, shaped by the local RTL text plugin', async () => {
    const page = o.page;
    await repaintIdle(page);
    const got = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      const feats = map.queryRenderedFeatures({ layers: ['country-labels'] });
      return {
        field: JSON.stringify(map.getLayoutProperty('country-labels', 'text-field')),
        names: feats.map((f: any) => f.properties.name_ar as string) as string[],
        status: (window as any).__crossingsRtlStatus?.() ?? null,
      };
    });
    expect(got.field).toContain('name_ar');
    expect(got.names.length).toBeGreaterThan(10);
    expect(got.names.filter((n: string) => ARABIC.test(n)).length).toBe(got.names.length);
    expect(got.status).toBe('loaded');
    // The plugin came from the site itself, not from the network.
    const rtl = o.requests.filter((u) => u.includes('rtl-text'));
    expect(rtl.length).toBe(1);
    expect(new URL(rtl[0]).origin).toBe(new URL(page.url()).origin);
    await page.screenshot({ path: saveShotPath('i18n-ar-labels') });
  });
});

describe('Arabic in the offline single file (file://, all network blocked)', () => {
  it('draws Arabic country labels with the RTL text plugin inlined in the file', async () => {
    // A fresh file from this build (a file left by an older build may predate the plugin).
    const file = join(__dirname, '../../test-results/offline-i18n/crossings.html');
    await buildOffline(file);
    const { ctx, page, blocked, errors } = await offlinePage(browser);
    try {
      await page.goto(`${pathToFileURL(file).href}?lang=ar&from=2016-01&to=2016-12`);
      await waitForMapIdle(page);
      await page.waitForFunction(() => (window as any).__crossingsRtlStatus?.() === 'loaded', null, {
        timeout: 30000,
      });
      await repaintIdle(page);
      const names = await page.evaluate(
        () =>
          (window as any).__crossingsMap
            .queryRenderedFeatures({ layers: ['country-labels'] })
            .map((f: any) => f.properties.name_ar) as string[],
      );
      expect(names.length).toBeGreaterThan(10);
      expect(names.every((n: string) => ARABIC.test(n))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: saveShotPath('i18n-ar-offline') });
    } finally {
      await ctx.close();
    }
  });
});
