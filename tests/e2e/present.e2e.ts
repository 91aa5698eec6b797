/**
 * Present mode on the built site: clicker keys move chapters and the map follows (window, overlays,
 * rendered features, view); the notes window follows both ways; axe finds no serious violations in
 * the projector theme; the offline single file works from file:// with every network request blocked.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  mapPixels,
  openApp,
  saveShotPath,
  waitForMapIdle,
  type Opened,
  offlinePage,
} from './browser';
import { buildOffline } from '../../scripts/build-offline';

const STORY = 'agreements-arrivals-2023-2024';
const stories = JSON.parse(readFileSync('public/data/stories.json', 'utf8')) as {
  stories: { id: string; chapters: { title: string; window: [number, number]; overlays: string[] }[] }[];
};
const chapters = stories.stories.find((s) => s.id === STORY)!.chapters;

interface Snap {
  story: { id: string; chapter: number } | null;
  window: [number, number];
  layers: Record<string, boolean>;
  theme: string;
  mode: string;
  search: string;
  counter: string | null;
  title: string | null;
  center: [number, number];
  zoom: number;
}
const snap = (page: Page) =>
  page.evaluate((): Snap => {
    const app = (window as any).__crossings;
    const map = (window as any).__crossingsMap;
    const c = map.getCenter();
    return {
      story: app.story && { ...app.story },
      window: [...app.window] as [number, number],
      layers: { ...app.layers },
      theme: app.theme,
      mode: app.mode,
      search: location.search,
      counter: document.querySelector('[data-testid=present-counter]')?.textContent?.trim() ?? null,
      title: document.querySelector('[data-testid=present-title]')?.textContent?.trim() ?? null,
      center: [c.lng, c.lat],
      zoom: map.getZoom(),
    };
  });

/** Wait until the chapter is on screen and its window and overlays are applied. */
async function waitChapter(page: Page, n: number) {
  const want = chapters[n];
  await page.waitForFunction(
    ([n, w]) => {
      const app = (window as any).__crossings;
      return app.story?.chapter === n && app.window[0] === w[0] && app.window[1] === w[1];
    },
    [n, want.window] as const,
    { timeout: 20000 },
  );
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === t,
    want.title,
  );
}

const rendered = (page: Page, layer: string) =>
  page.evaluate((l) => {
    const map = (window as any).__crossingsMap;
    return map.getLayer(l) ? map.queryRenderedFeatures({ layers: [l] }).length : -1;
  }, layer);

describe('present mode (built site, real Chromium)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser, `?present=${STORY}`, { width: 1024, height: 768 });
    await o.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitChapter(o.page, 0);
  });
  afterAll(async () => {
    await o?.page.screenshot({ path: saveShotPath('present-1024') });
    await browser?.close();
  });

  it('opens the first chapter full screen in the projector theme', async () => {
    const s = await snap(o.page);
    expect(s.mode).toBe('present');
    expect(s.theme).toBe('projector');
    expect(s.counter).toBe(`1 / ${chapters.length}`);
    expect(s.title).toBe(chapters[0].title);
    expect(await o.page.locator('.side').isVisible()).toBe(false);
    expect(await o.page.locator('header.top').isVisible()).toBe(false);
    const box = await o.page.locator('[data-testid=map]').boundingBox();
    expect(box!.width).toBe(1024);
    expect(box!.height).toBe(768);
    // Large type: the chapter title is at least 32 px at 1024×768.
    const size = await o.page
      .locator('[data-testid=present-title]')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
  });

  it('PageDown, space, PageUp, End, Home and number+Enter move chapters; the map state follows', async () => {
    const p = o.page;
    await p.keyboard.press('PageDown');
    await waitChapter(p, 1);
    let s = await snap(p);
    expect(s.search).toContain(`present=${STORY}`);
    expect(s.search).toContain('chapter=2');
    expect(s.counter).toBe(`2 / ${chapters.length}`);
    // Chapter 2 shows routes and agreements, not landings.
    expect(s.layers).toMatchObject({ routes: true, agreements: true, landings: false });
    await waitForMapIdle(p);
    expect(await rendered(p, 'agreements-markers')).toBeGreaterThan(0);
    expect(await rendered(p, 'landings-circles')).toBe(0);
    expect(await rendered(p, 'routes-line')).toBeGreaterThan(0);
    // The view jumped to the chapter's (reduced motion: no flight); the centre may move a little so
    // that the chapter's subject (Tunis) is clear of the card and the key (present/camera.ts).
    expect(Math.abs(s.center[0] - 11.5)).toBeLessThan(1);
    expect(Math.abs(s.center[1] - 36)).toBeLessThan(1);
    expect(s.zoom).toBeCloseTo(5.2, 1);

    await p.keyboard.press(' ');
    await waitChapter(p, 2);
    await p.keyboard.press('PageUp');
    await waitChapter(p, 1);
    await p.keyboard.press('End');
    await waitChapter(p, chapters.length - 1);
    s = await snap(p);
    expect(s.counter).toBe(`${chapters.length} / ${chapters.length}`);
    expect(s.layers.landings).toBe(true);
    await waitForMapIdle(p);
    expect(await rendered(p, 'landings-circles')).toBeGreaterThan(0);
    await p.keyboard.press('PageDown'); // stays on the last chapter
    expect((await snap(p)).story?.chapter).toBe(chapters.length - 1);
    await p.keyboard.press('Home');
    await waitChapter(p, 0);
    await p.keyboard.press('ArrowRight');
    await waitChapter(p, 1);
    await p.keyboard.press('ArrowLeft');
    await waitChapter(p, 0);
    await p.keyboard.press('4');
    await expect.poll(() => p.locator('[data-testid=present-digits]').isVisible()).toBe(true);
    await p.keyboard.press('Enter');
    await waitChapter(p, 3);
    expect((await snap(p)).search).toContain('chapter=4');
  });

  it('B and . blank the screen and bring it back', async () => {
    const p = o.page;
    await p.keyboard.press('b');
    await expect.poll(() => p.locator('[data-testid=present-blank]').isVisible()).toBe(true);
    await p.keyboard.press('.');
    await expect.poll(() => p.locator('[data-testid=present-blank]').count()).toBe(0);
  });

  it('Back returns to the previous chapter (a URL per chapter)', async () => {
    const p = o.page;
    await p.keyboard.press('PageDown');
    await waitChapter(p, 4);
    await p.goBack();
    await waitChapter(p, 3);
  });

  it('the speaker-notes window (S) follows the main window, and the main window follows it', async () => {
    const p = o.page;
    const [notes] = await Promise.all([p.context().waitForEvent('page'), p.keyboard.press('s')]);
    await notes.waitForSelector('[data-testid=present-notes]', { timeout: 60000 });
    const counter = () => notes.locator('[data-testid=notes-counter]').textContent();
    await expect.poll(counter, { timeout: 20000 }).toBe(`4 / ${chapters.length}`);
    expect(await notes.locator('[data-testid=notes-title]').textContent()).toBe(chapters[3].title);
    expect(new URL(notes.url()).searchParams.has('notes')).toBe(true);

    await p.keyboard.press('PageDown');
    await waitChapter(p, 4);
    await expect.poll(counter, { timeout: 20000 }).toBe(`5 / ${chapters.length}`);

    await notes.keyboard.press('PageDown');
    await waitChapter(p, 5);
    await notes.keyboard.press('b');
    await expect.poll(() => p.locator('[data-testid=present-blank]').isVisible()).toBe(true);
    await expect.poll(() => notes.locator('[data-testid=notes-blanked]').isVisible()).toBe(true);
    await p.keyboard.press('b');
    await expect.poll(() => notes.locator('[data-testid=notes-blanked]').count()).toBe(0);
    await notes.close();
  });

  it('axe finds no serious or critical violations (colour contrast included) in the projector theme', async () => {
    const p = o.page;
    await p.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
    const violations = await p.evaluate(async () => {
      const r = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      });
      return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    const bad = violations.filter(
      (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(bad).toEqual([]);
    const ran = await p.evaluate(
      async () => (await (window as any).axe.run(document, { runOnly: ['color-contrast'] })).passes.length,
    );
    expect(ran).toBeGreaterThan(0);
  });
});

describe('present mode with motion', () => {
  it('flies the map and animates the window month by month to the next chapter', async () => {
    const browser = await launch();
    try {
      const o = await openApp(browser, `?present=central-med-2014-2025&chapter=1`, {
        width: 1920,
        height: 1080,
      });
      const central = stories.stories.find((s) => s.id === 'central-med-2014-2025')!.chapters;
      await o.page.waitForFunction(() => (window as any).__crossings.window[0] === 2014 * 12);
      await o.page.evaluate(() => {
        const w = window as any;
        w.__seen = new Set<string>();
        w.__sampler = setInterval(() => w.__seen.add(w.__crossings.window.join('-')), 5);
      });
      await o.page.keyboard.press('PageDown');
      await o.page.waitForFunction(
        (w) => {
          const a = (window as any).__crossings;
          return a.window[0] === w[0] && a.window[1] === w[1];
        },
        central[1].window,
        { timeout: 20000 },
      );
      const seen = await o.page.evaluate(() => {
        clearInterval((window as any).__sampler);
        return (window as any).__seen.size;
      });
      // Intermediate windows were shown (not a cut from one chapter's window to the next).
      expect(seen).toBeGreaterThan(3);
      await o.page.waitForFunction(() => !(window as any).__crossingsMap.isMoving(), null, {
        timeout: 20000,
      });
      const zoom = await o.page.evaluate(() => (window as any).__crossingsMap.getZoom());
      expect(zoom).toBeCloseTo(4.6, 1);
      const size = await o.page
        .locator('[data-testid=present-title]')
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(48);
    } finally {
      await browser.close();
    }
  });
});

describe('offline single file (file://, all network blocked)', () => {
  it('renders the map and the first chapter', async () => {
    const file = resolve(process.env.CROSSINGS_OFFLINE ?? 'dist-offline/crossings.html');
    if (!existsSync(file)) await buildOffline(file);
    const browser = await launch();
    try {
      const { page, blocked, errors } = await offlinePage(browser);
      await page.goto(`${pathToFileURL(file).href}?present=${STORY}`);
      await waitForMapIdle(page);
      await waitChapter(page, 0);
      const colours = new Set((await mapPixels(page)).rgb).size;
      const stats = await page.evaluate(() => {
        const map = (window as any).__crossingsMap;
        return {
          countries: map.queryRenderedFeatures({ layers: ['country-fill'] }).length,
          routes: map.queryRenderedFeatures({ layers: ['routes-line'] }).length,
        };
      });
      expect(colours).toBeGreaterThan(20);
      expect(stats.countries).toBeGreaterThan(10);
      expect(stats.routes).toBeGreaterThan(0);
      expect(await page.locator('[data-testid=present-title]').textContent()).toBe(chapters[0].title);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      await page.keyboard.press('PageDown');
      await waitChapter(page, 1);
      await page.screenshot({ path: saveShotPath('present-offline') });
    } finally {
      await browser.close();
    }
  });
});
