/** What a reader can select (click, search, link, story chapter): plain, shared by app and scripts. */
export const SELECTION_KINDS = [
  'family',
  'segment',
  'place',
  'country',
  'agreement',
  'programme',
  'incident',
] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export type Selection = { kind: SelectionKind; id: string } | null;

/** What the Compare panel can chart: route families and arrival countries. */
export const COMPARE_KINDS = ['family', 'country'] as const;
export interface ComparePick {
  kind: (typeof COMPARE_KINDS)[number];
  id: string;
}
/** What the panel shows before anyone picks: the three main arrival countries of the Mediterranean. */
export const DEFAULT_PICKS: readonly ComparePick[] = [
  { kind: 'country', id: 'ITA' },
  { kind: 'country', id: 'GRC' },
  { kind: 'country', id: 'ESP' },
];
