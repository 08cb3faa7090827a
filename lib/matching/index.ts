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

/** Indexes the answers of `packs` (withdrawn answers are left out). */
export function createMatcher(packs: readonly Pack[], options?: { now?: () => Date }): Matcher {
  const matcherOptions: MatcherOptions = {};
  if (options?.now) matcherOptions.now = options.now;
  const { match, answerCount, warm } = buildMatcher(packs, matcherOptions);
  return { match, answerCount, warm };
}
export { createAnswerSearch, type AnswerSearch, type SearchOptions } from './search';
