import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, i18n, pluralCategory, t } from './i18n.svelte';

afterEach(() => {
  i18n.lang = 'en';
});

describe('plural messages', () => {
  it('Italian says "1 mese/s" and "1 barra", "2 mesi/s" and "12 barre"', () => {
    i18n.lang = 'it';
    expect(t('timeline.speedValue', { n: 1 })).toBe('1 mese/s');
    expect(t('timeline.speedValue', { n: 2 })).toBe('2 mesi/s');
    expect(t('charts.label', { metric: 'M', n: 1, from: 'a', to: 'b' })).toBe('M: 1 barra da a a b');
    expect(t('charts.label', { metric: 'M', n: 12, from: 'a', to: 'b' })).toBe('M: 12 barre da a a b');
  });

  it('English picks one/other and writes the count with the locale’s digits and separators', () => {
    expect(t('table.rows', { n: 1 })).toBe('1 row');
    expect(t('table.rows', { n: 1234 })).toBe('1,234 rows');
    // A count already formatted by the caller still picks its form.
    expect(t('table.rows', { n: '1,234' })).toBe('1,234 rows');
    expect(t('timeline.speedValue', { n: 0.5 })).toBe('0.5 months/s');
  });

  it('uses the CLDR categories of Intl.PluralRules', () => {
    expect(pluralCategory(1, 'it')).toBe('one');
    expect(pluralCategory(0, 'en')).toBe('other');
    expect(pluralCategory(2, 'en')).toBe('other');
  });

  it('Arabic has six forms and writes Western digits', () => {
    i18n.lang = 'ar';
    expect(t('table.rows', { n: 1 })).toBe('صف واحد');
    expect(t('table.rows', { n: 2 })).toBe('صفّان');
    expect(t('table.rows', { n: 5 })).toBe('5 صفوف');
    expect(t('table.rows', { n: 11 })).toBe('11 صفًّا');
    expect(t('table.rows', { n: 1200 })).toBe('1,200 صف');
    expect(formatNumber(1234567, 'ar')).toBe('1,234,567');
  });

  it('formats numbers per locale', () => {
    expect(formatNumber(1234567, 'fr')).toBe('1\u202f234\u202f567');
    expect(formatNumber(1234.5, 'it')).toBe('1234,5');
    expect(formatNumber(12345, 'it')).toBe('12.345');
  });
});
