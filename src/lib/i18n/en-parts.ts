/**
 * The English messages only the lazy parts show (export, embed, present mode, before/after, compare,
 * the story editor, the file preview, video, offline…): a chunk of its own, so the first load
 * carries only what the first view can show. Loaded with each part (src/lib/ui/lazy.ts) and by the
 * idle prefetch; which key lives where is decided by the code that uses it and checked by
 * tests/unit/i18n-split.test.ts. (The other languages' chunks hold both halves: src/lib/i18n/lang/.)
 */
import type { Message } from './i18n.svelte';

const files = import.meta.glob<Record<string, Message>>('./locales/en/lazy/*.json', {
  eager: true,
  import: 'default',
});
const messages: Record<string, Message> = Object.assign({}, ...Object.values(files));
export default messages;
