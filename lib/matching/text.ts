/**
 * Text normalisation for matching: one pipeline per index "script variant".
 *
 * Every term, in the pack and in a post, goes through the same steps so that
 * the two meet: lower case → diacritics folded (posts are often typed without
 * them) → split into words → per-language stem. Bulgarian and Greek also get
 * a Latin-typed variant: the pack's text is transliterated (both the official
 * and the chat style of lib/language/transliterate.ts), and both sides are
 * reduced to a canonical Latin spelling that merges the common alternatives
 * ("zh"/"j", "ya"/"ia"/"q", "ch"/"x"/"h" ...), then stemmed by prefix.
 */
import type { PostLanguage } from '../domain/languages';
import { transliterateBulgarian, transliterateGreek } from '../language/transliterate';
import { STEMMERS, stemByPrefix, type Stemmer } from './stemmers';

/** An index variant: a post language, or Bulgarian/Greek typed in Latin letters. */
export type IndexVariant = PostLanguage | 'bg-latn' | 'el-latn';

const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ı: 'i',
  ß: 'ss',
  ς: 'σ',
};

/** Lower case without diacritics; Cyrillic and Greek letters stay in their script. */
export function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łđøıßς]/g, (c) => EXTRA_FOLDS[c] ?? c);
}

const WORD = /[\p{L}\p{N}]+/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Words of a folded text. Pure numbers carry no topic ("12 euro", "3 days");
 * letter-digit mixes do ("a1", "l4"). Single letters are noise.
 */
export function splitWords(folded: string): string[] {
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (word.length >= 2 && HAS_LETTER.test(word)) words.push(word);
  }
  return words;
}

/** Canonical Latin spelling of Latin-typed Bulgarian (both sides of the match). */
function canonicalLatinBulgarian(word: string): string {
  return word
    .replace(/sht/g, 'st')
    .replace(/zh/g, 'j')
    .replace(/ts/g, 'c')
    .replace(/q/g, 'ia')
    .replace(/[yj]([aue])/g, 'i$1')
    .replace(/w/g, 'v')
    .replace(/x/g, 'h')
    .replace(/4/g, 'ch')
    .replace(/6/g, 'sh')
    .replace(/y/g, 'i');
}

/** Canonical Latin spelling of Greeklish: merges the ways one Greek letter is typed. */
function canonicalLatinGreek(word: string): string {
  return word
    .replace(/ou/g, '0')
    .replace(/ks|ch|x/g, 'h')
    .replace(/th/g, '8')
    .replace(/ps/g, '9')
    .replace(/ei|oi|yi|[yu]/g, 'i')
    .replace(/ai/g, 'e')
    .replace(/mp/g, 'b')
    .replace(/nt/g, 'd')
    .replace(/g[kg]/g, 'g')
    .replace(/w/g, 'o')
    .replace(/(.)\1/g, '$1');
}

export interface TermPipeline {
  /** Stemmed terms of a text, in order (duplicates kept). */
  terms(text: string): string[];
  /** The same, with the surface word each term came from (for explanations). */
  termsWithWords(text: string): { term: string; word: string }[];
}

function pipelineFrom(
  wordsOf: (text: string) => string[],
  stem: Stemmer,
  cache: Map<string, string>,
): TermPipeline {
  const stemCached = (word: string): string => {
    let term = cache.get(word);
    if (term === undefined) {
      term = stem(word);
      if (term.length === 0) term = word;
      if (cache.size > 50_000) cache.clear();
      cache.set(word, term);
    }
    return term;
  };
  return {
    terms: (text) => wordsOf(text).map(stemCached),
    termsWithWords: (text) => wordsOf(text).map((word) => ({ term: stemCached(word), word })),
  };
}

const nativeWords = (text: string): string[] => splitWords(foldForMatching(text));

const pipelines = new Map<IndexVariant, TermPipeline>();

/** The term pipeline of a variant (cached: stemmers are pure). */
export function pipelineFor(variant: IndexVariant): TermPipeline {
  let pipeline = pipelines.get(variant);
  if (pipeline) return pipeline;
  if (variant === 'bg-latn') {
    pipeline = pipelineFrom(
      nativeWords,
      (word) => stemByPrefix(canonicalLatinBulgarian(word)),
      new Map(),
    );
  } else if (variant === 'el-latn') {
    pipeline = pipelineFrom(
      nativeWords,
      (word) => stemByPrefix(canonicalLatinGreek(word)),
      new Map(),
    );
  } else {
    pipeline = pipelineFrom(nativeWords, STEMMERS[variant], new Map());
  }
  pipelines.set(variant, pipeline);
  return pipeline;
}

/**
 * Pack text as it is typed in Latin letters, for the Latin-typed index of
 * Bulgarian and Greek: both transliteration styles, so either spelling finds it.
 */
export function latinRendering(variant: 'bg-latn' | 'el-latn', text: string): string {
  if (variant === 'bg-latn') {
    return `${transliterateBulgarian(text, 'official')} ${transliterateBulgarian(text, 'informal')}`;
  }
  return `${transliterateGreek(text, 'elot')} ${transliterateGreek(text, 'greeklish')}`;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\p{M}\s]*$/u;

/** True when a text has no Cyrillic or Greek letter (a Latin-typed post). */
export function isLatinScript(text: string): boolean {
  return LATIN_ONLY.test(text);
}

/** The index variant a text in `language` is read in: Latin-typed Bulgarian and Greek have their own. */
export function indexVariantFor(language: PostLanguage, text: string): IndexVariant {
  return (language === 'bg' || language === 'el') && isLatinScript(text)
    ? `${language}-latn`
    : language;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

/**
 * Latin letters for a folded Cyrillic or Greek word, as a German speaker
 * would read them ("гевербе" → "geverbe", "κράνκενκασε" → "krankenkase");
 * null for a word already in Latin letters.
 */
export function latinForGermanLookup(word: string): string | null {
  if (CYRILLIC.test(word)) return transliterateBulgarian(word, 'informal');
  if (GREEK.test(word)) {
    // Greek spells German b, d, g, u with digraphs: μπ, ντ, γκ, ου.
    return transliterateGreek(word, 'greeklish')
      .replace(/gk|gg/g, 'g')
      .replace(/mp/g, 'b')
      .replace(/^nt|(?<=[^aeiou])nt/g, 'd')
      .replace(/nt/g, 'nd')
      .replace(/ou/g, 'u');
  }
  return null;
}

/**
 * A sound-alike key for German terms, applied to the German-stemmed term on
 * both sides, so a German word written in another alphabet meets the pack's
 * German. `german` says which side: German spells the sounds its own way
 * (v is f, w is v, z is ts, st- is sht-), a transliteration spells them as
 * heard. Then k/c/ck, sch/sh/ш, eu/oi/ой, ei/ai/ай, ie/i, d/t, ü/ю, a silent
 * h after a vowel and doubled letters merge.
 */
export function germanSoundKey(term: string, german: boolean): string {
  let key = term;
  if (german) key = key.replace(/v/g, 'f').replace(/w/g, 'v');
  else key = key.replace(/sht/g, 'st').replace(/shp/g, 'sp');
  return key
    .replace(/tsch|tch/g, 'ч')
    .replace(/sch|sh/g, 'ш')
    .replace(/ch|h(?=[^aeiou]|$)/g, (m) => (m === 'ch' ? 'x' : ''))
    .replace(/tz|ts|z/g, 'ц')
    .replace(/ck|c|q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[yj]u|iu/g, 'u')
    .replace(/[yj]/g, 'i')
    .replace(/eu|oi|oy/g, 'oi')
    .replace(/ei|ai|ay|ey/g, 'ai')
    .replace(/ie/g, 'i')
    .replace(/d/g, 't')
    .replace(/(.)\1+/gu, '$1');
}
