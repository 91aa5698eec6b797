/**
 * Stories in the browser (built site, real Chromium): a built-in story in Italian (`lang=it`), and a
 * story written in the app — three views added as chapters in explore mode, written in English and
 * Italian, presented, exported as Markdown that the data pipeline's validator accepts, imported back
 * to identical chapters; a malformed file lists its errors and changes nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, mapPixels, openApp, saveShotPath, waitForMapIdle, type Opened } from './browser';
import { loadAll } from '../../scripts/data/load';
import { validateStories } from '../../scripts/build-data';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
interface Words {
  title: string;
  text: string;
}
const built = JSON.parse(readFileSync('public/data/stories.json', 'utf8')) as {
  stories: {
    id: string;
    title: string;
    langs: Record<string, { title: string }>;
    chapters: (Words & { langs: Record<string, Words> })[];
  }[];
};
const storyOf = (id: string) => built.stories.find((s) => s.id === id)!;
const KEY = 'crossings:own-story:v1';
const mi = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

const cardText = (page: Page) =>
  page.evaluate(() => ({
    story: document.querySelector('[data-testid=present-card] .story')?.textContent?.trim() ?? null,
    title: document.querySelector('[data-testid=present-title]')?.textContent?.trim() ?? null,
    text: [...document.querySelectorAll('[data-testid=present-card] .text')]
      .map((p) => p.textContent?.trim())
      .join('\n\n'),
    lang:
      document.querySelector('[data-testid=present-card]')?.closest('[lang]')?.getAttribute('lang') ?? null,
    counter: document.querySelector('[data-testid=present-counter]')?.getAttribute('aria-label') ?? null,
  }));

describe('built-in stories in Italian', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  it.each(['central-med-2014-2025', 'uk-italy-april-2024', 'migration-fund-2021'])(
    '?present=%s&lang=it shows the Italian title and text, and the map draws',
    async (id) => {
      const o = await openApp(browser, `?present=${id}&lang=it&chapter=2`, { width: 1280, height: 720 });
      const ch = storyOf(id).chapters[1];
      await o.page.waitForFunction(
        (t) => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === t,
        ch.langs.it.title,
        { timeout: 20000 },
      );
      await waitForMapIdle(o.page);
      const c = await cardText(o.page);
      expect(c.title).toBe(ch.langs.it.title);
      expect(c.title).not.toBe(ch.langs.en.title);
      expect(c.text).toBe(ch.langs.it.text);
      expect(c.story).toBe(storyOf(id).langs.it.title);
      expect(c.lang).toBe('it');
      expect(c.counter).toMatch(/^Capitolo 2 di \d+$/);
      // The map under the card is drawn (not a blank canvas).
      const px = await mapPixels(o.page);
      expect(new Set(px.rgb).size).toBeGreaterThan(20);
      await o.page.screenshot({ path: saveShotPath(`story-${id}-it`) });
      // The same chapter in English, for the screenshot review.
      await o.page.goto(o.page.url().replace('lang=it', 'lang=en'));
      await o.page.waitForFunction(
        (t) => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === t,
        ch.langs.en.title,
        { timeout: 20000 },
      );
      await waitForMapIdle(o.page);
      expect((await cardText(o.page)).lang).toBe('en');
      await o.page.screenshot({ path: saveShotPath(`story-${id}-en`) });
      expect(o.consoleErrors).toEqual([]);
      await o.page.context().close();
    },
  );
});

describe('a story written in the app', () => {
  let browser: Browser;
  let o: Opened;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser, '', { width: 1280, height: 900 });
    page = o.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });
  afterAll(async () => browser?.close());

  const openPanel = async () => {
    const d = page.getByTestId('story-author');
    if (!(await d.evaluate((e) => (e as HTMLDetailsElement).open))) await d.locator('summary').click();
    await page.getByTestId('author-panel').waitFor();
  };
  /** Set up the explore view as a reader would have it, then press "Add this view as a chapter". */
  const addView = async (v: {
    from: string;
    to: string;
    layers: string[];
    metric: string;
    selection: unknown;
    center: [number, number];
    zoom: number;
  }) => {
    await page.evaluate(
      ([v, w]) => {
        const app = (window as any).__crossings;
        app.window = w;
        app.layers = Object.fromEntries(
          ['routes', 'landings', 'programmes', 'agreements', 'deaths'].map((l) => [l, v.layers.includes(l)]),
        );
        app.metric = v.metric;
        app.selection = v.selection;
        (window as any).__crossingsMap.jumpTo({ center: v.center, zoom: v.zoom });
      },
      [v, [mi(v.from), mi(v.to)]] as const,
    );
    await waitForMapIdle(page);
    const n = await page.getByTestId('author-chapter').count();
    await page.getByTestId('author-add').click();
    await expect.poll(() => page.getByTestId('author-chapter').count()).toBe(n + 1);
  };
  const write = async (i: number, lang: string, w: Words & { notes?: string }) => {
    await page.getByTestId(`author-lang-${lang}`).click();
    const ch = page.getByTestId('author-chapter').nth(i);
    await ch.getByTestId('author-ch-title').fill(w.title);
    await ch.getByTestId('author-ch-text').fill(w.text);
    if (w.notes) await ch.getByTestId('author-ch-notes').fill(w.notes);
  };
  const draft = () => page.evaluate((k) => localStorage.getItem(k), KEY);

  let exported = '';
  let before: string | null = null;

  it('adds three views as chapters, writes them in English and Italian, reorders and deletes', async () => {
    await openPanel();
    await page.getByTestId('author-id').fill('my-briefing');
    await page.getByTestId('author-lang-en').click();
    await page.getByTestId('author-title').fill('My briefing');
    await page.getByTestId('author-lang-it').click();
    await page.getByTestId('author-title').fill('Il mio briefing');
    await addView({
      from: '2023-11',
      to: '2024-10',
      layers: ['routes', 'agreements'],
      metric: 'frontex_detections',
      selection: { kind: 'agreement', id: 'italy-albania-protocol-2023' },
      center: [17.5, 40.3],
      zoom: 5,
    });
    await addView({
      from: '2023-01',
      to: '2023-12',
      layers: ['routes', 'deaths'],
      metric: 'dead_missing',
      selection: null,
      center: [14.2, 35.8],
      zoom: 4.6,
    });
    await addView({
      from: '2023-01',
      to: '2023-12',
      layers: ['routes', 'landings'],
      metric: 'sea_arrivals',
      selection: { kind: 'place', id: 'lampedusa' },
      center: [12.6, 35.5],
      zoom: 5.4,
    });
    // A fourth, deleted again.
    await addView({
      from: '2020-01',
      to: '2020-12',
      layers: ['routes'],
      metric: 'sea_arrivals',
      selection: null,
      center: [10, 40],
      zoom: 4,
    });
    await page.getByTestId('author-chapter').nth(3).getByTestId('author-delete').click();
    await expect.poll(() => page.getByTestId('author-chapter').count()).toBe(3);
    // The captured chapters hold the view: window, overlays, selection, metric, camera, and sources.
    const d = JSON.parse((await draft())!);
    expect(d.chapters[0]).toMatchObject({
      window: [mi('2023-11'), mi('2024-10')],
      overlays: ['routes', 'agreements'],
      selection: { kind: 'agreement', id: 'italy-albania-protocol-2023' },
      metric: 'frontex_detections',
    });
    expect(d.chapters[0].view.center[0]).toBeCloseTo(17.5, 3);
    expect(d.chapters[0].sources).toEqual(
      expect.arrayContaining(['frontex-ibc', 'agenzianova-albania-2023']),
    );
    expect(d.chapters[1].sources).toEqual(['iom-mmp']);

    await write(0, 'en', {
      title: 'The Albania protocol',
      text: 'Signed in Rome on 6 November 2023.',
      notes: 'Two centres.',
    });
    await write(0, 'it', {
      title: 'Il protocollo con l’Albania',
      text: 'Firmato a Roma il 6 novembre 2023.',
      notes: 'Due centri.',
    });
    await write(1, 'en', {
      title: 'The dead and missing',
      text: 'At least 2,526 on the Central Mediterranean in 2023.',
    });
    await write(1, 'it', {
      title: 'I morti e i dispersi',
      text: 'Almeno 2.526 sul Mediterraneo centrale nel 2023.',
    });
    await write(2, 'en', { title: 'Lampedusa', text: 'Around 110,000 people land there in 2023.' });
    await write(2, 'it', { title: 'Lampedusa', text: 'Vi sbarcano circa 110.000 persone nel 2023.' });
    // Reorder: Lampedusa before the dead and missing.
    await page.getByTestId('author-chapter').nth(1).getByTestId('author-down').click();
    await page.getByTestId('author-lang-en').click();
    await expect.poll(() => page.getByTestId('author-ch-title').nth(1).inputValue()).toBe('Lampedusa');
    await expect
      .poll(() => page.getByTestId('author-check').textContent())
      .toContain('Ready to present and export: 3 chapters');
    await page.getByTestId('author-chapter').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({
      path: saveShotPath('author-panel'),
      clip: (await page.locator('.side').boundingBox())!,
    });
    await page.screenshot({ path: saveShotPath('author-explore') });

    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return res.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('previews a chapter on the explore map', async () => {
    await page.getByTestId('author-chapter').nth(2).getByTestId('author-preview').click();
    await waitForMapIdle(page);
    const s = await page.evaluate(() => {
      const app = (window as any).__crossings;
      return { w: [...app.window], layers: { ...app.layers }, metric: app.metric, mode: app.mode };
    });
    expect(s).toMatchObject({
      w: [mi('2023-01'), mi('2023-12')],
      layers: { deaths: true, landings: false },
      metric: 'dead_missing',
      mode: 'explore',
    });
  });

  it('plays at once in present mode, in the chosen language', async () => {
    await page.getByTestId('author-present').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=present-title]')?.textContent?.trim() === 'The Albania protocol',
      null,
      { timeout: 20000 },
    );
    expect(page.url()).toContain('present=my-briefing');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === 'Lampedusa',
    );
    await waitForMapIdle(page);
    const s = await page.evaluate(() => {
      const app = (window as any).__crossings;
      const map = (window as any).__crossingsMap;
      return {
        w: [...app.window],
        sel: app.selection,
        landings: map.queryRenderedFeatures({ layers: ['landings-circles'] }).length,
      };
    });
    expect(s.w).toEqual([mi('2023-01'), mi('2023-12')]);
    expect(s.sel).toEqual({ kind: 'place', id: 'lampedusa' });
    expect(s.landings).toBeGreaterThan(0);
    // In Italian, after a reload: the story is kept in this browser.
    await page.goto(
      page
        .url()
        .replace(/([?&])lang=[a-z]+/, '$1')
        .replace('?', '?lang=it&'),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid=present-title]')?.textContent?.trim() === 'Lampedusa',
      null,
      { timeout: 20000 },
    );
    expect((await cardText(page)).text).toBe('Vi sbarcano circa 110.000 persone nel 2023.');
    expect((await cardText(page)).story).toBe('Il mio briefing');
    await waitForMapIdle(page);
    await page.screenshot({ path: saveShotPath('author-present-it') });
    await page.goto(page.url().split('?')[0] + '?lang=en');
    await waitForMapIdle(page);
  });

  it('exports a .md file that the data pipeline validates unchanged', async () => {
    await openPanel();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('author-export').click(),
    ]);
    expect(dl.suggestedFilename()).toBe('my-briefing.md');
    exported = readFileSync((await dl.path())!, 'utf8');
    const tmp = mkdtempSync(join(tmpdir(), 'crossings-story-'));
    try {
      cpSync('data', join(tmp, 'data'), { recursive: true });
      writeFileSync(join(tmp, 'data/stories/my-briefing.md'), exported);
      const { catalog, errors } = loadAll(tmp);
      expect(errors).toEqual([]);
      const r = validateStories(tmp, catalog);
      expect(r.errors).toEqual([]);
      // Written in English and Italian: the build only notes the app's other languages (fr, ar) as
      // missing; nothing else (no figure that differs between the two versions).
      const mineWarn = r.warnings.filter((w) => w.file === 'data/stories/my-briefing.md');
      expect(mineWarn.filter((w) => !['fr', 'ar'].includes(w.lang))).toEqual([]);
      expect(mineWarn.every((w) => /no version in this language/.test(w.message))).toBe(true);
      const mine = r.file.stories.find((s) => s.id === 'my-briefing')!;
      expect(mine.chapters.map((c) => c.title)).toEqual([
        'The Albania protocol',
        'Lampedusa',
        'The dead and missing',
      ]);
      expect(mine.chapters.map((c) => c.langs.it.title)).toEqual([
        'Il protocollo con l’Albania',
        'Lampedusa',
        'I morti e i dispersi',
      ]);
      expect(r.file.stories.length).toBe(built.stories.length + 1);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a malformed file lists its errors (file, chapter, field, what is expected) and changes nothing', async () => {
    before = await draft();
    const bad = exported
      .replace('zoom: 5\n', 'zoom: 40\n')
      .replace('sources: iom-mmp', 'sources: no-such-source');
    await page
      .getByTestId('author-import')
      .setInputFiles({ name: 'bad.md', mimeType: 'text/markdown', buffer: Buffer.from(bad) });
    const box = page.getByTestId('author-import-errors');
    await box.waitFor();
    const text = (await box.textContent())!;
    expect(text).toContain('bad.md was not imported; your story is unchanged. 2 problems');
    expect(text).toMatch(
      /bad\.md, chapter 1, row \d+, column "zoom": "40" is not valid \(expected a number from 1\.5 to 11\)/,
    );
    expect(text).toMatch(
      /bad\.md, chapter 3, row \d+, column "sources": "no-such-source" is not valid \(expected an id from data\/sources\.csv\)/,
    );
    expect(await draft()).toBe(before);
    expect(await page.getByTestId('author-chapter').count()).toBe(3);
  });

  it('imports the exported file back to identical chapters', async () => {
    await page.getByText('Delete the whole story').click();
    await expect.poll(() => page.getByTestId('author-chapter').count()).toBe(0);
    await page
      .getByTestId('author-import')
      .setInputFiles({ name: 'my-briefing.md', mimeType: 'text/markdown', buffer: Buffer.from(exported) });
    await expect
      .poll(() => page.getByTestId('author-status').textContent())
      .toContain('my-briefing.md imported: 3 chapters');
    const a = JSON.parse(before!);
    const b = JSON.parse((await draft())!);
    expect(b).toEqual(a);
    expect(o.consoleErrors).toEqual([]);
  });
});
