/**
 * Scoring: every answer's evidence in one index variant for a post — the
 * answer's example questions taken together as one BM25 document, its
 * keywords and title, its body and its German terms, weighted (WEIGHTS;
 * chosen on bench/matching/dev-set.json, see BENCHMARKS.md) — and the
 * features the relevance model (calibration.ts) and the ranking
 * (ranking.ts) need: coverage of the post's informative words, how much
 * domain vocabulary the post has, and whether the evidence is specific.
 *
 * Pure: reads the indexes, allocates per call.
 */
import type { AnswerTopic } from '../domain/topics';
import type { RelevanceFeatures } from './calibration';
import {
  EXAMPLE_SET_K1,
  queryWords,
  type GermanIndexes,
  type QueryWord,
  type VariantIndex,
} from './variant-index';

/**
 * A word is specific evidence for the answers it hits (examples, keywords,
 * title, German terms; not the body) when those answers belong to at most
 * this share of the pack's topics, or at most SPECIFIC_MIN_TOPICS topics. An
 * answer matched only through words spread over more topics (employer, work,
 * Germany, money) is never `likely`.
 */
export const SPECIFIC_TOPIC_SHARE = 0.3;
export const SPECIFIC_MIN_TOPICS = 2;

/** How the per-index scores add up to an answer's raw score. */
export const WEIGHTS = {
  /** All examples of the answer in the post's language, as one document. */
  examples: 2.5,
  /** Keywords and title. */
  terms: 2,
  body: 1.5,
  german: 2,
  /** Share of a topic's second-best answer added to the topic's evidence. */
  topicSecond: 0.25,
  /** Weight of the topic model's probability in the topic ranking (ranking.ts; retrieval evidence is 0..1). */
  topicModel: 0.5,
  /** Weight of the trained classifier's probability in the topic ranking (ranking.ts). */
  classifier: 1,
};
export type Weights = typeof WEIGHTS;

export interface Scored {
  answerIndex: number;
  raw: number;
  /** Some matched word is specific to few topics (see SPECIFIC_TOPIC_SHARE). */
  specific: boolean;
  features: RelevanceFeatures;
  /** Indexes into the query words. */
  matched: number[];
}

export interface ScoringContext {
  answerCount: number;
  answerTopics: readonly AnswerTopic[];
  /** A word hitting answers of at most this many topics is specific evidence. */
  specificTopicLimit: number;
  german: GermanIndexes;
  weights: Weights;
}

/** How many topics a word may hit and still be specific evidence, for a pack with these topics. */
export function specificTopicLimitFor(answerTopics: readonly AnswerTopic[]): number {
  return Math.max(SPECIFIC_MIN_TOPICS, SPECIFIC_TOPIC_SHARE * new Set(answerTopics).size);
}

/** Scores every answer against one variant's indexes. */
export function scoreVariant(
  index: VariantIndex,
  text: string,
  excluded: ReadonlySet<number> | undefined,
  isQuestion: boolean,
  context: ScoringContext,
): { scored: Scored[]; words: QueryWord[] } {
  const { answerCount, answerTopics, specificTopicLimit, weights } = context;
  const words = queryWords(index, text);
  if (words.length === 0) return { scored: [], words };
  const german = context.german.index();
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
      const keyed = context.german.keyed();
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
        // Filled in by the matcher from the topic model and the classifier.
        topicProbability: 0,
        onTopic: 0,
        classifierTopic: 0,
      },
    });
  }
  return { scored, words };
}
