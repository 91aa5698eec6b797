/**
 * The figures in a text, normalised so that versions of the same chapter in different languages can
 * be compared: "157,652" (en) and "157.652" (it) are both 157652, "0.48 %" and "0,48 %" both 0.48.
 * Separators come from Intl for the language, so a new language needs no code here.
 */
const SPACES = ' \u00a0\u202f\u2009';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function separators(lang: string): { group: string; decimal: string } {
  let group = ',';
  let decimal = '.';
  try {
    for (const p of new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(12345.6)) {
      if (p.type === 'group') group = p.value;
      if (p.type === 'decimal') decimal = p.value;
    }
  } catch {
    // An unknown language code: English separators.
  }
  // Intl does not group four-digit numbers in some languages (it: "4572"), but writers do ("4.572").
  return { group, decimal };
}

/** Arabic-Indic and Extended Arabic-Indic digits to ASCII. */
const asciiDigits = (s: string) =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

const cache = new Map<string, RegExp>();
function numberRe(lang: string): { re: RegExp; group: string; decimal: string } {
  const { group, decimal } = separators(lang);
  const g = SPACES.includes(group) ? `[${SPACES}]` : esc(group);
  const d = esc(decimal);
  const key = `${g}|${d}`;
  if (!cache.has(key))
    cache.set(key, new RegExp(`\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?|\\d+(?:${d}\\d+)?`, 'g'));
  return { re: cache.get(key)!, group, decimal };
}

/** Every number in `text` as written in `lang`, normalised ("1,5" in Italian → "1.5"), in order. */
export function numbersIn(text: string, lang: string): string[] {
  const { re, group, decimal } = numberRe(lang);
  const out: string[] = [];
  // The Arabic thousands and decimal signs, whatever Intl uses for the language.
  const plain = asciiDigits(text)
    .replace(/\u066c/g, group)
    .replace(/\u066b/g, decimal);
  for (const m of plain.matchAll(re)) {
    const [int, frac] = m[0].split(decimal);
    const n = int.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
    out.push(frac === undefined ? n : `${n}.${frac}`);
  }
  return out;
}

/** The same numbers, sorted: two versions agree when these are equal (word order differs by language). */
export const numberSet = (text: string, lang: string) => numbersIn(text, lang).sort();
