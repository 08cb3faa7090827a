/**
 * The matching engine: per-language inverted indexes over the answers of the
 * active packs, and the ranking and relevance decision on top of them.
 *
 * Lifecycle: `buildMatcher(packs)` prepares the answers; the index of a
 * language is built synchronously the first time a post in it is matched (or
 * by `warm()`); afterwards each `match` is a few Map look-ups and some
 * arithmetic, cheap enough to run for every post the advisor scrolls past.
 * The background rebuilds the matcher when the active packs change.
 *
 * What is indexed, per index variant (13 languages, plus Bulgarian and Greek
 * typed in Latin letters), in separate BM25 indexes (term-index.ts):
 * - `examples`: one document per example question in the variant's language;
 *   at query time an answer's examples are scored as one BM25 document (how
 *   many of its examples contain a word, how many answers' examples do), so
 *   the words of a rambling post count even when they are spread over several
 *   examples, and leave-one-out can drop a single example from the counts;
 * - `terms`: one document per answer with its keywords and title — the
 *   domain vocabulary;
 * - `body`: the answer's body, weighted low (long legal prose shares many
 *   words with unrelated posts);
 * - `german` (one for all variants): the answer's German keywords and title
 *   plus the common German terms of its topic, processed with the German
 *   pipeline, so "Kündigung" in a Polish post finds dismissal answers.
 * An answer without a text in the variant's language is indexed with its
 * fallback text (pack's canonical language, else English) and flagged.
 *
 * Ranking: per answer, its examples, keyword/title, body and German scores,
 * weighted (WEIGHTS; chosen on bench/matching/dev-set.json, see BENCHMARKS.md);
 * the post's topic is the topic with the most evidence over its answers.
 * Relevance (calibration.ts) is a logistic model over that score, the
 * IDF-weighted share of the post's informative words the answer explains
 * (coverage), how much domain vocabulary the post contains, and
 * whether the post asks something — so one incidental word ("Germany",
 * "work") on a post selling a sofa does not trigger a suggestion.
 */
import { POST_LANGUAGES, type DetectedLanguage, type PostLanguage } from '../domain/languages';
import type { AnswerTopic, Topic } from '../domain/topics';
import { analyseQuestion } from '../analysis/question';
import { detectLanguage } from '../language/index';
import type { Answer, AnswerKind, AnswerText, Pack } from '../packs/schema';
import {
  DEFAULT_CALIBRATION,
  POSSIBLE_THRESHOLD,
  RELEVANCE_THRESHOLD,
  relevanceOf,
  SECONDARY_THRESHOLD,
  type Calibration,
  type RelevanceFeatures,
} from './calibration';
import { adjustmentFor, type FeedbackAdjustments } from './feedback';
import { STOPWORDS } from './data/stopwords';
import { COMMON_GERMAN_TERMS } from './german-terms';
import { buildTermIndex, type TermIndex } from './term-index';
import {
  foldForMatching,
  germanSoundKey,
  isLatinScript,
  latinForGermanLookup,
  latinRendering,
  pipelineFor,
  splitWords,
  type IndexVariant,
} from './text';

export interface MatchInput {
  text: string;
  /** Detected from the text when absent. */
  language?: DetectedLanguage;
}

export interface MatchOptions {
  /** Most suggestions to return (default 3). */
  top?: number;
  /** When an answer lacks the post's language, offer this language's text if the answer has it. */
  uiLanguage?: 'en' | 'de';
  feedback?: FeedbackAdjustments;
}

/**
 * How sure the matcher is about a suggestion (docs/PRODUCT.md; issue 12):
 * `likely` when the relevance model says so and the evidence is specific to
 * the answer; `possible` for everything else that is still shown (generic
 * words only, a tie with an answer of another topic, or a relevance below the
 * threshold). The bar counts only `likely` ones.
 */
export type SuggestionLevel = 'likely' | 'possible';

export interface Suggestion {
  answerId: string;
  packId: string;
  packVersion: string;
  topic: AnswerTopic;
  kind: AnswerKind;
  /** Calibrated relevance 0..1, after feedback adjustment: a ranking number, not shown. */
  score: number;
  level: SuggestionLevel;
  /** Words of the post that matched this answer, for the explanation. */
  matchedTerms: string[];
  /** Language of the text offered for this answer. */
  textLanguage: PostLanguage;
  /** True when the answer lacks the post's language and another language is offered. */
  fallback: boolean;
  /** True when the answer's legal review is past its valid-until date. */
  expired: boolean;
}

export interface MatchResult {
  language: DetectedLanguage;
  confidence: number;
  isQuestion: boolean;
  /** The post's topic when a suggestion is `likely`; otherwise `off-topic`. */
  topic: Topic;
  /** Best first; `possible` ones may be listed even when the topic is `off-topic`. */
  suggestions: Suggestion[];
  /** When nothing is likely: up to three topics with the most evidence (may be empty). */
  possibleTopics: AnswerTopic[];
}

export interface Matcher {
  match(input: MatchInput, options?: MatchOptions): MatchResult;
  readonly answerCount: number;
  /**
   * Builds the indexes of the given variants now (default: all) instead of on
   * first use, e.g. while the service worker is idle.
   */
  warm(variants?: readonly IndexVariant[]): void;
}

/** Internal extension used by `pack test`, calibration and the benchmark. */
export interface MatcherInternals extends Matcher {
  /** Ranking leaving the given example documents out, with the relevance features of the best answer. */
  matchExcluding(
    input: MatchInput,
    options: MatchOptions | undefined,
    excludedExamples: ReadonlySet<number>,
  ): MatchResult & { rawTopScore: number; features: RelevanceFeatures | null };
  /** Every indexed example question with its global ordinal. */
  readonly examples: readonly IndexedExample[];
}

export interface IndexedExample {
  ordinal: number;
  packId: string;
  answerId: string;
  topic: AnswerTopic;
  language: PostLanguage;
  text: string;
}

export interface MatcherOptions {
  now?: () => Date;
  calibration?: Calibration;
  /** How the per-index scores add up (for experiments; default WEIGHTS). */
  weights?: Partial<typeof WEIGHTS>;
}

interface AnswerEntry {
  pack: Pack;
  answer: Answer;
  /** Fallback text language when the answer lacks a language. */
  fallbackLanguage: PostLanguage;
}

interface VariantIndex {
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
/** Below this detection confidence the runner-up language's index is searched too. */
const RUNNER_UP_CONFIDENCE = 0.7;
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

/**
 * A word is specific evidence for the answers it hits (examples, keywords,
 * title, German terms; not the body) when those answers belong to at most
 * this share of the pack's topics, or at most SPECIFIC_MIN_TOPICS topics. An
 * answer matched only through words spread over more topics (employer, work,
 * Germany, money) is never `likely`.
 */
const SPECIFIC_TOPIC_SHARE = 0.3;
const SPECIFIC_MIN_TOPICS = 2;

/** BM25 constants of the examples-as-one-document score (term frequency saturation, length normalisation). */
const EXAMPLE_SET_K1 = 1.2;
const EXAMPLE_SET_B = 0.75;

/** How the per-index scores add up to an answer's raw score. */
const WEIGHTS = {
  /** All examples of the answer in the post's language, as one document. */
  examples: 2.5,
  /** Keywords and title. */
  terms: 2,
  body: 1.5,
  german: 2,
  /** Share of a topic's second-best answer added to the topic's evidence. */
  topicSecond: 0.25,
};

function chooseFallbackLanguage(pack: Pack, answer: Answer): PostLanguage {
  if (answer.texts[pack.canonicalLanguage]) return pack.canonicalLanguage;
  if (answer.texts.en) return 'en';
  const first = Object.keys(answer.texts)[0] as PostLanguage | undefined;
  return first ?? pack.canonicalLanguage;
}

function variantLanguage(variant: IndexVariant): PostLanguage {
  return variant === 'bg-latn' ? 'bg' : variant === 'el-latn' ? 'el' : variant;
}

function isLatinVariant(variant: IndexVariant): variant is 'bg-latn' | 'el-latn' {
  return variant === 'bg-latn' || variant === 'el-latn';
}

function termsOf(variant: IndexVariant, text: string): string[] {
  const source = isLatinVariant(variant) ? latinRendering(variant, text) : text;
  return pipelineFor(variant).terms(source);
}

function germanTermsOf(answer: Answer): string[] {
  const german = answer.texts.de;
  const parts = [...COMMON_GERMAN_TERMS[answer.topic]];
  if (german) parts.push(german.title, ...german.keywords);
  return pipelineFor('de').terms(parts.join(' '));
}

function buildVariantIndex(
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
interface QueryWord {
  word: string;
  native: string | null;
  german: string | null;
  /** Sound-alike key of a German term typed in Cyrillic or Greek letters ("ГЕВЕРБЕ"). */
  germanKeyed: string | null;
  /** Weight in the coverage share: how informative the word is in this pack. */
  weight: number;
}

function queryWords(index: VariantIndex, original: string): QueryWord[] {
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

/**
 * Matching sees folded words ("kundigung"); the advisor should see them as
 * the post spells them ("Kündigung"). Maps each folded word to the post's
 * first spelling of it.
 */
function postSpelling(text: string): (folded: string) => string {
  const spellings = new Map<string, string>();
  for (const [token] of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const words = splitWords(foldForMatching(token));
    const [word] = words;
    if (words.length === 1 && word !== undefined && !spellings.has(word))
      spellings.set(word, token.normalize('NFC'));
  }
  return (folded) => spellings.get(folded) ?? folded;
}

interface ExplanationSource {
  words: readonly QueryWord[];
  index: VariantIndex;
}

/** The words that made an answer match, as the advisor should read them. */
function explain(
  matched: readonly number[],
  source: ExplanationSource,
  spelled: (folded: string) => string,
): string[] {
  const all = matched.map((w) => source.words[w]?.word ?? '');
  const telling = all.filter((word) => !source.index.quietWords.has(word));
  return [...new Set((telling.length > 0 ? telling : all).map(spelled))];
}

interface Scored {
  answerIndex: number;
  raw: number;
  /** Some matched word is specific to few topics (see SPECIFIC_TOPIC_SHARE). */
  specific: boolean;
  features: RelevanceFeatures;
  /** Indexes into the query words. */
  matched: number[];
}

function isExpired(answer: Answer, now: Date): boolean {
  const until = answer.review.validUntil;
  if (until === null) return false;
  return now.toISOString().slice(0, 10) > until;
}

export function buildMatcher(
  packs: readonly Pack[],
  options: MatcherOptions = {},
): MatcherInternals {
  const now = options.now ?? (() => new Date());
  const calibration = options.calibration ?? DEFAULT_CALIBRATION;
  const weights = { ...WEIGHTS, ...options.weights };
  const entries: AnswerEntry[] = [];
  for (const pack of packs) {
    for (const answer of pack.answers) {
      // A withdrawn answer must never be offered again.
      if (answer.review.status === 'withdrawn') continue;
      if (Object.keys(answer.texts).length === 0) continue;
      entries.push({ pack, answer, fallbackLanguage: chooseFallbackLanguage(pack, answer) });
    }
  }
  const answerCount = entries.length;
  const answerTopics = entries.map((entry) => entry.answer.topic);
  const specificTopicLimit = Math.max(
    SPECIFIC_MIN_TOPICS,
    SPECIFIC_TOPIC_SHARE * new Set(answerTopics).size,
  );
  const examples: IndexedExample[] = [];
  const exampleOrdinals = new Map<string, number>();
  entries.forEach((entry, answerIndex) => {
    for (const [language, text] of Object.entries(entry.answer.texts) as [
      PostLanguage,
      AnswerText,
    ][]) {
      exampleOrdinals.set(`${answerIndex}:${language}`, examples.length);
      for (const example of text.examples) {
        examples.push({
          ordinal: examples.length,
          packId: entry.pack.id,
          answerId: entry.answer.id,
          topic: entry.answer.topic,
          language,
          text: example,
        });
      }
    }
  });
  let germanFields: string[][] | undefined;
  let germanIndex: TermIndex | undefined;
  let germanProtected: Set<string> | undefined;
  let germanKeyedIndex: TermIndex | undefined;
  const germanTerms = () => {
    germanFields ??= entries.map((entry) => germanTermsOf(entry.answer));
    germanProtected ??= new Set(germanFields.flat());
    germanIndex ??= buildTermIndex(
      germanFields.map((field) => [field]),
      [{ boost: 1, b: 0.3 }],
    );
    return { index: germanIndex, protectedTerms: germanProtected };
  };
  // The German terms by sound, for German typed in Cyrillic or Greek letters.
  const germanKeyed = (): TermIndex => {
    if (!germanKeyedIndex) {
      germanTerms();
      germanKeyedIndex = buildTermIndex(
        (germanFields ?? []).map((field) => [field.map((term) => germanSoundKey(term, true))]),
        [{ boost: 1, b: 0.3 }],
      );
    }
    return germanKeyedIndex;
  };
  const indexes = new Map<IndexVariant, VariantIndex>();
  // Built on first use: a group's posts come in one or two languages, so most
  // of the 15 indexes are never needed in a session.
  const indexFor = (variant: IndexVariant): VariantIndex => {
    let index = indexes.get(variant);
    if (!index) {
      index = buildVariantIndex(variant, entries, exampleOrdinals, germanTerms().protectedTerms);
      indexes.set(variant, index);
    }
    return index;
  };

  function variantsFor(
    text: string,
    language: DetectedLanguage,
    runnerUp: DetectedLanguage | null,
  ): IndexVariant[] {
    const chosen: IndexVariant[] = [];
    const add = (lang: DetectedLanguage | null) => {
      if (lang === null) return;
      const base: PostLanguage = lang === 'und' ? 'de' : lang;
      const variant: IndexVariant =
        (base === 'bg' || base === 'el') && isLatinScript(text) ? `${base}-latn` : base;
      if (!chosen.includes(variant)) chosen.push(variant);
    };
    add(language);
    add(runnerUp);
    return chosen;
  }

  /** Scores every answer against one variant's indexes. */
  function scoreVariant(
    index: VariantIndex,
    text: string,
    excluded: ReadonlySet<number> | undefined,
    isQuestion: boolean,
  ): Scored[] {
    const words = queryWords(index, text);
    if (words.length === 0) return [];
    const german = germanTerms().index;
    const termScores = new Float64Array(answerCount);
    const bodyScores = new Float64Array(answerCount);
    const germanScores = new Float64Array(answerCount);
    // matched[answer] = query word indexes that hit one of its documents.
    const matched: (number[] | undefined)[] = new Array<number[] | undefined>(answerCount);
    const specific = new Uint8Array(answerCount);
    // Answers the current word hit outside the body, to judge whether it is specific.
    const wordHits: number[] = [];
    const wordHitStamp = new Int32Array(answerCount).fill(-1);
    let current = 0;
    const hitAnswer = (answerIndex: number) => {
      let list = matched[answerIndex];
      if (!list) {
        list = [];
        matched[answerIndex] = list;
      }
      if (list[list.length - 1] !== current) list.push(current);
    };
    const hitEvidence = (answerIndex: number) => {
      hitAnswer(answerIndex);
      if (wordHitStamp[answerIndex] !== current) {
        wordHitStamp[answerIndex] = current;
        wordHits.push(answerIndex);
      }
    };
    // The answer's examples taken together as one BM25 document, as plain
    // full-text search would index them: per word, in how many of the answer's
    // examples it occurs (term frequency, saturated) and in how many answers'
    // examples (document frequency). Computed from the example postings, so
    // an excluded example (leave-one-out) leaves both counts; only the
    // answer's length normalisation still includes it, which makes
    // leave-one-out slightly pessimistic for the example's own answer. Without it, a
    // post whose words are spread over several examples of one answer would be
    // judged on its best single example alone.
    const seen = new Uint32Array(index.examples.documentCount);
    let stamp = 0;
    const exampleSetScores = new Float64Array(answerCount);
    const wordCount = new Uint16Array(answerCount);
    const wordAnswers: number[] = [];
    /** Adds one word's evidence from the examples; false when no example has it. */
    const scoreExamples = (term: string): boolean => {
      const { lists, factor } = index.examples.lookup(term);
      if (factor === 0) return false;
      stamp += 1;
      for (const documents of lists) {
        for (let i = 0; i < documents.length; i += 1) {
          const d = documents[i] ?? 0;
          if (seen[d] === stamp) continue;
          seen[d] = stamp;
          if (excluded !== undefined && excluded.has(index.exampleOrdinal[d] ?? -1)) continue;
          const owner = index.exampleOwner[d] ?? 0;
          if ((wordCount[owner] ?? 0) === 0) wordAnswers.push(owner);
          wordCount[owner] = (wordCount[owner] ?? 0) + 1;
        }
      }
      const n = wordAnswers.length;
      const idf = Math.log(1 + (index.answersWithExamples - n + 0.5) / (n + 0.5));
      for (const a of wordAnswers) {
        const tf = wordCount[a] ?? 0;
        const saturated =
          (tf * (EXAMPLE_SET_K1 + 1)) / (tf + EXAMPLE_SET_K1 * (index.exampleSetNorm[a] ?? 1));
        exampleSetScores[a] = (exampleSetScores[a] ?? 0) + factor * idf * saturated;
        wordCount[a] = 0;
        hitEvidence(a);
      }
      wordAnswers.length = 0;
      return true;
    };
    let totalWeight = 0;
    let domainWeight = 0;
    const domainHit = { value: false };
    // Answers whose keywords, title or German terms the current word hit.
    const hitDomain = (answerIndex: number) => {
      domainHit.value = true;
      hitEvidence(answerIndex);
    };
    const wordTopics = new Set<AnswerTopic>();
    words.forEach((word, position) => {
      current = position;
      wordHits.length = 0;
      domainHit.value = false;
      let known = false;
      if (word.native !== null) {
        if (scoreExamples(word.native)) known = true;
        known = index.terms.accumulate(word.native, termScores, hitDomain) > 0 || known;
        if (index.body)
          known = index.body.accumulate(word.native, bodyScores, hitAnswer) > 0 || known;
      }
      if (word.german !== null) {
        known = german.accumulate(word.german, germanScores, hitDomain) > 0 || known;
      }
      let idfKeyed = 0;
      if (word.germanKeyed !== null) {
        const keyed = germanKeyed();
        const factor = keyed.accumulate(word.germanKeyed, germanScores, hitDomain);
        if (factor > 0) {
          known = true;
          idfKeyed = factor * keyed.idf(word.germanKeyed) || factor * keyed.maxIdf;
        }
      }
      const idfNative =
        word.native !== null
          ? Math.max(index.examples.idf(word.native), index.terms.idf(word.native))
          : 0;
      const idfGerman = word.german !== null ? german.idf(word.german) : idfKeyed;
      // Unknown words weigh as much as the rarest known one: a post full of
      // words the pack never uses is probably about something else. A native
      // stop word that is no German term either weighs nothing.
      word.weight =
        idfNative > 0 || idfGerman > 0
          ? Math.max(idfNative, idfGerman)
          : word.native !== null || known
            ? index.examples.maxIdf
            : 0;
      totalWeight += word.weight;
      if (domainHit.value) domainWeight += word.weight;
      if (wordHits.length > 0) {
        wordTopics.clear();
        for (const a of wordHits) wordTopics.add(answerTopics[a] ?? 'minimum-wage');
        if (wordTopics.size <= specificTopicLimit) for (const a of wordHits) specific[a] = 1;
      }
    });

    const domain = totalWeight > 0 ? domainWeight / totalWeight : 0;
    const scored: Scored[] = [];
    for (let a = 0; a < answerCount; a += 1) {
      const hits = matched[a];
      if (!hits) continue;
      const raw =
        weights.examples * (exampleSetScores[a] ?? 0) +
        weights.terms * (termScores[a] ?? 0) +
        weights.body * (bodyScores[a] ?? 0) +
        weights.german * (germanScores[a] ?? 0);
      if (raw <= 0) continue;
      let covered = 0;
      for (const w of hits) covered += words[w]?.weight ?? 0;
      scored.push({
        answerIndex: a,
        raw,
        specific: specific[a] === 1,
        matched: hits,
        features: {
          score: raw,
          coverage: totalWeight > 0 ? covered / totalWeight : 0,
          domain,
          domainWeight,
          matchedWords: hits.length,
          isQuestion,
        },
      });
    }
    // Explanations need the words, not their indexes: keep them on the side.
    lastWords = words;
    return scored;
  }
  let lastWords: QueryWord[] = [];

  function run(
    input: MatchInput,
    matchOptions: MatchOptions | undefined,
    excluded: ReadonlySet<number> | undefined,
  ): MatchResult & { rawTopScore: number; features: RelevanceFeatures | null } {
    const top = Math.max(0, Math.floor(matchOptions?.top ?? 3));
    let language: DetectedLanguage;
    let confidence: number;
    let runnerUp: DetectedLanguage | null = null;
    if (input.language !== undefined) {
      language = input.language;
      confidence = 1;
    } else {
      const detected = detectLanguage(input.text);
      language = detected.language;
      confidence = detected.confidence;
      if (detected.runnerUp && confidence < RUNNER_UP_CONFIDENCE) {
        runnerUp = detected.runnerUp.language;
      }
    }
    const isQuestion = analyseQuestion(input.text).isQuestion;
    // Per answer, the best evidence over the searched variants, with the
    // words of that variant's query (turned into an explanation only for the
    // few answers that are suggested).
    const best = new Map<number, Scored & { source: ExplanationSource }>();
    for (const variant of variantsFor(input.text, language, runnerUp)) {
      const index = indexFor(variant);
      const scored = scoreVariant(index, input.text, excluded, isQuestion);
      const source: ExplanationSource = { words: lastWords, index };
      for (const item of scored) {
        const previous = best.get(item.answerIndex);
        if (!previous || item.raw > previous.raw) best.set(item.answerIndex, { ...item, source });
      }
    }
    const scored = [...best.values()]
      .map((item) => ({ ...item, relevance: relevanceOf(item.features, calibration) }))
      .sort((a, b) => b.raw - a.raw);
    // A topic's evidence: its best answer plus a share of its second best.
    const topicEvidence = new Map<AnswerTopic, number[]>();
    const specificTopics = new Set<AnswerTopic>();
    for (const item of scored) {
      const topic = entries[item.answerIndex]?.answer.topic;
      if (!topic) continue;
      const list = topicEvidence.get(topic) ?? [];
      if (list.length < 2) list.push(item.raw);
      topicEvidence.set(topic, list);
      if (item.specific) specificTopics.add(topic);
    }
    const rankedTopics = [...topicEvidence]
      .map(([topic, [first = 0, second = 0]]) => ({
        topic,
        score: first + weights.topicSecond * second,
      }))
      .sort((a, b) => b.score - a.score);
    const bestTopic: AnswerTopic | null = rankedTopics[0]?.topic ?? null;
    const possibleTopics = rankedTopics
      .filter((t) => specificTopics.has(t.topic))
      .slice(0, 3)
      .map((t) => t.topic);
    const leader = scored[0];
    const rawTopScore = leader?.raw ?? 0;
    const features = leader?.features ?? null;
    const topRelevance = leader?.relevance ?? 0;
    const nothing = {
      language,
      confidence,
      isQuestion,
      topic: 'off-topic' as const,
      suggestions: [],
      possibleTopics: [],
      rawTopScore,
      features,
    };
    if (bestTopic === null || topRelevance < POSSIBLE_THRESHOLD) {
      return { ...nothing, possibleTopics: topRelevance > 0 ? possibleTopics : [] };
    }
    if (top === 0) {
      return topRelevance >= RELEVANCE_THRESHOLD
        ? { ...nothing, topic: bestTopic }
        : { ...nothing, possibleTopics };
    }

    const postLanguage: PostLanguage = language === 'und' ? 'de' : language;
    const today = now();
    const candidates: (Omit<Suggestion, 'matchedTerms' | 'level'> & {
      order: number;
      adjustment: number;
      evidence: Scored & { source: ExplanationSource };
    })[] = [];
    // Answers whose score equals another topic's answer's: the ranking cannot
    // tell them apart (typically the same fallback text, or the same generic
    // words), so neither is presented as likely.
    const tied = new Set<number>();
    for (let i = 1; i < scored.length; i += 1) {
      const a = scored[i - 1];
      const b = scored[i];
      if (!a || !b) continue;
      if (Math.abs(a.raw - b.raw) <= 1e-9 * Math.max(1, a.raw)) {
        const topicA = entries[a.answerIndex]?.answer.topic;
        const topicB = entries[b.answerIndex]?.answer.topic;
        if (topicA !== topicB) {
          tied.add(a.answerIndex);
          tied.add(b.answerIndex);
        }
      }
    }
    for (const item of scored) {
      const entry = entries[item.answerIndex];
      if (!entry) continue;
      // Secondary answers are judged on their own evidence: a relevant post
      // does not make every loosely related answer relevant.
      const relevance = item === leader ? item.relevance : Math.min(item.relevance, topRelevance);
      if (relevance < SECONDARY_THRESHOLD) continue;
      const adjustment = adjustmentFor(matchOptions?.feedback, entry.pack.id, entry.answer.id);
      const adjusted = Math.min(1, Math.max(0, relevance + adjustment));
      // A boost reorders but never lifts an answer over a threshold it missed;
      // a penalty can hide it.
      if (adjusted < SECONDARY_THRESHOLD) continue;
      const has = entry.answer.texts[postLanguage] !== undefined;
      const uiLanguage = matchOptions?.uiLanguage;
      const textLanguage = has
        ? postLanguage
        : uiLanguage && entry.answer.texts[uiLanguage]
          ? uiLanguage
          : entry.fallbackLanguage;
      candidates.push({
        answerId: entry.answer.id,
        packId: entry.pack.id,
        packVersion: entry.pack.version,
        topic: entry.answer.topic,
        kind: entry.answer.kind,
        score: Math.round(adjusted * 1000) / 1000,
        textLanguage,
        fallback: !has,
        expired: isExpired(entry.answer, today),
        order: adjusted,
        adjustment,
        evidence: item,
      });
    }
    candidates.sort((a, b) => b.order - a.order);
    // The post's topic is decided on the evidence of all its answers; the
    // best answer of that topic leads, so the topic shown and the first reply agree.
    // Its score is raised to the first one's so the list stays sorted; an
    // answer the advisor marked "not relevant" is not promoted.
    const lead = candidates.findIndex((c) => c.topic === bestTopic);
    const promoted = candidates[lead];
    const first = candidates[0];
    if (lead > 0 && promoted && first && (promoted.adjustment ?? 0) >= 0) {
      candidates.splice(lead, 1);
      promoted.score = first.score;
      promoted.order = first.order;
      candidates.unshift(promoted);
    }
    // Explanations only for what is shown: the post's words in its own spelling.
    const spelled = postSpelling(input.text);
    const suggestions: Suggestion[] = candidates
      .slice(0, top)
      .map(({ order: _order, adjustment: _adjustment, evidence, ...suggestion }) => ({
        ...suggestion,
        level:
          suggestion.score >= RELEVANCE_THRESHOLD &&
          evidence.specific &&
          !tied.has(evidence.answerIndex)
            ? ('likely' as const)
            : ('possible' as const),
        matchedTerms: explain(evidence.matched, evidence.source, spelled),
      }));
    if (suggestions.length === 0 || (suggestions[0]?.score ?? 0) < POSSIBLE_THRESHOLD) {
      return { ...nothing, possibleTopics };
    }
    const likely = suggestions.some((s) => s.level === 'likely');
    return {
      language,
      confidence,
      isQuestion,
      topic: likely ? bestTopic : 'off-topic',
      suggestions,
      possibleTopics: likely ? [] : possibleTopics,
      rawTopScore,
      features,
    };
  }

  return {
    answerCount,
    examples,
    match: (input, matchOptions) => {
      const {
        rawTopScore: _raw,
        features: _features,
        ...result
      } = run(input, matchOptions, undefined);
      return result;
    },
    matchExcluding: (input, matchOptions, excluded) => run(input, matchOptions, excluded),
    warm: (languages = VARIANTS) => {
      for (const variant of languages) indexFor(variant);
    },
  };
}
