/**
 * A compact supervised topic classifier, trained from the active packs when
 * the matcher first needs a language (no model file ships: any pack an
 * organisation installs trains its own). Multinomial naive Bayes over two
 * kinds of features of a text in one index variant:
 * - `w` the stemmed words of the variant's pipeline (text.ts),
 * - `c` character 4-grams of the folded words (with word boundaries), which
 *   carry inflected and compound forms the stemmers miss ("minimálbért",
 *   "otkaznog", "výpovedi").
 * Training documents per answer and topic: each example question, each
 * keyword, the title, and — the "German terms mixed in" augmentation, the
 * cross-language evidence — each German term of the topic (german-terms.ts)
 * and German keyword of the answer, as the variant spells it; folding covers
 * the diacritics-stripped variant, and the Latin-typed Bulgarian and Greek
 * variants are trained on the transliterated pack.
 *
 * The output is a probability per topic (tempered: the log-likelihood is
 * averaged over the post's features, so a long post is not more certain than
 * a short one for its length alone). Its weight in the ranking and the
 * relevance decision was chosen on the real-text tuning half (BENCHMARKS.md).
 */
import type { AnswerTopic } from '../domain/topics';
import { COMMON_GERMAN_TERMS } from './german-terms';
import { latinRendering, pipelineFor, type IndexVariant } from './text';
import type { AnswerEntry } from './variant-index';

/** Laplace smoothing of the feature counts. */
const ALPHA = 0.1;
/** Weight of each feature kind in a document (character grams are many and weak). */
const KIND_WEIGHT = { w: 1, c: 0.25 } as const;
const GRAM = 4;
/** Softmax temperature over the mean log-likelihood. */
const SHARPNESS = 8;

export interface TopicModel {
  /** Topics with probability, best first (empty when the text has no known feature). */
  classify(text: string, stopTerms?: ReadonlySet<string>): { topic: AnswerTopic; p: number }[];
}

function isLatin(variant: IndexVariant): variant is 'bg-latn' | 'el-latn' {
  return variant === 'bg-latn' || variant === 'el-latn';
}

/** Weighted features of a text. */
export function topicFeatures(
  variant: IndexVariant,
  text: string,
  stopTerms?: ReadonlySet<string>,
): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  const source = isLatin(variant) ? latinRendering(variant, text) : text;
  const words = pipelineFor(variant).termsWithWords(source);
  for (const { term, word } of words) {
    if (stopTerms?.has(term)) continue;
    add(`w${term}`, KIND_WEIGHT.w);
    if (word.length >= GRAM) {
      const padded = `^${word}$`;
      for (let i = 0; i + GRAM <= padded.length; i += 1)
        add(`c${padded.slice(i, i + GRAM)}`, KIND_WEIGHT.c);
    }
  }
  return features;
}

export function trainTopicModel(
  variant: IndexVariant,
  entries: readonly AnswerEntry[],
): TopicModel {
  const language = variant === 'bg-latn' ? 'bg' : variant === 'el-latn' ? 'el' : variant;
  // topic → feature → weighted count
  const counts = new Map<AnswerTopic, Map<string, number>>();
  const totals = new Map<AnswerTopic, number>();
  const vocabulary = new Set<string>();
  const learn = (topic: AnswerTopic, features: Map<string, number>) => {
    const own = counts.get(topic) ?? new Map<string, number>();
    counts.set(topic, own);
    for (const [key, weight] of features) {
      own.set(key, (own.get(key) ?? 0) + weight);
      totals.set(topic, (totals.get(topic) ?? 0) + weight);
      vocabulary.add(key);
    }
  };
  for (const { answer } of entries) {
    const text = answer.texts[language];
    const documents = text ? [...text.examples, ...text.keywords, text.title] : [];
    for (const document of documents) learn(answer.topic, topicFeatures(variant, document));
    // German terms mixed in: posts in every language use them ("mam Kündigung").
    const german = [...COMMON_GERMAN_TERMS[answer.topic], ...(answer.texts.de?.keywords ?? [])];
    for (const term of german) learn(answer.topic, topicFeatures(variant, term));
  }
  const size = vocabulary.size;
  const topics = [...counts.keys()];
  const logDenominator = topics.map((topic) => Math.log((totals.get(topic) ?? 0) + ALPHA * size));
  // Per feature, its log-probability in every topic, computed on first use.
  const logProbabilities = new Map<string, Float64Array>();
  const logProbabilityOf = (key: string): Float64Array => {
    let vector = logProbabilities.get(key);
    if (!vector) {
      vector = new Float64Array(topics.length);
      topics.forEach((topic, t) => {
        const count = counts.get(topic)?.get(key) ?? 0;
        (vector as Float64Array)[t] = Math.log(count + ALPHA) - (logDenominator[t] ?? 0);
      });
      logProbabilities.set(key, vector);
    }
    return vector;
  };
  const sums = new Float64Array(topics.length);
  return {
    classify(text, stopTerms) {
      const features = topicFeatures(variant, text, stopTerms);
      sums.fill(0);
      let known = 0;
      for (const [key, weight] of features) {
        if (!vocabulary.has(key)) continue;
        known += weight;
        const vector = logProbabilityOf(key);
        for (let t = 0; t < topics.length; t += 1)
          sums[t] = (sums[t] ?? 0) + weight * (vector[t] ?? 0);
      }
      if (known === 0) return [];
      let max = -Infinity;
      for (let t = 0; t < topics.length; t += 1)
        max = Math.max(max, (SHARPNESS * (sums[t] ?? 0)) / known);
      let z = 0;
      const ranked = topics.map((topic, t) => {
        const e = Math.exp((SHARPNESS * (sums[t] ?? 0)) / known - max);
        z += e;
        return { topic, p: e };
      });
      for (const entry of ranked) entry.p /= z;
      return ranked.sort((a, b) => b.p - a.p);
    },
  };
}
