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

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/**
 * A feature's id: a 32-bit FNV-1a hash of its kind and text (numbers are
 * cheaper Map keys than strings; a collision in a few thousand features is
 * as rare as it is harmless).
 */
export function featureId(kind: 'w' | 'c', text: string): number {
  let hash = Math.imul(FNV_OFFSET ^ kind.charCodeAt(0), FNV_PRIME) >>> 0;
  for (let i = 0; i < text.length; i += 1)
    hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return hash;
}

/** Calls `add` with every weighted feature of a text. */
function eachFeature(
  variant: IndexVariant,
  text: string,
  stopTerms: ReadonlySet<string> | undefined,
  add: (id: number, weight: number) => void,
): void {
  const source = isLatin(variant) ? latinRendering(variant, text) : text;
  for (const { term, word } of pipelineFor(variant).termsWithWords(source)) {
    if (stopTerms?.has(term)) continue;
    add(featureId('w', term), KIND_WEIGHT.w);
    if (word.length < GRAM) continue;
    // Character 4-grams of "^word$", hashed without building the strings.
    const padded = `^${word}$`;
    for (let start = 0; start + GRAM <= padded.length; start += 1) {
      let hash = Math.imul(FNV_OFFSET ^ 99, FNV_PRIME) >>> 0; // 'c'
      for (let k = start; k < start + GRAM; k += 1)
        hash = Math.imul(hash ^ padded.charCodeAt(k), FNV_PRIME) >>> 0;
      add(hash, KIND_WEIGHT.c);
    }
  }
}

/** Weighted features of a text, by id (`featureId`). */
export function topicFeatures(
  variant: IndexVariant,
  text: string,
  stopTerms?: ReadonlySet<string>,
): Map<number, number> {
  const features = new Map<number, number>();
  eachFeature(variant, text, stopTerms, (id, weight) =>
    features.set(id, (features.get(id) ?? 0) + weight),
  );
  return features;
}

export function trainTopicModel(
  variant: IndexVariant,
  entries: readonly AnswerEntry[],
): TopicModel {
  const language = variant === 'bg-latn' ? 'bg' : variant === 'el-latn' ? 'el' : variant;
  const topics = [...new Set(entries.map((entry) => entry.answer.topic))];
  const topicIndex = new Map(topics.map((topic, t) => [topic, t]));
  const width = topics.length;
  // feature → its row in `table`, which holds the weighted count per topic
  // (one growing array: thousands of small ones cost more to allocate).
  const rows = new Map<number, number>();
  let table = new Float64Array(1024 * width);
  const totals = new Float64Array(width);
  let current = 0;
  const learn = (id: number, weight: number) => {
    let row = rows.get(id);
    if (row === undefined) {
      row = rows.size;
      rows.set(id, row);
      if ((row + 1) * width > table.length) {
        const grown = new Float64Array(table.length * 2);
        grown.set(table);
        table = grown;
      }
    }
    const at = row * width + current;
    table[at] = (table[at] ?? 0) + weight;
    totals[current] = (totals[current] ?? 0) + weight;
  };
  for (const { answer } of entries) {
    current = topicIndex.get(answer.topic) ?? 0;
    const text = answer.texts[language];
    const documents = text ? [...text.examples, ...text.keywords, text.title] : [];
    // German terms mixed in: posts in every language use them ("mam Kündigung").
    documents.push(...COMMON_GERMAN_TERMS[answer.topic], ...(answer.texts.de?.keywords ?? []));
    for (const document of documents) eachFeature(variant, document, undefined, learn);
  }
  const size = rows.size;
  const logDenominator = topics.map((_, t) => Math.log((totals[t] ?? 0) + ALPHA * size));
  // Per feature, its log-probability in every topic, computed on first use.
  const logProbabilities = new Map<number, Float64Array>();
  const logProbabilityOf = (id: number, row: number): Float64Array => {
    let vector = logProbabilities.get(id);
    if (!vector) {
      vector = new Float64Array(width);
      for (let t = 0; t < width; t += 1)
        vector[t] = Math.log((table[row * width + t] ?? 0) + ALPHA) - (logDenominator[t] ?? 0);
      logProbabilities.set(id, vector);
    }
    return vector;
  };
  const sums = new Float64Array(topics.length);
  return {
    classify(text, stopTerms) {
      sums.fill(0);
      let known = 0;
      eachFeature(variant, text, stopTerms, (id, weight) => {
        const row = rows.get(id);
        if (row === undefined) return;
        known += weight;
        const vector = logProbabilityOf(id, row);
        for (let t = 0; t < topics.length; t += 1)
          sums[t] = (sums[t] ?? 0) + weight * (vector[t] ?? 0);
      });
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
