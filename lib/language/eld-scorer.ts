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

const LANGUAGE_COUNT = POST_LANGUAGES.length;
/** eld stores scores minus this base to keep its database small. */
const BASE_NGRAM_SCORE = 53;

export type EldTable = Map<string, Int16Array>;

/**
 * Parses the packed database: one line per n-gram, `key TAB` then pairs of
 * a language letter (a = de ... m = sk) and eld's stored score.
 */
export function parseEldTable(packed: string): EldTable {
  const parsed = new Map<string, Int16Array>();
  const pair = /([a-z])(\d+)/g;
  for (const line of packed.split('\n')) {
    const tab = line.lastIndexOf('\t');
    const scores = new Int16Array(LANGUAGE_COUNT);
    for (const match of line.slice(tab + 1).matchAll(pair)) {
      scores[(match[1] ?? 'a').charCodeAt(0) - 97] = Number(match[2]) + BASE_NGRAM_SCORE;
    }
    parsed.set(line.slice(0, tab), scores);
  }
  return parsed;
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
  for (const gram of grams) {
    const scores = db.get(gram);
    if (!scores) continue;
    for (let l = 0; l < LANGUAGE_COUNT; l += 1) out[l] = (out[l] ?? 0) + (scores[l] ?? 0);
  }
  for (let l = 0; l < LANGUAGE_COUNT; l += 1) out[l] = (out[l] ?? 0) / grams.size;
  return grams.size;
}
