/** Unit tests switch `i18n.lang` synchronously: every language's messages are loaded before they run. */
import { LANGS, loadLocale } from '../../src/lib/i18n/i18n.svelte';

await Promise.all(LANGS.map(loadLocale));
