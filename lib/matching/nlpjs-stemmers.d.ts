/*
 * nlp.js ships no type declarations. Only the two stemmer classes are used
 * (deep imports keep the rest of the language packages out of the bundle);
 * both extend @nlpjs/core's BaseStemmer, whose `stemWord` stems one word.
 */
declare module '@nlpjs/lang-pl/src/stemmer-pl' {
  class StemmerPl {
    stemWord(word: string): string;
  }
  export = StemmerPl;
}

declare module '@nlpjs/lang-cs/src/stemmer-cs' {
  class StemmerCs {
    stemWord(word: string): string;
  }
  export = StemmerCs;
}
