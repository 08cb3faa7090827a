/**
 * Training of the topic classifier (lib/matching/topic-classifier.ts;
 * docs/MATCHING.md "Topic classifier"): what it learns from, the training
 * itself, and cross-validated copies for tuning.
 *
 * Samples, each a text in an index variant with a class and a weight:
 * - the default pack: every example question, keyword and title of every
 *   answer in every language (Bulgarian and Greek also as Latin-typed), and
 *   the topics' German terms in every variant (posts mix them in);
 * - the development set (team-written for tuning, bench/matching/dev-set.json);
 * - the off-topic calibration list (off-topic-calibration.ts);
 * - the real-text TUNING half, weighted REAL_WEIGHT: other people's wording is
 *   what the pack cannot teach. The test half is never read here.
 *
 * Cross-validation keeps whole groups out of a fold's training — a real
 * post's site (as the split does), a development or list post alone — so
 * tuning and calibration see, for every such post, the output of a model
 * that did not learn from it or its site.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostLanguage } from '../../lib/domain/languages';
import { ANSWER_TOPICS, type Topic } from '../../lib/domain/topics';
import { COMMON_GERMAN_TERMS } from '../../lib/matching/german-terms';
import {
  buildMatcher,
  type MatcherInternals,
  type MatcherOptions,
} from '../../lib/matching/matcher';
import { indexVariantFor, type IndexVariant } from '../../lib/matching/text';
import {
  decodeTopicClassifier,
  encodeTopicClassifier,
  softmaxInPlace,
  type ClassifierWeights,
  type TopicClassifier,
} from '../../lib/matching/topic-classifier';
import { topicFeatures } from '../../lib/matching/topic-model';
import type { Pack } from '../../lib/packs/schema';
import { VARIANTS } from '../../lib/matching/variant-index';
import { OFF_TOPIC_CALIBRATION } from './off-topic-calibration';
import { seededHash } from '../../scripts/split-real-texts';
import type { RealText } from './real-texts';
import type { EvalItem } from './scoring';

/** The classes, in the order of the weights. */
export const CLASSES: readonly Topic[] = [...ANSWER_TOPICS, 'off-topic'];
/** A real tuning post counts this many pack examples. */
export const REAL_WEIGHT = 3;
const EPOCHS = 12;
const L2 = 1e-5;
const LEARNING_RATE = 0.3;
/** Features seen in fewer training texts are left out (mostly one text's character grams). */
const MIN_TEXTS = 2;
/** Per feature, the largest weights kept after centring, and the smallest kept. */
const KEEP_PER_FEATURE = 3;
const MIN_WEIGHT = 0.2;
export const FOLDS = 4;

export interface Sample {
  variant: IndexVariant;
  text: string;
  label: Topic;
  weight: number;
  /** Cross-validation group (none: always trained on, e.g. the pack). */
  group?: string;
}

/** The training samples; `tuning` is the real-text tuning half. */
export function trainingSamples(pack: Pack, root: string, tuning: readonly RealText[]): Sample[] {
  const samples: Sample[] = [];
  const add = (
    language: PostLanguage,
    text: string,
    label: Topic,
    weight: number,
    group?: string,
  ) => {
    const variant = indexVariantFor(language, text);
    samples.push({ variant, text, label, weight, ...(group ? { group } : {}) });
    // Bulgarian and Greek are often typed in Latin letters: the latn variant
    // transliterates (topic-model.ts), so the same text teaches both.
    if ((language === 'bg' || language === 'el') && variant === language)
      samples.push({
        variant: `${language}-latn`,
        text,
        label,
        weight,
        ...(group ? { group } : {}),
      });
  };
  for (const answer of pack.answers) {
    if (answer.review.status === 'withdrawn') continue;
    for (const [language, text] of Object.entries(answer.texts) as [
      PostLanguage,
      NonNullable<(typeof answer.texts)[PostLanguage]>,
    ][]) {
      for (const document of [...text.examples, ...text.keywords, text.title])
        add(language, document, answer.topic, 1);
    }
  }
  for (const topic of ANSWER_TOPICS)
    for (const term of COMMON_GERMAN_TERMS[topic])
      for (const variant of VARIANTS)
        samples.push({ variant, text: term, label: topic, weight: 1 });
  const dev = JSON.parse(
    readFileSync(join(root, 'bench/matching/dev-set.json'), 'utf8'),
  ) as EvalItem[];
  for (const item of dev) add(item.language, item.text, item.topic as Topic, 1, `dev:${item.id}`);
  OFF_TOPIC_CALIBRATION.forEach(({ language, text }, i) =>
    add(language, text, 'off-topic', 1, `list:${i}`),
  );
  for (const record of tuning)
    add(
      record.language as PostLanguage,
      record.text,
      record.topic as Topic,
      REAL_WEIGHT,
      `site:${record.site}`,
    );
  return samples;
}

/** SHA-256 over the samples, in order: the model file records it, a test compares. */
export function samplesHash(samples: readonly Sample[]): string {
  const hash = createHash('sha256');
  for (const s of samples)
    hash.update(`${s.variant}\u0000${s.label}\u0000${s.weight}\u0000${s.text}\u0001`);
  return hash.digest('hex');
}

/** The fold a group belongs to (the split's stable hash of its name). */
export function foldOf(group: string): number {
  return seededHash(0, group) % FOLDS;
}

/** Deterministic shuffle source (same model from the same samples). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

interface Vector {
  features: Map<number, number>;
  norm: number;
  label: number;
  weight: number;
}

/**
 * Multinomial logistic regression with AdaGrad over L2-normalised feature
 * vectors; returns full-precision weights per feature.
 */
function trainSoftmax(vectors: readonly Vector[], width: number) {
  const weights = new Map<number, Float64Array>();
  const squares = new Map<number, Float64Array>();
  const bias = new Float64Array(width);
  const biasSquares = new Float64Array(width).fill(1e-8);
  const random = seededRandom(7);
  const order = vectors.map((_, i) => i);
  const z = new Float64Array(width);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const vector = vectors[index];
      if (!vector) continue;
      z.set(bias);
      for (const [id, x] of vector.features) {
        const row = weights.get(id);
        if (row)
          for (let k = 0; k < width; k += 1) z[k] = (z[k] ?? 0) + ((row[k] ?? 0) * x) / vector.norm;
      }
      softmaxInPlace(z);
      // z becomes the gradient of the loss by the logits.
      for (let k = 0; k < width; k += 1)
        z[k] = ((z[k] ?? 0) - (k === vector.label ? 1 : 0)) * vector.weight;
      for (let k = 0; k < width; k += 1) {
        biasSquares[k] = (biasSquares[k] ?? 0) + (z[k] ?? 0) ** 2;
        bias[k] = (bias[k] ?? 0) - (LEARNING_RATE * (z[k] ?? 0)) / Math.sqrt(biasSquares[k] ?? 1);
      }
      for (const [id, x] of vector.features) {
        let row = weights.get(id);
        let squared = squares.get(id);
        if (!row || !squared) {
          row = new Float64Array(width);
          squared = new Float64Array(width).fill(1e-8);
          weights.set(id, row);
          squares.set(id, squared);
        }
        for (let k = 0; k < width; k += 1) {
          const gradient = ((z[k] ?? 0) * x) / vector.norm + L2 * (row[k] ?? 0);
          squared[k] = (squared[k] ?? 0) + gradient * gradient;
          row[k] = (row[k] ?? 0) - (LEARNING_RATE * gradient) / Math.sqrt(squared[k] ?? 1);
        }
      }
    }
  }
  return { weights, bias };
}

/** Centres, prunes and quantises the weights into the shipped form. */
function compress(
  trained: ReturnType<typeof trainSoftmax>,
  width: number,
  training: ClassifierWeights['training'],
): ClassifierWeights {
  const kept = new Map<number, [number, number][]>();
  let largest = 0;
  for (const [id, row] of trained.weights) {
    const median = [...row].sort((a, b) => a - b)[Math.floor(width / 2)] ?? 0;
    const entries = [...row]
      .map((w, k): [number, number] => [k, w - median])
      .filter(([, w]) => Math.abs(w) >= MIN_WEIGHT)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, KEEP_PER_FEATURE);
    if (entries.length === 0) continue;
    kept.set(id, entries);
    for (const [, w] of entries) largest = Math.max(largest, Math.abs(w));
  }
  const scale = largest / 127 || 1;
  const rows = new Map<number, (readonly [number, number])[]>();
  for (const [id, entries] of kept)
    rows.set(
      id,
      entries.map(([k, w]) => [k, Math.max(-127, Math.min(127, Math.round(w / scale)))] as const),
    );
  return { classes: CLASSES, bias: [...trained.bias], scale, rows, training };
}

/** Trains on the given samples and returns the shipped form, encoded. */
export function trainClassifier(samples: readonly Sample[]): Uint8Array {
  const classIndex = new Map(CLASSES.map((c, i) => [c, i]));
  const featured = samples.map((s) => topicFeatures(s.variant, s.text));
  const seen = new Map<number, number>();
  for (const features of featured)
    for (const id of features.keys()) seen.set(id, (seen.get(id) ?? 0) + 1);
  const vectors: Vector[] = samples.map((s, i) => {
    const features = new Map(
      [...(featured[i] ?? [])].filter(([id]) => (seen.get(id) ?? 0) >= MIN_TEXTS),
    );
    let norm = 0;
    // The norm of the text's full vector, as at run time (topic-classifier.ts).
    for (const x of (featured[i] ?? new Map<number, number>()).values()) norm += x * x;
    return {
      features,
      norm: Math.sqrt(norm) || 1,
      label: classIndex.get(s.label) ?? 0,
      weight: s.weight,
    };
  });
  const counts: Record<string, number> = {};
  for (const s of samples) {
    const source = s.group?.split(':')[0] ?? 'pack';
    counts[source] = (counts[source] ?? 0) + 1;
  }
  const trained = trainSoftmax(vectors, CLASSES.length);
  return encodeTopicClassifier(
    compress(trained, CLASSES.length, {
      inputs: samplesHash(samples),
      samples: samples.length,
      counts,
    }),
  );
}

/**
 * One classifier per fold, each trained without that fold's groups; for a
 * grouped post, `classifierFor(group)` is the one that never saw it.
 */
export function crossValidatedClassifiers(samples: readonly Sample[]): {
  folds: readonly TopicClassifier[];
  classifierFor(group: string): TopicClassifier;
} {
  const folds = Array.from({ length: FOLDS }, (_, fold) =>
    decodeTopicClassifier(
      trainClassifier(samples.filter((s) => s.group === undefined || foldOf(s.group) !== fold)),
    ),
  );
  return { folds, classifierFor: (group) => folds[foldOf(group)] as TopicClassifier };
}

/**
 * Matchers over `pack` for cross-validated tuning: `matcherFor(group)` uses
 * the classifier that never saw the group (`crossValidatedClassifiers`).
 */
export function crossValidatedMatchers(
  pack: Pack,
  samples: readonly Sample[],
  options: Omit<MatcherOptions, 'classifier'> = {},
): { matcherFor(group: string): MatcherInternals } {
  const matchers = crossValidatedClassifiers(samples).folds.map((classifier) =>
    buildMatcher([pack], { ...options, classifier }),
  );
  return { matcherFor: (group) => matchers[foldOf(group)] as MatcherInternals };
}
