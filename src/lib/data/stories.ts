/**
 * Stories for present mode, written as Markdown files in data/stories/. Shared by the data build
 * (which validates them and writes stories.json), the app (a reader's own story, imported or
 * written in the app, goes through the same validator) and the tests. No dependency: the format is
 * small enough to parse by hand, and every error names the file, the line and the field.
 *
 * Format (see data/stories/README.md): a header, a description block, then one front-matter block
 * and one body per chapter. Text is per language: a body holds one section per language, each
 * opened by a line "[xx]" (a section before any "[xx]" line is in the story's `lang`). Adding a
 * language is adding sections (and a `title_xx:` header line), not code.
 *
 *   ---                                 story header
 *   id: central-med-2014-2025
 *   lang: en                            the language shown when the reader's is missing
 *   title: Central Mediterranean 2014–2025
 *   title_it: Mediterraneo centrale 2014–2025
 *   ---
 *   [en]
 *   One-line description.
 *   [it]
 *   Descrizione in una riga.
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
 *   [en]
 *   # Chapter title
 *   Two or three lines of text.
 *
 *   Notes:
 *   Speaker notes (shown only in the notes window).
 *   [it]
 *   # Titolo del capitolo
 *   …
 */
import { METRICS, type DataError, type Metric } from './schema';
import { monthIndex, type MonthIndex } from './time';
import { LAYER_IDS, type LayerId } from '../overlays/registry';
import { SELECTION_KINDS } from '../state/selection';
import { numberSet } from './storyNumbers';

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

/** A chapter's words in one language. */
export interface ChapterText {
  title: string;
  text: string;
  notes: string;
}
export interface Chapter extends ChapterText {
  /** Every language version, the story's `lang` included; title/text/notes above are the `lang` one. */
  langs: Record<string, ChapterText>;
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
  /** The story's own language: shown when the reader's language has no version. */
  lang: string;
  description: string;
  /** Title and description per language, `lang` included. */
  langs: Record<string, { title: string; description: string }>;
  chapters: Chapter[];
}
export interface StoriesFile {
  version: 1;
  stories: Story[];
}

/** Something worth fixing that does not stop the build: a missing translation, differing figures. */
export interface StoryWarning {
  file: string;
  /** 1-based line where the chapter's (or the header's) text starts. */
  row: number;
  /** 1-based chapter, 0 for the story header. */
  chapter: number;
  lang: string;
  /** The fields concerned (title, text, notes, description, numbers). */
  fields: string[];
  message: string;
}
export const formatWarning = (w: StoryWarning) =>
  `${w.file}, ${w.chapter ? `chapter ${w.chapter}` : 'header'} (line ${w.row}), [${w.lang}] ${w.fields.join(', ')}: ${w.message}`;

/** What the validator checks references against (ids from the validated catalog). */
export interface StoryRefs {
  sources: Set<string>;
  /** Known ids per selection kind; a kind left out is not checked. */
  selections?: Partial<Record<SelectionKind, Set<string>>>;
  /** Known ids per focus kind; a kind left out is not checked. */
  focus?: Partial<Record<FocusKind, Set<string>>>;
  /** Languages every story should carry (the app's locales); a missing one is a warning. */
  languages?: string[];
}

/** Limits that keep a chapter legible at the back of a room. */
export const MAX_TITLE = 80;
export const MAX_TEXT = 360;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG_RE = /^[a-z]{2}$/;
const LANG_LINE = /^\[([a-z]{2})\]$/;
const HEADER_KEYS = ['id', 'title', 'lang'];
/** Header keys: the ones above, and `title_xx` for the title in language xx. */
const headerKey = (k: string) => HEADER_KEYS.includes(k) || /^title_[a-z]{2}$/.test(k);
const CHAPTER_KEYS = ['center', 'zoom', 'window', 'overlays', 'selection', 'focus', 'metric', 'sources'];
const DELIM = '---';

interface Block {
  start: number; // 1-based line of the first line inside the block
  lines: string[];
}
type Err = (row: number, column: string, value: string, expected: string) => void;

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

/**
 * A body's language sections: lines before the first "[xx]" line are in `lang`. Blank-only
 * sections are dropped; a language given twice is an error.
 */
function splitLangs(block: Block, lang: string, err: Err): Map<string, Block> {
  const out = new Map<string, Block>();
  let cur: { lang: string; block: Block } = { lang, block: { start: block.start, lines: [] } };
  const flush = () => {
    if (!cur.block.lines.some((l) => l.trim())) return;
    if (out.has(cur.lang))
      err(cur.block.start - 1, `[${cur.lang}]`, `[${cur.lang}]`, `one "[${cur.lang}]" section per block`);
    else out.set(cur.lang, cur.block);
  };
  block.lines.forEach((raw, i) => {
    const m = LANG_LINE.exec(raw.trim());
    if (!m) return void cur.block.lines.push(raw);
    flush();
    cur = { lang: m[1], block: { start: block.start + i + 1, lines: [] } };
  });
  flush();
  return out;
}

function parseFrontMatter(
  block: Block,
  allowed: (key: string) => boolean,
  allowedText: string,
  err: Err,
): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>();
  block.lines.forEach((raw, i) => {
    const line = block.start + i;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const m = /^([a-z_]+)\s*:\s*(.*)$/.exec(raw.trim());
    if (!m) return err(line, '(line)', raw.trim(), '"key: value"');
    const [, key, value] = m;
    if (!allowed(key)) return err(line, key, value, `one of the keys ${allowedText}`);
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

/** Paragraphs joined by a blank line, the lines of each paragraph by a space. */
const joinParas = (ls: string[]) =>
  ls
    .join('\n')
    .split(/\n\s*\n/)
    // Runs of white space become one space; no-break spaces (French "61 618", "2021 :") are kept.
    .map((p) => p.replace(/[^\S\u00a0\u202f]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

/** Parse and validate one story file. Collects every error; returns the story only when there is none. */
export function parseStory(
  file: string,
  text: string,
  refs: StoryRefs,
): { story: Story | null; errors: DataError[]; warnings: StoryWarning[] } {
  const errors: DataError[] = [];
  let chapterNo = 0; // the chapter being read, for the messages (0: the header)
  const err: Err = (row, column, value, expected) =>
    void errors.push({ file, row, column, value, expected, ...(chapterNo ? { chapter: chapterNo } : {}) });
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
    return { story: null, errors, warnings: [] };
  }

  // Header.
  const h = parseFrontMatter(blocks[0], headerKey, `${HEADER_KEYS.join(', ')}, title_xx`, err);
  const headerLine = blocks[0].start;
  for (const k of HEADER_KEYS) if (!h.has(k)) err(headerLine, k, '', `a "${k}:" line in the story header`);
  const id = h.get('id')?.value ?? '';
  if (h.has('id') && !ID_RE.test(id)) err(h.get('id')!.line, 'id', id, 'lower-case words joined by "-"');
  const lang = h.get('lang')?.value ?? 'en';
  if (h.has('lang') && !LANG_RE.test(lang))
    err(h.get('lang')!.line, 'lang', lang, 'a two-letter language code');
  const titles: Record<string, string> = {};
  for (const [k, v] of h) {
    const l = k === 'title' ? lang : /^title_([a-z]{2})$/.exec(k)?.[1];
    if (!l) continue;
    if (!v.value) err(v.line, k, '', 'the story title');
    else if (l in titles) err(v.line, k, v.value, `one title per language ("title" is the ${lang} one)`);
    else titles[l] = v.value;
  }
  const descriptions: Record<string, string> = {};
  for (const [l, b] of splitLangs(blocks[1], lang, err)) descriptions[l] = joinParas(b.lines);

  const chapters: Chapter[] = [];
  const bodies: { line: number; langs: string[] }[] = [];
  for (let b = 2; b < blocks.length; b += 2) {
    chapterNo = b / 2;
    const c = parseChapter(blocks[b], blocks[b + 1], lang, refs, err);
    if (c) chapters.push(c);
    bodies.push({ line: blocks[b + 1].start, langs: c ? Object.keys(c.langs) : [] });
  }
  chapterNo = 0;
  if (errors.length) return { story: null, errors, warnings: [] };
  const langs: Story['langs'] = {};
  for (const l of new Set([...Object.keys(titles), ...Object.keys(descriptions)]))
    langs[l] = { title: titles[l] ?? '', description: descriptions[l] ?? '' };
  const story: Story = {
    id,
    title: titles[lang],
    lang,
    description: descriptions[lang] ?? '',
    langs,
    chapters,
  };
  return { story, errors, warnings: storyWarnings(file, story, headerLine, bodies, refs.languages ?? []) };
}

/** Languages the story should carry: the app's, and any the file itself uses anywhere. */
function storyWarnings(
  file: string,
  story: Story,
  headerLine: number,
  bodies: { line: number }[],
  expected: string[],
): StoryWarning[] {
  const all = new Set([story.lang, ...expected, ...Object.keys(story.langs)]);
  for (const c of story.chapters) for (const l of Object.keys(c.langs)) all.add(l);
  const out: StoryWarning[] = [];
  for (const l of all) {
    const miss = [];
    if (!story.langs[l]?.title) miss.push('title');
    if (story.description && !story.langs[l]?.description) miss.push('description');
    if (miss.length)
      out.push({
        file,
        row: headerLine,
        chapter: 0,
        lang: l,
        fields: miss,
        message: 'no version in this language',
      });
  }
  story.chapters.forEach((c, i) => {
    for (const l of all) {
      const v = c.langs[l];
      const miss = !v
        ? ['title', 'text', ...(c.notes ? ['notes'] : [])]
        : c.notes && !v.notes
          ? ['notes']
          : [];
      if (miss.length)
        out.push({
          file,
          row: bodies[i].line,
          chapter: i + 1,
          lang: l,
          fields: miss,
          message: `no version in this language (add a "[${l}]" section)`,
        });
      const diff = v && l !== story.lang ? numberDiff(c.langs[story.lang], story.lang, v, l) : '';
      if (diff)
        out.push({ file, row: bodies[i].line, chapter: i + 1, lang: l, fields: ['numbers'], message: diff });
    }
  });
  return out;
}

/** How the figures of two versions differ ("" when they are the same), e.g. "25756 only in [en]". */
function numberDiff(a: ChapterText, la: string, b: ChapterText, lb: string): string {
  const na = numberSet(`${a.title} ${a.text} ${a.notes}`, la);
  const nb = numberSet(`${b.title} ${b.text} ${b.notes}`, lb);
  const only = (x: string[], y: string[]) => {
    const rest = [...y];
    return x.filter((n) => {
      const i = rest.indexOf(n);
      if (i < 0) return true;
      rest.splice(i, 1);
      return false;
    });
  };
  const oa = only(na, nb);
  const ob = only(nb, na);
  const parts = [
    oa.length ? `${oa.join(', ')} only in [${la}]` : '',
    ob.length ? `${ob.join(', ')} only in [${lb}]` : '',
  ].filter(Boolean);
  return parts.length ? `the figures differ: ${parts.join('; ')}` : '';
}

function parseChapter(fm: Block, body: Block, lang: string, refs: StoryRefs, err: Err): Chapter | null {
  let ok = true;
  const bad: Err = (row, column, value, expected) => {
    ok = false;
    err(row, column, value, expected);
  };
  const f = parseFrontMatter(fm, (k) => CHAPTER_KEYS.includes(k), CHAPTER_KEYS.join(', '), bad);
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

  const langs: Record<string, ChapterText> = {};
  const sections = splitLangs(body, lang, bad);
  if (!sections.has(lang))
    bad(body.start, `[${lang}]`, '', `a version in the story's language (lang: ${lang}): "# Title" and text`);
  for (const [l, b] of sections) {
    const t = parseBody(b, bad);
    if (t) langs[l] = t;
  }
  return ok && langs[lang]
    ? { ...langs[lang], langs, view: { center, zoom }, window, overlays, selection, focus, metric, sources }
    : null;
}

/** Body: "# Title", text lines, then an optional "Notes:" line followed by speaker notes. */
function parseBody(body: Block, bad: Err): ChapterText | null {
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
  const t = joinParas(text);
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
  return ok ? { title, text: t, notes: joinParas(notes) } : null;
}

/** Validate many files; story ids must be unique. */
export function parseStories(
  files: { file: string; text: string }[],
  refs: StoryRefs,
): {
  file: StoriesFile;
  errors: DataError[];
  warnings: StoryWarning[];
  report: { file: string; rows: number; rejected: number }[];
} {
  const stories: Story[] = [];
  const errors: DataError[] = [];
  const warnings: StoryWarning[] = [];
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
    warnings.push(...r.warnings);
    report.push({ file, rows: r.story?.chapters.length ?? 0, rejected: r.errors.length });
    if (r.story && !r.errors.length) {
      seen.set(r.story.id, file);
      stories.push(r.story);
    }
  }
  return { file: { version: 1, stories }, errors, warnings, report };
}

/** Clamp a chapter number (0-based) into a story. */
export const clampChapter = (story: Pick<Story, 'chapters'>, n: number) =>
  Math.max(0, Math.min(story.chapters.length - 1, Math.trunc(Number.isFinite(n) ? n : 0)));

/**
 * The story as shown to a reader of `lang`: every title, text and note in that language where the
 * story has it, in the story's own language where not. `shown[i]` is the language chapter i is in
 * (for the `lang` attribute); `headerLang` the language of the story's title.
 */
export function storyIn(story: Story, lang: string): { story: Story; headerLang: string; shown: string[] } {
  const head = story.langs?.[lang];
  const shown: string[] = [];
  const chapters = story.chapters.map((c) => {
    const v = c.langs?.[lang];
    shown.push(v ? lang : story.lang);
    return v ? { ...c, ...v } : c;
  });
  return {
    story: {
      ...story,
      title: head?.title || story.title,
      description: head?.description || story.description,
      chapters,
    },
    headerLang: head?.title ? lang : story.lang,
    shown,
  };
}
