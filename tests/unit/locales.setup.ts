/**
 * Unit tests switch `i18n.lang` synchronously: every language's messages are loaded before they run,
 * and the English messages of the lazy parts (which the app loads with each part).
 */
import { LANGS, loadLocale, loadPartMessages } from '../../src/lib/i18n/i18n.svelte';

await Promise.all([...LANGS.map(loadLocale), loadPartMessages()]);
