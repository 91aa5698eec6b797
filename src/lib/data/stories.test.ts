import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampChapter, formatWarning, parseStories, parseStory, storyIn } from './stories';
import { numberSet } from './storyNumbers';
import { formatError, PROGRAMME_SPEC, SOURCE_SPEC, validateCsv } from './schema';
import { monthIndex } from './time';

const refs = {
  sources: new Set(['src-a', 'src-b']),
  selections: { agreement: new Set(['deal-1']) },
  focus: { agreement: new Set(['deal-1']), country: new Set(['ITA']), route: new Set(['central-med']) },
};

const chapter = (fm: string, body = '# A title\nSome text.') => `---\n${fm}\n---\n${body}\n`;
const GOOD_FM = [
  'center: 13.2, 35.6',
  'zoom: 5',
  'window: 2023-01 to 2023-12',
  'overlays: routes, landings',
  'sources: src-a',
].join('\n');
const story = (...chapters: string[]) =>
  `---\nid: test-story\ntitle: A test\nlang: en\n---\nA description.\n${chapters.join('')}`;

describe('parseStory', () => {
  it('parses a header and chapters with notes', () => {
    const text = story(
      chapter(
        GOOD_FM + '\nselection: agreement:deal-1\nmetric: sea_arrivals',
        '# One\nLine one\nline two.\n\nNotes:\nSay this.',
      ),
      chapter(GOOD_FM.replace('src-a', 'src-a, src-b'), '# Two\nMore.'),
    );
    const { story: s, errors } = parseStory('x.md', text, refs);
    expect(errors).toEqual([]);
    expect(s!.id).toBe('test-story');
    expect(s!.description).toBe('A description.');
    expect(s!.chapters).toHaveLength(2);
    expect(s!.chapters[0]).toEqual({
      title: 'One',
      text: 'Line one line two.',
      notes: 'Say this.',
      langs: { en: { title: 'One', text: 'Line one line two.', notes: 'Say this.' } },
      view: { center: [13.2, 35.6], zoom: 5 },
      window: [monthIndex('2023-01'), monthIndex('2023-12')],
      overlays: ['routes', 'landings'],
      selection: { kind: 'agreement', id: 'deal-1' },
      focus: null,
      metric: 'sea_arrivals',
      sources: ['src-a'],
    });
    expect(s!.chapters[1].sources).toEqual(['src-a', 'src-b']);
    expect(s!.chapters[1].selection).toBeNull();
  });

  it('reads a focus (agreement, place, route, country) and names file, line and field when it is wrong', () => {
    const ok = parseStory('x.md', story(chapter(GOOD_FM + '\nfocus: country:ITA')), refs);
    expect(ok.errors).toEqual([]);
    expect(ok.story!.chapters[0].focus).toEqual({ kind: 'country', id: 'ITA' });
    const cases: [string, string][] = [
      ['country:XYZ', 'an existing country code (ISO 3166 alpha-3, e.g. ITA)'],
      ['route:nowhere', 'an existing route family or segment id'],
      ['agreement:deal-2', 'an existing agreement id'],
      ['ship:libra', '"kind:id" with kind one of agreement, place, route, country'],
      ['ITA', '"kind:id" with kind one of agreement, place, route, country'],
    ];
    for (const [value, expected] of cases) {
      const r = parseStory('x.md', story(chapter(GOOD_FM + `\nfocus: ${value}`)), refs);
      expect(r.story).toBeNull();
      expect(r.errors).toEqual([{ file: 'x.md', chapter: 1, row: 13, column: 'focus', value, expected }]);
    }
  });

  it('accepts CRLF line endings', () => {
    const text = story(chapter(GOOD_FM)).replace(/\n/g, '\r\n');
    expect(parseStory('x.md', text, refs).errors).toEqual([]);
  });

  // Each case: a broken chapter front matter (or body), and the line + field the error must name.
  const cases: [string, string, string, number, string][] = [
    ['bad center', GOOD_FM.replace('13.2, 35.6', '13.2'), '# T\ntext', 8, 'center'],
    ['center out of range', GOOD_FM.replace('13.2, 35.6', '200, 35'), '# T\ntext', 8, 'center'],
    ['zoom too high', GOOD_FM.replace('zoom: 5', 'zoom: 14'), '# T\ntext', 9, 'zoom'],
    ['bad month', GOOD_FM.replace('2023-12', '2023-13'), '# T\ntext', 10, 'window'],
    [
      'reversed window',
      GOOD_FM.replace('2023-01 to 2023-12', '2024-01 to 2023-12'),
      '# T\ntext',
      10,
      'window',
    ],
    ['unknown overlay', GOOD_FM.replace('landings', 'boats'), '# T\ntext', 11, 'overlays'],
    ['unknown source', GOOD_FM.replace('src-a', 'nope'), '# T\ntext', 12, 'sources'],
    ['unknown selection id', GOOD_FM + '\nselection: agreement:nope', '# T\ntext', 13, 'selection'],
    ['unknown selection kind', GOOD_FM + '\nselection: boat:x', '# T\ntext', 13, 'selection'],
    ['unknown metric', GOOD_FM + '\nmetric: boats', '# T\ntext', 13, 'metric'],
    ['unknown key', GOOD_FM + '\ncolour: red', '# T\ntext', 13, 'colour'],
    ['duplicate key', GOOD_FM + '\nzoom: 4', '# T\ntext', 13, 'zoom'],
    ['missing sources', GOOD_FM.replace('\nsources: src-a', ''), '# T\ntext', 8, 'sources'],
    ['missing title', GOOD_FM, 'text without a title', 14, 'title'],
    ['missing text', GOOD_FM, '# Title only', 14, 'text'],
    ['text too long', GOOD_FM, '# T\n' + 'word '.repeat(100), 14, 'text'],
  ];
  it.each(cases)('%s: names the line and field', (_, fm, body, line, field) => {
    const { story: s, errors } = parseStory('data/stories/x.md', story(chapter(fm, body)), refs);
    expect(s).toBeNull();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: 'data/stories/x.md', row: line, column: field });
    expect(errors[0].chapter).toBe(1);
    expect(formatError(errors[0])).toContain(`data/stories/x.md, chapter 1, row ${line}, column "${field}"`);
  });

  it('collects every error, not just the first', () => {
    const fm = GOOD_FM.replace('zoom: 5', 'zoom: 99').replace('src-a', 'nope');
    const { errors } = parseStory('x.md', story(chapter(fm), chapter(GOOD_FM, '# T')), refs);
    expect(errors.map((e) => e.column)).toEqual(['zoom', 'sources', 'text']);
  });

  it('rejects files without chapters or with text before the first ---', () => {
    expect(parseStory('x.md', '---\nid: a\ntitle: b\nlang: en\n---\n', refs).errors[0].column).toBe('(file)');
    const before = parseStory('x.md', 'hello\n' + story(chapter(GOOD_FM)), refs);
    expect(before.errors[0]).toMatchObject({ row: 1, column: '(file)' });
  });

  it('requires the header keys and a valid id', () => {
    const text = `---\nid: Bad Id\ntitle: t\n---\n\n${chapter(GOOD_FM)}`;
    const cols = parseStory('x.md', text, refs).errors.map((e) => e.column);
    expect(cols).toEqual(['lang', 'id']);
  });
});

describe('languages', () => {
  const bi = (body: string, header = 'title_it: Una prova\n') =>
    `---\nid: test-story\ntitle: A test\n${header}lang: en\n---\n[en]\nA description.\n[it]\nUna descrizione.\n` +
    chapter(GOOD_FM, body);
  const BODY =
    '[en]\n# One\nText with 1,500 people.\n\nNotes:\nSay it.\n[it]\n# Uno\nTesto con 1.500 persone.\n\nNotes:\nDillo.';

  it('reads one section per language and shows the reader the version in their language', () => {
    const { story: s, errors, warnings } = parseStory('x.md', bi(BODY), { ...refs, languages: ['en', 'it'] });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(s!.langs).toEqual({
      en: { title: 'A test', description: 'A description.' },
      it: { title: 'Una prova', description: 'Una descrizione.' },
    });
    expect(s!.chapters[0].langs.it).toEqual({
      title: 'Uno',
      text: 'Testo con 1.500 persone.',
      notes: 'Dillo.',
    });
    const it_ = storyIn(s!, 'it');
    expect(it_.story.title).toBe('Una prova');
    expect(it_.story.chapters[0]).toMatchObject({ title: 'Uno', text: 'Testo con 1.500 persone.' });
    expect(it_.shown).toEqual(['it']);
    // A language the story lacks falls back to the story's own, and says so.
    const fr = storyIn(s!, 'fr');
    expect(fr.story.chapters[0].title).toBe('One');
    expect([fr.headerLang, ...fr.shown]).toEqual(['en', 'en']);
  });

  it('warns (file, chapter, line, field) about a chapter missing a language', () => {
    const body = '[en]\n# One\nText.\n\nNotes:\nSay it.';
    const r = parseStory('data/stories/x.md', bi(body), { ...refs, languages: ['en', 'it'] });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        file: 'data/stories/x.md',
        chapter: 1,
        row: 18,
        lang: 'it',
        fields: ['title', 'text', 'notes'],
      }),
    ]);
    expect(formatWarning(r.warnings[0])).toBe(
      'data/stories/x.md, chapter 1 (line 18), [it] title, text, notes: no version in this language (add a "[it]" section)',
    );
    // A language only the app speaks is expected too, in the header as in the chapters.
    const fr = parseStory('x.md', bi(BODY), { ...refs, languages: ['en', 'it', 'fr'] }).warnings;
    expect(fr.map((w) => [w.chapter, w.lang, w.fields.join()])).toEqual([
      [0, 'fr', 'title,description'],
      [1, 'fr', 'title,text,notes'],
    ]);
  });

  it('warns when the figures of two versions differ', () => {
    const r = parseStory('x.md', bi(BODY.replace('1.500', '1.600')), refs);
    expect(r.warnings.map((w) => [w.fields.join(), w.message])).toEqual([
      ['numbers', 'the figures differ: 1500 only in [en]; 1600 only in [it]'],
    ]);
  });

  it('rejects a chapter without the story language, a language given twice and an empty title', () => {
    const cols = (text: string) => parseStory('x.md', text, refs).errors.map((e) => e.column);
    expect(cols(bi('[it]\n# Uno\nTesto.'))).toEqual(['[en]']);
    expect(cols(bi(BODY + '\n[it]\n# Due\nAncora.'))).toEqual(['[it]']);
    expect(cols(bi(BODY, 'title_it:\n'))).toEqual(['title_it']);
    expect(cols(bi(BODY, 'title_en: Again\n'))).toEqual(['title_en']);
  });
});

describe('parseStories', () => {
  it('rejects duplicate ids and does not mutate its inputs', () => {
    const files = [
      { file: 'a.md', text: story(chapter(GOOD_FM)) },
      { file: 'b.md', text: story(chapter(GOOD_FM)) },
    ];
    const copy = structuredClone(files);
    const r = parseStories(files, refs);
    expect(files).toEqual(copy);
    expect(r.file.stories).toHaveLength(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'b.md', column: 'id' });
    expect(r.report).toEqual([
      { file: 'a.md', rows: 1, rejected: 0 },
      { file: 'b.md', rows: 1, rejected: 1 },
    ]);
  });
});

describe('clampChapter', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [2, 2],
    [9, 2],
    [NaN, 0],
    [1.7, 1],
  ])('%d → %d', (n, want) => expect(clampChapter({ chapters: [{}, {}, {}] as never }, n)).toBe(want));
});

describe('the stories in data/stories', () => {
  const root = join(__dirname, '../../..');
  const sources = validateCsv(
    'data/sources.csv',
    readFileSync(join(root, 'data/sources.csv'), 'utf8'),
    SOURCE_SPEC,
  );
  const agreements = JSON.parse(readFileSync(join(root, 'data/agreements.json'), 'utf8')) as { id: string }[];
  const places = readFileSync(join(root, 'data/places.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  const programmes = validateCsv(
    'data/programmes.csv',
    readFileSync(join(root, 'data/programmes.csv'), 'utf8'),
    PROGRAMME_SPEC,
  ).records;
  const files = readdirSync(join(root, 'data/stories'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => ({ file: f, text: readFileSync(join(root, 'data/stories', f), 'utf8') }));
  const r = parseStories(files, {
    sources: new Set(sources.records.map((s) => s.id)),
    selections: {
      agreement: new Set(agreements.map((a) => a.id)),
      place: new Set(places),
      programme: new Set(programmes.map((p) => p.id)),
    },
    languages: ['en', 'it'],
  });

  it('are valid, cite existing sources and have at least five chapters each', () => {
    expect(r.errors.map(formatError)).toEqual([]);
    expect(r.file.stories.length).toBeGreaterThanOrEqual(4);
    for (const s of r.file.stories) expect(s.chapters.length).toBeGreaterThanOrEqual(5);
  });

  it('are complete in every language of the app', () => {
    expect(r.warnings.map(formatWarning)).toEqual([]);
    for (const s of r.file.stories) {
      expect(Object.keys(s.langs).sort(), s.id).toEqual(['ar', 'en', 'fr', 'it']);
      for (const c of s.chapters)
        expect(Object.keys(c.langs).sort(), `${s.id}: ${c.title}`).toEqual(['ar', 'en', 'fr', 'it']);
    }
  });

  it('give the same figures and dates in every language', () => {
    // All digit sequences of title, text and notes, thousands separators and decimal commas normalised.
    // Arabic is written with Western digits and separators (docs/i18n.md), French with narrow spaces.
    const compared = new Map<string, number>();
    let chapters = 0;
    for (const s of r.file.stories)
      s.chapters.forEach((c, i) => {
        chapters++;
        const ref = numberSet(`${c.title} ${c.text} ${c.notes}`, s.lang);
        expect(ref.length, `${s.id} chapter ${i + 1} has figures`).toBeGreaterThan(0);
        for (const [l, v] of Object.entries(c.langs)) {
          if (l === s.lang) continue;
          expect(numberSet(`${v.title} ${v.text} ${v.notes}`, l), `${s.id} chapter ${i + 1} [${l}]`).toEqual(
            ref,
          );
          compared.set(l, (compared.get(l) ?? 0) + 1);
        }
      });
    expect(chapters).toBeGreaterThanOrEqual(26);
    // Every chapter compared in each of the other three languages.
    expect(Object.fromEntries(compared)).toEqual({ it: chapters, fr: chapters, ar: chapters });
  });

  it('state agreement dates that are in data/agreements.json', () => {
    // Every "D Month YYYY" date in a chapter whose selection is an agreement must be one of its event dates
    // or of another agreement's (the text may mention two).
    const all = new Set([
      ...(agreements as unknown as { events: { date: string | null }[] }[]).flatMap((a) =>
        a.events.map((e) => e.date),
      ),
      // or a funded programme's announcement date
      ...programmes.map((p) => p.announced?.iso),
    ]);
    // Month names per language from Intl (the app's own date formatting), so every language is checked.
    const names = (l: string) =>
      Array.from({ length: 12 }, (_, m) =>
        new Intl.DateTimeFormat(l, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m, 15)),
      );
    expect(names('fr')[1]).toBe('février');
    expect(names('ar')[1]).toBe('فبراير');
    const checked = new Map<string, number>();
    for (const s of r.file.stories)
      for (const c of s.chapters)
        for (const [l, v] of Object.entries(c.langs)) {
          const months = names(l);
          const re = new RegExp(`(\\d{1,2})(?:°|er)? (${months.join('|')})(?: (\\d{4}))?`, 'g');
          for (const m of v.text.matchAll(re)) {
            const year = m[3] ?? String(Math.floor(c.window[0] / 12));
            const iso = `${year}-${String(months.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
            expect(all, `${s.id} [${l}]: "${m[0]}" (${v.title})`).toContain(iso);
            checked.set(l, (checked.get(l) ?? 0) + 1);
          }
        }
    // Each translation states (at least) the dates the English does: none lost in a month-name typo.
    const en = checked.get('en') ?? 0;
    expect(en).toBeGreaterThanOrEqual(20);
    for (const l of ['it', 'fr', 'ar']) expect(checked.get(l), l).toBeGreaterThanOrEqual(en);
  });
});
