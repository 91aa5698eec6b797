/**
 * A short name for an agreement, for the one place a long title does not fit: the chapter's focus
 * label on the map ("Italy–Libya MoU 2017", not "Italy–Libya Memorandum of Understanding on
 * migration and border security"). Derived, per language, from the data: the title when it is
 * short; else the title without its bracketed part; else, for two or three parties, the parties'
 * names, the kind of text and the year of its first dated event. Nothing is invented: with no
 * dated event there is no year, and with more parties the (shortened) title stays.
 */
import type { CatalogAgreement as Agreement } from '../data/types';
import type { CatalogFile } from '../data/types';
import type { MessageKey } from '../i18n/keys';
import type { Translate } from './types';
import { nameOf } from '../i18n/names';

/** Longest title kept as it is, in characters (a projector label of two short lines). */
export const SHORT_MAX = 36;

/** Kinds of text named by their parties ("Italy–Libya MoU 2017"); operations, laws and processes have names of their own. */
const BY_PARTIES = new Set([
  'mou',
  'protocol',
  'treaty',
  'agreement',
  'declaration',
  'joint_statement',
  'action_plan',
  'partnership',
]);
/** Where a long name's subject starts ("… on the smuggling of migrants"): cut there. */
const SUBJECT: Record<string, RegExp> = {
  en: / (on|for|to|against) /,
  it: / (sul|sulla|sulle|sui|su|per|contro|in materia di) /,
  fr: / (sur|pour|contre|relatif|relative) /,
};
/** Parties with a short name of their own (the others are the catalogue's country names). */
const SHORT_PARTY: Record<string, 'focus.short.eu' | 'focus.short.gbr'> = {
  EU: 'focus.short.eu',
  GBR: 'focus.short.gbr',
};

export function shortTitle(
  a: Agreement,
  countries: CatalogFile['countries'],
  lang: string,
  t: Translate,
): string {
  const full = nameOf(a, lang, 'title');
  if (full.length <= SHORT_MAX) return full;
  const base = full.replace(/\s*\([^)]*\)\s*$/, '');
  if (base.length <= SHORT_MAX) return base;
  if (BY_PARTIES.has(a.type) && a.parties.length >= 2 && a.parties.length <= 3) {
    const party = (iso: string) =>
      SHORT_PARTY[iso] ? t(SHORT_PARTY[iso]) : nameOf(countries[iso] ?? { name_en: iso }, lang);
    const year = a.events.map((e) => e.date?.iso.slice(0, 4)).find(Boolean) ?? '';
    const type = a.type === 'mou' ? t('focus.short.mou') : t(`agreement.type.${a.type}` as MessageKey);
    return t('focus.short', { parties: a.parties.map(party).join('–'), type, year }).trim();
  }
  // A title missing in this language is the English one: cut it as English.
  const own = (a as unknown as Record<string, unknown>)[`title_${lang}`];
  const cut = SUBJECT[typeof own === 'string' && own ? lang : 'en']?.exec(base);
  return cut && cut.index >= 8 ? base.slice(0, cut.index) : base;
}
