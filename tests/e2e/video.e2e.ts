/**
 * Export video (built site, real Chromium): a 12-month window recorded at 3 frames a month and a
 * custom 800 × 450 size gives a WebM with the EBML header whose video track holds exactly 12 × 3
 * SimpleBlocks (parsed here), as many as the app's plan and frame counter say, at that size; the
 * recorded frames show the map and the month, and every month's frame has the source line's ink in
 * its footer; Cancel stops a recording with nothing saved; the fallback (a ZIP of one PNG per month with an ffmpeg concat list) is made where
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

  it('12 months × 3 frames a month at a custom 800 × 450: a WebM with 36 frames, as planned and counted', async () => {
    const p = o.page;
    await p.getByTestId('open-export').click();
    await p.getByTestId('export-dialog').waitFor();
    await p.getByTestId('export-video').waitFor();
    await p.getByTestId('video-from').fill('2023-01');
    await p.getByTestId('video-to').fill('2023-12');
    await p.getByTestId('video-frames').selectOption('3');
    await p.getByTestId('video-preset').selectOption('custom');
    await p.getByTestId('video-width').fill('800');
    await p.getByTestId('video-height').fill('450');
    // The plan, before recording: months × frames a month.
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=video-plan]')?.textContent?.includes('800 × 450'),
    );
    expect(await p.getByTestId('video-plan').getAttribute('data-frames')).toBe('36');
    expect(await p.getByTestId('video-plan').innerText()).toContain(
      '12 months × 3 frames = 36 frames, 3.6 s',
    );
    const t0 = Date.now();
    const [dl] = await Promise.all([
      p.waitForEvent('download', { timeout: 240000 }),
      p.getByTestId('export-video').click(),
    ]);
    const wall = Date.now() - t0;
    expect(dl.suggestedFilename()).toBe('crossings-2023-01_2023-12-800x450.webm');
    const bytes = new Uint8Array(readFileSync((await dl.path())!));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/video-2023.webm', bytes);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const w = readWebm(bytes);
    expect(w.docType).toBe('webm');
    expect(w.codec).toMatch(/^V_VP[89]$/);
    expect([w.width, w.height]).toEqual([800, 450]);
    expect(w.frames).toHaveLength(12 * 3);
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=video-status]')?.textContent?.includes('Saved'),
    );
    const counted = Number(await p.getByTestId('video-status').getAttribute('data-frames'));
    expect(counted).toBe(36);
    const status = await p.getByTestId('video-status').innerText();
    expect(status).toContain('12 months, 36 frames, 800 × 450 px');
    // Timestamps only go forward; the duration is frames × 100 ms, whatever the time the map took
    // to draw each month (the frames carry their own timestamps).
    for (let i = 1; i < w.frames.length; i++) expect(w.frames[i]).toBeGreaterThanOrEqual(w.frames[i - 1]);
    const duration = w.frames[w.frames.length - 1] - w.frames[0] + 100;
    console.log(
      `video: ${w.frames.length} frames, ${duration.toFixed(0)} ms (timestamps), ${bytes.length} bytes, ` +
        `${w.width}×${w.height} ${w.codec}, recorded in ${wall} ms wall-clock`,
    );
    expect(duration).toBeGreaterThan(3000);
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
        // The source line is the footer's last rows (10 px text on 13 px rows): count dark pixels
        // (text ink on the light theme's background) in the bottom 30 rows.
        const foot = g.getImageData(0, c.height - 30, c.width, 30).data;
        let ink = 0;
        for (let i = 0; i < foot.length; i += 4) if (foot[i] + foot[i + 1] + foot[i + 2] < 300) ink++;
        return { colours: colours.size, ink, url: c.toDataURL('image/png') };
      };
      // One grab in the middle of each month (3 frames = 0.3 s a month).
      const months = [];
      for (let i = 0; i < 12; i++) months.push(await grab(0.3 * i + 0.15));
      return { w: v.videoWidth, h: v.videoHeight, duration: v.duration, months };
    }, b64);
    expect([r.w, r.h]).toEqual([800, 450]);
    const [first, last] = [r.months[0], r.months[11]];
    // A map (land, sea, routes, text), not a blank or single-colour frame.
    expect(first.colours).toBeGreaterThan(40);
    expect(last.colours).toBeGreaterThan(40);
    // January and December differ (the month label and the map change).
    expect(first.url).not.toBe(last.url);
    // Every month's frame carries the source line: ink in the footer's last rows.
    console.log(`video source-line ink per month: ${r.months.map((m) => m.ink).join(', ')}`);
    for (const m of r.months) expect(m.ink).toBeGreaterThan(200);
    writeFileSync('test-results/video-frame-2023-01.png', Buffer.from(first.url.split(',')[1], 'base64'));
    writeFileSync('test-results/video-frame-2023-12.png', Buffer.from(last.url.split(',')[1], 'base64'));
  });

  it('Cancel stops a recording: progress shown, nothing saved, the window restored', async () => {
    const p = o.page;
    await p.getByTestId('video-preset').selectOption('article');
    await p.getByTestId('video-from').fill('2021-01');
    await p.getByTestId('video-to').fill('2023-12');
    let saved = false;
    p.on('download', () => (saved = true));
    await p.getByTestId('export-video').click();
    // The progress bar counts months; cancel once the first month is recorded.
    await p.waitForFunction(
      () =>
        Number((document.querySelector('[data-testid=video-progress]') as HTMLProgressElement)?.value) >= 1,
      undefined,
      { timeout: 120000 },
    );
    expect(await p.getByTestId('video-progress').getAttribute('max')).toBe('36');
    await p.getByTestId('video-cancel').focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction(() =>
      document.querySelector('[data-testid=video-status]')?.textContent?.includes('cancelled'),
    );
    await p.waitForTimeout(500);
    expect(saved).toBe(false);
    expect(await p.evaluate(() => (window as any).__crossings.window)).toEqual([2023 * 12, 2023 * 12 + 11]);
  }, 180000);

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
