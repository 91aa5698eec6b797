import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory } from './stories';
import { checkDraft, storyToDraft, storyToMarkdown, type Draft } from './storyWrite';
import { monthIndex } from './time';

const refs = { sources: new Set(['src-a', 'src-b']), selections: { agreement: new Set(['deal-1']) } };
const lenient = { sources: { has: () => true } as unknown as Set<string> };

const draft = (): Draft => ({
  id: 'my-story',
  lang: 'en',
  langs: {
    en: { title: 'My story: a test', description: '' },
    it: { title: 'La mia storia', description: '' },
  },
  chapters: [
    {
      langs: {
        en: { title: 'First', text: 'Line one\nline two.\n\n\nSecond paragraph, 1,500.', notes: '' },
        it: {
          title: 'Primo',
          text: 'Riga uno.\n\nSecondo paragrafo, 1.500.',
          notes: 'Nota: # non un titolo.',
        },
      },
      view: { center: [13.123456, 35.6], zoom: 5.25 },
      window: [monthIndex('2023-01'), monthIndex('2023-12')],
      overlays: ['landings', 'routes'],
      selection: { kind: 'agreement', id: 'deal-1' },
      focus: { kind: 'agreement', id: 'deal-1' },
      metric: 'sea_arrivals',
      sources: ['src-a', 'src-b'],
    },
  ],
});

describe('storyToMarkdown', () => {
  it('writes a file the validator accepts, and that reads back to the same draft', () => {
    const d = draft();
    const md = storyToMarkdown(d);
    const r = parseStory('my-story.md', md, refs);
    expect(r.errors).toEqual([]);
    const back = storyToDraft(r.story!);
    expect(back.chapters[0].langs.en).toEqual({
      title: 'First',
      text: 'Line one line two.\n\nSecond paragraph, 1,500.',
      notes: '',
    });
    expect(back.chapters[0].langs.it.notes).toBe('Nota: # non un titolo.');
    expect(back.chapters[0].view).toEqual({ center: [13.1235, 35.6], zoom: 5.25 });
    // Overlays are written in the registry's order.
    expect(back.chapters[0].overlays).toEqual(['routes', 'landings']);
    expect(storyToMarkdown(back)).toBe(md);
  });

  it.each(
    readdirSync(join(__dirname, '../../../data/stories')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    ),
  )('round-trips data/stories/%s', (f) => {
    const s = parseStory(
      f,
      readFileSync(join(__dirname, '../../../data/stories', f), 'utf8'),
      lenient,
    ).story!;
    const again = parseStory(f, storyToMarkdown(storyToDraft(s)), lenient);
    expect(again.errors).toEqual([]);
    expect(again.story).toEqual(s);
  });
});

describe('checkDraft', () => {
  it('gives the build’s messages for an incomplete chapter', () => {
    const d = draft();
    d.chapters[0].langs.en.text = '';
    d.chapters[0].sources = ['nope'];
    const r = checkDraft(d, refs);
    expect(r.story).toBeNull();
    expect(r.errors.map((e) => [e.file, e.column, e.value])).toEqual([
      ['my-story.md', 'sources', 'nope'],
      ['my-story.md', 'text', ''],
    ]);
  });

  it('refuses a paragraph the format would read as structure', () => {
    const d = draft();
    d.chapters[0].langs.en.text = 'Text.\n\nNotes:\n\nMore.';
    expect(checkDraft(d, refs).errors.map((e) => e.column)).toContain('[en] text');
  });
});
