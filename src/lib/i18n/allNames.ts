/**
 * Every language's name and text maps at once, for the build scripts and the tests (the app loads
 * each with its language: src/lib/i18n/lang/<lang>.ts). Importing this module provides them.
 */
import it from './names/it.json';
import fr from './names/fr.json';
import ar from './names/ar.json';
import textsFr from './texts/fr.json';
import textsAr from './texts/ar.json';
import { provideNames } from './names';

provideNames('it', it);
provideNames('fr', fr, textsFr);
provideNames('ar', ar, textsAr);
