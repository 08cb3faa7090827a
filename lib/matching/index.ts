/**
 * Public API of the matching engine: given a post and the active answer
 * packs, the best checked replies, the post's topic and whether it asks
 * something. Pure and synchronous after construction, with no browser
 * globals: the background service worker, the CLI and the tests share it.
 *
 * ```ts
 * const matcher = createMatcher([pack]);          // builds the indexes once
 * const result = matcher.match({ text }, { top: 3, feedback });
 * ```
 */
import type { Pack } from '../packs/schema';
import { buildMatcher, type Matcher, type MatcherOptions } from './matcher';
import type { TopicClassifier } from './topic-classifier';

export type { IndexVariant } from './text';
export type {
  Matcher,
  MatchInput,
  MatchOptions,
  MatchResult,
  Suggestion,
  SuggestionLevel,
} from './matcher';
export type { FeedbackAdjustments, FeedbackEvent } from './feedback';
export {
  applyFeedback,
  adjustmentFor,
  clampAdjustment,
  FEEDBACK_STEPS,
  feedbackKey,
  MAX_ADJUSTMENT,
  resetFeedback,
} from './feedback';
export { RELEVANCE_THRESHOLD } from './calibration';
export { decodeTopicClassifier, type TopicClassifier } from './topic-classifier';

/**
 * Indexes the answers of `packs` (withdrawn answers are left out). With the
 * trained `classifier` (topic-classifier.ts; the background and the CLI pass
 * the shipped one) topics and relevance also rest on real posts' wording;
 * without it, on the packs alone.
 */
export function createMatcher(
  packs: readonly Pack[],
  options?: { now?: () => Date; classifier?: TopicClassifier },
): Matcher {
  const matcherOptions: MatcherOptions = {};
  if (options?.now) matcherOptions.now = options.now;
  if (options?.classifier) matcherOptions.classifier = options.classifier;
  const { match, answerCount, warm } = buildMatcher(packs, matcherOptions);
  return { match, answerCount, warm };
}
export { createAnswerSearch, type AnswerSearch, type SearchOptions } from './search';
