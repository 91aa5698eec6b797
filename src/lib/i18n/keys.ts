/**
 * The message keys, typed from the English catalogue: `t()` only takes a key that exists in
 * English, so a typo or a removed key fails `npm run check`. Every English locale file is
 * imported here, the first load's (locales/en/*.json) and the lazy parts' (locales/en/lazy/)
 * (tests/unit/i18n-keys.test.ts fails when one is missing). Unused keys and the other locales'
 * parity are checked by that unit test, which key lives in which half by i18n-split.test.ts.
 */
import type analysis from './locales/en/analysis.json';
import type author from './locales/en/author.json';
import type core from './locales/en/core.json';
import type deaths from './locales/en/deaths.json';
import type explore from './locales/en/explore.json';
import type import_ from './locales/en/import.json';
import type overlays from './locales/en/overlays.json';
import type present from './locales/en/present.json';
import type publish from './locales/en/publish.json';
import type share from './locales/en/share.json';
import type timeline from './locales/en/timeline.json';
import type user from './locales/en/user.json';
import type lazy_analysis from './locales/en/lazy/analysis.json';
import type lazy_author from './locales/en/lazy/author.json';
import type lazy_core from './locales/en/lazy/core.json';
import type lazy_explore from './locales/en/lazy/explore.json';
import type lazy_import from './locales/en/lazy/import.json';
import type lazy_present from './locales/en/lazy/present.json';
import type lazy_publish from './locales/en/lazy/publish.json';
import type lazy_share from './locales/en/lazy/share.json';
import type lazy_user from './locales/en/lazy/user.json';
import type lazy_video from './locales/en/lazy/video.json';

export type MessageKey = keyof (typeof analysis &
  typeof author &
  typeof core &
  typeof deaths &
  typeof explore &
  typeof import_ &
  typeof overlays &
  typeof present &
  typeof publish &
  typeof share &
  typeof timeline &
  typeof user &
  typeof lazy_analysis &
  typeof lazy_author &
  typeof lazy_core &
  typeof lazy_explore &
  typeof lazy_import &
  typeof lazy_present &
  typeof lazy_publish &
  typeof lazy_share &
  typeof lazy_user &
  typeof lazy_video);

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
  'lazy/analysis',
  'lazy/author',
  'lazy/core',
  'lazy/explore',
  'lazy/import',
  'lazy/present',
  'lazy/publish',
  'lazy/share',
  'lazy/user',
  'lazy/video',
];
