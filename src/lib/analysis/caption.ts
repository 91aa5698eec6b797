/**
 * The before/after caption in plain language: what the figures did, never why. Every sentence comes
 * from the locale files (keys `ba.*`); `t` and the number formatter are passed in, so the text is
 * built (and tested) without the app.
 */
import type { BeforeAfter, Change, Comparison } from './beforeAfter';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface CaptionInput {
  /** "Sea arrivals" */
  metric: string;
  /** "Italy", "Central Mediterranean" */
  area: string;
  /** The event in words, from `ba.event.<type>` ("the signing"). */
  event: string;
  /** The event's date as written ("2 February 2017", "2017"). */
  date: string;
  /** The year, when the event is dated only to a year. */
  yearOnly: number | null;
  result: BeforeAfter;
  t: Translate;
  num: (n: number) => string;
  month: (m: number) => string;
}

const pctText = (pct: number, num: (n: number) => string) => num(Math.round(Math.abs(pct)));

function mainSentence(c: Comparison, x: CaptionInput): string {
  const { t, num, metric, area, event, date } = x;
  const n = x.result.n;
  const base = { metric, area, event, date, n };
  const ch: Change = c.change;
  if (ch.kind === 'too_few')
    return t('ba.caption.tooFew', {
      ...base,
      before: c.before.complete,
      after: c.after.complete,
    });
  if (ch.kind === 'both_zero') return t('ba.caption.bothZero', base);
  const avg = ch.basis === 'average';
  const after = avg ? num(Math.round(c.after.sum / c.after.complete)) : num(c.after.sum);
  const before = avg ? num(Math.round(c.before.sum / c.before.complete)) : num(c.before.sum);
  if (ch.kind === 'from_zero')
    return t(avg ? 'ba.caption.fromZeroAvg' : 'ba.caption.fromZero', { ...base, after });
  const rounded = Math.round(Math.abs(ch.pct));
  const dir = rounded === 0 ? 'same' : ch.pct < 0 ? 'lower' : 'higher';
  return t(`ba.caption.${avg ? 'avg' : 'total'}.${dir}`, {
    ...base,
    after,
    before,
    pct: pctText(ch.pct, num),
  });
}

function referenceSentence(c: Comparison, x: CaptionInput): string {
  const { t, num } = x;
  const years = c.yearsBack;
  const when = t(years === 1 ? 'ba.ref.oneYear' : 'ba.ref.years', { n: years });
  const ch = c.change;
  if (ch.kind === 'too_few') return t('ba.ref.tooFew', { when });
  if (ch.kind === 'both_zero') return t('ba.ref.bothZero', { when });
  if (ch.kind === 'from_zero') return t('ba.ref.fromZero', { when });
  const rounded = Math.round(Math.abs(ch.pct));
  if (rounded === 0) return t('ba.ref.same', { when });
  return t(ch.pct < 0 ? 'ba.ref.fell' : 'ba.ref.rose', { when, pct: pctText(ch.pct, num) });
}

/** The caption: the change, the seasonal reference, what was left out, and the disclaimer. */
export function caption(x: CaptionInput): string {
  const { t, result } = x;
  const parts = [mainSentence(result.main, x)];
  if (result.reference.length) parts[0] += ` ${referenceSentence(result.reference[0], x)}`;
  const left = [...result.main.before.excluded, ...result.main.after.excluded];
  if (left.length)
    parts.push(t('ba.note.excluded', { n: left.length, months: left.map((m) => x.month(m)).join(', ') }));
  if (x.yearOnly !== null) parts.push(t('ba.note.yearOnly', { year: x.yearOnly, n: result.n }));
  parts.push(t('ba.note.disclaimer'));
  return parts.join(' ');
}
