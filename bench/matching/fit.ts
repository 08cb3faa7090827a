/**
 * Fitting the relevance model (lib/matching/calibration.ts), shared by the
 * calibration script and the tuning script. Relevant posts: the pack's
 * example questions, each scored with its own document left out. Irrelevant
 * posts: the off-topic calibration list. Neither the development set nor the
 * held-out evaluation set is used here.
 */
import {
  featureVector,
  type Calibration,
  type RelevanceFeatures,
} from '../../lib/matching/calibration';
import { evaluateExamples, type ExampleOutcome } from '../../lib/matching/evaluate';
import { buildMatcher, type MatcherOptions } from '../../lib/matching/matcher';
import { OFF_TOPIC_CALIBRATION } from './off-topic-calibration';
import type { Pack } from '../../lib/packs/schema';

/**
 * Share of the off-topic list allowed through: a reply under a sofa ad costs
 * more than a missed weak match. The BM25 baseline in the benchmark gets its
 * threshold by the same share of the same list.
 */
export const TARGET_OFF_TOPIC = 0.08;

/** Everything passes, so rankings can be read before the model decides relevance. */
export const PERMISSIVE: Calibration = {
  bias: 100,
  score: 0,
  coverage: 0,
  domain: 0,
  domainWeight: 0,
  question: 0,
  matchedWords: 0,
  topicProbability: 0,
  onTopic: 0,
  classifierTopic: 0,
};

export interface LinearModel {
  weights: number[];
  bias: number;
}

export const vectorOf = (features: RelevanceFeatures | null): number[] =>
  features ? featureVector(features) : [0, 0, 0, 0, 0, 0, 0, 0, 0];

/** Logistic regression by gradient descent, both classes weighted equally, light L2. */
export function fitLogistic(pos: number[][], neg: number[][]): LinearModel {
  const dims = pos[0]?.length ?? 0;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  for (let step = 0; step < 4000; step += 1) {
    const gw = new Array<number>(dims).fill(0);
    let gb = 0;
    for (const [xs, y, weight] of [
      [pos, 1, 1 / pos.length],
      [neg, 0, 1 / neg.length],
    ] as const) {
      for (const x of xs) {
        let z = bias;
        for (let i = 0; i < dims; i += 1) z += (weights[i] ?? 0) * (x[i] ?? 0);
        const p = 1 / (1 + Math.exp(-z));
        for (let i = 0; i < dims; i += 1) gw[i] = (gw[i] ?? 0) + weight * (p - y) * (x[i] ?? 0);
        gb += weight * (p - y);
      }
    }
    for (let i = 0; i < dims; i += 1)
      weights[i] = (weights[i] ?? 0) - 0.5 * ((gw[i] ?? 0) + 0.001 * (weights[i] ?? 0));
    bias -= 0.5 * gb;
  }
  return { weights, bias };
}

export const logit = (x: number[], model: LinearModel) =>
  x.reduce((sum, value, i) => sum + value * (model.weights[i] ?? 0), model.bias);

/** Lowers the bias until at most TARGET_OFF_TOPIC of `neg` reaches 0.5 (never raises it). */
export function capOffTopic(model: LinearModel, neg: number[][]): LinearModel {
  const logits = neg.map((x) => logit(x, model)).sort((a, b) => b - a);
  const allowed = Math.floor(TARGET_OFF_TOPIC * neg.length);
  const cut = logits[allowed] ?? -Infinity;
  const shift = cut >= 0 ? -(cut + 1e-6) : 0;
  return { weights: model.weights, bias: model.bias + shift };
}

export const passRate = (xs: number[][], model: LinearModel) =>
  xs.filter((x) => logit(x, model) >= 0).length / xs.length;

export function toCalibration(model: LinearModel): Calibration {
  const [
    score = 0,
    coverage = 0,
    domain = 0,
    domainWeight = 0,
    question = 0,
    matchedWords = 0,
    topicProbability = 0,
    onTopic = 0,
    classifierTopic = 0,
  ] = model.weights;
  return {
    bias: model.bias,
    score,
    coverage,
    domain,
    domainWeight,
    question,
    matchedWords,
    topicProbability,
    onTopic,
    classifierTopic,
  };
}

export interface Fitted {
  calibration: Calibration;
  model: LinearModel;
  /** Leave-one-out outcomes of the pack's examples under the permissive model. */
  outcomes: ExampleOutcome[];
  positives: number[][];
  negatives: number[][];
}

/** Fits the relevance model for a pack and matcher options (weights). */
export function fitCalibration(
  pack: Pack,
  options: Omit<MatcherOptions, 'calibration'> = {},
): Fitted {
  const matcher = buildMatcher([pack], { ...options, calibration: PERMISSIVE });
  const outcomes = evaluateExamples(matcher);
  const positives = outcomes.map((o) => vectorOf(o.features));
  const negatives = OFF_TOPIC_CALIBRATION.map(({ text }) =>
    vectorOf(matcher.matchExcluding({ text }, undefined, new Set()).features),
  );
  const model = capOffTopic(fitLogistic(positives, negatives), negatives);
  return { calibration: toCalibration(model), model, outcomes, positives, negatives };
}
