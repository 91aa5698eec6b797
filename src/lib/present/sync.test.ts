import { describe, expect, it } from 'vitest';
import { openSync, type PresentState } from './sync';

/** An in-memory BroadcastChannel: delivers to every other channel with the same name. */
function fakeChannel() {
  const all: Fake[] = [];
  class Fake {
    onmessage: ((e: MessageEvent) => void) | null = null;
    closed = false;
    constructor(public name: string) {
      all.push(this);
    }
    postMessage(data: unknown) {
      // Asynchronous, like the real channel.
      for (const c of all)
        if (c !== this && c.name === this.name)
          queueMicrotask(() => !c.closed && c.onmessage?.({ data } as MessageEvent));
    }
    close() {
      this.closed = true;
    }
  }
  return Fake as unknown as typeof BroadcastChannel;
}

describe('openSync', () => {
  it('keeps two windows on the same chapter in both directions without echoing', async () => {
    const Channel = fakeChannel();
    let a: PresentState = { id: 's', chapter: 2, blank: '', key: true };
    const aGot: PresentState[] = [];
    const sa = openSync(
      (s) => {
        aGot.push(s);
        a = s;
      },
      () => a,
      Channel,
    );
    let b: PresentState | null = null;
    const bGot: PresentState[] = [];
    const sb = openSync(
      (s) => {
        bGot.push(s);
        b = s;
        sb.post(s); // what the component's effect does after applying a remote state
      },
      () => b,
      Channel,
    );
    const flush = () => new Promise((r) => setTimeout(r, 0));
    await flush();
    // b said hello on open; a answered with its state.
    expect(b).toEqual({ id: 's', chapter: 2, blank: '', key: true });
    expect(aGot).toEqual([]);
    a = { ...a, chapter: 3 };
    sa.post(a);
    a = { ...a, chapter: 4 };
    sa.post(a);
    await flush();
    expect(bGot.map((s) => s.chapter)).toEqual([2, 3, 4]);
    expect(aGot).toEqual([]); // nothing bounced back
    sb.post({ id: 's', chapter: 1, blank: 'black', key: true });
    await flush();
    expect(a).toEqual({ id: 's', chapter: 1, blank: 'black', key: true });
    // Back to a state a sent before: still sent.
    a = { id: 's', chapter: 4, blank: '', key: true };
    sa.post(a);
    await flush();
    expect(b).toEqual(a);
    sa.close();
    sb.close();
  });

  it('does nothing without BroadcastChannel', () => {
    const s = openSync(
      () => {},
      () => null,
      undefined,
    );
    expect(() => s.post({ id: 'x', chapter: 0, blank: '', key: true })).not.toThrow();
  });
});
