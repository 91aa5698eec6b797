/**
 * The import worker: reads the file (checking its size first), parses and checks every row, sorts
 * the points by time for the GPU layer, and sends back typed arrays (transferred, not copied), so
 * the page never parses a row. The page may terminate it at any time (cancel).
 */
import { sortPoints } from '../../map/gpu/points';
import { MAX_BYTES, readFile, tooBigFile } from './read';
import type { Processor } from './process';
import type { Choices } from './types';
import { buffersOf, type FromWorker, type ToWorker } from './protocol';

let current: Processor | null = null;
const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

async function readAll(file: Blob): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value.subarray(0, Math.min(value.length, out.length - at)), at);
    at += value.length;
    if (at - last > 4 << 20) {
      last = at;
      post({ type: 'progress', phase: 'read', done: at, total: file.size });
    }
  }
  return out.subarray(0, Math.min(at, out.length));
}

function finish(choices: Choices) {
  if (!current) return;
  const { analysis, built } = current.finish(choices);
  const sorted =
    built && built.points.n
      ? sortPoints(built.points.lon, built.points.lat, built.points.t, undefined, 4.5)
      : null;
  post({ type: 'result', analysis, built, sorted, choices }, buffersOf(built, sorted));
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    if (m.type === 'read') {
      current = null;
      current =
        m.file.size > MAX_BYTES
          ? tooBigFile(m.name, m.file.size)
          : await readFile(m.name, await readAll(m.file), (phase, done, total) =>
              post({ type: 'progress', phase, done, total }),
            );
      finish(m.choices);
    } else if (m.type === 'choose') finish(m.choices);
  } catch (err) {
    post({ type: 'error', message: String((err as Error)?.message ?? err) });
  }
};
