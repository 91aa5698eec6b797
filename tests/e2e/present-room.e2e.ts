/**
 * Present mode in a real room, on the built site, at 1920×1080 and 1024×768, for every chapter of
 * every story: the on-screen key is visible and lists what the map shows; the chapter's subject is
 * drawn (its ring and name are rendered features) at a screen point inside the map and outside the
 * card's and the key's rectangles; label sizes read from the live style at the current zoom meet the
 * projector thresholds; the card's body text is ≥ 32 px at 1080p. Then: B then PageDown un-blanks
 * without moving (the screenshot shows the map again), W blanks white, L hides the key, and S opens
 * the presenter view with the next chapter's title.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, repaintIdle, waitForMapIdle } from './browser';

interface StoryJson {
  id: string;
  chapters: { title: string; window: [number, number]; focus: { kind: string; id: string } | null }[];
}
const stories = (JSON.parse(readFileSync('public/data/stories.json', 'utf8')) as { stories: StoryJson[] })
  .stories;
const SIZES = [
  { width: 1920, height: 1080, label: 24, body: 32 },
  { width: 1024, height: 768, label: 18, body: 0 },
] as const;
/** Label layers a room must read: place/country names, sea names, circle labels, the subject's name. */
const LABEL_LAYERS = ['country-labels', 'sea-labels', 'landings-labels', 'focus-label'];

type Box = { left: number; top: number; right: number; bottom: number };

/** Wait until the chapter is applied, the camera has stopped and the map is drawn. */
async function settle(page: Page, n: number, window: [number, number]) {
  await page.waitForFunction(
    ([n, w]) => {
      const a = (window as any).__crossings;
      return a.story?.chapter === n && a.window[0] === w[0] && a.window[1] === w[1];
    },
    [n, window] as const,
    { timeout: 20000 },
  );
  // Framing happens after the card and key render (a tick); then the map goes idle.
  await page.waitForTimeout(150);
  await page.waitForFunction(() => !(window as any).__crossingsMap.isMoving(), null, { timeout: 20000 });
  await waitForMapIdle(page);
  // The overlays follow the chapter a frame after it (state/frames.ts): draw what they were given.
  await repaintIdle(page);
}

/** What the test reads of one chapter on screen. */
const measure = (page: Page, layers: string[]) =>
  page.evaluate((layers) => {
    const map = (window as any).__crossingsMap;
    const model = (window as any).__crossingsModel;
    const rect = (sel: string): Box | null => {
      const e = document.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const target = model.view('focus')?.target;
    const p = target ? map.project(target.point) : null;
    const zoom = map.getZoom();
    // A layer's text-size at this zoom: a number, a `match` (its smallest output) or a linear zoom
    // `interpolate` (evaluated), as the style writes them.
    const size = (v: unknown): number => {
      if (typeof v === 'number') return v;
      const e = v as unknown[];
      if (e[0] === 'match')
        return Math.min(
          ...e
            .slice(3)
            .filter((_, i) => i % 2 === 0)
            .map(size),
          size(e.at(-1)),
        );
      if (e[0] === 'interpolate') {
        const stops = e.slice(3) as number[];
        const zs = stops.filter((_, i) => i % 2 === 0);
        const vs = stops.filter((_, i) => i % 2 === 1).map(size);
        if (zoom <= zs[0]) return vs[0];
        for (let i = 1; i < zs.length; i++)
          if (zoom <= zs[i])
            return vs[i - 1] + ((vs[i] - vs[i - 1]) * (zoom - zs[i - 1])) / (zs[i] - zs[i - 1]);
        return vs.at(-1)!;
      }
      throw new Error(`text-size ${JSON.stringify(v)} not understood`);
    };
    const body = document.querySelector('[data-testid=present-card] .text');
    return {
      map: rect('[data-testid=map]')!,
      card: rect('[data-testid=present-card]'),
      key: rect('[data-testid=present-key]'),
      keyItems: [...document.querySelectorAll('[data-testid=present-key] li')].map((l) =>
        l.textContent!.trim(),
      ),
      focusItem: document
        .querySelector('[data-testid=present-key] [data-testid=legend-focus]')
        ?.textContent?.trim(),
      point: p ? [p.x, p.y] : null,
      name: target?.name ?? null,
      ring: map.queryRenderedFeatures({ layers: ['focus-label'] }).length,
      sizes: Object.fromEntries(
        layers.filter((l) => map.getLayer(l)).map((l) => [l, size(map.getLayoutProperty(l, 'text-size'))]),
      ),
      body: body ? parseFloat(getComputedStyle(body).fontSize) : 0,
    };
  }, layers);

const inside = (p: number[], b: Box) =>
  p[0] >= b.left && p[0] <= b.right && p[1] >= b.top && p[1] <= b.bottom;

/** Distinct colours in a screenshot of the page (decoded by the page itself). */
async function shotColours(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < px.length; i += 4 * 13) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return seen.size;
  }, png);
}

describe.each(SIZES)('present mode in the room at $width×$height', (size) => {
  let browser: Browser;
  let page: Page;
  // One page per size; the hooks and tests share it.
  beforeAll(async () => {
    browser = await launch();
    const ctx = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  it.each(stories.map((s) => [s.id, s] as const))(
    'every chapter of %s: key, subject in view, projector type',
    async (_id, story) => {
      await page.goto(`${baseUrl()}?present=${story.id}`);
      await waitForMapIdle(page);
      for (let i = 0; i < story.chapters.length; i++) {
        const c = story.chapters[i];
        if (i) await page.keyboard.press('PageDown');
        await settle(page, i, c.window);
        const m = await measure(page, LABEL_LAYERS);
        const at = `${story.id} chapter ${i + 1}`;
        // The key: on screen, not empty, and naming the subject.
        expect(m.key, at).not.toBeNull();
        expect(m.key!.right - m.key!.left, at).toBeGreaterThan(100);
        expect(m.key!.bottom - m.key!.top, at).toBeGreaterThan(40);
        expect(m.keyItems.length, at).toBeGreaterThan(0);
        expect(m.key!.bottom, `${at}: the key fits the screen`).toBeLessThanOrEqual(size.height);
        // Every chapter of the built-in stories names its subject.
        expect(c.focus, at).not.toBeNull();
        expect(m.focusItem, at).toBe(m.name);
        expect(m.ring, `${at}: the subject's name is drawn`).toBeGreaterThan(0);
        // The subject is on the map, clear of the card and the key.
        expect(m.point, at).not.toBeNull();
        expect(inside(m.point!, m.map), `${at}: ${m.point} in the map`).toBe(true);
        expect(inside(m.point!, m.card!), `${at}: ${m.point} under the card ${JSON.stringify(m.card)}`).toBe(
          false,
        );
        expect(inside(m.point!, m.key!), `${at}: ${m.point} under the key ${JSON.stringify(m.key)}`).toBe(
          false,
        );
        // Projector type.
        expect(Object.keys(m.sizes), at).toEqual(
          expect.arrayContaining(['country-labels', 'sea-labels', 'focus-label']),
        );
        for (const [layer, px] of Object.entries(m.sizes))
          expect(px, `${at}: ${layer} text ${px.toFixed(1)} px`).toBeGreaterThanOrEqual(size.label);
        expect(m.body, at).toBeGreaterThanOrEqual(size.body);
      }
    },
    // SwiftShader draws a 1920×1080 frame slowly on a shared machine: seven chapters need time.
    300000,
  );

  it('B then PageDown only un-blanks (same chapter, the map on screen); W blanks white; L hides the key', async () => {
    const story = stories[0];
    await page.goto(`${baseUrl()}?present=${story.id}&chapter=3`);
    await waitForMapIdle(page);
    await settle(page, 2, story.chapters[2].window);
    const clip = {
      x: size.width * 0.5,
      y: size.height * 0.3,
      width: size.width * 0.2,
      height: size.height * 0.3,
    };
    const before = await shotColours(page, clip);
    expect(before).toBeGreaterThan(5);

    await page.keyboard.press('b');
    await expect.poll(() => page.locator('[data-testid=present-blank]').isVisible()).toBe(true);
    expect(await shotColours(page, clip)).toBe(1);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('[data-testid=present-blank]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__crossings.story.chapter)).toBe(2);
    expect(await shotColours(page, clip)).toBeGreaterThan(5);

    await page.keyboard.press('w');
    const bg = await page
      .locator('[data-testid=present-blank]')
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(255, 255, 255)');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid=present-blank]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__crossings.story.chapter)).toBe(2);
    // Not blank any more: the next PageDown moves on.
    await page.keyboard.press('PageDown');
    await settle(page, 3, story.chapters[3].window);

    await page.keyboard.press('l');
    await expect.poll(() => page.locator('[data-testid=present-key]').count()).toBe(0);
    await page.keyboard.press('L');
    await expect.poll(() => page.locator('[data-testid=present-key]').count()).toBe(1);
  }, 180000);

  it('S opens the presenter view: the chapter, the next chapter’s title, notes, elapsed time, clock', async () => {
    const story = stories[0];
    const [notes] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
    await notes.waitForSelector('[data-testid=present-notes]', { timeout: 60000 });
    const next = () => notes.locator('[data-testid=notes-next-title]').textContent();
    await expect.poll(next, { timeout: 20000 }).toBe(story.chapters[4].title);
    expect(await notes.locator('[data-testid=notes-title]').textContent()).toBe(story.chapters[3].title);
    expect(await notes.locator('[data-testid=notes-elapsed]').textContent()).toMatch(/^\d+:\d\d$/);
    expect(await notes.locator('[data-testid=notes-clock]').textContent()).toMatch(/\d\d.\d\d/);
    const notesPx = await notes
      .locator('[data-testid=notes-body]')
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(notesPx).toBeGreaterThanOrEqual(24);
    // Keys work in the presenter view too: PageDown there moves the room's screen.
    await notes.keyboard.press('PageDown');
    await settle(page, 4, story.chapters[4].window);
    await expect.poll(next, { timeout: 20000 }).toBe(story.chapters[5].title);
    await notes.close();
  }, 180000);
});
