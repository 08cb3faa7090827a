/**
 * The relevance decision: a logistic model over the evidence for an answer.
 *
 * The constants are fitted by `bench/matching/calibrate.ts` on the default
 * pack's own example questions (each left out of the index while it is
 * scored) as relevant posts and on the off-topic calibration list
 * (bench/matching/off-topic-calibration.ts) as irrelevant ones; the bias is then moved so
 * that at most a set share of that list passes. The evaluation set in
 * bench/matching/eval-set.json is never read for fitting.
 */

/** What the matcher knows about a post and one answer. */
export interface RelevanceFeatures {
  /** The answer's raw retrieval score (sum of BM25 scores, see matcher.ts). */
  score: number;
  /** IDF-weighted share of the post's informative words this answer matched. */
  coverage: number;
  /** IDF-weighted share of the post's informative words that are domain vocabulary of any answer. */
  domain: number;
  /** Summed IDF of those domain words. */
  domainWeight: number;
  /** How many distinct informative words of the post this answer matched. */
  matchedWords: number;
  isQuestion: boolean;
}

export interface Calibration {
  bias: number;
  score: number;
  coverage: number;
  domain: number;
  domainWeight: number;
  question: number;
  matchedWords: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  bias: -13.416,
  score: 2.307,
  coverage: 2.978,
  domain: 3.482,
  domainWeight: 0.122,
  question: 1.669,
  matchedWords: 0.592,
};

/** Relevance at and above which a post counts as on-topic. */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Below RELEVANCE_THRESHOLD and at or above this, the best answers are still
 * listed, as `possible` (never counted as a match).
 */
export const POSSIBLE_THRESHOLD = 0.35;

/** Further suggestions below the best one must reach this relevance. */
export const SECONDARY_THRESHOLD = 0.2;

/** The model's inputs, in the order of the fitted weights. */
export function featureVector(features: RelevanceFeatures): number[] {
  return [
    Math.log1p(features.score),
    features.coverage,
    features.domain,
    Math.log1p(features.domainWeight),
    features.isQuestion ? 1 : 0,
    Math.log(Math.max(1, features.matchedWords)),
  ];
}

export function relevanceOf(
  features: RelevanceFeatures,
  calibration: Calibration = DEFAULT_CALIBRATION,
): number {
  if (features.score <= 0) return 0;
  const [score = 0, coverage = 0, domain = 0, domainWeight = 0, question = 0, matched = 0] =
    featureVector(features);
  const z =
    calibration.bias +
    calibration.score * score +
    calibration.coverage * coverage +
    calibration.domain * domain +
    calibration.domainWeight * domainWeight +
    calibration.question * question +
    calibration.matchedWords * matched;
  return 1 / (1 + Math.exp(-z));
}
