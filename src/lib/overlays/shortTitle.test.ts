import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { shortTitle, SHORT_MAX } from './shortTitle';
import type { Agreement } from '../data/json-schema';
import type { Translate } from './types';

/** A locale's whole catalogue, formatted as the app does ({x} placeholders). */
function translator(lang: string): Translate {
  const dir = `src/lib/i18n/locales/${lang}`;
  const all = Object.assign(
    {},
    // Both halves: the first load's files and the lazy parts' (lazy/).
    ...(readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Record<string, string>),
  ) as Record<string, string>;
  return (k, p) => String(all[k] ?? k).replace(/\{(\w+)\}/g, (_, x: string) => String(p?.[x] ?? ''));
}
const countries = {
  ITA: { name_en: 'Italy', name_it: 'Italia', capital: 'rome' },
  LBY: { name_en: 'Libya', name_it: 'Libia', capital: 'tripoli' },
  TUN: { name_en: 'Tunisia', name_it: 'Tunisia', capital: 'tunis' },
  EU: { name_en: 'European Union', name_it: 'Unione europea', capital: 'brussels' },
} as never;
const agreement = (o: Partial<Agreement>): Agreement =>
  ({
    id: 'a',
    title_en: 'Italy–Libya Memorandum of Understanding on migration and border security',
    title_it: 'Memorandum d’intesa Italia–Libia sulla cooperazione in materia di migrazione',
    parties: ['ITA', 'LBY'],
    type: 'mou',
    events: [
      { type: 'signed', date: { iso: '2017-02-02', precision: 'day' } },
      { type: 'renewed', date: { iso: '2020-02-02', precision: 'day' } },
    ],
    ...o,
  }) as Agreement;

describe('shortTitle', () => {
  const en = translator('en');
  const it_ = translator('it');
  it('names two parties, the kind of text and the year of its first dated event', () => {
    expect(shortTitle(agreement({}), countries, 'en', en)).toBe('Italy–Libya MoU 2017');
    expect(shortTitle(agreement({}), countries, 'it', it_)).toBe('Memorandum Italia–Libia 2017');
    const eu = agreement({
      title_en: 'EU–Tunisia Memorandum of Understanding on a strategic and comprehensive partnership',
      parties: ['EU', 'TUN'],
      events: [{ type: 'signed', date: { iso: '2023-07-16', precision: 'day' } }] as never,
    });
    expect(shortTitle(eu, countries, 'en', en)).toBe('EU–Tunisia MoU 2023');
    const protocol = agreement({
      title_en: 'Italy–Libya Protocol on a great many long things',
      type: 'protocol',
    });
    expect(shortTitle(protocol, countries, 'en', en)).toBe('Italy–Libya Protocol 2017');
  });
  it('keeps a short title, or drops its bracketed part', () => {
    expect(shortTitle(agreement({ title_en: 'Operation Mare Nostrum' }), countries, 'en', en)).toBe(
      'Operation Mare Nostrum',
    );
    const rome = agreement({
      title_en: 'Rome Process (International Conference on Development and Migration)',
      parties: ['ITA', 'EU'],
    });
    expect(shortTitle(rome, countries, 'en', en)).toBe('Rome Process');
  });
  it('invents no year; one or many parties keep the name, cut where its subject starts', () => {
    const undated = agreement({ events: [{ type: 'signed', date: null }] as never });
    expect(shortTitle(undated, countries, 'en', en)).toBe('Italy–Libya MoU');
    const cut = 'Italy–Libya Memorandum of Understanding';
    expect(shortTitle(agreement({ parties: ['ITA', 'LBY', 'TUN', 'EU'] }), countries, 'en', en)).toBe(cut);
    expect(shortTitle(agreement({ parties: ['ITA'] }), countries, 'en', en)).toBe(cut);
    expect(shortTitle(agreement({ type: 'operation' }), countries, 'en', en)).toBe(cut);
  });
  it('shortens the real data: the issue’s memorandum, and every long title', () => {
    const cat = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as {
      agreements: Agreement[];
      countries: never;
    };
    const mou = cat.agreements.find((a) => a.id === 'italy-libya-mou-2017')!;
    expect(shortTitle(mou, cat.countries, 'en', en)).toBe('Italy–Libya MoU 2017');
    expect(shortTitle(mou, cat.countries, 'it', it_)).toBe('Memorandum Italia–Libia 2017');
    for (const a of cat.agreements)
      for (const [lang, t] of [
        ['en', en],
        ['it', it_],
      ] as const) {
        const full = a[`title_${lang}` as 'title_en'] ?? a.title_en;
        const short = shortTitle(a, cat.countries, lang, t);
        if (full.length > SHORT_MAX)
          expect(short.length, `${a.id} (${lang}): ${short}`).toBeLessThan(full.length);
        else expect(short).toBe(full);
      }
  });
});
