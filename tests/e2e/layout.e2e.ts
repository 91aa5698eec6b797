/**
 * The chrome and the layout: nothing scrolls sideways from 320 px up (explore and embed), a phone
 * sees the map first and big, the toolbar collapses into a keyboard-operable menu under 760 px,
 * "Copy link" stays on one line, and the controls are one family (same height, ≥ 4.5:1 text
 * contrast in every theme, a visible focus ring).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, saveShotPath } from './browser';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [320, 360, 390, 414, 768, 1024];
const MODES = ['', '?embed'];

/** Two frames and a little time: layout, the map's resize observer and Svelte have caught up. */
async function settleLayout(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
  await page.waitForTimeout(150);
}

/** Horizontal overflow of the page, and the outermost elements that stick out (for the message). */
async function overflow(page: Page): Promise<{ px: number; offenders: string[] }> {
  return page.evaluate(() => {
    const iw = window.innerWidth;
    const offenders: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      const b = e.getBoundingClientRect();
      const p = e.parentElement?.getBoundingClientRect();
      if (b.width > 0 && b.right > iw + 0.5 && (!p || p.right <= iw + 0.5))
        offenders.push(`${e.tagName.toLowerCase()}.${e.classList[0] ?? ''} (right ${Math.round(b.right)})`);
    }
    return { px: document.documentElement.scrollWidth - iw, offenders };
  });
}

const visible = (page: Page, testid: string) => page.getByTestId(testid).first().isVisible();
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('layout and chrome (built site, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const mode of MODES) {
    it(`${mode || 'explore'}: no horizontal scroll at ${WIDTHS.join(', ')} px`, async () => {
      const o = await openApp(browser, mode, { width: WIDTHS[0], height: 800 });
      const found: Record<number, { px: number; offenders: string[] }> = {};
      for (const width of WIDTHS) {
        await o.page.setViewportSize({ width, height: width < 760 ? 844 : 800 });
        await settleLayout(o.page);
        found[width] = await overflow(o.page);
      }
      for (const width of WIDTHS) {
        expect(
          found[width].px,
          `${mode || 'explore'} at ${width}: ${found[width].offenders.join(', ')}`,
        ).toBe(0);
      }
      // And freshly loaded at the narrowest width (no layout left over from a wider one).
      const fresh = await openApp(browser, mode, { width: 320, height: 640 });
      expect((await overflow(fresh.page)).px).toBe(0);
      await fresh.page.context().close();
      await o.page.context().close();
    });
  }

  it('a 390×844 phone sees the map first: at least 45 % of the screen, near the top, summary above', async () => {
    const { page } = await openApp(browser, '', { width: 390, height: 844 });
    const r = await page.evaluate(() => {
      const map = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
      const sum = document.querySelector('[data-testid=summary]')!;
      const s = sum.getBoundingClientRect();
      return {
        top: map.top,
        height: map.height,
        width: map.width,
        summaryBottom: s.bottom,
        summaryTop: s.top,
        summaryFont: parseFloat(getComputedStyle(sum).fontSize),
      };
    });
    await page.screenshot({ path: saveShotPath('layout-phone-390') });
    expect(r.height).toBeGreaterThanOrEqual(0.45 * 844);
    expect(r.top).toBeLessThan(844 * 0.4);
    expect(r.width).toBe(390);
    // The summary line is on the first screen, above the map, in readable type.
    expect(r.summaryTop).toBeGreaterThanOrEqual(0);
    expect(r.summaryBottom).toBeLessThanOrEqual(r.top + 1);
    expect(r.summaryFont).toBeGreaterThanOrEqual(14);
    // The timeline is below, reached by scrolling the page.
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('under 760 px the toolbar is a closed menu: Enter and click open it, Escape closes it, focus returns; axe is clean with it open', async () => {
    const { page } = await openApp(browser, '', { width: 390, height: 844 });
    const toggle = page.getByTestId('menu-button');
    const inside = ['lang', 'theme', 'copy-link', 'open-embed', 'open-export', 'search-input'];
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe('toolbar-menu');
    for (const id of inside) expect(await visible(page, id), `${id} hidden while closed`).toBe(false);
    // The toolbar's controls are inside the menu the button controls.
    expect(
      await page.evaluate(
        (ids) =>
          ids.every((id) =>
            document
              .getElementById('toolbar-menu')!
              .contains(document.querySelector(`[data-testid="${id}"]`)),
          ),
        inside,
      ),
    ).toBe(true);

    // Keyboard: focus the button, Enter opens, Tab goes into the menu, Escape closes and returns focus.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    for (const id of inside) expect(await visible(page, id), `${id} visible while open`).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('lang');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('copy-link');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedTestId(page)).toBe('menu-button');
    expect(await visible(page, 'copy-link')).toBe(false);
    // Space toggles it too (it is a button).
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Pointer: click opens, a click outside closes.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('layer-toggles').locator('legend').click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.evaluate(() => window.scrollTo(0, 0));

    // Open, the menu drops over the map without widening the page; axe finds nothing serious.
    await toggle.click();
    expect((await overflow(page)).px).toBe(0);
    await page.screenshot({ path: saveShotPath('layout-phone-menu') });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return res.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);

    // Choosing a search result closes the menu so the reader sees the map.
    const input = page.getByTestId('search-input');
    await input.pressSequentially('lampedusa', { delay: 10 });
    await page.locator('#search-listbox [role=option][data-id="lampedusa"]').waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedTestId(page)).toBe('menu-button');

    // Wider than 760 px the menu button goes and the controls stand in the toolbar.
    await page.setViewportSize({ width: 800, height: 844 });
    await settleLayout(page);
    expect(await toggle.isVisible()).toBe(false);
    for (const id of inside) expect(await visible(page, id), `${id} at 800 px`).toBe(true);
    await page.context().close();
  });

  it('1280×800: the toolbar is one row, "Copy link" is one line, controls are one family', async () => {
    const { page } = await openApp(browser);
    expect(await page.getByTestId('menu-button').isVisible()).toBe(false);
    const ids = ['lang', 'theme', 'copy-link', 'open-embed', 'open-export', 'search-input', 'tab-table'];
    for (const id of ids) expect(await visible(page, id), id).toBe(true);
    const measure = () =>
      page.evaluate(() => {
        const el = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
        const copy = el('copy-link');
        const range = document.createRange();
        range.selectNodeContents(copy);
        const lineBoxes = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        const h = (id: string) => el(id).getBoundingClientRect().height;
        const tops = ['lang', 'theme', 'copy-link', 'open-embed', 'open-export', 'search-input'].map((id) =>
          Math.round(el(id).getBoundingClientRect().top),
        );
        return {
          lines: lineBoxes.size,
          copy: h('copy-link'),
          lineHeight: parseFloat(getComputedStyle(copy).lineHeight),
          heights: ['open-embed', 'lang', 'theme', 'search-input', 'tab-table', 'timeline-play'].map(h),
          tops,
        };
      });
    for (const lang of ['en', 'it']) {
      await page.getByTestId('lang').selectOption(lang);
      await settleLayout(page);
      const m = await measure();
      expect(m.lines, `${lang}: Copy link wraps`).toBe(1);
      // One line of text plus the control's padding: well under two lines.
      expect(m.copy).toBeLessThan(2 * m.lineHeight + 2);
      // One family: buttons, selects, the search field and the tabs are the same height.
      for (const h of m.heights)
        expect(Math.abs(h - m.copy), `${lang}: heights ${m.heights}`).toBeLessThanOrEqual(1);
      // One row.
      expect(Math.max(...m.tops) - Math.min(...m.tops), `${lang}: tops ${m.tops}`).toBeLessThanOrEqual(1);
    }
    await page.getByTestId('lang').selectOption('en');
    await page.context().close();
  });

  it('every theme: text on controls has ≥ 4.5:1 contrast and keyboard focus shows a ring', async () => {
    const { page } = await openApp(browser);
    for (const theme of ['light', 'dark', 'projector']) {
      await page.evaluate((t) => ((window as any).__crossings.theme = t), theme);
      await settleLayout(page);
      const low = await page.evaluate(() => {
        /** rgb(), rgba() or color(srgb …) to [r, g, b, a] in 0–255 (alpha 0–1). */
        const parse = (c: string): number[] => {
          const m = /rgba?\(([^)]+)\)/.exec(c);
          if (m) {
            const v = m[1]
              .split(/[\s,/]+/)
              .filter(Boolean)
              .map(Number);
            return [v[0], v[1], v[2], v[3] ?? 1];
          }
          const s = /color\(srgb ([^)]+)\)/.exec(c);
          if (s) {
            const v = s[1]
              .split(/[\s/]+/)
              .filter(Boolean)
              .map(Number);
            return [v[0] * 255, v[1] * 255, v[2] * 255, v[3] ?? 1];
          }
          throw new Error(`unparsed colour ${c}`);
        };
        const over = (top: number[], under: number[]) =>
          [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
        /** The opaque colour behind an element: its background over its ancestors'. */
        const backdrop = (e: Element | null): number[] => {
          const layers: number[][] = [];
          for (let n = e; n; n = n.parentElement) {
            const b = parse(getComputedStyle(n).backgroundColor);
            if (b[3] > 0) layers.push(b);
            if (b[3] >= 1) break;
          }
          return layers.reduceRight((acc, l) => over(l, acc), [255, 255, 255, 1]);
        };
        const lum = (c: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
        };
        const ratio = (a: number[], b: number[]) => {
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        };
        const ids = [
          'lang',
          'theme',
          'copy-link',
          'open-embed',
          'open-export',
          'search-input',
          'tab-details',
          'tab-table',
          'timeline-play',
          'timeline-speed',
          'timeline-last12',
          'timeline-metric',
        ];
        const out: string[] = [];
        for (const id of ids) {
          const e = document.querySelector(`[data-testid="${id}"]`);
          if (!e) {
            out.push(`${id}: missing`);
            continue;
          }
          const bg = backdrop(e);
          const fg = over(parse(getComputedStyle(e).color), bg);
          const r = ratio(fg, bg);
          if (r < 4.5) out.push(`${id}: ${r.toFixed(2)}`);
        }
        return out;
      });
      expect(low, theme).toEqual([]);

      // Keyboard focus: from the language picker, Tab reaches the theme picker, then Copy link.
      await page.getByTestId('lang').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedTestId(page)).toBe('copy-link');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return {
          style: s.outlineStyle,
          width: parseFloat(s.outlineWidth),
          visible: document.activeElement!.matches(':focus-visible'),
        };
      });
      expect(ring.visible).toBe(true);
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
    }
    await page.context().close();
  });
});
