#!/usr/bin/env node
// Screenshots of every chapter of every story in present mode, at 1920×1080, 1920×1200 and 1024×768,
// plus the presenter view: `npx vite build && node scripts/present-shots.mjs [dist] [out]`.
// Serves dist on 127.0.0.1 (random port) and drives Debian Chromium through playwright-core, with
// reduced motion (each chapter is drawn at rest). Writes test-results/present-shots/*.png.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [distArg, outArg, only] = process.argv.slice(2);
const dist = path.resolve(distArg || 'dist');
const out = path.resolve(outArg || 'test-results/present-shots');
fs.mkdirSync(out, { recursive: true });
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const server = http.createServer((req, res) => {
  let f = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
  if (!f.startsWith(dist) || !fs.existsSync(f)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(f)] || 'application/octet-stream' });
  res.end(fs.readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const stories = JSON.parse(fs.readFileSync(path.join(dist, 'data/stories.json'), 'utf8')).stories;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const idle = (page) =>
  page.evaluate(
    () =>
      new Promise((r) => {
        const m = window.__crossingsMap;
        m.once('idle', r);
        m.triggerRepaint();
      }),
  );
const sizes = (only ? only.split(',') : ['1920x1080', '1920x1200', '1024x768']).map((s) =>
  s.split('x').map(Number),
);
for (const [width, height] of sizes) {
  for (const s of stories) {
    const ctx = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(String(e)));
    await page.goto(`${base}?present=${s.id}`);
    await page.waitForFunction(() => window.__crossingsMap?.isStyleLoaded(), null, { timeout: 60000 });
    for (let i = 0; i < s.chapters.length; i++) {
      if (i) await page.keyboard.press('PageDown');
      await page.waitForFunction((n) => window.__crossings.story?.chapter === n, i);
      await page.waitForTimeout(300);
      await idle(page);
      const file = `${s.id}-${i + 1}-${width}x${height}.png`;
      await page.screenshot({ path: path.join(out, file) });
      console.log(file);
    }
    await ctx.close();
  }
}
// The presenter view beside the main window.
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
const page = await ctx.newPage();
await page.goto(`${base}?present=${stories[0].id}&chapter=2&notes`);
await page.waitForSelector('[data-testid=present-notes]', { timeout: 60000 });
await page.screenshot({ path: path.join(out, 'presenter-view-1280x800.png') });
console.log('presenter-view-1280x800.png');
await browser.close();
server.close();
