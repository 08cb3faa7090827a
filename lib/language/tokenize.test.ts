import { describe, expect, it } from 'vitest';
import { extractWords, isGermanLoanword } from './tokenize';

describe('isGermanLoanword', () => {
  it.each([
    ['kündigung', true],
    ['kündigungu', true],
    ['kuendigung', true],
    ['gewerbę', true],
    ['gewerbe', true],
    ['krankenkasse', true],
    ['krankenkassy', true],
    ['геверБЕ'.toLowerCase(), true],
    ['jobcenter', true],
    ['aok', true],
    ['szefa', false],
    ['salariul', false],
    ['kind', false],
    ['geld', false],
  ])('%s → %s', (word, expected) => {
    expect(isGermanLoanword(word)).toBe(expected);
  });
});

describe('extractWords', () => {
  it.each([
    ['mam Kündigung od szefa', ['mam', 'od', 'szefa'], ['kündigung']],
    ['Имам ГЕВЕРБЕ и не знам', ['имам', 'и', 'не', 'знам'], ['геверБЕ'.toLowerCase()]],
    ['see https://Example.com/x and www.test.de ok', ['see', 'and', 'ok'], []],
    ['pisz na jan.kowalski@example.com albo sklep.pl', ['pisz', 'na', 'albo'], []],
    ['@Anna Nowak dzięki! #praca #Niemcy', ['dzięki'], []],
    ['mam 1500€ i 3x nadgodziny 😀', ['mam', 'i', 'nadgodziny'], []],
    ["l'employeur m’a dit", ["l'employeur", 'm’a', 'dit'], []],
    // Only German terms: they are the text, not loans inside it.
    ['Kündigung Krankenkasse', ['kündigung', 'krankenkasse'], []],
    // Acronyms and brand names are the same in every language.
    ['Vložit video z YouTube nebo DailyMotion (MP4)', ['vložit', 'video', 'z', 'nebo'], []],
    ['iPhone a PDF soubor', ['a', 'soubor'], []],
    // ... unless the whole post is written in capitals.
    ['NU AM PRIMIT SALARIUL', ['nu', 'am', 'primit', 'salariul'], []],
    ['AOK DHL', ['aok', 'dhl'], []],
  ])('%s', (text, words, loanwords) => {
    expect(extractWords(text)).toEqual({ words, loanwords });
  });
});
