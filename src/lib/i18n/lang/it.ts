/** The it messages and names, one chunk loaded when the language is chosen (src/lib/i18n/i18n.svelte.ts). */
import type { Message } from '../i18n.svelte';

const files = import.meta.glob<Record<string, Message>>('../locales/it/**/*.json', {
  eager: true,
  import: 'default',
});
const messages: Record<string, Message> = Object.assign({}, ...Object.values(files));
export default messages;

export { default as names } from '../names/it.json';
