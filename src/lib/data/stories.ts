/**
 * Stories for present mode, written as Markdown files in data/stories/. Shared by the data build
 * (which validates them and writes stories.json) and the tests. No dependency: the format is small
 * enough to parse by hand, and every error names the file, the line and the field.
 *
 * Format (see data/stories/README.md):
 *
 *   ---                                 story header
 *   id: central-med-2014-2025
 *   title: Central Mediterranean 2014–2025
 *   lang: en
 *   ---
 *   (optional one-line description)
 *   ---                                 one block per chapter
 *   center: 13.2, 35.6                  lon, lat
 *   zoom: 5
 *   window: 2014-01 to 2014-12          YYYY-MM to YYYY-MM
 *   overlays: routes, landings          layer ids (LAYER_IDS)
 *   selection: agreement:italy-libya-mou-2017   optional kind:id
 *   focus: agreement:italy-libya-mou-2017   optional: the chapter's subject (agreement, place, route, country)
 *   metric: sea_arrivals                optional
 *   sources: iom-italy-2014, frontex-ibc   ids from data/sources.csv
 *   ---
 *   # Chapter title
 *   Two or three lines of text.
 *
 *   Notes:
 *   Speaker notes (shown only in the notes window).
 */
import { METRICS, type DataError, type Metric } from './schema';
import { monthIndex, type MonthIndex } from './time';
import { LAYER_IDS, type LayerId } from '../overlays/registry';
import { SELECTION_KINDS } from '../state/selection';

/** The layer names and selection kinds a story may use are the app's own (one registry). */
export const STORY_LAYERS = LAYER_IDS;
export type StoryLayer = LayerId;
export const STORY_SELECTION_KINDS = SELECTION_KINDS;
type SelectionKind = (typeof STORY_SELECTION_KINDS)[number];
/** What a chapter may put in focus (highlighted and labelled in present mode, the rest dimmed). */
export const FOCUS_KINDS = ['agreement', 'place', 'route', 'country'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];
/** route: a family or segment id; country: an ISO 3166 alpha-3 code. */
export type Focus = { kind: FocusKind; id: string };

export interface Chapter {
  title: string;
  text: string;
  notes: string;
  view: { center: [number, number]; zoom: number };
  /** Month indices (year * 12 + month - 1), inclusive. */
  window: [MonthIndex, MonthIndex];
  overlays: StoryLayer[];
  selection: { kind: SelectionKind; id: string } | null;
  /** The chapter's subject, or null. */
  focus: Focus | null;
  metric: Metric | null;
  sources: string[];
}
export interface Story {
  id: string;
  title: string;
  lang: string;
  description: string;
  chapters: Chapter[];
}
export interface StoriesFile {
  version: 1;
  stories: Story[];
}

/** What the validator checks references against (ids from the validated catalog). */
export interface StoryRefs {
  sources: Set<string>;
  /** Known ids per selection kind; a kind left out is not checked. */
  selections?: Partial<Record<SelectionKind, Set<string>>>;
  /** Known ids per focus kind; a kind left out is not checked. */
  focus?: Partial<Record<FocusKind, Set<string>>>;
}

/** Limits that keep a chapter legible at the back of a room. */
export const MAX_TITLE = 80;
export const MAX_TEXT = 360;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADER_KEYS = ['id', 'title', 'lang'];
const CHAPTER_KEYS = ['center', 'zoom', 'window', 'overlays', 'selection', 'focus', 'metric', 'sources'];
const DELIM = '---';

interface Block {
  start: number; // 1-based line of the first line inside the block
  lines: string[];
}

/** Split into alternating front-matter / body blocks at lines that are exactly `---`. */
function splitBlocks(text: string): { before: Block; blocks: Block[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const parts: Block[] = [{ start: 1, lines: [] }];
  lines.forEach((line, i) => {
    if (line.trim() === DELIM) parts.push({ start: i + 2, lines: [] });
    else parts[parts.length - 1].lines.push(line);
  });
  return { before: parts[0], blocks: parts.slice(1) };
}

function parseFrontMatter(
  block: Block,
  allowed: string[],
  err: (row: number, column: string, value: string, expected: string) => void,
): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>();
  block.lines.forEach((raw, i) => {
    const line = block.start + i;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const m = /^([a-z_]+)\s*:\s*(.*)$/.exec(raw.trim());
    if (!m) return err(line, '(line)', raw.trim(), '"key: value"');
    const [, key, value] = m;
    if (!allowed.includes(key)) return err(line, key, value, `one of the keys ${allowed.join(', ')}`);
    if (out.has(key))
      return err(line, key, value, `one "${key}" per block (already on line ${out.get(key)!.line})`);
    out.set(key, { value: value.trim(), line });
  });
  return out;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Parse and validate one story file. Collects every error; returns the story only when there is none. */
export function parseStory(
  file: string,
  text: string,
  refs: StoryRefs,
): { story: Story | null; errors: DataError[] } {
  const errors: DataError[] = [];
  const err = (row: number, column: string, value: string, expected: string) =>
    void errors.push({ file, row, column, value, expected });
  const { before, blocks } = splitBlocks(text);
  if (before.lines.some((l) => l.trim()))
    err(
      before.start,
      '(file)',
      before.lines.find((l) => l.trim())!.trim(),
      'the file to start with a "---" line',
    );
  if (blocks.length < 4 || blocks.length % 2 !== 0) {
    err(
      1,
      '(file)',
      `${blocks.length} blocks`,
      'a header block, then at least one chapter: "---" front matter "---" body',
    );
    return { story: null, errors };
  }

  // Header.
  const h = parseFrontMatter(blocks[0], HEADER_KEYS, err);
  const headerLine = blocks[0].start;
  for (const k of HEADER_KEYS) if (!h.has(k)) err(headerLine, k, '', `a "${k}:" line in the story header`);
  const id = h.get('id')?.value ?? '';
  if (h.has('id') && !ID_RE.test(id)) err(h.get('id')!.line, 'id', id, 'lower-case words joined by "-"');
  const lang = h.get('lang')?.value ?? 'en';
  if (h.has('lang') && !/^[a-z]{2}$/.test(lang))
    err(h.get('lang')!.line, 'lang', lang, 'a two-letter language code');
  const description = blocks[1].lines.join(' ').replace(/\s+/g, ' ').trim();

  const chapters: Chapter[] = [];
  for (let b = 2; b < blocks.length; b += 2) {
    const c = parseChapter(blocks[b], blocks[b + 1], refs, err);
    if (c) chapters.push(c);
  }
  if (errors.length) return { story: null, errors };
  return { story: { id, title: h.get('title')!.value, lang, description, chapters }, errors };
}

function parseChapter(
  fm: Block,
  body: Block,
  refs: StoryRefs,
  err: (row: number, column: string, value: string, expected: string) => void,
): Chapter | null {
  let ok = true;
  const bad = (row: number, column: string, value: string, expected: string) => {
    ok = false;
    err(row, column, value, expected);
  };
  const f = parseFrontMatter(fm, CHAPTER_KEYS, bad);
  for (const k of ['center', 'zoom', 'window', 'overlays', 'sources'])
    if (!f.has(k)) bad(fm.start, k, '', `a "${k}:" line in every chapter`);

  let center: [number, number] = [0, 0];
  const c = f.get('center');
  if (c) {
    const parts = list(c.value).map(Number);
    if (
      parts.length !== 2 ||
      parts.some((x) => !Number.isFinite(x)) ||
      Math.abs(parts[0]) > 180 ||
      Math.abs(parts[1]) > 85
    )
      bad(c.line, 'center', c.value, 'longitude, latitude in degrees, e.g. "13.2, 35.6"');
    else center = [parts[0], parts[1]];
  }
  let zoom = 0;
  const z = f.get('zoom');
  if (z) {
    zoom = Number(z.value);
    if (!z.value || !Number.isFinite(zoom) || zoom < 1.5 || zoom > 11)
      bad(z.line, 'zoom', z.value, 'a number from 1.5 to 11');
  }
  let window: [MonthIndex, MonthIndex] = [0, 0];
  const w = f.get('window');
  if (w) {
    const m = /^(\S+)\s+to\s+(\S+)$/.exec(w.value);
    if (!m || !MONTH_RE.test(m[1]) || !MONTH_RE.test(m[2]))
      bad(w.line, 'window', w.value, '"YYYY-MM to YYYY-MM", e.g. "2023-01 to 2023-12"');
    else if (monthIndex(m[1]) > monthIndex(m[2]))
      bad(w.line, 'window', w.value, 'the first month not after the second');
    else window = [monthIndex(m[1]), monthIndex(m[2])];
  }
  let overlays: StoryLayer[] = [];
  const o = f.get('overlays');
  if (o) {
    const ids = list(o.value);
    for (const id of ids)
      if (!(STORY_LAYERS as readonly string[]).includes(id))
        bad(o.line, 'overlays', id, `layer ids from ${STORY_LAYERS.join(', ')}`);
    overlays = ids.filter((id): id is StoryLayer => (STORY_LAYERS as readonly string[]).includes(id));
  }
  let selection: Chapter['selection'] = null;
  const s = f.get('selection');
  if (s && s.value) {
    const m = /^([a-z]+):(\S+)$/.exec(s.value);
    const kind = m?.[1] as SelectionKind | undefined;
    if (!m || !kind || !STORY_SELECTION_KINDS.includes(kind))
      bad(s.line, 'selection', s.value, `"kind:id" with kind one of ${STORY_SELECTION_KINDS.join(', ')}`);
    else if (refs.selections?.[kind] && !refs.selections[kind]!.has(m[2]))
      bad(s.line, 'selection', s.value, `an existing ${kind} id`);
    else selection = { kind, id: m[2] };
  }
  let focus: Focus | null = null;
  const fc = f.get('focus');
  if (fc && fc.value) {
    const m = /^([a-z]+):(\S+)$/.exec(fc.value);
    const kind = m?.[1] as FocusKind | undefined;
    const what = {
      agreement: 'agreement id',
      place: 'place id',
      route: 'route family or segment id',
      country: 'country code (ISO 3166 alpha-3, e.g. ITA)',
    };
    if (!m || !kind || !FOCUS_KINDS.includes(kind))
      bad(fc.line, 'focus', fc.value, `"kind:id" with kind one of ${FOCUS_KINDS.join(', ')}`);
    else if (refs.focus?.[kind] && !refs.focus[kind]!.has(m[2]))
      bad(fc.line, 'focus', fc.value, `an existing ${what[kind]}`);
    else focus = { kind, id: m[2] };
  }
  let metric: Metric | null = null;
  const mt = f.get('metric');
  if (mt) {
    if (!(METRICS as readonly string[]).includes(mt.value))
      bad(mt.line, 'metric', mt.value, `one of ${METRICS.join(', ')}`);
    else metric = mt.value as Metric;
  }
  let sources: string[] = [];
  const src = f.get('sources');
  if (src) {
    sources = list(src.value);
    if (!sources.length) bad(src.line, 'sources', src.value, 'at least one source id');
    for (const id of sources)
      if (!refs.sources.has(id)) bad(src.line, 'sources', id, 'an id from data/sources.csv');
  }

  const text = parseBody(body, bad);
  return ok && text
    ? { ...text, view: { center, zoom }, window, overlays, selection, focus, metric, sources }
    : null;
}

/** Body: "# Title", text lines, then an optional "Notes:" line followed by speaker notes. */
function parseBody(
  body: Block,
  bad: (row: number, column: string, value: string, expected: string) => void,
): { title: string; text: string; notes: string } | null {
  let title = '';
  const text: string[] = [];
  const notes: string[] = [];
  let inNotes = false;
  let titleLine = body.start;
  body.lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!title && !inNotes && line.startsWith('# ')) {
      title = line.slice(2).trim();
      titleLine = body.start + i;
    } else if (/^notes:\s*$/i.test(line)) inNotes = true;
    else if (inNotes) notes.push(line);
    else if (line && !title) bad(body.start + i, 'title', line, 'a "# Title" line before the text');
    else text.push(line);
  });
  const join = (ls: string[]) =>
    ls
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
  const t = join(text);
  let ok = true;
  if (!title) {
    ok = false;
    bad(titleLine, 'title', '', 'a "# Title" line in every chapter');
  } else if (title.length > MAX_TITLE) {
    ok = false;
    bad(titleLine, 'title', title, `at most ${MAX_TITLE} characters (it must be legible on a projector)`);
  }
  if (!t) {
    ok = false;
    bad(titleLine, 'text', '', 'two or three lines of text under the title');
  } else if (t.length > MAX_TEXT) {
    ok = false;
    bad(titleLine, 'text', t, `at most ${MAX_TEXT} characters (two or three lines on a projector)`);
  }
  return ok ? { title, text: t, notes: join(notes) } : null;
}

/** Validate many files; story ids must be unique. */
export function parseStories(
  files: { file: string; text: string }[],
  refs: StoryRefs,
): { file: StoriesFile; errors: DataError[]; report: { file: string; rows: number; rejected: number }[] } {
  const stories: Story[] = [];
  const errors: DataError[] = [];
  const report: { file: string; rows: number; rejected: number }[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const r = parseStory(file, text, refs);
    if (r.story && seen.has(r.story.id))
      r.errors.push({
        file,
        row: 1,
        column: 'id',
        value: r.story.id,
        expected: `a story id not already used in ${seen.get(r.story.id)}`,
      });
    errors.push(...r.errors);
    report.push({ file, rows: r.story?.chapters.length ?? 0, rejected: r.errors.length });
    if (r.story && !r.errors.length) {
      seen.set(r.story.id, file);
      stories.push(r.story);
    }
  }
  return { file: { version: 1, stories }, errors, report };
}

/** Clamp a chapter number (0-based) into a story. */
export const clampChapter = (story: Pick<Story, 'chapters'>, n: number) =>
  Math.max(0, Math.min(story.chapters.length - 1, Math.trunc(Number.isFinite(n) ? n : 0)));
