/**
 * Export video (built site, real Chromium): a 12-month window recorded at 5 frames a month gives a
 * WebM with the EBML header whose video track holds exactly 12 × 5 SimpleBlocks (parsed here), as
 * many as the app's frame counter says, at the preset's size; the recorded frames show the map and
 * the month; the fallback (a ZIP of one PNG per month with an ffmpeg concat list) is made where
 * recording is unavailable. Duration and size are printed for the closing note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { launch, openApp, type Opened } from './browser';
import { readWebm } from './webm';

describe('export video (built site, real Chromium)', () => {
  let browser: Browser;
  let o: Opened;
  beforeAll(async () => {
    browser = await launch();
    o = await openApp(browser, '?v=1&from=2023-01&to=2023-12', { width: 1280, height: 800 });
  }, 90000);
  afterAll(async () => browser?.close());

  it('12 months × 5 frames a month: a WebM with 60 frames, as the app counted, at the article size', async () => {
    const p = o.page;
    await p.getByTestId('open-export').click();
    await p.getByTestId('export-dialog').waitFor();
    await p.getByTestId('export-video').waitFor();
    await p.getByTestId('video-from').fill('2023-01');
    await p.getByTestId('video-to').fill('2023-12');
    await p.getByTestId('video-speed').selectOption('2'); // 2 months a second at 10 fps = 5 frames a month
    await p.getByTestId('video-preset').selectOption('article');
    const t0 = Date.now();
    const [dl] = await Promise.all([
      p.waitForEvent('download', { timeout: 240000 }),
      p.getByTestId('export-video').click(),
    ]);
    const wall = Date.now() - t0;
    expect(dl.suggestedFilename()).toBe('crossings-2023-01_2023-12-article.webm');
    const bytes = new Uint8Array(readFileSync((await dl.path())!));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/video-2023.webm', bytes);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const w = readWebm(bytes);
    expect(w.docType).toBe('webm');
    expect(w.codec).toMatch(/^V_VP[89]$/);
    expect([w.width, w.height]).toEqual([640, 720]);
    expect(w.frames).toHaveLength(12 * 5);
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=video-status]')?.textContent?.includes('Saved'),
    );
    const counted = Number(await p.getByTestId('video-status').getAttribute('data-frames'));
    expect(counted).toBe(60);
    const status = await p.getByTestId('video-status').innerText();
    expect(status).toContain('12 months, 60 frames, 640 × 720 px');
    // Timestamps only go forward; the duration is frames × 100 ms give or take the timer's jitter,
    // whatever the time the map took to draw each month (paused while it draws).
    for (let i = 1; i < w.frames.length; i++) expect(w.frames[i]).toBeGreaterThanOrEqual(w.frames[i - 1]);
    const duration = w.frames[w.frames.length - 1] - w.frames[0] + 100;
    console.log(
      `video: ${w.frames.length} frames, ${duration.toFixed(0)} ms (timestamps), ${bytes.length} bytes, ` +
        `${w.width}×${w.height} ${w.codec}, recorded in ${wall} ms wall-clock`,
    );
    expect(duration).toBeGreaterThan(5000);
    expect(duration).toBeLessThan(wall + 1000);
    // The app's window is restored afterwards.
    expect(await p.evaluate(() => (window as any).__crossings.window)).toEqual([2023 * 12, 2023 * 12 + 11]);
  }, 300000);

  it('the frames show the map and the month: decoded in the browser', async () => {
    const p = o.page;
    const b64 = Buffer.from(readFileSync('test-results/video-2023.webm')).toString('base64');
    const r = await p.evaluate(async (data) => {
      const v = document.createElement('video');
      v.muted = true;
      document.body.append(v);
      v.src = URL.createObjectURL(await (await fetch('data:video/webm;base64,' + data)).blob());
      await new Promise((res, rej) => {
        v.onloadeddata = res;
        v.onerror = () => rej(new Error('video did not decode'));
      });
      // A paused video that never played paints nothing in headless Chromium: play one frame.
      await v.play();
      await new Promise((res) => v.requestVideoFrameCallback(res));
      v.pause();
      const grab = async (time: number) => {
        v.currentTime = time;
        await new Promise((res) => (v.onseeked = res));
        await new Promise((res) => setTimeout(res, 100));
        const c = document.createElement('canvas');
        c.width = v.videoWidth;
        c.height = v.videoHeight;
        const g = c.getContext('2d')!;
        g.drawImage(v, 0, 0);
        const px = g.getImageData(0, 0, c.width, c.height).data;
        const colours = new Set<number>();
        for (let i = 0; i < px.length; i += 4 * 53)
          colours.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
        return { colours: colours.size, url: c.toDataURL('image/png') };
      };
      const first = await grab(0.25);
      const last = await grab(5.85);
      return { w: v.videoWidth, h: v.videoHeight, duration: v.duration, first, last };
    }, b64);
    expect([r.w, r.h]).toEqual([640, 720]);
    // A map (land, sea, routes, text), not a blank or single-colour frame.
    expect(r.first.colours).toBeGreaterThan(40);
    expect(r.last.colours).toBeGreaterThan(40);
    // January and December differ (the month label and the map change).
    expect(r.first.url).not.toBe(r.last.url);
    writeFileSync('test-results/video-frame-2023-01.png', Buffer.from(r.first.url.split(',')[1], 'base64'));
    writeFileSync('test-results/video-frame-2023-12.png', Buffer.from(r.last.url.split(',')[1], 'base64'));
  });

  it('without MediaRecorder it saves a ZIP of one PNG per month and a concat list', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    await ctx.addInitScript(() => {
      // A browser that can neither encode (WebCodecs) nor record (MediaRecorder) video.
      delete (window as any).MediaRecorder;
      delete (window as any).VideoEncoder;
    });
    const page = await ctx.newPage();
    const { baseUrl, waitForMapIdle } = await import('./browser');
    await page.goto(baseUrl() + '?v=1&from=2023-01&to=2023-12');
    await waitForMapIdle(page);
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-video').waitFor();
    await page.getByTestId('video-from').fill('2023-01');
    await page.getByTestId('video-to').fill('2023-06');
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 240000 }),
      page.getByTestId('export-video').click(),
    ]);
    expect(dl.suggestedFilename()).toBe('crossings-2023-01_2023-06-article.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const pngs = Object.keys(files).filter((n) => n.endsWith('.png'));
    expect(pngs).toEqual([1, 2, 3, 4, 5, 6].map((i) => `frame-000${i}-2023-0${i}.png`));
    for (const n of pngs) expect([...files[n].subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const list = new TextDecoder().decode(files['frames.txt']);
    expect(list.match(/duration 0.5\n/g)).toHaveLength(6);
    writeFileSync('test-results/video-fallback-frame-2023-06.png', files[pngs[5]]);
    await ctx.close();
  }, 300000);
});
