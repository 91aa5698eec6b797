/**
 * A small WebM (Matroska/EBML) reader for the video test: checks the EBML header and DocType, reads
 * the video track's frame count and timestamps from the Clusters' SimpleBlocks (and BlockGroups).
 * MediaRecorder writes a live stream (Segment and Clusters of unknown size), so those two masters
 * are entered rather than skipped; every other element is skipped by its size.
 */
const EBML = 0x1a45dfa3,
  DOCTYPE = 0x4282,
  SEGMENT = 0x18538067,
  CLUSTER = 0x1f43b675,
  TIMECODE = 0xe7,
  SIMPLE_BLOCK = 0xa3,
  BLOCK_GROUP = 0xa0,
  BLOCK = 0xa1,
  INFO = 0x1549a966,
  TIMECODE_SCALE = 0x2ad7b1,
  TRACKS = 0x1654ae6b,
  TRACK_ENTRY = 0xae,
  TRACK_NUMBER = 0xd7,
  TRACK_TYPE = 0x83,
  VIDEO = 0xe0,
  PIXEL_WIDTH = 0xb0,
  PIXEL_HEIGHT = 0xba,
  CODEC_ID = 0x86;
const ENTER = new Set([SEGMENT, CLUSTER, BLOCK_GROUP, INFO, TRACKS, TRACK_ENTRY, VIDEO, EBML]);

function vint(
  b: Uint8Array,
  p: number,
  keepMarker: boolean,
): { value: number; len: number; unknown: boolean } {
  const first = b[p];
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  if (len > 8) throw new Error(`bad EBML vint at ${p}`);
  let value = keepMarker ? first : first & (0xff >> len);
  let allOnes = (first & (0xff >> len)) === 0xff >> len;
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[p + i];
    if (b[p + i] !== 0xff) allOnes = false;
  }
  return { value, len, unknown: !keepMarker && allOnes };
}
const uint = (b: Uint8Array, p: number, n: number) => {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[p + i];
  return v;
};

export interface WebmInfo {
  docType: string;
  codec: string;
  width: number;
  height: number;
  /** Timestamps (ms) of the video track's frames, in file order. */
  frames: number[];
  timecodeScale: number;
}

export function readWebm(b: Uint8Array): WebmInfo {
  if (uint(b, 0, 4) !== EBML) throw new Error('not an EBML file (no 1A 45 DF A3 header)');
  const info: WebmInfo = { docType: '', codec: '', width: 0, height: 0, frames: [], timecodeScale: 1e6 };
  let clusterTc = 0;
  let videoTrack = -1;
  let track: { n: number; type: number; codec: string } = { n: 0, type: 0, codec: '' };
  let p = 0;
  const blocks: { track: number; ts: number }[] = [];
  while (p < b.length) {
    const id = vint(b, p, true);
    const size = vint(b, p + id.len, false);
    const data = p + id.len + size.len;
    if (data > b.length) break;
    if (id.value === TRACK_ENTRY) track = { n: 0, type: 0, codec: '' };
    if (ENTER.has(id.value)) {
      p = data;
      continue;
    }
    if (size.unknown) throw new Error(`unknown-size element ${id.value.toString(16)} at ${p}`);
    const end = data + size.value;
    switch (id.value) {
      case DOCTYPE:
        info.docType = new TextDecoder().decode(b.subarray(data, end));
        break;
      case TIMECODE_SCALE:
        info.timecodeScale = uint(b, data, size.value);
        break;
      case TRACK_NUMBER:
        track.n = uint(b, data, size.value);
        break;
      case TRACK_TYPE:
        track.type = uint(b, data, size.value);
        if (track.type === 1) videoTrack = track.n || videoTrack;
        break;
      case CODEC_ID:
        track.codec = new TextDecoder().decode(b.subarray(data, end));
        info.codec ||= track.codec;
        break;
      case PIXEL_WIDTH:
        info.width = uint(b, data, size.value);
        break;
      case PIXEL_HEIGHT:
        info.height = uint(b, data, size.value);
        break;
      case TIMECODE:
        clusterTc = uint(b, data, size.value);
        break;
      case SIMPLE_BLOCK:
      case BLOCK: {
        const tn = vint(b, data, false);
        let rel = (b[data + tn.len] << 8) | b[data + tn.len + 1];
        if (rel & 0x8000) rel -= 0x10000;
        blocks.push({ track: tn.value, ts: clusterTc + rel });
        break;
      }
    }
    p = end;
  }
  const v = videoTrack < 0 ? 1 : videoTrack;
  info.frames = blocks.filter((x) => x.track === v).map((x) => (x.ts * info.timecodeScale) / 1e6);
  return info;
}
