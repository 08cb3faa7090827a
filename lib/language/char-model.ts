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

export interface CharModel {
  /** Feature → row offset into `logProbabilities`. */
  rows: Map<string, number>;
  /** Row-major log P(feature | class), CLASS_COUNT values per feature. */
  logProbabilities: Float32Array;
}

/** Additive smoothing for unseen (feature, class) pairs. */
const ALPHA = 0.1;

/**
 * Parses the packed counts: one line per feature, `feature TAB` then pairs
 * of a class letter and a count.
 */
export function parseCharModel(packed: string): CharModel {
  const lines = packed.split('\n');
  const counts = new Float32Array(lines.length * CLASS_COUNT);
  const totals = new Float64Array(CLASS_COUNT);
  const rows = new Map<string, number>();
  const pair = /([a-z])(\d+)/g;
  lines.forEach((line, index) => {
    const tab = line.lastIndexOf('\t');
    const offset = index * CLASS_COUNT;
    rows.set(line.slice(0, tab), offset);
    for (const match of line.slice(tab + 1).matchAll(pair)) {
      const cls = (match[1] ?? 'a').charCodeAt(0) - 97;
      const count = Number(match[2]);
      counts[offset + cls] = count;
      totals[cls] = (totals[cls] ?? 0) + count;
    }
  });
  const vocabulary = lines.length;
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
