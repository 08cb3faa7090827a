/**
 * Ranking and relevance: from every answer's evidence for a post (scoring.ts)
 * and its calibrated relevance (calibration.ts) to what the advisor sees —
 * the post's topic, up to `top` suggestions with a level, and, when nothing
 * is likely, the possible topics.
 *
 * - Topics are ranked by two kinds of evidence: the retrieval evidence of
 *   their answers (best answer plus a share of the second best, relative to
 *   the best topic) and the topic model's probability (topic-model.ts),
 *   weighted by `topicModel`. The post's topic is the first; its best answer
 *   leads the list, so the topic shown and the first reply agree. The list
 *   then offers the best answer of the next topics before a second answer of
 *   a topic: three different topics are three chances to be right.
 * - Levels (docs/PRODUCT.md; issue 12): `likely` needs relevance at or above
 *   RELEVANCE_THRESHOLD, evidence specific to few topics (scoring.ts) or a
 *   topic model sure of the topic (CONFIDENT_TOPIC), and a score no answer
 *   of another topic ties; anything else that is shown is `possible`. Below POSSIBLE_THRESHOLD nothing is shown.
 * - The advisor's feedback moves answers within these bounds: a boost
 *   reorders but never lifts an answer over a threshold it missed.
 *
 * Pure.
 */
import type { PostLanguage, UiLanguage } from '../domain/languages';
import type { AnswerTopic, Topic } from '../domain/topics';
import type { Answer } from '../packs/schema';
import { POSSIBLE_THRESHOLD, RELEVANCE_THRESHOLD, SECONDARY_THRESHOLD } from './calibration';
import { adjustmentFor, type FeedbackAdjustments } from './feedback';
import type { Suggestion, SuggestionLevel } from './matcher';
import type { Scored } from './scoring';
import type { AnswerEntry } from './variant-index';

/** An answer's evidence with its calibrated relevance. */
export interface Judged extends Scored {
  relevance: number;
}

export interface RankingOptions {
  /** Most suggestions (0: only decide the topic). */
  top: number;
  postLanguage: PostLanguage;
  uiLanguage?: UiLanguage;
  feedback?: FeedbackAdjustments;
  /** `YYYY-MM-DD`, for the expiry flag. */
  today: string;
  /** Share of a topic's second-best answer added to the topic's evidence. */
  topicSecond: number;
  /** The topic model's probabilities for the post (empty: no model evidence). */
  topicProbabilities?: ReadonlyMap<AnswerTopic, number>;
  /** Weight of the topic model's probability against the retrieval evidence (0..1 scale). */
  topicModel?: number;
  /** The trained classifier's topic probabilities (topic-classifier.ts), if any. */
  classifierProbabilities?: ReadonlyMap<AnswerTopic, number>;
  /** Their weight in the topic ranking. */
  classifierWeight?: number;
}

/** A suggestion before its explanation is written (explain.ts), with the evidence behind it. */
export type Ranked<E extends Judged> = Omit<Suggestion, 'matchedTerms' | 'evidence'> & {
  evidence: E;
  /** Its score equals an answer's of another topic (never likely then). */
  tied: boolean;
};

export interface Ranking<E extends Judged> {
  /** The answer the relevance decision was taken on: the best of the post's topic. */
  leadIndex: number | null;
  /** Topics by evidence, best first (for explanations). */
  topics: { topic: AnswerTopic; score: number }[];
  topic: Topic;
  suggestions: Ranked<E>[];
  possibleTopics: AnswerTopic[];
}

const MAX_POSSIBLE_TOPICS = 3;
/**
 * A topic model this sure of the answer's topic stands in for specific words:
 * a pack that grows spreads its key terms ("Kündigung") over more topics, so
 * counting topics alone stops calling the clearest questions likely. Chosen
 * on the real-text tuning half (BENCHMARKS.md, "Matching").
 */
export const CONFIDENT_TOPIC = 0.9;
/** A second answer of a topic comes after the best answers of the other topics shown. */
const SECOND_ANSWER_PENALTY = 1;
/**
 * How far the advisor's feedback (±0.3 at most, feedback.ts) moves an answer
 * in the topic order (about 1.5 between the first and the third topic): three
 * "not relevant" marks take an answer below the other topics' answers.
 */
const FEEDBACK_ORDER_SCALE = 4;

function isExpired(answer: Answer, today: string): boolean {
  const until = answer.review.validUntil;
  return until !== null && today > until;
}

/** What the topic ranking reads of RankingOptions. */
export type TopicRankingOptions = Pick<
  RankingOptions,
  | 'topicSecond'
  | 'topicProbabilities'
  | 'topicModel'
  | 'classifierProbabilities'
  | 'classifierWeight'
>;

/**
 * Topics by evidence: each topic's best answer plus `topicSecond` × its
 * second best, relative to the best topic (0..1), plus `topicModel` × the
 * topic model's probability and `classifierWeight` × the classifier's.
 */
export function rankTopics(
  judged: readonly Judged[],
  entries: readonly AnswerEntry[],
  {
    topicSecond,
    topicProbabilities: probabilities = new Map(),
    topicModel = 0,
    classifierProbabilities: classifier = new Map(),
    classifierWeight = 0,
  }: TopicRankingOptions,
): { topic: AnswerTopic; score: number; specific: boolean }[] {
  const evidence = new Map<AnswerTopic, { scores: number[]; specific: boolean }>();
  for (const item of judged) {
    const topic = entries[item.answerIndex]?.answer.topic;
    if (!topic) continue;
    const entry = evidence.get(topic) ?? { scores: [], specific: false };
    if (entry.scores.length < 2) entry.scores.push(item.raw);
    entry.specific ||= item.specific;
    evidence.set(topic, entry);
  }
  const retrieval = [...evidence].map(([topic, entry]) => ({
    topic,
    score: (entry.scores[0] ?? 0) + topicSecond * (entry.scores[1] ?? 0),
    specific: entry.specific,
  }));
  const best = Math.max(0, ...retrieval.map((t) => t.score));
  return retrieval
    .map((t) => ({
      ...t,
      score:
        (best > 0 ? t.score / best : 0) +
        topicModel * (probabilities.get(t.topic) ?? 0) +
        classifierWeight * (classifier.get(t.topic) ?? 0),
    }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Answers whose raw score equals that of an answer of another topic: the
 * ranking cannot tell them apart (typically the same fallback text, or the
 * same generic words), so neither may be presented as likely.
 */
export function tiedAcrossTopics(
  judged: readonly Judged[],
  entries: readonly AnswerEntry[],
): Set<number> {
  const sorted = [...judged].sort((a, b) => b.raw - a.raw);
  const tied = new Set<number>();
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (!a || !b) continue;
    if (Math.abs(a.raw - b.raw) > 1e-9 * Math.max(1, a.raw)) continue;
    if (entries[a.answerIndex]?.answer.topic !== entries[b.answerIndex]?.answer.topic) {
      tied.add(a.answerIndex);
      tied.add(b.answerIndex);
    }
  }
  return tied;
}

export function rankAnswers<E extends Judged>(
  judged: readonly E[],
  entries: readonly AnswerEntry[],
  options: RankingOptions,
): Ranking<E> {
  const sorted = [...judged].sort((a, b) => b.raw - a.raw);
  const topics = rankTopics(sorted, entries, options);
  const bestTopic = topics[0]?.topic ?? null;
  const topicScore = new Map(topics.map((t) => [t.topic, t.score]));
  const possibleTopics = topics
    .filter((t) => t.specific)
    .slice(0, MAX_POSSIBLE_TOPICS)
    .map((t) => t.topic);
  // The lead: the best answer of the post's topic.
  // Within a topic, answers go by their own relevance (which weighs how much
  // of the post they explain), raw retrieval breaking ties: two answers of one
  // topic often retrieve almost equally, and the one covering more of the
  // post is the better reply.
  const byRelevance = [...sorted].sort((a, b) => b.relevance - a.relevance || b.raw - a.raw);
  const leader = byRelevance.find((item) => entries[item.answerIndex]?.answer.topic === bestTopic);
  const topRelevance = leader?.relevance ?? 0;
  const nothing: Ranking<E> = {
    leadIndex: leader?.answerIndex ?? null,
    topics: topics.map(({ topic, score }) => ({ topic, score })),
    topic: 'off-topic',
    suggestions: [],
    possibleTopics: [],
  };
  if (bestTopic === null || topRelevance < POSSIBLE_THRESHOLD) {
    return { ...nothing, possibleTopics: topRelevance > 0 ? possibleTopics : [] };
  }
  if (options.top === 0) {
    return topRelevance >= RELEVANCE_THRESHOLD
      ? { ...nothing, topic: bestTopic }
      : { ...nothing, possibleTopics };
  }
  const tied = tiedAcrossTopics(sorted, entries);
  const candidates: (Ranked<E> & { order: number; adjustment: number })[] = [];
  // Only the two best answers of each topic can be listed (a third would
  // come after the second answers of every other topic).
  const taken = new Map<AnswerTopic, number>();
  for (const item of byRelevance) {
    const entry = entries[item.answerIndex];
    if (!entry) continue;
    const count = taken.get(entry.answer.topic) ?? 0;
    if (count >= 2) continue;
    taken.set(entry.answer.topic, count + 1);
    // Secondary answers are judged on their own evidence: a relevant post
    // does not make every loosely related answer relevant.
    const relevance = item === leader ? item.relevance : Math.min(item.relevance, topRelevance);
    if (relevance < SECONDARY_THRESHOLD) continue;
    const adjustment = adjustmentFor(options.feedback, entry.pack.id, entry.answer.id);
    const adjusted = Math.min(1, Math.max(0, relevance + adjustment));
    // A boost reorders but never lifts an answer over a threshold it missed;
    // a penalty can hide it.
    if (adjusted < SECONDARY_THRESHOLD) continue;
    const has = entry.answer.texts[options.postLanguage] !== undefined;
    const { uiLanguage } = options;
    const textLanguage = has
      ? options.postLanguage
      : uiLanguage && entry.answer.texts[uiLanguage]
        ? uiLanguage
        : entry.fallbackLanguage;
    const score = Math.round(adjusted * 1000) / 1000;
    const level: SuggestionLevel =
      score >= RELEVANCE_THRESHOLD &&
      (item.specific || item.features.topicProbability >= CONFIDENT_TOPIC) &&
      !tied.has(item.answerIndex)
        ? 'likely'
        : 'possible';
    candidates.push({
      answerId: entry.answer.id,
      packId: entry.pack.id,
      packVersion: entry.pack.version,
      topic: entry.answer.topic,
      kind: entry.answer.kind,
      score,
      level,
      textLanguage,
      fallback: !has,
      expired: isExpired(entry.answer, options.today),
      order: adjusted,
      adjustment,
      evidence: item,
      tied: tied.has(item.answerIndex),
    });
  }
  // Order: by topic, the best answer of each topic first (`byRelevance`
  // decides which is best), then the second answers; the advisor's feedback
  // moves an answer by its adjustment.
  const perTopic = new Map<AnswerTopic, number>();
  for (const candidate of candidates) {
    const rank = perTopic.get(candidate.topic) ?? 0;
    perTopic.set(candidate.topic, rank + 1);
    candidate.order =
      (topicScore.get(candidate.topic) ?? 0) -
      (rank > 0 ? SECOND_ANSWER_PENALTY : 0) +
      FEEDBACK_ORDER_SCALE * candidate.adjustment;
  }
  candidates.sort((a, b) => b.order - a.order);
  // Scores follow the order (a ranking number, never shown).
  for (let i = 1; i < candidates.length; i += 1) {
    const previous = candidates[i - 1];
    const candidate = candidates[i];
    if (previous && candidate && candidate.score > previous.score) candidate.score = previous.score;
  }
  const suggestions = candidates
    .slice(0, options.top)
    .map(({ order: _order, adjustment: _adjustment, ...suggestion }) => suggestion);
  if (suggestions.length === 0 || (suggestions[0]?.score ?? 0) < POSSIBLE_THRESHOLD) {
    return { ...nothing, possibleTopics };
  }
  const likely = suggestions.some((s) => s.level === 'likely');
  return {
    leadIndex: nothing.leadIndex,
    topics: nothing.topics,
    topic: likely ? bestTopic : 'off-topic',
    suggestions,
    possibleTopics: likely ? [] : possibleTopics,
  };
}
