/**
 * Launch Debian's Chromium with WebGL through SwiftShader, and open the app with hooks that record
 * console errors and every request (to prove the page talks to no other origin).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p))
    throw new Error(
      `Chromium not found at ${p}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  return p;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export const baseUrl = () => inject('baseUrl');

export interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

export async function openApp(
  browser: Browser,
  query = '',
  viewport = { width: 1280, height: 800 },
): Promise<Opened> {
  const ctx = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await ctx.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl() + query);
  await waitForMapIdle(page);
  return { page, consoleErrors, requests };
}

/** Wait until the overlay model's frame scheduler has committed every input (src/lib/state/frames.ts). */
export async function settleFrames(page: Page) {
  await page.evaluate(async () => {
    await (
      window as unknown as { __crossingsModel?: { frames: { settled(): Promise<void> } } }
    ).__crossingsModel?.frames.settled();
  });
}

/** Wait until the map exists, its style is loaded, it has gone idle (all tiles drawn) and the poster is gone. */
export async function waitForMapIdle(page: Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __crossingsMap?: { loaded(): boolean; isStyleLoaded(): boolean } };
      return !!w.__crossingsMap && w.__crossingsMap.isStyleLoaded();
    },
    null,
    { timeout: 60000 },
  );
  await settleFrames(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (
          window as unknown as {
            __crossingsMap: {
              once(e: string, f: () => void): void;
              triggerRepaint(): void;
              loaded(): boolean;
            };
          }
        ).__crossingsMap;
        if (map.loaded()) return resolve();
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
  // The poster (index.html) fades out after the map's first idle: screenshots start after it.
  await page.waitForFunction(() => !document.getElementById('poster'), null, { timeout: 10000 });
}

/**
 * Repaint, then wait for the next 'idle': everything asked of the map so far is drawn (after the
 * overlay model has committed the last input to the map: it does so a frame after the input).
 */
export async function repaintIdle(page: Page) {
  await settleFrames(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (
          window as unknown as {
            __crossingsMap: { once(e: string, f: () => void): void; triggerRepaint(): void };
          }
        ).__crossingsMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

export function saveShotPath(name: string): string {
  mkdirSync('test-results', { recursive: true });
  return `test-results/${name}.png`;
}

/** The map canvas read back as RGB integers, every `step`-th pixel (drawn, then read in the same task). */
export async function mapPixels(page: Page, step = 97): Promise<{ rgb: number[]; opaque: number }> {
  return page.evaluate((s) => {
    // The map keeps no drawing buffer: draw now and read it in this task.
    (window as any).__crossingsMap.redraw();
    const src = (window as any).__crossingsMap.getCanvas() as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const rgb: number[] = [];
    let opaque = 0;
    for (let i = 0; i < px.length; i += 4 * s) {
      if (px[i + 3] > 0) opaque++;
      rgb.push((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    }
    return { rgb, opaque };
  }, step);
}

/**
 * A page in a context with the network off (the offline file's tests): every request that is not
 * file:, data: or blob: is aborted and listed in `blocked`; page errors are listed in `errors`.
 */
export async function offlinePage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const ctx = await browser.newContext({ viewport, offline: true });
  const blocked: string[] = [];
  const local = (u: string) => /^(file|data|blob):/.test(u);
  await ctx.route('**/*', (r) => {
    const u = r.request().url();
    if (local(u)) return r.continue();
    blocked.push(u);
    return r.abort();
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => !local(r.url()) && blocked.push(r.url()));
  return { ctx, page, blocked, errors };
}
