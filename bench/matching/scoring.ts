/**
 * Shared by the matching benchmark and the tuning script: how a ranker is
 * scored on a labelled set of posts. The plain BM25 baseline it is compared
 * with (MiniSearch) lives in tools/language-training/bench/bm25-baseline.ts.
 */
import { POST_LANGUAGES, type PostLanguage } from '../../lib/domain/languages';

export interface EvalItem {
  id: string;
  language: PostLanguage;
  topic: string;
  text: string;
}

/** Ranked topics of a post; empty when the post is judged off-topic. */
export type Ranker = (text: string) => string[];

interface Tally {
  onTopic: number;
  /** On-topic posts that got no suggestion at all. */
  silent: number;
  top1: number;
  top3: number;
  offTopic: number;
  offTopicSuggested: number;
}

const emptyTally = (): Tally => ({
  onTopic: 0,
  silent: 0,
  top1: 0,
  top3: 0,
  offTopic: 0,
  offTopicSuggested: 0,
});

export function evaluate(items: readonly EvalItem[], rank: Ranker) {
  const perLanguage = new Map<string, Tally>();
  const overall = emptyTally();
  for (const item of items) {
    const topics = rank(item.text).slice(0, 3);
    const tally = perLanguage.get(item.language) ?? emptyTally();
    perLanguage.set(item.language, tally);
    for (const t of [tally, overall]) {
      if (item.topic === 'off-topic') {
        t.offTopic += 1;
        if (topics.length > 0) t.offTopicSuggested += 1;
      } else {
        t.onTopic += 1;
        if (topics.length === 0) t.silent += 1;
        if (topics[0] === item.topic) t.top1 += 1;
        if (topics.includes(item.topic)) t.top3 += 1;
      }
    }
  }
  const figures = (t: Tally) => ({
    top1: t.onTopic ? t.top1 / t.onTopic : null,
    top3: t.onTopic ? t.top3 / t.onTopic : null,
    onTopic: t.onTopic,
    onTopicWithout: t.onTopic ? t.silent / t.onTopic : null,
    offTopicSuggested: t.offTopic ? t.offTopicSuggested / t.offTopic : null,
    offTopic: t.offTopic,
  });
  return {
    overall: figures(overall),
    perLanguage: Object.fromEntries(
      POST_LANGUAGES.filter((l) => perLanguage.has(l)).map((l) => [
        l,
        figures(perLanguage.get(l) ?? emptyTally()),
      ]),
    ),
  };
}

/** A suggestion as the real-text report sees it. */
export interface Shown {
  topic: string;
  level: 'likely' | 'possible';
}

/** Ranked suggestions of a post, `likely` and `possible` ones. */
export type LevelRanker = (text: string) => Shown[];

/**
 * The figures issue 12 reports on the real-text test half, in two views:
 * `likely` counts only likely suggestions as shown, `any` counts every
 * suggestion in the list (likely or possible). Per view: on-topic posts
 * without a suggestion, top-1, top-3 (of the shown list) and off-topic posts
 * with a suggestion.
 */
export function evaluateLevels(items: readonly EvalItem[], rank: LevelRanker) {
  const cache = new Map<string, Shown[]>();
  const ranked = (text: string): Shown[] => {
    let shown = cache.get(text);
    if (!shown) {
      shown = rank(text);
      cache.set(text, shown);
    }
    return shown;
  };
  return {
    likely: evaluate(items, (text) =>
      ranked(text)
        .filter((s) => s.level === 'likely')
        .map((s) => s.topic),
    ),
    any: evaluate(items, (text) => ranked(text).map((s) => s.topic)),
  };
}
