/**
 * The detector's own character model: multinomial naive Bayes over the
 * features of `features.ts`, trained by `tools/language-training/train/build-data.ts`
 * (`npm run train`) on UI strings, UDHR paragraphs and function-word lists,
 * plus Bulgarian and Greek transliterated into Latin. It covers what the eld
 * database cannot see: Czech vs Slovak without diacritics, Latin-typed Bulgarian/Greek.
 *
 * Each class has two sets of counts: the text as written, and what the
 * same text adds once its diacritics are stripped (the features of "zadat"
 * that "zadať" does not have). Text typed without any diacritic is scored
 * with both; text that has diacritics mostly with the first, because there
 * "zadat" is evidence for Czech, whereas stripped Slovak writes it too.
 */
import { CLASS_COUNT } from './model-classes';
import { forEachFeature } from './features';
import { forEachPackedLine } from './packed';

export interface CharModel {
  /** Feature → row offset into the log-probability arrays. */
  rows: Map<string, number>;
  /**
   * Row-major log P(feature | class), CLASS_COUNT values per feature: for
   * text with diacritics (`native`, folded-only counts weigh `foldedWeight`)
   * or without. Each table is computed on first use, which keeps the cold
   * start to one of them.
   */
  logProbabilities: (native: boolean) => Float32Array;
}

/** Default additive smoothing for unseen (feature, class) pairs (DetectionWeights.smoothing). */
const ALPHA = 0.02;

/**
 * Counts are stored as small codes on a logarithmic scale (one character
 * each in the packed data, see packed.ts): codes up to COARSE_CODES stand
 * for COUNT_BASE^code, coarse steps that gzip well
 * and are as precise as the sampling noise of rare features; above that each
 * code is FINE_STEP times the one before, so that frequent features, whose
 * counts differ between close languages by a few per cent, keep that
 * difference. (On the development folds bases 1.3, 2 and 3 scored alike.)
 */
export const COUNT_BASE = 3;
export const COARSE_CODES = 5;
export const FINE_STEP = 1.15;

/** The count a stored code stands for. */
export function countOfCode(
  code: number,
  base = COUNT_BASE,
  fine = FINE_STEP,
  coarse = COARSE_CODES,
): number {
  if (code <= coarse || fine <= 1) return base ** code;
  return base ** coarse * fine ** (code - coarse);
}

/** The stored code of a count (see COUNT_BASE). */
export function quantizeCount(
  count: number,
  base = COUNT_BASE,
  fine = FINE_STEP,
  coarse = COARSE_CODES,
): number {
  const code = Math.round(Math.log(count) / Math.log(base));
  if (fine <= 1) return code;
  const top = base ** coarse;
  if (count <= top * Math.sqrt(fine)) return Math.min(code, coarse);
  return coarse + Math.round(Math.log(count / top) / Math.log(fine));
}

export interface CharModelOptions {
  /** See COUNT_BASE, FINE_STEP and COARSE_CODES. */
  base?: number;
  fine?: number;
  coarse?: number;
  /** Weight of the folded-only counts when the text has diacritics (0..1). */
  foldedWeight?: number;
  /** Additive smoothing: what an unseen (feature, class) pair counts as. */
  smoothing?: number;
}

/**
 * Key of the entry that holds each class's total count (letters as for the
 * counts, exact numbers), stored because the data leaves out counts that can
 * never matter: Greek-script features (Greek text is decided by its script),
 * and in Cyrillic features every class but Bulgarian and Croatian/Serbian.
 */
export const TOTALS_KEY = '\u0001';

/**
 * Parses the packed counts: one entry per feature, pairs of a class letter
 * and a quantized count. Letters a.. are the counts of the text as written;
 * the CLASS_COUNT letters after them its folded-only counts.
 *
 * Written for start-up time (it runs once, on ~80 000 features): counts are
 * collected sparsely, every cell starts as its class's log-probability of an
 * unseen feature, and only the seen cells take a logarithm.
 */
export function parseCharModel(packed: string, options: CharModelOptions = {}): CharModel {
  const base = options.base ?? COUNT_BASE;
  const foldedWeight = options.foldedWeight ?? 0;
  const alpha = options.smoothing ?? ALPHA;
  const fine = options.fine ?? FINE_STEP;
  const coarse = options.coarse ?? COARSE_CODES;
  const powers = Array.from({ length: 100 }, (_, q) => countOfCode(q, base, fine, coarse));
  const rows = new Map<string, number>();
  const nativeTotals = new Float64Array(CLASS_COUNT);
  const foldedTotals = new Float64Array(CLASS_COUNT);
  // Sparse cells: position (row offset + class), count, and whether it is a folded-only count.
  let cells = new Int32Array(1 << 18);
  let counts = new Float32Array(1 << 18);
  let cellCount = 0;
  forEachPackedLine(packed, (key, pairs) => {
    if (key === TOTALS_KEY) {
      for (let i = 0; i < pairs.length; i += 2) {
        const cls = pairs[i] ?? 0;
        if (cls < CLASS_COUNT) nativeTotals[cls] = pairs[i + 1] ?? 0;
        else foldedTotals[cls - CLASS_COUNT] = pairs[i + 1] ?? 0;
      }
      return;
    }
    const offset = rows.size * CLASS_COUNT;
    rows.set(key, offset);
    if (cellCount + pairs.length > cells.length) {
      const grownCells = new Int32Array(cells.length * 2);
      grownCells.set(cells);
      cells = grownCells;
      const grownCounts = new Float32Array(counts.length * 2);
      grownCounts.set(counts);
      counts = grownCounts;
    }
    for (let i = 0; i < pairs.length; i += 2) {
      const cls = pairs[i] ?? 0;
      // Folded-only counts are marked by a negative position.
      cells[cellCount] = cls < CLASS_COUNT ? offset + cls : -(offset + cls - CLASS_COUNT) - 1;
      counts[cellCount] = powers[pairs[i + 1] ?? 0] ?? 0;
      cellCount += 1;
    }
  });
  const size = rows.size * CLASS_COUNT;
  const vocabulary = rows.size;
  const build = (weight: number): Float32Array => {
    const denominators = Array.from(nativeTotals, (n, c) =>
      Math.log(n + weight * (foldedTotals[c] ?? 0) + alpha * vocabulary),
    );
    const sums = new Float32Array(size);
    for (let i = 0; i < cellCount; i += 1) {
      const cell = cells[i] ?? 0;
      if (cell >= 0) sums[cell] = (sums[cell] ?? 0) + (counts[i] ?? 0);
      else sums[-cell - 1] = (sums[-cell - 1] ?? 0) + weight * (counts[i] ?? 0);
    }
    const out = new Float32Array(size);
    if (size === 0) return out;
    const logAlpha = Math.log(alpha);
    for (let c = 0; c < CLASS_COUNT; c += 1) out[c] = logAlpha - (denominators[c] ?? 0);
    for (let filled = CLASS_COUNT; filled < size; filled *= 2) {
      out.copyWithin(filled, 0, Math.min(filled, size - filled));
    }
    for (let i = 0; i < cellCount; i += 1) {
      const cell = cells[i] ?? 0;
      const position = cell >= 0 ? cell : -cell - 1;
      out[position] =
        Math.log((sums[position] ?? 0) + alpha) - (denominators[position % CLASS_COUNT] ?? 0);
    }
    return out;
  };
  let ascii: Float32Array | undefined;
  let native: Float32Array | undefined;
  return {
    rows,
    logProbabilities: (forNative) => {
      if (forNative && foldedWeight !== 1) return (native ??= build(foldedWeight));
      return (ascii ??= build(1));
    },
  };
}

/**
 * Adds each class's mean log-likelihood per known feature to `out` and
 * returns how many features were known to the model. `native` selects the
 * probabilities for text written with diacritics.
 */
export function scoreWithCharModel(
  model: CharModel,
  words: readonly string[],
  out: Float64Array,
  wordWeight = 1,
  native = false,
): number {
  const { rows } = model;
  const logProbabilities = model.logProbabilities(native);
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
