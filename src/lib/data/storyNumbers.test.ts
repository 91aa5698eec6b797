import { describe, expect, it } from 'vitest';
import { numberSet, numbersIn } from './storyNumbers';

describe('numbersIn', () => {
  it.each([
    [
      'en',
      'Italy records 66,617 sea arrivals in 2024 and 66,296 in 2025, 0.48 % fewer.',
      ['66617', '2024', '66296', '2025', '0.48'],
    ],
    [
      'it',
      "L'Italia registra 66.617 arrivi nel 2024 e 66.296 nel 2025, lo 0,48 % in meno.",
      ['66617', '2024', '66296', '2025', '0.48'],
    ],
    ['en', '€1.5m for Bosnia and Herzegovina, €2.25m for the Horn of Africa', ['1.5', '2.25']],
    ['it', '1,5 milioni alla Bosnia ed Erzegovina, 2,25 milioni al Corno d’Africa', ['1.5', '2.25']],
    ['it', 'Dal 1° luglio 2026; 4572 e 4.572', ['1', '2026', '4572', '4572']],
    ['en', 'From 2014–2025, in 2015, 153,842 arrived', ['2014', '2025', '2015', '153842']],
    ['fr', '157\u202f652 arrivées, 0,48 %', ['157652', '0.48']],
    ['ar', '١٥٧٬٦٥٢', ['157652']],
    [
      'ar',
      'تسجّل إيطاليا 66,617 وافدًا بحرًا في 2024 و66,296 في 2025، أي أقل بنسبة 0.48 %.',
      ['66617', '2024', '66296', '2025', '0.48'],
    ],
    ['fr', 'Après 153\u202f842 arrivées en 2015, le 1er novembre', ['153842', '2015', '1']],
  ])('%s: %s', (lang, text, want) => expect(numbersIn(text, lang)).toEqual(want));

  it('tells differing figures apart and ignores word order', () => {
    expect(numberSet('5,289 in December, 8,335 in November', 'en')).toEqual(
      numberSet('8.335 a novembre e 5.289 a dicembre', 'it'),
    );
    expect(numberSet('25,756 detections', 'en')).not.toEqual(numberSet('25.765 rilevamenti', 'it'));
    expect(numberSet('0.48 %', 'en')).not.toEqual(numberSet('0.48 %', 'it'));
  });
});
