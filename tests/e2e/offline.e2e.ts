/**
 * "Download for offline" in the browser: the running app (dist/ served by vite preview) makes the
 * single HTML file from its own files, for a built-in story and for the reader's own story; the
 * file, written to disk and opened from file:// with every request that is not file/data/blob
 * aborted, plays the story (its chapter title on screen, the map drawn). The browser-made file is
 * the one src/lib/offline/inline.ts (what `npm run build:offline` runs) makes from dist/ on disk.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { launch, mapPixels, openApp, saveShotPath, waitForMapIdle, offlinePage } from './browser';
import { inlineDir } from '../../scripts/build-offline';
import { storyToDraft } from '../../src/lib/data/storyWrite';
import type { StoriesFile } from '../../src/lib/data/stories';
const DRAFT_KEY = 'crossings:own-story:v1'; // src/lib/authoring/own.ts

const STORY = 'migration-fund-2021';
const OUT = resolve('test-results/offline-download');
const stories = JSON.parse(readFileSync('dist/data/stories.json', 'utf8')) as StoriesFile;
const builtIn = stories.stories.find((s) => s.id === STORY)!;

/** The reader's own story: a built-in one under a new id, with titles of its own. */
const mine = {
  ...structuredClone(builtIn),
  id: 'my-offline-briefing',
  chapters: builtIn.chapters.slice(0, 2).map((c, i) => ({
    ...structuredClone(c),
    langs: { en: { ...c.langs.en, title: `My offline chapter ${i + 1}` } },
  })),
  langs: { en: { title: 'My offline briefing', description: 'Written in the app.' } },
  lang: 'en',
};

async function save(dl: Download, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  await dl.saveAs(file);
  return file;
}

/** Open the file from file:// with all network blocked; the title on screen and the map drawn. */
async function playOffline(browser: Browser, file: string, titles: string[], shot: string) {
  const { ctx, page, blocked, errors } = await offlinePage(browser);
  try {
    await page.goto(pathToFileURL(file).href);
    await waitForMapIdle(page);
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === t,
      titles[0],
      { timeout: 30000 },
    );
    await waitForMapIdle(page);
    const px = await mapPixels(page);
    const stats = await page.evaluate(() => {
      const map = (window as any).__crossingsMap;
      return {
        countries: map.queryRenderedFeatures({ layers: ['country-fill'] }).length,
        // The story's own marks (the chapter's overlays and its focus), not the basemap.
        ours: map
          .queryRenderedFeatures()
          .filter((f: any) => !/^(basemap|basemap-fine|country-labels|sea-labels)$/.test(f.source)).length,
        mode: (window as any).__crossings.mode,
      };
    });
    await page.screenshot({ path: saveShotPath(shot) });
    expect(new Set(px.rgb).size).toBeGreaterThan(20);
    expect(px.opaque).toBeGreaterThan(0);
    expect(stats.countries).toBeGreaterThan(10);
    expect(stats.ours).toBeGreaterThan(0);
    expect(stats.mode).toBe('present');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    // The clicker works in the file: the next chapter.
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === t,
      titles[1],
    );
  } finally {
    await ctx.close();
  }
}

describe('Download for offline (made in the browser, played from file:// with no network)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it('makes the file of a built-in story from the story list; it plays offline', async () => {
    const o = await openApp(browser, '?present=');
    page = o.page;
    const item = page.locator('.picker li').filter({ hasText: builtIn.title });
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      item.getByTestId('offline-download').click(),
    ]);
    expect(dl.suggestedFilename()).toBe(`crossings-${STORY}-en.html`);
    const file = await save(dl, dl.suggestedFilename());
    await expect
      .poll(() => item.getByTestId('offline-status').textContent())
      .toMatch(/^Saved crossings-migration-fund-2021-en\.html \([\d.]+ MB\)/);
    // The same file as the shared inliner makes from the built site on disk.
    const html = readFileSync(file, 'utf8');
    expect(html).toBe(await inlineDir('dist', { start: `?present=${STORY}&lang=en` }));
    // Nothing in it is left to fetch: no asset path, every chunk of the bundle accounted for.
    expect(html).not.toMatch(/(src|href)="\.?\/?assets\//);
    expect(html).toContain('"@crossings/assets/');
    await playOffline(
      browser,
      file,
      builtIn.chapters.slice(0, 2).map((c) => c.title),
      'offline-download-builtin',
    );
  });

  it('makes the file of the reader’s own story from the authoring panel; it plays offline', async () => {
    const ctx = page.context();
    await ctx.addInitScript(([k, d]) => localStorage.setItem(k, d), [
      DRAFT_KEY,
      JSON.stringify(storyToDraft(mine)),
    ] as const);
    await page.goto(page.url().split('?')[0]);
    await waitForMapIdle(page);
    await page.getByTestId('story-author').locator('summary').click();
    const panel = page.getByTestId('author-panel');
    await panel.waitFor();
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      panel.getByTestId('offline-download').click(),
    ]);
    expect(dl.suggestedFilename()).toBe('crossings-my-offline-briefing-en.html');
    const file = await save(dl, dl.suggestedFilename());
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('My offline chapter 2');
    await playOffline(
      browser,
      file,
      ['My offline chapter 1', 'My offline chapter 2'],
      'offline-download-own',
    );
  });
});
