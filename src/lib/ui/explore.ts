/** The explore feature's components, imported by App.svelte in one line (search, panel tabs). */
export { default as Search } from './Search.svelte';
export { default as PanelTabs } from './PanelTabs.svelte';
