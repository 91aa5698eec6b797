/**
 * `npx tsx scripts/bench/timeline.ts [WIDTHxHEIGHT] [app|bare]`: one fresh load of the built site (or the
 * bench's bare page, built to BASELINE_OUT by ./baselineBuild.ts when missing) printed as a timeline:
 * each file's request start and end, paints, long tasks, the map's creation, `load`, first `idle` and the
 * bench's time to interactive. For finding where load time goes; the figures that count are the bench's.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/e2e/browser';
import { serve } from './server';
import { BASELINE_OUT, buildBaseline } from './baselineBuild';
import { topFunctions, type CpuProfile } from './cpuProfile';

const DIST = process.env.CROSSINGS_DIST ?? 'dist';
const [w, h] = (process.argv[2] ?? '1280x720').split('x').map(Number);
const which = process.argv[3] ?? 'app';

const INIT = `globalThis.__name ??= (f) => f;
(() => {
  const t = (window.__tl = { marks: [], long: [] });
  const mark = (n) => t.marks.push([n, performance.now()]);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) t.long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  t.gl = { programs: 0, ms: 0 };
  const P = WebGL2RenderingContext.prototype;
  for (const k of ['linkProgram', 'getProgramParameter', 'compileShader', 'getShaderParameter']) {
    const f = P[k];
    P[k] = function (...a) { const s = performance.now(); try { return f.apply(this, a); } finally { t.gl.ms += performance.now() - s; if (k === 'linkProgram') t.gl.programs++; } };
  }
  t.gl.list = [];
  const src = new WeakMap(), att = new WeakMap();
  const ss = P.shaderSource; P.shaderSource = function (sh, text) { src.set(sh, text); return ss.call(this, sh, text); };
  const as = P.attachShader; P.attachShader = function (pr, sh) { const l = att.get(pr) ?? []; l.push(sh); att.set(pr, l); return as.call(this, pr, sh); };
  const lp = P.linkProgram; P.linkProgram = function (pr) {
    const txt = (att.get(pr) ?? []).map((sh) => src.get(sh) ?? '').join('\\n');
    const defs = [...txt.matchAll(/#define (HAS_UNIFORM_u_\\w+|\\w+)/g)].map((x) => x[1].replace('HAS_UNIFORM_u_', 'u:')).filter((d) => !/^(PI|EXTENT|LN2|SDF_PX|DEVICE_PIXEL|OVERDRAW|GLOBE|scale|NUM_|MAX_)/.test(d));
    const ins = [...txt.matchAll(/\\bin (?:highp |mediump |lowp )?\\w+ (a_\\w+)/g)].map((x) => x[1]);
    t.gl.list.push([...new Set(ins)].join(',') + ' | ' + [...new Set(defs)].join(','));
    return lp.call(this, pr);
  };
  let m;
  Object.defineProperty(window, '__crossingsMap', { configurable: true, get: () => m, set: (v) => {
    m = v; mark('map created');
    v.once('style.load', () => mark('style.load'));
    v.once('load', () => mark('load'));
    v.once('idle', () => mark('first idle'));
    const poll = () => (v.isStyleLoaded() && v.loaded() ? mark('tti') : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  }});
})();`;

async function main() {
  if (which === 'bare' && !existsSync(BASELINE_OUT)) await buildBaseline();
  const server = await serve({ '/__baseline/': BASELINE_OUT, '/': DIST });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
    await ctx.addInitScript(INIT);
    if (process.env.HIDE)
      await ctx.addInitScript(
        `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(process.env.HIDE)} + '{display:none!important}'; document.head.append(s); });`,
      );
    const page = await ctx.newPage();
    const cdp = process.env.PROFILE ? await ctx.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.url}${which === 'bare' ? '/__baseline/' : '/'}index.html`);
    await page.waitForFunction(() => (window as any).__tl.marks.some((m: any) => m[0] === 'tti'), null, {
      timeout: 30000,
    });
    await page.waitForTimeout(500);
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const top = topFunctions(profile, { self: 25, total: 40 });
      console.log(`--- self\n${top.self.join('\n')}\n--- total\n${top.total.join('\n')}`);
    }
    const out = await page.evaluate(() => {
      const tl = (window as any).__tl;
      const rows: [number, string][] = [];
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        rows.push([
          e.startTime,
          `  ${e.name.replace(location.origin, '').padEnd(48)} ${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)}  ${(e.encodedBodySize / 1024).toFixed(1)} KB`,
        ]);
      for (const e of performance.getEntriesByType('paint')) rows.push([e.startTime, `* ${e.name}`]);
      for (const [n, at] of tl.marks) rows.push([at, `# ${n}`]);
      for (const [s, d] of tl.long)
        rows.push([s, `! long task ${d.toFixed(0)} ms (to ${(s + d).toFixed(0)})`]);
      tl.gl.list.forEach((x: string, i: number) => rows.push([1e9 + i, `  program ${i}: ${x}`]));
      rows.push([
        1e9,
        `gl: ${tl.gl.programs} programs linked, ${tl.gl.ms.toFixed(0)} ms in compile/link calls`,
      ]);
      return rows.sort((a, b) => a[0] - b[0]).map(([t, s]) => `${t.toFixed(0).padStart(6)}  ${s}`);
    });
    console.log(out.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
