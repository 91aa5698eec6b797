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
