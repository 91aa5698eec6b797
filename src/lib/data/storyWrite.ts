/**
 * A story being written (in the app) and its Markdown: the draft is a Story without the
 * duplicated default-language fields, and `storyToMarkdown` writes the format that
 * src/lib/data/stories.ts reads (data/stories/README.md), so an exported story is accepted by
 * `npm run data` unchanged and imports back to the same chapters.
 */
import { monthIso } from './time';
import {
  parseStory,
  STORY_LAYERS,
  type Chapter,
  type ChapterText,
  type Story,
  type StoryRefs,
} from './stories';
import type { DataError } from './schema';

export type DraftChapter = Omit<Chapter, keyof ChapterText>;
export interface Draft {
  id: string;
  lang: string;
  langs: Record<string, { title: string; description: string }>;
  chapters: DraftChapter[];
}

/** Lines the parser would read as structure, not text: they cannot be written as a paragraph. */
const STRUCTURE = /^(---|\[[a-z]{2}\]|notes:)$/i;

const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    // Runs of white space become one space; no-break spaces (French "61 618", "2021 :") are kept.
    .map((p) => p.replace(/[^\S\u00a0\u202f]+/g, ' ').trim())
    .filter(Boolean);

/** Languages with any text in the draft, the story's own first. */
export function draftLangs(d: Draft): string[] {
  const all = new Set<string>([d.lang]);
  for (const [l, v] of Object.entries(d.langs)) if (v.title.trim() || v.description.trim()) all.add(l);
  for (const c of d.chapters)
    for (const [l, v] of Object.entries(c.langs))
      if (v.title.trim() || v.text.trim() || v.notes.trim()) all.add(l);
  return [...all];
}

export function storyToMarkdown(d: Draft): string {
  const langs = draftLangs(d);
  const out: string[] = ['---', `id: ${d.id.trim()}`, `lang: ${d.lang}`];
  for (const l of langs) {
    const title = clean(d.langs[l]?.title).join(' ');
    if (title) out.push(`${l === d.lang ? 'title' : `title_${l}`}: ${title}`);
  }
  out.push('---');
  for (const l of langs) {
    const desc = clean(d.langs[l]?.description);
    if (desc.length) out.push(`[${l}]`, desc.join('\n\n'));
  }
  for (const c of d.chapters) {
    out.push(
      '---',
      `center: ${round(c.view.center[0], 4)}, ${round(c.view.center[1], 4)}`,
      `zoom: ${round(c.view.zoom, 2)}`,
      `window: ${monthIso(c.window[0])} to ${monthIso(c.window[1])}`,
      `overlays: ${STORY_LAYERS.filter((l) => c.overlays.includes(l)).join(', ')}`,
    );
    if (c.selection) out.push(`selection: ${c.selection.kind}:${c.selection.id}`);
    if (c.focus) out.push(`focus: ${c.focus.kind}:${c.focus.id}`);
    if (c.metric) out.push(`metric: ${c.metric}`);
    out.push(`sources: ${c.sources.join(', ')}`, '---');
    for (const l of langs) {
      const v = c.langs[l];
      if (!v || !(v.title.trim() || v.text.trim() || v.notes.trim())) continue;
      out.push(`[${l}]`, `# ${clean(v.title).join(' ')}`, clean(v.text).join('\n\n'));
      const notes = clean(v.notes);
      if (notes.length) out.push('', 'Notes:', notes.join('\n\n'));
    }
  }
  return out.join('\n') + '\n';
}

const round = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** The draft of a parsed story (to edit an imported file). */
export function storyToDraft(s: Story): Draft {
  return {
    id: s.id,
    lang: s.lang,
    langs: structuredClone(s.langs),
    chapters: s.chapters.map(({ title: _t, text: _x, notes: _n, ...c }) => structuredClone(c)),
  };
}

/**
 * Check a draft exactly as the build would check its exported file, plus what writing it would
 * lose (a paragraph that is only "---", "Notes:" or "[xx]").
 */
export function checkDraft(d: Draft, refs: StoryRefs, file = `${d.id || 'story'}.md`) {
  const r = parseStory(file, storyToMarkdown(d), refs);
  const errors: DataError[] = [...r.errors];
  d.chapters.forEach((c, i) => {
    for (const [l, v] of Object.entries(c.langs))
      for (const field of ['text', 'notes'] as const)
        for (const p of clean(v[field]))
          if (STRUCTURE.test(p))
            errors.push({
              file,
              row: 0,
              chapter: i + 1,
              column: `[${l}] ${field}`,
              value: p,
              expected: 'a paragraph that is not only "---", "Notes:" or "[xx]"',
            });
  });
  return { story: errors.length ? null : r.story, errors, warnings: r.warnings };
}
