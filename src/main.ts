import { mount } from 'svelte';
import App from './App.svelte';
import { localeReady } from './lib/i18n/i18n.svelte';
import './app.css';

// A `lang=` link's messages first (one small chunk; nothing to wait for in English).
const app = localeReady.then(() => mount(App, { target: document.getElementById('app')! }));
export default app;
