/** The explore feature's components, imported by App.svelte in one line (search, map focus, panel tabs). */
export { default as Search } from './Search.svelte';
export { default as PanelTabs } from './PanelTabs.svelte';
export { default as MapFocus } from '../search/MapFocus.svelte';
