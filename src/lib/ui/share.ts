/** The share/embed/export feature's components, imported by App.svelte in one line. */
export { default as UrlSync } from '../state/UrlSync.svelte';
export { default as ShareTools } from './ShareTools.svelte';
export { default as EmbedChrome } from './EmbedChrome.svelte';
