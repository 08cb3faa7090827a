/**
 * The matching engine: per-language MiniSearch indexes over the answers of
 * the active packs, and the ranking on top of them.
 *
 * Lifecycle: `buildMatcher(packs)` prepares the answers; the index of a
 * language is built synchronously the first time a post in it is matched (or
 * by `warm()`), in tens of milliseconds; afterwards each `match` is a few index look-ups and
 * some arithmetic, cheap enough to run for every post the advisor scrolls
 * past. The background rebuilds the matcher when the active packs change.
 *
 * What is indexed, per index variant (13 languages, plus Bulgarian and Greek
 * typed in Latin letters):
 * - one document per example question (field `ex`), so a post that reads like
 *   one example is not diluted by the answer's other examples;
 * - one document per answer with `kw` (keywords), `title`, `body`, and `de`,
 *   the German-term field: the answer's German keywords and title plus the
 *   common German terms of its topic, processed with the German pipeline, so
 *   "Kündigung" in a Polish post finds dismissal answers.
 * An answer without a text in the variant's language is indexed with its
 * fallback text (pack's canonical language, else English) and flagged.
 *
 * Ranking: per answer, the best example document plus the answer document;
 * calibrated to 0..1 (calibration.ts); the post's topic is the topic with the
 * most evidence; nothing is suggested below the relevance threshold.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { POST_LANGUAGES, type DetectedLanguage, type PostLanguage } from '../domain/languages';
import type { AnswerTopic, Topic } from '../domain/topics';
import { analyseQuestion } from '../analysis/question';
import { detectLanguage } from '../language/index';
import type { Answer, AnswerKind, AnswerText, Pack } from '../packs/schema';
import {
  calibrate,
  DEFAULT_CALIBRATION,
  RELEVANCE_THRESHOLD,
  SECONDARY_THRESHOLD,
  type Calibration,
} from './calibration';
import { adjustmentFor, type FeedbackAdjustments } from './feedback';
import { STOPWORDS } from './data/stopwords';
import { COMMON_GERMAN_TERMS } from './german-terms';
import { isLatinScript, latinRendering, pipelineFor, type IndexVariant } from './text';

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

export interface Suggestion {
  answerId: string;
  packId: string;
  packVersion: string;
  topic: AnswerTopic;
  kind: AnswerKind;
  /** Calibrated relevance 0..1, after feedback adjustment. */
  score: number;
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
  /** `off-topic` when nothing relevant was found. */
  topic: Topic;
  /** Best first; empty when off-topic. */
  suggestions: Suggestion[];
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

/** Internal extension used by `pack test` and the benchmark. */
export interface MatcherInternals extends Matcher {
  /** Raw best score and ranking, leaving the given example documents out. */
  matchExcluding(
    input: MatchInput,
    options: MatchOptions | undefined,
    excludedExamples: ReadonlySet<number>,
  ): MatchResult & { rawTopScore: number };
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
  search: MiniSearch;
  /** Document id → example ordinal (answer documents are not in the map). */
  exampleOrdinal: Map<number, number>;
  /** Document id → answer index. */
  owner: Map<number, number>;
  /** Terms so frequent in this language's answers that they say nothing. */
  stopTerms: Set<string>;
  /** The same for the German-term query. */
  germanStopTerms: Set<string>;
}

export const VARIANTS: readonly IndexVariant[] = [...POST_LANGUAGES, 'bg-latn', 'el-latn'];

const FIELDS = ['ex', 'kw', 'title', 'body', 'de'] as const;
const NATIVE_FIELDS = ['ex', 'kw', 'title', 'body'];
const BOOST = { ex: 3, kw: 5, title: 2, body: 2, de: 2.5 };
/** Share of answers' bodies a term may appear in before it counts as a stop term. */
const STOP_TERM_SHARE = 0.3;
/** Below this detection confidence the runner-up language's index is searched too. */
const RUNNER_UP_CONFIDENCE = 0.7;
const LATIN_STOP_SAMPLE = 40;
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
const EXAMPLE_WEIGHT = 1;
const ANSWER_DOC_WEIGHT = 3;
/** Share of a topic's second-best answer added to the topic's evidence. */
const TOPIC_SECOND_SHARE = 0.25;

const fuzzyFor = (term: string): number | false =>
  term.length >= 9 ? 2 : term.length >= 5 ? 1 : false;
const prefixFor = (term: string): boolean => term.length >= 4;

function chooseFallbackLanguage(pack: Pack, answer: Answer): PostLanguage {
  if (answer.texts[pack.canonicalLanguage]) return pack.canonicalLanguage;
  if (answer.texts.en) return 'en';
  const first = Object.keys(answer.texts)[0] as PostLanguage | undefined;
  return first ?? pack.canonicalLanguage;
}

function variantLanguage(variant: IndexVariant): PostLanguage {
  return variant === 'bg-latn' ? 'bg' : variant === 'el-latn' ? 'el' : variant;
}

function render(variant: IndexVariant, text: string): string {
  const pipeline = pipelineFor(variant);
  const source =
    variant === 'bg-latn' || variant === 'el-latn' ? latinRendering(variant, text) : text;
  return pipeline.terms(source).join(' ');
}

function germanTermsOf(answer: Answer): string {
  const german = answer.texts.de;
  const parts = [...COMMON_GERMAN_TERMS[answer.topic]];
  if (german) parts.push(german.title, ...german.keywords);
  return pipelineFor('de').terms(parts.join(' ')).join(' ');
}

function buildVariantIndex(
  variant: IndexVariant,
  entries: readonly AnswerEntry[],
  exampleOrdinals: ReadonlyMap<string, number>,
  germanFields: readonly string[],
  germanProtected: ReadonlySet<string>,
): VariantIndex {
  const language = variantLanguage(variant);
  const search = new MiniSearch<Record<string, string | number>>({
    fields: [...FIELDS],
    idField: 'id',
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
  });
  const exampleOrdinal = new Map<number, number>();
  const owner = new Map<number, number>();
  const latin = variant === 'bg-latn' || variant === 'el-latn';
  // Bodies first: their document frequencies decide the stop terms, which are
  // then neither indexed nor searched (most of a body's words are function
  // words; leaving them out keeps the index small and the build fast).
  const texts = entries.map(
    (entry) => entry.answer.texts[language] ?? entry.answer.texts[entry.fallbackLanguage],
  );
  // Latin-typed posts are short chat questions; the body adds little for them,
  // so it is not indexed, and a sample of bodies is enough to find stop terms.
  const bodies = texts.map((text, index) =>
    text && (!latin || index < LATIN_STOP_SAMPLE)
      ? [
          ...new Set(
            pipelineFor(variant).terms(latin ? latinRendering(variant, text.body) : text.body),
          ),
        ]
      : [],
  );
  const bodyDocumentFrequency = new Map<string, number>();
  for (const body of bodies) {
    for (const term of body)
      bodyDocumentFrequency.set(term, (bodyDocumentFrequency.get(term) ?? 0) + 1);
  }
  const sampled = latin ? Math.min(entries.length, LATIN_STOP_SAMPLE) : entries.length;
  const limit = Math.max(3, STOP_TERM_SHARE * sampled);
  const stopTerms = new Set<string>();
  for (const [term, count] of bodyDocumentFrequency) if (count > limit) stopTerms.add(term);
  // Function words from a stop list plus greetings, except those the pack uses
  // as keywords ("work", "Zeit" are on generic lists but mean something here).
  const stopWords = `${STOPWORDS[language]} ${CHATTER}`;
  const stopSource = latin ? `${latinRendering(variant, stopWords)} ${CHATTER}` : stopWords;
  const protectedTerms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const term of pipelineFor(variant).terms(text.keywords.join(' '))) {
      protectedTerms.add(term);
    }
  }
  for (const term of pipelineFor(variant).terms(stopSource)) {
    if (!protectedTerms.has(term)) stopTerms.add(term);
  }
  const germanStopTerms = new Set(
    pipelineFor('de').terms(`${STOPWORDS.de} ${STOPWORDS[language]}`),
  );
  for (const term of germanProtected) germanStopTerms.delete(term);
  const documents: Record<string, string | number>[] = [];
  let nextId = 0;
  entries.forEach((entry, answerIndex) => {
    const text = texts[answerIndex];
    if (!text) return;
    const id = nextId++;
    owner.set(id, answerIndex);
    documents.push({
      id,
      kw: render(variant, text.keywords.join(' ')),
      title: render(variant, text.title),
      body: latin
        ? ''
        : (bodies[answerIndex] ?? []).filter((term) => !stopTerms.has(term)).join(' '),
      de: germanFields[answerIndex] ?? '',
    });
    // Examples in the post's language only: another language's examples would
    // match words that happen to be spelt alike.
    const own = entry.answer.texts[language];
    if (!own) return;
    const firstOrdinal = exampleOrdinals.get(`${answerIndex}:${language}`) ?? -1;
    own.examples.forEach((example, position) => {
      const exampleId = nextId++;
      const ordinal = firstOrdinal + position;
      exampleOrdinal.set(exampleId, ordinal);
      owner.set(exampleId, answerIndex);
      documents.push({ id: exampleId, ex: render(variant, example) });
    });
  });
  search.addAll(documents);
  return { variant, language, search, exampleOrdinal, owner, stopTerms, germanStopTerms };
}

interface QueryTerms {
  native: string[];
  german: string[];
  /** Query term → the post's word it came from. */
  words: Map<string, string>;
}

function queryTerms(index: VariantIndex, text: string): QueryTerms {
  const words = new Map<string, string>();
  const native: string[] = [];
  for (const { term, word } of pipelineFor(index.variant).termsWithWords(text)) {
    if (index.stopTerms.has(term) || words.has(term)) continue;
    words.set(term, word);
    native.push(term);
  }
  const german: string[] = [];
  const seenGerman = new Set<string>();
  for (const { term, word } of pipelineFor('de').termsWithWords(text)) {
    if (seenGerman.has(term) || index.germanStopTerms.has(term)) continue;
    seenGerman.add(term);
    german.push(term);
    if (!words.has(term)) words.set(term, word);
  }
  return { native, german, words };
}

interface AnswerEvidence {
  example: number;
  answerDoc: number;
  terms: Set<string>;
}

function searchIndex(
  index: VariantIndex,
  text: string,
  excluded: ReadonlySet<number> | undefined,
  evidence: Map<number, AnswerEvidence>,
): void {
  const query = queryTerms(index, text);
  if (query.native.length === 0 && query.german.length === 0) return;
  const queries = [];
  if (query.native.length > 0) {
    queries.push({ queries: [query.native.join(' ')], fields: NATIVE_FIELDS });
  }
  if (query.german.length > 0) {
    queries.push({ queries: [query.german.join(' ')], fields: ['de'] });
  }
  const results: SearchResult[] = index.search.search(
    { combineWith: 'OR', queries },
    { boost: BOOST, fuzzy: fuzzyFor, prefix: prefixFor, combineWith: 'OR' },
  );
  for (const result of results) {
    const id = result.id as number;
    const answerIndex = index.owner.get(id);
    if (answerIndex === undefined) continue;
    const ordinal = index.exampleOrdinal.get(id);
    if (ordinal !== undefined && excluded?.has(ordinal)) continue;
    let entry = evidence.get(answerIndex);
    if (!entry) {
      entry = { example: 0, answerDoc: 0, terms: new Set() };
      evidence.set(answerIndex, entry);
    }
    if (ordinal === undefined) entry.answerDoc = Math.max(entry.answerDoc, result.score);
    else entry.example = Math.max(entry.example, result.score);
    for (const term of result.queryTerms) {
      const word = query.words.get(term);
      if (word !== undefined) entry.terms.add(word);
    }
  }
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
  const entries: AnswerEntry[] = [];
  for (const pack of packs) {
    for (const answer of pack.answers) {
      // A withdrawn answer must never be offered again.
      if (answer.review.status === 'withdrawn') continue;
      if (Object.keys(answer.texts).length === 0) continue;
      entries.push({ pack, answer, fallbackLanguage: chooseFallbackLanguage(pack, answer) });
    }
  }
  const germanFields = entries.map((entry) => germanTermsOf(entry.answer));
  const germanProtected = new Set(germanFields.flatMap((field) => field.split(' ')));
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
  const indexes = new Map<IndexVariant, VariantIndex>();
  // Built on first use: a group's posts come in one or two languages, so most
  // of the 15 indexes are never needed in a session.
  const indexFor = (variant: IndexVariant): VariantIndex => {
    let index = indexes.get(variant);
    if (!index) {
      index = buildVariantIndex(variant, entries, exampleOrdinals, germanFields, germanProtected);
      indexes.set(variant, index);
    }
    return index;
  };

  function variantsFor(
    text: string,
    language: DetectedLanguage,
    runnerUp: DetectedLanguage | null,
  ) {
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

  function run(
    input: MatchInput,
    matchOptions: MatchOptions | undefined,
    excluded: ReadonlySet<number> | undefined,
  ): MatchResult & { rawTopScore: number } {
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
    const evidence = new Map<number, AnswerEvidence>();
    for (const variant of variantsFor(input.text, language, runnerUp)) {
      searchIndex(indexFor(variant), input.text, excluded, evidence);
    }

    const scored = [...evidence].map(([answerIndex, e]) => ({
      answerIndex,
      raw: EXAMPLE_WEIGHT * e.example + ANSWER_DOC_WEIGHT * e.answerDoc,
      terms: e.terms,
    }));
    scored.sort((a, b) => b.raw - a.raw);
    const topicEvidence = new Map<AnswerTopic, number[]>();
    for (const item of scored) {
      const topic = entries[item.answerIndex]?.answer.topic;
      if (!topic) continue;
      const list = topicEvidence.get(topic) ?? [];
      if (list.length < 2) list.push(item.raw);
      topicEvidence.set(topic, list);
    }
    let bestTopic: AnswerTopic | null = null;
    let bestTopicScore = 0;
    for (const [topic, [first = 0, second = 0]] of topicEvidence) {
      const score = first + TOPIC_SECOND_SHARE * second;
      if (score > bestTopicScore) {
        bestTopic = topic;
        bestTopicScore = score;
      }
    }
    const rawTopScore = scored[0]?.raw ?? 0;
    const topRelevance = calibrate(rawTopScore, calibration);
    if (bestTopic === null || topRelevance < RELEVANCE_THRESHOLD || top === 0) {
      return {
        language,
        confidence,
        isQuestion,
        topic: bestTopic && topRelevance >= RELEVANCE_THRESHOLD ? bestTopic : 'off-topic',
        suggestions: [],
        rawTopScore,
      };
    }

    const postLanguage: PostLanguage = language === 'und' ? 'de' : language;
    const today = now();
    const candidates: (Suggestion & { order: number })[] = [];
    for (const item of scored) {
      const entry = entries[item.answerIndex];
      if (!entry) continue;
      const relevance = calibrate(item.raw, calibration);
      if (relevance < SECONDARY_THRESHOLD) break;
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
        matchedTerms: [...item.terms],
        textLanguage,
        fallback: !has,
        expired: isExpired(entry.answer, today),
        order: adjusted,
      });
    }
    candidates.sort((a, b) => b.order - a.order);
    const suggestions = candidates
      .slice(0, top)
      .map(({ order: _order, ...suggestion }) => suggestion);
    if (suggestions.length === 0 || (suggestions[0]?.score ?? 0) < RELEVANCE_THRESHOLD) {
      return { language, confidence, isQuestion, topic: 'off-topic', suggestions: [], rawTopScore };
    }
    return { language, confidence, isQuestion, topic: bestTopic, suggestions, rawTopScore };
  }

  return {
    answerCount: entries.length,
    examples,
    match: (input, matchOptions) => {
      const { rawTopScore: _raw, ...result } = run(input, matchOptions, undefined);
      return result;
    },
    matchExcluding: (input, matchOptions, excluded) => run(input, matchOptions, excluded),
    warm: (languages = VARIANTS) => {
      for (const variant of languages) indexFor(variant);
    },
  };
}
