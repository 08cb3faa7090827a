/**
 * The per-language indexes of the matcher ("index variants": 13 languages,
 * plus Bulgarian and Greek typed in Latin letters) and how a post becomes
 * query words for one of them. What is indexed, per variant, in separate
 * BM25 indexes (term-index.ts):
 * - `examples`: one document per example question in the variant's language
 *   (scoring.ts scores an answer's examples as one document);
 * - `terms`: one document per answer with its keywords and title — the
 *   domain vocabulary;
 * - `body`: the answer's body, weighted low (long legal prose shares many
 *   words with unrelated posts);
 * - German (`createGermanIndexes`, one for all variants): the answer's German
 *   keywords and title plus the common German terms of its topic, processed
 *   with the German pipeline, so "Kündigung" in a Polish post finds dismissal
 *   answers.
 * An answer without a text in the variant's language is indexed with its
 * fallback text (pack's canonical language, else English).
 *
 * Lifecycle: built lazily by the matcher, once per variant, then read-only.
 */
import { POST_LANGUAGES, type PostLanguage } from '../domain/languages';
import type { Answer, Pack } from '../packs/schema';
import { STOPWORDS } from './data/stopwords';
import { COMMON_GERMAN_TERMS } from './german-terms';
import { buildTermIndex, type TermIndex } from './term-index';
import {
  foldForMatching,
  germanSoundKey,
  latinForGermanLookup,
  latinRendering,
  pipelineFor,
  splitWords,
  type IndexVariant,
} from './text';

export interface AnswerEntry {
  pack: Pack;
  answer: Answer;
  /** Fallback text language when the answer lacks a language. */
  fallbackLanguage: PostLanguage;
}

export interface VariantIndex {
  variant: IndexVariant;
  language: PostLanguage;
  examples: TermIndex;
  /** Example document → answer index / global example ordinal. */
  exampleOwner: Int32Array;
  exampleOrdinal: Int32Array;
  /**
   * Per answer, BM25's length normalisation of all its examples taken as one
   * document (`1 - b + b × length / average`), and how many answers have examples.
   */
  exampleSetNorm: Float64Array;
  answersWithExamples: number;
  /** Keywords and title, one document per answer (document = answer index). */
  terms: TermIndex;
  body: TermIndex | null;
  /** Terms so frequent or so empty of meaning in this language that they are not searched. */
  stopTerms: Set<string>;
  /** The same for the German-term query. */
  germanStopTerms: Set<string>;
  /**
   * Function words and greetings as a post of this variant writes them. A
   * keyword phrase ("nu mi-a plătit") keeps them as evidence, but listed as
   * matched words they explain nothing to the advisor.
   */
  quietWords: ReadonlySet<string>;
}

export const VARIANTS: readonly IndexVariant[] = [...POST_LANGUAGES, 'bg-latn', 'el-latn'];

/** Share of answers' bodies a term may appear in before it counts as a stop term. */
const STOP_TERM_SHARE = 0.3;
const LATIN_STOP_SAMPLE = 40;
/** Shortest Cyrillic or Greek word looked up as a German term (short ones are function words). */
const GERMAN_LOOKUP_MIN_LENGTH = 5;
/**
 * Greetings and forms of address that open posts in every language: they say
 * nothing about the topic, but example questions contain them, so without
 * this "kalispera paidia" would find whichever example starts that way.
 */
const CHATTER = [
  'hallo hi hey hello servus moin guten morgen tag abend leute alle everyone guys thanks thank please bitte danke',
  'witam czesc hej dzien dobry wieczor wszystkim ludzie pozdrawiam dziekuje prosze',
  'buna salut seara ziua tuturor oameni multumesc va rog',
  'здравейте здрасти здравей привет добър ден вечер всички хора благодаря моля',
  'zdraveite zdrasti privet dobar den vecher vsichki hora blagodarya molya',
  'γεια σας καλημερα καλησπερα παιδια ολους ευχαριστω παρακαλω',
  'geia sas kalimera kalispera paidia olous efharisto efxaristo parakalo',
  'pozdrav bok zdravo dobar dan vecer svima ljudi hvala molim',
  'szia sziasztok jo napot reggelt estet mindenkinek koszonom kerem',
  'hola buenos dias buenas tardes noches todos gracias por favor',
  'bonjour bonsoir salut coucou tous merci svp',
  'ciao buongiorno buonasera salve tutti ragazzi grazie per favore',
  'ahoj dobry den vecer vsichni vsetkym dakujem dekuji prosim',
].join(' ');

/**
 * Wishes for a day, a week or a holiday ("schönen Sonntag", "buona domenica",
 * "kali evdomada"): the time word in them is topic vocabulary elsewhere
 * ("must I work on Sunday?"), so the whole salutation is taken out of the
 * query. Matched on folded text (matching folds before it splits words).
 */
const WISH_WORDS = [
  'schon|schones|schonen|schoner|gute|guten|guter|gutes|frohe|frohen|frohes|nice|good|happy|lovely',
  'milego|milej|dobrego|udanego|wesolych|spokojnego|zdrowych|buna|frumoasa|frumos|placut|placuta|fericit|fericite',
  'hubav|hubava|hubavo|priqten|prijaten|vesela|veseli|весел|весела|весели|хубав|хубава|хубаво|приятен|приятна',
  'καλη|καλο|καλον|καλες|καλα|kali|kalo|kales|lijep|lijepu|lijepa|ugodan|ugodnu|sretan|sretnu|sretna',
  'szep|jo|kellemes|boldog|buen|buena|buenas|buenos|feliz|felices|bon|bonne|bonnes|joyeux|joyeuses',
  'buona|buon|buone|felice|pekny|peknu|pekne|krasny|krasnou|krasne|hezky|hezkou|prijemny|prijemnou|vesele|stastny',
].join('|');
const TIME_WORDS = [
  'morgen|tag|abend|sonntag|samstag|wochenende|woche|feiertag|feiertage|ostern|weihnachten',
  'day|morning|evening|weekend|week|sunday|holiday|holidays|easter|christmas',
  'dnia|wieczoru|weekendu|tygodnia|niedzieli|swiat|niedziele',
  'zi|ziua|seara|saptamana|duminica|sarbatori|paste',
  'den|vecher|sedmica|uikend|nedelq|nedelya|praznici|ден|вечер|седмица|уикенд|неделя|празници|великден',
  'μερα|εβδομαδα|κυριακη|βραδια|χρονια|mera|evdomada|kyriaki|kiriaki|vradia|xronia|chronia',
  'vikend|tjedan|dan|vecer|nedjelju|blagdane|uskrs|bozic',
  'napot|hetet|hetveget|estet|unnepeket|husvetot|karacsonyt',
  'dia|fin de semana|semana|domingo|navidad|pascua|journee|soiree|semaine|dimanche|week end|noel|paques',
  'giornata|serata|settimana|domenica|pasqua|natale',
  'vikendu|tyden|nedeli|sviatky|svatky|vanoce|velikonoce',
].join('|');
/** Letters around a wish: JavaScript's \\b knows only ASCII letters. */
const SALUTATION = new RegExp(
  `(?<!\\p{L})(?:(?:${WISH_WORDS})\\s+(?:${TIME_WORDS})|(?:${TIME_WORDS})\\s+(?:${WISH_WORDS}))(?!\\p{L})`,
  'gu',
);

/** BM25 constants of the examples-as-one-document score (term frequency saturation, length normalisation). */
export const EXAMPLE_SET_K1 = 1.2;
const EXAMPLE_SET_B = 0.75;

export function chooseFallbackLanguage(pack: Pack, answer: Answer): PostLanguage {
  if (answer.texts[pack.canonicalLanguage]) return pack.canonicalLanguage;
  if (answer.texts.en) return 'en';
  const first = Object.keys(answer.texts)[0] as PostLanguage | undefined;
  return first ?? pack.canonicalLanguage;
}

export function variantLanguage(variant: IndexVariant): PostLanguage {
  return variant === 'bg-latn' ? 'bg' : variant === 'el-latn' ? 'el' : variant;
}

export function isLatinVariant(variant: IndexVariant): variant is 'bg-latn' | 'el-latn' {
  return variant === 'bg-latn' || variant === 'el-latn';
}

export function termsOf(variant: IndexVariant, text: string): string[] {
  const source = isLatinVariant(variant) ? latinRendering(variant, text) : text;
  return pipelineFor(variant).terms(source);
}

export function germanTermsOf(answer: Answer): string[] {
  const german = answer.texts.de;
  const parts = [...COMMON_GERMAN_TERMS[answer.topic]];
  if (german) parts.push(german.title, ...german.keywords);
  return pipelineFor('de').terms(parts.join(' '));
}

export function buildVariantIndex(
  variant: IndexVariant,
  entries: readonly AnswerEntry[],
  exampleOrdinals: ReadonlyMap<string, number>,
  germanProtected: ReadonlySet<string>,
): VariantIndex {
  const language = variantLanguage(variant);
  const latin = isLatinVariant(variant);
  const texts = entries.map(
    (entry) => entry.answer.texts[language] ?? entry.answer.texts[entry.fallbackLanguage],
  );
  // Bodies first: their document frequencies decide the stop terms. Latin-typed
  // posts are short chat questions; the body adds little for them, so it is not
  // indexed, and a sample of bodies is enough to find stop terms.
  const bodies = texts.map((text, index) =>
    text && (!latin || index < LATIN_STOP_SAMPLE) ? termsOf(variant, text.body) : [],
  );
  const bodyDocumentFrequency = new Map<string, number>();
  for (const body of bodies) {
    for (const term of new Set(body))
      bodyDocumentFrequency.set(term, (bodyDocumentFrequency.get(term) ?? 0) + 1);
  }
  const sampled = latin ? Math.min(entries.length, LATIN_STOP_SAMPLE) : entries.length;
  const limit = Math.max(3, STOP_TERM_SHARE * sampled);
  const keywordTerms = texts.map((text) => (text ? termsOf(variant, text.keywords.join(' ')) : []));
  const titleTerms = texts.map((text) => (text ? termsOf(variant, text.title) : []));
  // Terms in most bodies are stop terms unless the pack uses them in a keyword
  // ("salariul" is in many bodies, and it is what unpaid-wages posts are about).
  const keywordVocabulary = new Set(keywordTerms.flat());
  const stopTerms = new Set<string>();
  for (const [term, count] of bodyDocumentFrequency)
    if (count > limit && !keywordVocabulary.has(term)) stopTerms.add(term);
  // Function words from a stop list plus greetings, except those the pack uses
  // as keywords ("work", "Zeit" are on generic lists but mean something here).
  // In the Latin-typed variants only a one-word keyword protects: their
  // keyword phrases are transliterated whole, so "mou", "apo", "gia", "na"
  // would otherwise count as evidence for whichever answer has such a phrase
  // ("απόλυση με WhatsApp"). Natively, that stricter rule lifted the
  // leave-one-out ranking but suppressed more real posts (see BENCHMARKS.md).
  const protectedTerms = new Set<string>();
  for (const text of texts) {
    for (const keyword of text?.keywords ?? []) {
      if (latin && splitWords(foldForMatching(keyword)).length !== 1) continue;
      for (const term of termsOf(variant, keyword)) protectedTerms.add(term);
    }
  }
  const stopWords = `${STOPWORDS[language]} ${CHATTER}`;
  const stopSource = latin ? `${latinRendering(variant, stopWords)} ${CHATTER}` : stopWords;
  for (const term of pipelineFor(variant).terms(stopSource)) {
    if (!protectedTerms.has(term)) stopTerms.add(term);
  }
  const germanStopTerms = new Set(
    pipelineFor('de').terms(`${STOPWORDS.de} ${STOPWORDS[language]} ${CHATTER}`),
  );
  for (const term of germanProtected) germanStopTerms.delete(term);
  const keep = (terms: readonly string[]) => terms.filter((term) => !stopTerms.has(term));

  const exampleDocuments: string[][][] = [];
  const owners: number[] = [];
  const ordinals: number[] = [];
  entries.forEach((entry, answerIndex) => {
    // Examples in the post's language only: another language's examples would
    // match words that happen to be spelt alike.
    const own = entry.answer.texts[language];
    if (!own) return;
    const firstOrdinal = exampleOrdinals.get(`${answerIndex}:${language}`) ?? -1;
    own.examples.forEach((example, position) => {
      exampleDocuments.push([keep(termsOf(variant, example))]);
      owners.push(answerIndex);
      ordinals.push(firstOrdinal + position);
    });
  });
  const exampleSetLength = new Float64Array(entries.length);
  exampleDocuments.forEach((document, d) => {
    const owner = owners[d] ?? 0;
    exampleSetLength[owner] = (exampleSetLength[owner] ?? 0) + (document[0]?.length ?? 0);
  });
  const withExamples = exampleSetLength.filter((length) => length > 0);
  const averageLength =
    withExamples.reduce((sum, length) => sum + length, 0) / Math.max(1, withExamples.length);
  const exampleSetNorm = exampleSetLength.map(
    (length) => 1 - EXAMPLE_SET_B + EXAMPLE_SET_B * (length / (averageLength || 1)),
  );
  return {
    variant,
    language,
    examples: buildTermIndex(exampleDocuments, [{ boost: 1, b: 0.5 }]),
    exampleSetNorm,
    answersWithExamples: withExamples.length,
    exampleOwner: Int32Array.from(owners),
    exampleOrdinal: Int32Array.from(ordinals),
    terms: buildTermIndex(
      entries.map((_, i) => [keep(keywordTerms[i] ?? []), keep(titleTerms[i] ?? [])]),
      [
        { boost: 1, b: 0.3 },
        { boost: 0.6, b: 0.3 },
      ],
    ),
    body: latin
      ? null
      : buildTermIndex(
          bodies.map((body) => [keep(body)]),
          [{ boost: 1, b: 0.75 }],
        ),
    stopTerms,
    germanStopTerms,
    quietWords: new Set(splitWords(foldForMatching(stopSource))),
  };
}

/** A word of the post that carries meaning, with its terms in the native and German pipelines. */
export interface QueryWord {
  word: string;
  native: string | null;
  german: string | null;
  /** Sound-alike key of a German term typed in Cyrillic or Greek letters ("ГЕВЕРБЕ"). */
  germanKeyed: string | null;
  /** Weight in the coverage share: how informative the word is in this pack. */
  weight: number;
}

export function queryWords(index: VariantIndex, original: string): QueryWord[] {
  const text = foldForMatching(original).replace(SALUTATION, ' ');
  const native = pipelineFor(index.variant).termsWithWords(text);
  // Both pipelines split words alike, so positions line up.
  const german = index.language === 'de' ? null : pipelineFor('de').termsWithWords(text);
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  native.forEach(({ term, word }, position) => {
    const nativeTerm = index.stopTerms.has(term) ? null : term;
    const latin = latinForGermanLookup(word);
    let germanKept: string | null = null;
    let germanKeyed: string | null = null;
    if (latin === null) {
      const germanTerm = german ? (german[position]?.term ?? null) : null;
      germanKept = germanTerm && !index.germanStopTerms.has(germanTerm) ? germanTerm : null;
    } else if (nativeTerm !== null && word.length >= GERMAN_LOOKUP_MIN_LENGTH) {
      const stem = pipelineFor('de').terms(latin)[0];
      if (stem) germanKeyed = germanSoundKey(stem, false);
    }
    if (nativeTerm === null && germanKept === null) return;
    const key = `${nativeTerm ?? ''}|${germanKept ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    words.push({ word, native: nativeTerm, german: germanKept, germanKeyed, weight: 0 });
  });
  return words;
}

/** The German-term indexes shared by all variants, built on first use. */
export interface GermanIndexes {
  /** German terms of each answer (German pipeline). */
  index(): TermIndex;
  /** The same by sound, for German typed in Cyrillic or Greek letters ("ГЕВЕРБЕ"). */
  keyed(): TermIndex;
  /** Every German term of the pack: never a stop term in any variant. */
  protectedTerms(): ReadonlySet<string>;
}

export function createGermanIndexes(entries: readonly AnswerEntry[]): GermanIndexes {
  let fields: string[][] | undefined;
  let index: TermIndex | undefined;
  let keyed: TermIndex | undefined;
  let protectedTerms: Set<string> | undefined;
  const fieldsOf = () => (fields ??= entries.map((entry) => germanTermsOf(entry.answer)));
  return {
    index: () =>
      (index ??= buildTermIndex(
        fieldsOf().map((field) => [field]),
        [{ boost: 1, b: 0.3 }],
      )),
    keyed: () =>
      (keyed ??= buildTermIndex(
        fieldsOf().map((field) => [field.map((term) => germanSoundKey(term, true))]),
        [{ boost: 1, b: 0.3 }],
      )),
    protectedTerms: () => (protectedTerms ??= new Set(fieldsOf().flat())),
  };
}
