/**
 * English, Italian, French and Arabic names for countries (from i18n-iso-countries, keyed by the
 * ISO 3166-1 numeric ids world-atlas uses, with short forms where the ISO name is long) and the
 * hand-placed sea labels (names written here, the usual names of each sea in each language).
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/it.json'));
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ar.json'));

/**
 * Natural Earth features without an ISO numeric code. Ids follow the user-assigned X.. range that
 * the EU and the World Bank use for Kosovo (XKX); the others are ours.
 */
const NO_ISO: Record<string, { iso3: string; it: string; fr: string; ar: string }> = {
  Kosovo: { iso3: 'XKX', it: 'Kosovo', fr: 'Kosovo', ar: 'كوسوفو' },
  'N. Cyprus': { iso3: 'XNC', it: 'Cipro del Nord', fr: 'Chypre du Nord', ar: 'شمال قبرص' },
  Somaliland: { iso3: 'XSL', it: 'Somaliland', fr: 'Somaliland', ar: 'أرض الصومال' },
};

/** Short forms where the ISO name is a mouthful on a map ("Syrian Arab Republic"). */
const SHORT: Record<string, { en?: string; it?: string; fr?: string; ar?: string }> = {
  RUS: { en: 'Russia' },
  IRN: { en: 'Iran' },
  SYR: { en: 'Syria' },
  TZA: { en: 'Tanzania', fr: 'Tanzanie' },
  MDA: { en: 'Moldova' },
  CZE: { en: 'Czechia', fr: 'Tchéquie', ar: 'التشيك' },
  CIV: { en: "Côte d'Ivoire", fr: "Côte d'Ivoire" },
  PSE: { en: 'Palestine', it: 'Palestina' },
  COD: { en: 'DR Congo', it: 'RD del Congo', fr: 'RD Congo', ar: 'الكونغو الديمقراطية' },
  COG: { en: 'Congo', it: 'Congo', fr: 'Congo', ar: 'الكونغو' },
  MKD: { en: 'North Macedonia' },
  VAT: { en: 'Vatican City', fr: 'Vatican' },
  GBR: { en: 'United Kingdom' },
  GMB: { en: 'Gambia' },
  CPV: { en: 'Cabo Verde' },
  STP: { en: 'São Tomé and Príncipe' },
};

export interface CountryName {
  iso3: string;
  name_en: string;
  name_it: string;
  name_fr: string;
  name_ar: string;
}

/**
 * Name for a world-atlas feature, or null for areas that are not countries (UN buffer zone,
 * sovereign base areas, Siachen Glacier…): those get no label.
 */
export function countryName(id: string | undefined, atlasName: string): CountryName | null {
  if (id === undefined) {
    const x = NO_ISO[atlasName];
    return x ? { iso3: x.iso3, name_en: atlasName, name_it: x.it, name_fr: x.fr, name_ar: x.ar } : null;
  }
  const iso3 = countries.numericToAlpha3(id);
  if (!iso3) return null;
  const short = SHORT[iso3] ?? {};
  const it = countries.getName(iso3, 'it');
  return {
    iso3,
    name_en: short.en ?? countries.getName(iso3, 'en') ?? atlasName,
    name_it: short.it ?? it ?? atlasName,
    name_fr: short.fr ?? countries.getName(iso3, 'fr') ?? atlasName,
    name_ar: short.ar ?? countries.getName(iso3, 'ar') ?? atlasName,
  };
}

export type SeaKind = 'ocean' | 'sea' | 'strait';

export interface SeaLabel {
  name_en: string;
  name_it: string;
  name_fr: string;
  name_ar: string;
  kind: SeaKind;
  /** Lower is placed first when labels collide. */
  rank: number;
  lon: number;
  lat: number;
}

/** Positions chosen by eye in open water; a unit test checks none of them is on land. */
export const SEA_LABELS: SeaLabel[] = [
  {
    name_en: 'Atlantic Ocean',
    name_fr: 'Océan Atlantique',
    name_ar: 'المحيط الأطلسي',
    name_it: 'Oceano Atlantico',
    kind: 'ocean',
    rank: 1,
    lon: -17.5,
    lat: 38.5,
  },
  {
    name_en: 'Mediterranean Sea',
    name_fr: 'Mer Méditerranée',
    name_ar: 'البحر الأبيض المتوسط',
    name_it: 'Mar Mediterraneo',
    kind: 'sea',
    rank: 2,
    lon: 18.5,
    lat: 33.9,
  },
  {
    name_en: 'Red Sea',
    name_fr: 'Mer Rouge',
    name_ar: 'البحر الأحمر',
    name_it: 'Mar Rosso',
    kind: 'sea',
    rank: 3,
    lon: 38.4,
    lat: 20.3,
  },
  {
    name_en: 'Black Sea',
    name_fr: 'Mer Noire',
    name_ar: 'البحر الأسود',
    name_it: 'Mar Nero',
    kind: 'sea',
    rank: 4,
    lon: 34.0,
    lat: 43.4,
  },
  {
    name_en: 'North Sea',
    name_fr: 'Mer du Nord',
    name_ar: 'بحر الشمال',
    name_it: 'Mare del Nord',
    kind: 'sea',
    rank: 5,
    lon: 3.0,
    lat: 56.0,
  },
  {
    name_en: 'Aegean Sea',
    name_fr: 'Mer Égée',
    name_ar: 'بحر إيجه',
    name_it: 'Mar Egeo',
    kind: 'sea',
    rank: 6,
    lon: 24.6,
    lat: 39.2,
  },
  {
    name_en: 'Ionian Sea',
    name_fr: 'Mer Ionienne',
    name_ar: 'البحر الأيوني',
    name_it: 'Mar Ionio',
    kind: 'sea',
    rank: 7,
    lon: 18.6,
    lat: 38.0,
  },
  {
    name_en: 'Tyrrhenian Sea',
    name_fr: 'Mer Tyrrhénienne',
    name_ar: 'البحر التيراني',
    name_it: 'Mar Tirreno',
    kind: 'sea',
    rank: 8,
    lon: 12.0,
    lat: 40.0,
  },
  {
    name_en: 'Adriatic Sea',
    name_fr: 'Mer Adriatique',
    name_ar: 'البحر الأدرياتيكي',
    name_it: 'Mar Adriatico',
    kind: 'sea',
    rank: 9,
    lon: 14.9,
    lat: 43.1,
  },
  {
    name_en: 'Alboran Sea',
    name_fr: "Mer d'Alboran",
    name_ar: 'بحر البوران',
    name_it: 'Mare di Alborán',
    kind: 'sea',
    rank: 10,
    lon: -3.9,
    lat: 36.1,
  },
  {
    name_en: 'Strait of Sicily',
    name_fr: 'Canal de Sicile',
    name_ar: 'مضيق صقلية',
    name_it: 'Canale di Sicilia',
    kind: 'strait',
    rank: 11,
    lon: 12.4,
    lat: 36.7,
  },
];
