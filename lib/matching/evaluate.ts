/**
 * Leave-one-out evaluation of a pack's example questions, shared by
 * `pack test` and the calibration script.
 *
 * Example questions are themselves indexed, so scoring an example against an
 * index that contains it measures nothing. Each example is matched with its
 * own document left out: the matcher skips excluded example documents while
 * aggregating, so no index is rebuilt (the example's words still count in
 * the term statistics, an effect of one document among thousands).
 */
import type { PostLanguage } from '../domain/languages';
import type { AnswerTopic, Topic } from '../domain/topics';
import type { RelevanceFeatures } from './calibration';
import type { IndexedExample, MatcherInternals } from './matcher';

export interface ExampleOutcome extends IndexedExample {
  /** Topic the matcher decided (`off-topic` when nothing passed the threshold). */
  predictedTopic: Topic;
  /** Answer ids in rank order. */
  ranked: string[];
  rankedTopics: AnswerTopic[];
  rawTopScore: number;
  /** Relevance evidence for the best answer (null when nothing matched). */
  features: RelevanceFeatures | null;
}

export function evaluateExamples(matcher: MatcherInternals, top = 3): ExampleOutcome[] {
  const excluded = new Set<number>();
  return matcher.examples.map((example) => {
    excluded.clear();
    excluded.add(example.ordinal);
    // Language as detection sees it: that is what a real post goes through.
    const result = matcher.matchExcluding({ text: example.text }, { top }, excluded);
    return {
      ...example,
      predictedTopic: result.topic,
      ranked: result.suggestions.map((s) => s.answerId),
      rankedTopics: result.suggestions.map((s) => s.topic),
      rawTopScore: result.rawTopScore,
      features: result.features,
    };
  });
}

export interface LanguageAccuracy {
  total: number;
  top1: number;
  top3: number;
}

export interface ExampleReport {
  perLanguage: Partial<Record<PostLanguage, LanguageAccuracy>>;
  overall: LanguageAccuracy;
  /** `${expectedAnswerId}` → answer id that came first instead → count. */
  confusion: Record<string, Record<string, number>>;
}

/** Top-1: the answer's own topic comes first; top-3: it is among the first three. */
export function summariseExamples(outcomes: readonly ExampleOutcome[]): ExampleReport {
  const perLanguage: Partial<Record<PostLanguage, LanguageAccuracy>> = {};
  const overall: LanguageAccuracy = { total: 0, top1: 0, top3: 0 };
  const confusion: Record<string, Record<string, number>> = {};
  for (const outcome of outcomes) {
    const entry = (perLanguage[outcome.language] ??= { total: 0, top1: 0, top3: 0 });
    const first = outcome.rankedTopics[0] === outcome.topic;
    const inTop3 = outcome.rankedTopics.slice(0, 3).includes(outcome.topic);
    for (const target of [entry, overall]) {
      target.total += 1;
      if (first) target.top1 += 1;
      if (inTop3) target.top3 += 1;
    }
    const winner = outcome.ranked[0] ?? '(none)';
    if (winner !== outcome.answerId) {
      const row = (confusion[outcome.answerId] ??= {});
      row[winner] = (row[winner] ?? 0) + 1;
    }
  }
  return { perLanguage, overall, confusion };
}
