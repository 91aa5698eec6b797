/**
 * Every language's name maps at once (countries, places, routes …), for search (which finds a name
 * in any language), the build scripts and the tests. The app otherwise loads each with its language
 * (src/lib/i18n/lang/<lang>.ts). Importing this module provides them; the long texts (agreement
 * summaries, programme purposes) stay with their language's chunk.
 */
import it from './names/it.json';
import fr from './names/fr.json';
import ar from './names/ar.json';
import { NAME_MAPS } from './names';

Object.assign(NAME_MAPS, { it, fr, ar });
