/**
 * Keeps the presenter's screen and the speaker-notes window on the same chapter, both ways, through
 * a BroadcastChannel (same origin, no server). A state that arrived from the other window is not sent
 * back, so quick presses never ping-pong between the two.
 */
import type { Blank } from './player';

export interface PresentState {
  id: string;
  chapter: number;
  /** '' shown, or blanked black or white. */
  blank: Blank;
  /** The on-screen key is shown. */
  key: boolean;
}
type Message = { type: 'state'; state: PresentState } | { type: 'hello' };

export const CHANNEL = 'crossings-present';
const key = (s: PresentState) => `${s.id}|${s.chapter}|${s.blank}|${s.key}`;

export interface Sync {
  /** Send a local change (skipped when it is the state just received). */
  post(s: PresentState): void;
  close(): void;
}

export function openSync(
  onState: (s: PresentState) => void,
  current: () => PresentState | null,
  Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel,
): Sync {
  if (!Channel) return { post() {}, close() {} };
  const ch = new Channel(CHANNEL);
  let lastRemote = '';
  const send = (s: PresentState) => {
    ch.postMessage({ type: 'state', state: s } satisfies Message);
  };
  ch.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    if (m?.type === 'hello') {
      const s = current();
      if (s) send(s);
    } else if (m?.type === 'state') {
      lastRemote = key(m.state);
      onState(m.state);
    }
  };
  // A window that opens late (the notes) asks for the current state.
  ch.postMessage({ type: 'hello' } satisfies Message);
  return {
    post(s) {
      if (key(s) === lastRemote) return;
      lastRemote = '';
      send(s);
    },
    close: () => ch.close(),
  };
}
