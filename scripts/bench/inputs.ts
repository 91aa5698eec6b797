/**
 * The bench's input sequences (also run by scripts/bench/profile.ts): 30 timeline key presses,
 * 10 layer toggles, play/pause. Each `run` returns how many interactions it made, so presses under
 * Event Timing's 16 ms threshold (no entry) still count in the percentile.
 */
import type { Page } from 'playwright-core';
import { clearEvents, readEvents, settle, summarise, type InputFigures } from './events';

export type InputKind = 'keys' | 'toggles' | 'play';

export const KEY_PRESSES = 30;
/** Between presses: a held arrow key repeats every ~33 ms; 50 ms is a quick reader. */
export const KEY_GAP_MS = 50;
/** Where the key presses start, and where 30 presses of → end (all of 2020 → 2022-07 … 2023-06). */
export const KEY_START: [number, number] = [2020 * 12, 2020 * 12 + 11];
export const TOGGLES = ['programmes', 'routes', 'landings', 'agreements', 'programmes'] as const;
export const PLAY_CYCLES = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const setWindow = (page: Page, w: [number, number]) =>
  page.evaluate((w) => {
    (window as unknown as { __crossings: { window: [number, number] } }).__crossings.window = w;
  }, w);

export interface InputSequence {
  /** Put the page in the sequence's starting state (not measured). */
  prepare(page: Page): Promise<void>;
  /** Make the inputs; returns the number of interactions. */
  run(page: Page): Promise<number>;
}

export const INPUT_SEQUENCES: Record<InputKind, InputSequence> = {
  keys: {
    async prepare(page) {
      await setWindow(page, KEY_START);
      const s = page.locator('[data-testid=timeline-window]');
      await s.scrollIntoViewIfNeeded();
      await s.focus();
      await sleep(500);
    },
    async run(page) {
      for (let i = 0; i < KEY_PRESSES; i++) {
        await page.keyboard.press('ArrowRight');
        await sleep(KEY_GAP_MS);
      }
      return KEY_PRESSES;
    },
  },
  toggles: {
    async prepare(page) {
      await page.locator('[data-testid=layer-toggles]').scrollIntoViewIfNeeded();
      await sleep(300);
    },
    async run(page) {
      // Each switch twice (off, then on again, or on then off), so the page ends as it began.
      let n = 0;
      for (const id of TOGGLES) {
        for (let k = 0; k < 2; k++) {
          await page.locator(`[data-testid=toggle-${id}]`).click();
          n++;
          await sleep(250);
        }
      }
      return n;
    },
  },
  play: {
    async prepare(page) {
      await setWindow(page, KEY_START);
      await page.locator('[data-testid=timeline-play]').scrollIntoViewIfNeeded();
      await sleep(300);
    },
    async run(page) {
      const b = page.locator('[data-testid=timeline-play]');
      let n = 0;
      for (let i = 0; i < PLAY_CYCLES; i++) {
        await b.click();
        await sleep(1000);
        await b.click();
        n += 2;
        await sleep(400);
      }
      return n;
    },
  },
};

/** Every input sequence on a loaded app page, each summarised as INP-style Event Timing figures. */
export async function measureInputs(page: Page): Promise<Record<InputKind, InputFigures>> {
  const out = {} as Record<InputKind, InputFigures>;
  for (const kind of ['keys', 'toggles', 'play'] as const) {
    const seq = INPUT_SEQUENCES[kind];
    await seq.prepare(page);
    await settle(page, 500);
    await clearEvents(page);
    const n = await seq.run(page);
    await settle(page);
    out[kind] = summarise(await readEvents(page), n);
  }
  return out;
}
