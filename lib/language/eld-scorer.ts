/**
 * Scores text against the eld n-gram database (eld 2.1.0 by Nito T.M.,
 * Apache-2.0; see data/NOTICE-eld.txt), cut to the product's 13 languages with
 * Serbian folded into Croatian. The tokenisation below follows eld's
 * `strToUtf8Bytes`/`getByteNgrams` so the database keys match: each word is
 * turned into UTF-8 bytes spelled with eld's byte dictionary, then cut into
 * 4-byte grams with a stride of 3, the first prefixed and the last suffixed
 * with a space.
 */
import { ELD_DICTIONARY } from './data/eld-dictionary';
import { POST_LANGUAGES } from '../domain/languages';
import { forEachPackedLine } from './packed';

const LANGUAGE_COUNT = POST_LANGUAGES.length;
/** eld stores scores minus this base to keep its database small. */
const BASE_NGRAM_SCORE = 53;

export interface EldTable {
  /** n-gram key → offset of its 13 scores in `scores`. */
  rows: Map<string, number>;
  scores: Int16Array;
}

/**
 * Parses the packed database: one line per n-gram, `key TAB` then pairs of
 * a language letter (a = de ... m = sk) and eld's stored score.
 */
export function parseEldTable(packed: string): EldTable {
  const rows = new Map<string, number>();
  let scores = new Int16Array(LANGUAGE_COUNT * 40000);
  forEachPackedLine(packed, (key, pairs) => {
    const offset = rows.size * LANGUAGE_COUNT;
    if (offset + LANGUAGE_COUNT > scores.length) {
      const grown = new Int16Array(scores.length * 2);
      grown.set(scores);
      scores = grown;
    }
    for (let i = 0; i < pairs.length; i += 2) {
      scores[offset + (pairs[i] ?? 0)] = (pairs[i + 1] ?? 0) + BASE_NGRAM_SCORE;
    }
    rows.set(key, offset);
  });
  return { rows, scores: scores.subarray(0, rows.size * LANGUAGE_COUNT) };
}

function wordToBytes(word: string): string {
  let encoded = '';
  for (let i = 0; i < word.length; i += 1) {
    let code = word.charCodeAt(i);
    if (code < 0x80) encoded += word[i];
    else if (code < 0x800) {
      encoded +=
        ELD_DICTIONARY.charAt(0xc0 | (code >> 6)) + ELD_DICTIONARY.charAt(0x80 | (code & 0x3f));
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded +=
        ELD_DICTIONARY.charAt(0xe0 | (code >> 12)) +
        ELD_DICTIONARY.charAt(0x80 | ((code >> 6) & 0x3f)) +
        ELD_DICTIONARY.charAt(0x80 | (code & 0x3f));
    } else {
      i += 1;
      code = 0x10000 + (((code & 0x3ff) << 10) | (word.charCodeAt(i) & 0x3ff));
      encoded +=
        ELD_DICTIONARY.charAt(0xf0 | (code >> 18)) +
        ELD_DICTIONARY.charAt(0x80 | ((code >> 12) & 0x3f)) +
        ELD_DICTIONARY.charAt(0x80 | ((code >> 6) & 0x3f)) +
        ELD_DICTIONARY.charAt(0x80 | (code & 0x3f));
    }
  }
  return encoded;
}

/**
 * Adds each language's mean eld score per n-gram to `out` (length 13) and
 * returns the number of distinct n-grams seen.
 */
export function scoreWithEld(db: EldTable, words: readonly string[], out: Float64Array): number {
  const grams = new Set<string>();
  let bytes = 0;
  for (const word of words) {
    const encoded = wordToBytes(word);
    bytes += encoded.length + 1;
    if (bytes > 380) break;
    const len = Math.min(encoded.length, 70);
    let j = 0;
    for (; j + 4 < len; j += 3) grams.add((j === 0 ? ' ' : '') + encoded.substring(j, j + 4));
    grams.add((j === 0 ? ' ' : '') + encoded.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  if (grams.size === 0) return 0;
  const { rows, scores } = db;
  for (const gram of grams) {
    const offset = rows.get(gram);
    if (offset === undefined) continue;
    for (let l = 0; l < LANGUAGE_COUNT; l += 1) out[l] = (out[l] ?? 0) + (scores[offset + l] ?? 0);
  }
  for (let l = 0; l < LANGUAGE_COUNT; l += 1) out[l] = (out[l] ?? 0) / grams.size;
  return grams.size;
}
