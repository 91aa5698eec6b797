/**
 * "Export video": the timeline played over a chosen run of months, recorded in the browser.
 *
 * Three ways to write it, the first the browser supports:
 * 1. WebCodecs (VideoEncoder, VP8) muxed into WebM by webm-muxer: each frame carries its own
 *    timestamp (n / fps), so the file has exactly months × framesPerMonth frames and a duration
 *    that does not depend on the machine at all.
 * 2. Canvas capture + MediaRecorder, as below. On a loaded machine Chrome's canvas capture drops
 *    frames it is asked for (measured: 17–25 of 60 in headless Chromium under SwiftShader), so this
 *    is the second choice.
 * 3. A ZIP of PNG frames.
 *
 * In the MediaRecorder path frames
 * are driven by the app, not by the wall clock: for each month the window is set, the map is waited
 * for until it has drawn, the frame is composed (map, title, month, legend, source line) on a 2D
 * canvas, and that canvas is pushed to a `captureStream(0)` track with `requestFrame()` exactly
 * `framesPerMonth` times, each followed by `1000 / fps` ms of recording. The recorder is paused
 * while the app renders a month and while the encoder works on a frame, so the time a slow machine
 * takes is not in the video: every month appears exactly once, for the same time, on any machine.
 * VP8 is preferred to VP9: it encodes several times faster in software, and a busy encoder drops
 * frames.
 *
 * Where MediaRecorder (or WebM, or canvas capture) is missing, the fallback is a ZIP of one PNG per
 * month plus an ffmpeg concat list that gives each image its duration (fflate writes the ZIP).
 */
import type { Map as MLMap } from 'maplibre-gl';
import { zipSync } from 'fflate';
import type { Frame } from './frame';
import { FONT } from './png';
import { drawVideoFrame, footerHeight, HEADER } from './videoLayout';
import type { SizePreset } from './presets';
import { outputSize } from './presets';
import type { MonthIndex } from '../data/time';
import { monthIso } from '../data/time';

export interface VideoSpec {
  from: MonthIndex;
  to: MonthIndex;
  framesPerMonth: number;
  fps: number;
  preset: SizePreset;
}

export interface VideoHost {
  map: MLMap;
  /** Set the app's window and resolve once the app has applied it (before the map has drawn). */
  setWindow(w: [MonthIndex, MonthIndex]): Promise<void>;
  /** Title, legend (for the current window), source line. */
  frame(): Frame;
  monthLabel(m: MonthIndex): string;
}

export interface VideoProgress {
  month: number;
  months: number;
  frames: number;
}

export interface VideoResult {
  blob: Blob;
  kind: 'webm' | 'png-zip';
  /** How the WebM was written. */
  via: 'webcodecs' | 'mediarecorder' | 'png';
  mime: string;
  /** Frames pushed to the recorder (webm) or images written (png-zip). */
  frames: number;
  months: number;
  width: number;
  height: number;
  extension: 'webm' | 'zip';
}

export class VideoCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Whether this browser encodes VP8 with WebCodecs at this size. */
export async function webCodecsVp8(width: number, height: number): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return false;
  try {
    const r = await VideoEncoder.isConfigSupported({ codec: 'vp8', width, height });
    return !!r.supported;
  } catch {
    return false;
  }
}

/** The WebM type this browser records, or null (then the PNG fallback is used). */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function')
    return null;
  for (const t of ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'])
    if (MediaRecorder.isTypeSupported(t)) return t;
  return null;
}

const idle = (map: MLMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
/** Time given to the encoder after each frame, recorder paused. */
const SETTLE_MS = 120;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const once = (target: EventTarget, type: string) =>
  new Promise<void>((r) => target.addEventListener(type, () => r(), { once: true }));

const measureCtx = () => document.createElement('canvas').getContext('2d')!;

export async function recordVideo(
  spec: VideoSpec,
  host: VideoHost,
  opts: {
    signal?: AbortSignal;
    onProgress?: (p: VideoProgress) => void;
    /** Force a path (tests): otherwise the first the browser supports. */
    via?: VideoResult['via'];
  } = {},
): Promise<VideoResult> {
  const { map } = host;
  const months: MonthIndex[] = [];
  for (let m = spec.from; m <= spec.to; m++) months.push(m);
  if (!months.length) throw new RangeError('the video needs at least one month (from ≤ to)');
  if (!Number.isInteger(spec.framesPerMonth) || spec.framesPerMonth < 1)
    throw new RangeError('frames per month must be a whole number ≥ 1');
  const check = () => {
    if (opts.signal?.aborted) throw new VideoCancelled();
  };
  const size = outputSize(spec.preset);
  const density = spec.preset.density;
  const W = spec.preset.width;
  const mc = measureCtx();
  const measure = (s: string, px: number, bold?: boolean) => {
    mc.font = `${bold ? '700 ' : ''}${px}px ${FONT}`;
    return mc.measureText(s).width;
  };

  // The map box: the preset's height less the header and the tallest footer of all the months
  // (legend counts change from month to month), so every frame has the same map box.
  let footerH = 0;
  for (const m of months) {
    check();
    await host.setWindow([m, m]);
    footerH = Math.max(footerH, footerHeight(host.frame(), W, measure));
  }
  const mapH = Math.max(80, Math.round(spec.preset.height - HEADER - footerH));

  const container = map.getContainer();
  const savedStyle = container.style.cssText;
  const savedRatio = map.getPixelRatio();
  container.style.width = `${W}px`;
  container.style.height = `${mapH}px`;
  container.style.flex = 'none';
  map.resize();
  if (density !== savedRatio) map.setPixelRatio(density);

  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d')!;
  const via: VideoResult['via'] =
    opts.via ??
    ((await webCodecsVp8(size.width, size.height)) ? 'webcodecs' : webmType() ? 'mediarecorder' : 'png');
  const type = via === 'mediarecorder' ? webmType() : null;
  // Frames are composed on `canvas` and copied to `out`, the captured canvas, once per frame.
  const out = document.createElement('canvas');
  out.width = size.width;
  out.height = size.height;
  const og = out.getContext('2d')!;
  // Chrome pushes canvas-capture frames from a canvas in the document: attach it, out of sight.
  out.setAttribute('aria-hidden', 'true');
  out.style.cssText = 'position:fixed;left:-100000px;top:0;pointer-events:none';
  document.body.append(out);
  const frameMs = 1000 / spec.fps;
  let frames = 0;

  let recorder: MediaRecorder | null = null;
  let track: CanvasCaptureMediaStreamTrack | null = null;
  const chunks: Blob[] = [];
  const pngs: Record<string, Uint8Array> = {};
  let encoder: VideoEncoder | null = null;
  let muxer: import('webm-muxer').Muxer<import('webm-muxer').ArrayBufferTarget> | null = null;
  let encodeError: Error | null = null;
  try {
    if (type) {
      const stream = out.captureStream(0);
      track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
      recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 6_000_000 });
      recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
      // (Chrome fires 'start' only once a first frame arrives: do not wait for it.)
      recorder.start();
    }
    if (via === 'webcodecs') {
      const { Muxer, ArrayBufferTarget } = await import('webm-muxer');
      const mx = new Muxer({
        target: new ArrayBufferTarget(),
        video: { codec: 'V_VP8', width: size.width, height: size.height, frameRate: spec.fps },
      });
      muxer = mx;
      encoder = new VideoEncoder({
        output: (chunk, meta) => mx.addVideoChunk(chunk, meta),
        error: (e) => (encodeError = e instanceof Error ? e : new Error(String(e))),
      });
      encoder.configure({
        codec: 'vp8',
        width: size.width,
        height: size.height,
        bitrate: 4_000_000,
        framerate: spec.fps,
      });
    }
    for (let i = 0; i < months.length; i++) {
      check();
      const m = months[i];
      // Paused while the app renders the month: that time is not in the video.
      if (recorder?.state === 'recording') recorder.pause();
      await host.setWindow([m, m]);
      await idle(map);
      // No kept drawing buffer: the map is drawn now and copied in this task.
      map.redraw();
      g.setTransform(density, 0, 0, density, 0, 0);
      drawVideoFrame(
        g,
        map.getCanvas(),
        host.frame(),
        host.monthLabel(m),
        W,
        spec.preset.height,
        spec.preset.height - HEADER - mapH,
        measure,
        FONT,
      );
      if (encoder) {
        for (let k = 0; k < spec.framesPerMonth; k++) {
          if (encodeError) throw encodeError;
          const f = new VideoFrame(canvas, {
            timestamp: Math.round((frames * 1e6) / spec.fps),
            duration: Math.round(1e6 / spec.fps),
          });
          encoder.encode(f, { keyFrame: frames % (spec.fps * 2) === 0 });
          f.close();
          frames++;
          // Back-pressure: never more than a few frames waiting in the encoder.
          while (encoder.encodeQueueSize > 4) await sleep(5);
        }
      } else if (recorder && track) {
        for (let k = 0; k < spec.framesPerMonth; k++) {
          // Chrome captures a frame only from a canvas drawn since the last one: draw it again.
          og.drawImage(canvas, 0, 0);
          recorder.resume();
          track.requestFrame();
          frames++;
          await sleep(frameMs);
          // Paused again while the encoder catches up (a busy encoder drops frames; paused time
          // is not in the video).
          recorder.pause();
          await sleep(SETTLE_MS);
        }
      } else {
        const blob = await new Promise<Blob>((res, rej) =>
          canvas.toBlob((b) => (b ? res(b) : rej(new Error('PNG encoding failed'))), 'image/png'),
        );
        pngs[`frame-${String(i + 1).padStart(4, '0')}-${monthIso(m)}.png`] = new Uint8Array(
          await blob.arrayBuffer(),
        );
        frames++;
      }
      opts.onProgress?.({ month: i + 1, months: months.length, frames });
    }
    check();
    if (encoder && muxer) {
      await encoder.flush();
      if (encodeError) throw encodeError;
      encoder.close();
      muxer.finalize();
      return {
        blob: new Blob([muxer.target.buffer], { type: 'video/webm' }),
        kind: 'webm',
        via,
        mime: 'video/webm;codecs=vp8',
        frames,
        months: months.length,
        width: size.width,
        height: size.height,
        extension: 'webm',
      };
    }
    if (recorder) {
      const stopped = once(recorder, 'stop');
      recorder.stop();
      await stopped;
      return {
        blob: new Blob(chunks, { type: 'video/webm' }),
        kind: 'webm',
        via,
        mime: type!,
        frames,
        months: months.length,
        width: size.width,
        height: size.height,
        extension: 'webm',
      };
    }
    const seconds = spec.framesPerMonth / spec.fps;
    const names = Object.keys(pngs);
    // ffmpeg -f concat -i frames.txt out.webm: each month shown for framesPerMonth / fps seconds.
    const list =
      'ffconcat version 1.0\n' +
      names.map((n) => `file '${n}'\nduration ${seconds}\n`).join('') +
      `file '${names[names.length - 1]}'\n`;
    pngs['frames.txt'] = new TextEncoder().encode(list);
    const zip = zipSync(pngs, { level: 0 });
    return {
      blob: new Blob([zip as BlobPart], { type: 'application/zip' }),
      kind: 'png-zip',
      via: 'png',
      mime: 'application/zip',
      frames,
      months: months.length,
      width: size.width,
      height: size.height,
      extension: 'zip',
    };
  } finally {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    if (encoder && encoder.state !== 'closed') encoder.close();
    track?.stop();
    out.remove();
    container.style.cssText = savedStyle;
    if (density !== savedRatio) map.setPixelRatio(savedRatio);
    map.resize();
    map.triggerRepaint();
  }
}
