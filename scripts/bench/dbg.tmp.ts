import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../tests/e2e/browser';
import { serve } from './server';
const s = await serve({ '/': '/tmp/dist-bench' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const ctx = await b.newContext({ viewport: { width: 640, height: 360 } });
await ctx.addInitScript('globalThis.__name ??= (f) => f;');
const p = await ctx.newPage();
await p.goto(s.url + '/index.html');
await p.waitForFunction(
  () => (window as any).__crossingsBench && (window as any).__crossingsMap?.loaded(),
  null,
  { timeout: 60000 },
);
await p.evaluate(() => (window as any).__crossingsBench.syntheticPoints(1000000, 1));
await new Promise((r) => setTimeout(r, 2000));
const log = await p.evaluate(async () => {
  const w = window as any;
  const map = w.__crossingsMap;
  const out: string[] = [];
  const t0 = performance.now();
  map.on('render', () =>
    out.push(
      `render ${(performance.now() - t0).toFixed(0)} w=${w.__crossingsGpu.lastFrame.window[1]} frames=${w.__crossingsGpu.frames}`,
    ),
  );
  await new Promise<void>((res) => {
    let k = 0;
    const step = () => {
      if (k++ > 15) return res();
      const [a, bb] = w.__crossings.window;
      w.__crossings.window = [a + 1, bb + 1];
      out.push(`step ${(performance.now() - t0).toFixed(0)}`);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return out;
});
console.log(log.join('\n'));
await b.close();
await s.close();
