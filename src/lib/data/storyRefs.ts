/**
 * What a story is checked against: the ids of the validated catalog and the app's languages. One
 * function for the data build (scripts/build-data.ts) and the app (a reader's own story), so a
 * story the app accepts is a story `npm run data` accepts.
 */
import type { StoryRefs } from './stories';

interface Ids {
  id: string;
}
export interface RefCatalog {
  sources: Ids[];
  agreements: Ids[];
  places: (Ids & { country?: string | null })[];
  families: Ids[];
  segments: Ids[];
  programmes: Ids[];
}

export function storyRefs(catalog: RefCatalog, languages: readonly string[]): StoryRefs {
  const ids = (xs: Ids[]) => new Set(xs.map((x) => x.id));
  return {
    sources: ids(catalog.sources),
    selections: {
      agreement: ids(catalog.agreements),
      place: ids(catalog.places),
      family: ids(catalog.families),
      programme: ids(catalog.programmes),
    },
    focus: {
      agreement: ids(catalog.agreements),
      place: ids(catalog.places),
      route: new Set([...catalog.families, ...catalog.segments].map((r) => r.id)),
      // Countries the catalog names (a place in it): the app labels them and knows their capital.
      country: new Set(catalog.places.map((p) => p.country).filter((c): c is string => !!c)),
    },
    languages: [...languages],
  };
}
