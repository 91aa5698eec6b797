/**
 * `npx tsx scripts/bench/profile.ts [keys|toggles|play] [WIDTHxHEIGHT]`: a CPU profile (CDP Profiler)
 * of the built site while the bench's input sequence runs, printed as the top functions by self time
 * and by total time, with the Event Timing p75 of the same presses. For finding what an input costs;
 * the figures that count are `npm run bench`'s.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/e2e/browser';
import { serve } from './server';
import { EVENT_INIT, clearEvents, readEvents, settle, summarise } from './events';
import { INPUT_SEQUENCES, type InputKind } from './inputs';
import { topFunctions, type CpuProfile } from './cpuProfile';

const DIST = process.env.CROSSINGS_DIST ?? 'dist';
const kind = (process.argv[2] ?? 'keys') as InputKind;
const [w, h] = (process.argv[3] ?? '1280x720').split('x').map(Number);

async function main() {
  const server = await serve({ '/': DIST });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const ctx = await browser.newContext({
      viewport: { width: w, height: h },
      deviceScaleFactor: 1,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    await ctx.addInitScript(`globalThis.__name ??= (f) => f; ${EVENT_INIT}`);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __crossingsMap?: { loaded(): boolean; isStyleLoaded(): boolean } })
          .__crossingsMap;
        return !!m && m.isStyleLoaded() && m.loaded();
      },
      null,
      { timeout: 120000 },
    );
    await settle(page, 1500);
    // PROFILE_FADE=0: no symbol fade (MapLibre's fadeDuration), to see how many renders it costs.
    if (process.env.PROFILE_FADE !== undefined)
      await page.evaluate((ms) => {
        (window as unknown as { __crossingsMap: { _fadeDuration: number } }).__crossingsMap._fadeDuration =
          ms;
      }, Number(process.env.PROFILE_FADE));
    // PROFILE_NOMAP=1: the map is never updated (held for good), to see what the rest of the page costs.
    if (process.env.PROFILE_NOMAP)
      await page.evaluate(() => {
        (
          window as unknown as { __crossingsGpu: { pacer: { holdFor(): number } } }
        ).__crossingsGpu.pacer.holdFor = () => 1e7;
      });
    const seq = INPUT_SEQUENCES[kind];
    await seq.prepare(page);
    // Frames, map renders and map updates (the frame scheduler's) over the sequence.
    await page.evaluate(() => {
      const w = window as unknown as Record<string, any>;
      w.__prof = { frames: 0, renders: 0, applied0: w.__crossingsGpu?.applied?.frames ?? 0, stop: false };
      w.__crossingsMap.on('render', () => w.__prof.renders++);
      const tick = () => {
        w.__prof.frames++;
        if (!w.__prof.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await clearEvents(page);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    const n = await seq.run(page);
    await settle(page);
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: CpuProfile;
    };
    const wall = Date.now() - t0;
    const fig = summarise(await readEvents(page), n);
    const c = await page.evaluate(() => {
      const w = window as unknown as Record<string, any>;
      w.__prof.stop = true;
      const applied = w.__crossingsGpu?.applied?.frames;
      return {
        ...w.__prof,
        applied: applied === undefined ? null : applied - w.__prof.applied0,
        pace: w.__crossingsGpu?.pace,
      };
    });
    console.log(
      `${kind} at ${w}x${h}: ${n} interactions in ${wall} ms; Event Timing p75 ${fig.p75Ms} ms, median ${fig.medianMs}, max ${fig.maxMs}, handler median ${fig.processingMedianMs.toFixed(1)} ms; ${c.frames} animation frames, ${c.renders} map renders, ${c.applied ?? 'n/a'} map updates; map frame ${c.pace ? `${c.pace.cost.toFixed(0)} ms${c.pace.slow ? ' (slow: held during input)' : ''}` : 'n/a'}`,
    );
    const top = topFunctions(profile, { self: 25, total: 40 });
    console.log('top self time:\n' + top.self.join('\n'));
    console.log('top total time:\n' + top.total.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
