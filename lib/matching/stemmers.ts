/**
 * One stemmer per post language, all pure functions on a lower-case word
 * without diacritics (matching folds before it stems, so a post typed without
 * diacritics and the pack's correctly spelt text meet in the same stem).
 *
 * Sources: Orama's Snowball ports (de en ro bg el hu es fr it, Serbian for
 * Croatian) and nlp.js (pl, cs; Czech also serves Slovak, the closest
 * language with a maintained stemmer).
 */
import StemmerCs from '@nlpjs/lang-cs/src/stemmer-cs';
import StemmerPl from '@nlpjs/lang-pl/src/stemmer-pl';
import { stemmer as stemBulgarianRaw } from '@orama/stemmers/bulgarian';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemGreek } from '@orama/stemmers/greek';
import { stemmer as stemHungarian } from '@orama/stemmers/hungarian';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import { stemmer as stemRomanian } from '@orama/stemmers/romanian';
import { stemmer as stemSerbian } from '@orama/stemmers/serbian';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import type { PostLanguage } from '../domain/languages';

export type Stemmer = (word: string) => string;

/*
 * Orama's BulStem port rewrites letters in place (`word[i] = 'к'`), which a
 * string does not allow in strict mode: it throws. It reads the word only by
 * index and `substring`, so an array of characters with `substring` lets the
 * algorithm run as written.
 */
function stemBulgarian(word: string): string {
  const letters = [...word] as string[] & { substring(start: number, end?: number): string };
  letters.substring = (start, end) => letters.slice(start, end).join('');
  return stemBulgarianRaw(letters as unknown as string);
}

const polish = new StemmerPl();
const czech = new StemmerCs();

export const STEMMERS: Readonly<Record<PostLanguage, Stemmer>> = {
  de: stemGerman,
  en: stemEnglish,
  pl: (word) => polish.stemWord(word),
  ro: stemRomanian,
  bg: stemBulgarian,
  el: stemGreek,
  hr: stemSerbian,
  hu: stemHungarian,
  es: stemSpanish,
  fr: stemFrench,
  it: stemItalian,
  cs: (word) => czech.stemWord(word),
  sk: (word) => czech.stemWord(word),
};

/**
 * Bulgarian and Greek typed in Latin letters have no stemmer; a fixed-length
 * prefix is the classic stand-in for inflected languages and is robust to the
 * many ways people spell endings.
 */
export function stemByPrefix(word: string, length = 5): string {
  return word.length <= length ? word : word.slice(0, length);
}
