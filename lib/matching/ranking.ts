/**
 * Ranking and relevance: from every answer's evidence for a post (scoring.ts)
 * and its calibrated relevance (calibration.ts) to what the advisor sees —
 * the post's topic, up to `top` suggestions with a level, and, when nothing
 * is likely, the possible topics.
 *
 * - The post's topic is the topic with the most evidence over its answers
 *   (its best answer plus a share of its second best); that topic's best
 *   answer leads the list, so the topic shown and the first reply agree.
 * - Levels (docs/PRODUCT.md; issue 12): `likely` needs relevance at or above
 *   RELEVANCE_THRESHOLD, evidence specific to few topics (scoring.ts), and a
 *   score no answer of another topic ties; anything else that is shown is
 *   `possible`. Below POSSIBLE_THRESHOLD nothing is shown.
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
}

/** A suggestion before its explanation is written (explain.ts), with the evidence behind it. */
export type Ranked<E extends Judged> = Omit<Suggestion, 'matchedTerms'> & { evidence: E };

export interface Ranking<E extends Judged> {
  topic: Topic;
  suggestions: Ranked<E>[];
  possibleTopics: AnswerTopic[];
}

const MAX_POSSIBLE_TOPICS = 3;

function isExpired(answer: Answer, today: string): boolean {
  const until = answer.review.validUntil;
  return until !== null && today > until;
}

/** Topics by evidence: each topic's best answer plus `topicSecond` × its second best. */
export function rankTopics(
  judged: readonly Judged[],
  entries: readonly AnswerEntry[],
  topicSecond: number,
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
  return [...evidence]
    .map(
      ([
        topic,
        {
          scores: [first = 0, second = 0],
          specific,
        },
      ]) => ({
        topic,
        score: first + topicSecond * second,
        specific,
      }),
    )
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
  const topics = rankTopics(sorted, entries, options.topicSecond);
  const bestTopic = topics[0]?.topic ?? null;
  const possibleTopics = topics
    .filter((t) => t.specific)
    .slice(0, MAX_POSSIBLE_TOPICS)
    .map((t) => t.topic);
  const leader = sorted[0];
  const topRelevance = leader?.relevance ?? 0;
  const nothing: Ranking<E> = { topic: 'off-topic', suggestions: [], possibleTopics: [] };
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
  for (const item of sorted) {
    const entry = entries[item.answerIndex];
    if (!entry) continue;
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
      score >= RELEVANCE_THRESHOLD && item.specific && !tied.has(item.answerIndex)
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
    });
  }
  candidates.sort((a, b) => b.order - a.order);
  // The best answer of the post's topic leads, so the topic shown and the
  // first reply agree. Its score is raised to the first one's so the list
  // stays sorted (its level stays its own); an answer the advisor marked
  // "not relevant" is not promoted.
  const lead = candidates.findIndex((c) => c.topic === bestTopic);
  const promoted = candidates[lead];
  const first = candidates[0];
  if (lead > 0 && promoted && first && promoted.adjustment >= 0) {
    candidates.splice(lead, 1);
    promoted.score = first.score;
    promoted.order = first.order;
    candidates.unshift(promoted);
  }
  const suggestions = candidates
    .slice(0, options.top)
    .map(({ order: _order, adjustment: _adjustment, ...suggestion }) => suggestion);
  if (suggestions.length === 0 || (suggestions[0]?.score ?? 0) < POSSIBLE_THRESHOLD) {
    return { ...nothing, possibleTopics };
  }
  const likely = suggestions.some((s) => s.level === 'likely');
  return {
    topic: likely ? bestTopic : 'off-topic',
    suggestions,
    possibleTopics: likely ? [] : possibleTopics,
  };
}
