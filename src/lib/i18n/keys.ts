/**
 * The message keys, typed from the English catalogue: `t()` only takes a key that exists in
 * English, so a typo or a removed key fails `npm run check`. Every English locale file is
 * imported here (tests/unit/i18n-keys.test.ts fails when one is missing). Unused keys and the
 * other locales' parity are checked by that unit test.
 */
import type core from './locales/en/core.json';
import type deaths from './locales/en/deaths.json';
import type explore from './locales/en/explore.json';
import type overlays from './locales/en/overlays.json';
import type present from './locales/en/present.json';
import type share from './locales/en/share.json';
import type timeline from './locales/en/timeline.json';
import type user from './locales/en/user.json';
import type analysis from './locales/en/analysis.json';
import type author from './locales/en/author.json';
import type import_ from './locales/en/import.json';
import type publish from './locales/en/publish.json';
import type video from './locales/en/video.json';

export type MessageKey = keyof (typeof core &
  typeof deaths &
  typeof explore &
  typeof overlays &
  typeof present &
  typeof share &
  typeof timeline &
  typeof user &
  typeof analysis &
  typeof author &
  typeof import_ &
  typeof publish &
  typeof video);

/** The English files listed above (the unit test compares this list with the folder). */
export const EN_FILES = [
  'analysis',
  'author',
  'core',
  'deaths',
  'explore',
  'import',
  'overlays',
  'present',
  'publish',
  'share',
  'timeline',
  'user',
  'video',
];
