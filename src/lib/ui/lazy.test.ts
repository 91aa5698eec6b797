/**
 * A lazy part is handed over only once the lazy parts' English messages are here too
 * (src/lib/i18n/en-parts.ts), however it is reached: load, prefetch, loadPart. The messages' loader
 * is replaced by one the test resolves or fails by hand.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const messages = vi.hoisted(() => ({
  pending: [] as { resolve: () => void; reject: (e: Error) => void }[],
}));
vi.mock('../i18n/i18n.svelte', () => ({
  t: (key: string, p?: Record<string, string>) => (p ? `${key}:${JSON.stringify(p)}` : key),
  loadPartMessages: () => new Promise<void>((resolve, reject) => messages.pending.push({ resolve, reject })),
}));

const { lazyPart, loadPart, withMessages, prefetchWhenIdle } = await import('./lazy');

const settled = async <T>(p: Promise<T>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

afterEach(() => {
  messages.pending.length = 0;
});

describe('lazy parts wait for their messages', () => {
  it('withMessages resolves to the module only once the messages are in', async () => {
    const mod = { default: 'part' };
    const p = withMessages(() => Promise.resolve(mod));
    expect(await settled(p)).toBe(false);
    expect(messages.pending).toHaveLength(1);
    messages.pending[0].resolve();
    await expect(p).resolves.toBe(mod);
  });

  it("a part's load waits for them, and their failure is told like the part's", async () => {
    const notify = vi.fn();
    const onFail = vi.fn();
    const part = lazyPart(
      () => Promise.resolve({ default: 1 }),
      () => 'The part',
    );
    const first = part.load({ notify, onFail });
    expect(await settled(first)).toBe(false);
    expect(part.loaded).toBe(false);
    messages.pending.at(-1)!.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    expect(notify).toHaveBeenCalledWith('app.partFailed:{"what":"The part"}');
    expect(onFail).toHaveBeenCalled();
    // The next use tries again (messages included) and gets the part.
    const again = part.load({ notify });
    await Promise.resolve();
    for (const m of messages.pending) m.resolve();
    await expect(again).resolves.toEqual({ default: 1 });
    expect(part.loaded).toBe(true);
  });

  it('loadPart (a part imported in place, e.g. the story panel) waits for them', async () => {
    const p = loadPart(() => Promise.resolve('panel'), { what: 'x', notify: () => {} });
    expect(await settled(p)).toBe(false);
    messages.pending.at(-1)!.resolve();
    await expect(p).resolves.toBe('panel');
  });

  it('the idle prefetch fetches the messages with the first part', async () => {
    vi.useFakeTimers();
    const importer = vi.fn(() => Promise.resolve({}));
    lazyPart(importer, () => 'p');
    const before = messages.pending.length;
    // No requestIdleCallback in Node: a short timeout per part, one part after the other (the
    // part of an earlier test first, loaded already).
    prefetchWhenIdle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(importer).toHaveBeenCalledOnce();
    expect(messages.pending.length).toBeGreaterThan(before);
    vi.useRealTimers();
  });
});
