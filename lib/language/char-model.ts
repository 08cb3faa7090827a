/**
 * The detector's own character model: multinomial naive Bayes over the
 * features of `features.ts`, trained by `train/build-data.ts` on UI strings
 * (`@uppy/locales`), UDHR paragraphs and function-word lists, each also in
 * its diacritic-free form, plus Bulgarian and Greek transliterated into Latin.
 * It covers what the eld database cannot see: Czech vs Slovak without
 * diacritics, Latin-typed Bulgarian/Greek.
 */
import { CLASS_COUNT } from './model-classes';
import { forEachFeature } from './features';
import { forEachPackedLine } from './packed';

export interface CharModel {
  /** Feature → row offset into `logProbabilities`. */
  rows: Map<string, number>;
  /** Row-major log P(feature | class), CLASS_COUNT values per feature. */
  logProbabilities: Float32Array;
}

/** Additive smoothing for unseen (feature, class) pairs; 0.02 won on the development folds (0.005–0.5 tried). */
const ALPHA = 0.02;

/**
 * Parses the packed counts: one line per feature, `feature TAB` then pairs
 * of a class letter and a count.
 */
export function parseCharModel(packed: string): CharModel {
  const rows = new Map<string, number>();
  let counts = new Float32Array(CLASS_COUNT * 40000);
  const totals = new Float64Array(CLASS_COUNT);
  forEachPackedLine(packed, (key, pairs) => {
    const offset = rows.size * CLASS_COUNT;
    if (offset + CLASS_COUNT > counts.length) {
      const grown = new Float32Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    for (let i = 0; i < pairs.length; i += 2) {
      const cls = pairs[i] ?? 0;
      const count = pairs[i + 1] ?? 0;
      counts[offset + cls] = count;
      totals[cls] = (totals[cls] ?? 0) + count;
    }
    rows.set(key, offset);
  });
  counts = counts.subarray(0, rows.size * CLASS_COUNT);
  const vocabulary = rows.size;
  const denominators = Array.from(totals, (total) => Math.log(total + ALPHA * vocabulary));
  for (let i = 0; i < counts.length; i += 1) {
    counts[i] = Math.log((counts[i] ?? 0) + ALPHA) - (denominators[i % CLASS_COUNT] ?? 0);
  }
  return { rows, logProbabilities: counts };
}

/**
 * Adds each class's mean log-likelihood per known feature to `out` and
 * returns how many features were known to the model.
 */
export function scoreWithCharModel(
  model: CharModel,
  words: readonly string[],
  out: Float64Array,
  wordWeight = 1,
): number {
  const { rows, logProbabilities } = model;
  let known = 0;
  forEachFeature(words, (feature) => {
    const offset = rows.get(feature);
    if (offset === undefined) return;
    // Whole words (function words above all) separate close pairs such as
    // Czech and Slovak better than their letters do, so they may weigh more.
    const weight = feature.charCodeAt(0) === 35 /* # */ ? wordWeight : 1;
    known += weight;
    for (let c = 0; c < CLASS_COUNT; c += 1) {
      out[c] = (out[c] ?? 0) + weight * (logProbabilities[offset + c] ?? 0);
    }
  });
  if (known > 0) for (let c = 0; c < CLASS_COUNT; c += 1) out[c] = (out[c] ?? 0) / known;
  return known;
}
