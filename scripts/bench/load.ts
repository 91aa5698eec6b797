/**
 * The bench's first-load case, for the app and for the bare MapLibre page with the same basemap in
 * the same run: bytes (gzip, as the bench server sent them) and requests up to an interactive map,
 * time to interactive, largest contentful paint (its element), cumulative layout shift, and the
 * bytes sent before the LCP. Counted at the server, so the map worker's own fetches are included.
 */
import type { Browser, Page } from 'playwright-core';
import type { Served } from './server';
import { newPage, sleep, waitInteractive, type Viewport } from './page';

export interface LoadFigures {
  /** Navigation start → the map's style and sources loaded. */
  ttiMs: number;
  /** Gzip body bytes and requests sent from navigation to the interactive map. */
  bytesToInteractive: number;
  requestsToInteractive: number;
  /** The same, 1.5 s after interactive (what an idle prefetch adds). */
  bytesAfterIdle: number;
  requestsAfterIdle: number;
  lcpMs: number;
  /** The LCP element, as tag#id[data-testid].class. */
  lcpElement: string;
  bytesBeforeLcp: number;
  requestsBeforeLcp: number;
  cls: number;
  /** The largest files sent before the map was interactive (path, bytes), for the report. */
  largest: [string, number][];
}

interface Paint {
  lcp: number;
  lcpElement: string;
  cls: number;
  origin: number;
}

const readPaint = (page: Page) =>
  page.evaluate((): Paint => {
    const p = (window as unknown as { __benchPaint: Omit<Paint, 'origin'> }).__benchPaint;
    return { lcp: p.lcp, lcpElement: p.lcpElement, cls: p.cls, origin: performance.timeOrigin };
  });

/** Open `path` in a fresh page and measure its first load; the page is handed to `then` (e.g. inputs). */
export async function measureLoad<T>(
  browser: Browser,
  server: Served,
  path: string,
  vp: Viewport,
  then?: (page: Page) => Promise<T>,
): Promise<{ load: LoadFigures; after: T | null; errors: string[] }> {
  const { ctx, page, errors } = await newPage(browser, vp);
  server.log.length = 0;
  await page.goto(`${server.url}${path}`);
  const ttiMs = await waitInteractive(page);
  // LCP is final at the first input; none has happened yet, so read it after the map is up.
  await sleep(1500);
  const paint = await readPaint(page);
  const sent = server.log.slice();
  const until = (t: number) => sent.filter((r) => r.at <= t);
  const sum = (rs: typeof sent) => rs.reduce((a, r) => a + r.bytes, 0);
  const toTti = until(paint.origin + ttiMs);
  const beforeLcp = until(paint.origin + paint.lcp);
  const load: LoadFigures = {
    ttiMs,
    bytesToInteractive: sum(toTti),
    requestsToInteractive: toTti.length,
    bytesAfterIdle: sum(sent),
    requestsAfterIdle: sent.length,
    lcpMs: paint.lcp,
    lcpElement: paint.lcpElement,
    bytesBeforeLcp: sum(beforeLcp),
    requestsBeforeLcp: beforeLcp.length,
    cls: paint.cls,
    largest: [...toTti]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6)
      .map((r) => [r.path.replace(/^.*\//, ''), r.bytes]),
  };
  const after = then ? await then(page) : null;
  await ctx.close();
  return { load, after, errors };
}
