/** Credit lines from the sources table: one per distinct attribution, data providers first. */
import type { CatalogSource } from '../data/types';
import { textIn } from '../i18n/names';
import { DATA_PROVIDERS } from '../data/providers';

export { DATA_PROVIDERS };

export interface CreditLine {
  attribution: string;
  licence: string;
  url: string | null;
}

/** Attribution and licence in `lang` (the per-locale text map), English when it has none. */
export function creditLines(sources: CatalogSource[], lang = 'en'): CreditLine[] {
  const rank = (s: CatalogSource) => {
    const i = DATA_PROVIDERS.indexOf(s.id);
    return i < 0 ? DATA_PROVIDERS.length : i;
  };
  const seen = new Set<string>();
  const out: CreditLine[] = [];
  for (const s of [...sources].sort((a, b) => rank(a) - rank(b))) {
    if (seen.has(s.attribution)) continue;
    seen.add(s.attribution);
    out.push({
      attribution: textIn(s.attribution, lang),
      licence: textIn(s.licence, lang),
      url: s.url ?? null,
    });
  }
  return out;
}
