import { describe, expect, it } from 'vitest';
import { APP_TEMPLATE_ID, BOOT_JS, deferAppTags } from './posterFirst';

const page = `<!doctype html><html><head><title>x</title>
    <script type="module" crossorigin src="./assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/maplibre-b.js">
    <link rel="stylesheet" crossorigin href="./assets/app-c.css">
</head>
  <body><div id="poster"></div><script src="./assets/poster-d.js"></script><div id="app"></div></body></html>`;

describe('poster first: the app is asked for after the poster paints', () => {
  const out = deferAppTags(page, 'assets/boot-e.js');
  const head = out.slice(0, out.indexOf('<body'));

  it('takes the module entry and preloads out of the head; keeps the stylesheets there', () => {
    expect(head).not.toMatch(/type="module"|modulepreload/);
    expect(head).toContain('<link rel="stylesheet" crossorigin href="./assets/app-c.css">');
  });

  it('keeps them, unchanged, in an inert template at the end of the body, the boot script after it', () => {
    expect(out).toContain(
      `<template id="${APP_TEMPLATE_ID}"><script type="module" crossorigin src="./assets/index-a.js"></script><link rel="modulepreload" crossorigin href="./assets/maplibre-b.js"></template><script src="./assets/boot-e.js"></script>\n</body>`,
    );
    // The poster (and its script) still come first in the body.
    expect(out.indexOf('poster-d.js')).toBeLessThan(out.indexOf(APP_TEMPLATE_ID));
  });

  it('refuses a page with no module entry (a build that changed shape)', () => {
    expect(() => deferAppTags('<html><head></head><body></body></html>', 'b.js')).toThrow(
      'no <script type="module"> entry',
    );
  });

  it('boots on the first contentful paint; without a poster after a frame; at most a second later', () => {
    expect(BOOT_JS).toContain("getEntriesByName('first-contentful-paint')");
    expect(BOOT_JS).toContain("if(!document.getElementById('poster'))soon()");
    expect(BOOT_JS).toContain('setTimeout(go,1000)');
    expect(BOOT_JS).toMatch(/if\(done\)return;done=true/);
  });
});
