/**
 * The packed tables in lib/language/data: a list of entries, each a key and
 * pairs of a class letter (a, b, ...) with a whole number (built from
 * values written "b12c3").
 *
 * Layout, in three sections separated by an empty line, chosen because it
 * gzips about a third smaller than `key TAB pairs` lines:
 * 1. every key, one a line, front-coded against the key before it (one
 *    digit, how many leading characters it shares, then the rest);
 * 2. the class letters of each entry, one line per entry, in the same order;
 * 3. all the numbers, in the same order, with no separator: each written in
 *    base 32, leading digits from CONTINUE, the last one from FINAL (so the
 *    counts, mostly 0-5, take one character each).
 *
 * A hand-written scanner, because this runs once at start-up on ~100 000
 * entries and a regular expression per line doubles the cold load.
 */

const FINAL = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
const CONTINUE = 'WXYZabcdefghijklmnopqrstuvwxyz!#';
/** Character code → digit value; CONTINUE digits are marked by +32. */
const DIGIT = new Int8Array(128).fill(-1);
for (let d = 0; d < 32; d += 1) {
  DIGIT[FINAL.charCodeAt(d)] = d;
  DIGIT[CONTINUE.charCodeAt(d)] = d + 32;
}

function writeNumber(value: number): string {
  let rest = Math.floor(value / 32);
  let out = FINAL[value % 32] ?? '';
  while (rest > 0) {
    out = (CONTINUE[rest % 32] ?? '') + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** Longest shared prefix that one digit can say. */
const MAX_SHARED = 9;

/** Packs entries that are already sorted by key (build time only). */
export function packEntries(entries: readonly (readonly [string, string])[]): string {
  const keys: string[] = [];
  const classes: string[] = [];
  const numbers: string[] = [];
  let previous = '';
  for (const [key, value] of entries) {
    if (/[\n]/.test(key) || key === '') throw new Error(`cannot pack key ${JSON.stringify(key)}`);
    if (!/^(?:[a-z~{|}\x7f][0-9]+)+$/.test(value))
      throw new Error(`cannot pack value ${JSON.stringify(value)}`);
    let shared = 0;
    const limit = Math.min(MAX_SHARED, previous.length, key.length - 1);
    while (shared < limit && previous.charCodeAt(shared) === key.charCodeAt(shared)) shared += 1;
    keys.push(`${shared}${key.slice(shared)}`);
    let letters = '';
    for (const [, letter, number] of value.matchAll(/([^0-9])([0-9]+)/g)) {
      letters += letter;
      numbers.push(writeNumber(Number(number)));
    }
    classes.push(letters);
    previous = key;
  }
  return `${keys.join('\n')}\n\n${classes.join('\n')}\n\n${numbers.join('')}`;
}

/**
 * Undoes the front coding: all keys, one a line, as one flat string. Built in
 * a buffer because keys glued from pieces ("prefix" + "rest") are slow to
 * hash, and the caller puts every key into a Map.
 */
function decodeKeys(packed: string, end: number): string {
  let buffer = new Uint16Array(end * 2 + 16);
  let length = 0;
  let previousStart = 0;
  let i = 0;
  while (i < end) {
    let lineEnd = packed.indexOf('\n', i);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const shared = packed.charCodeAt(i) - 48;
    if (length + shared + (lineEnd - i) + 1 > buffer.length) {
      const grown = new Uint16Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    const start = length;
    buffer.copyWithin(length, previousStart, previousStart + shared);
    length += shared;
    for (let j = i + 1; j < lineEnd; j += 1) buffer[length++] = packed.charCodeAt(j);
    buffer[length++] = 10;
    previousStart = start;
    i = lineEnd + 1;
  }
  let keys = '';
  for (let k = 0; k < length; k += 8192) {
    // apply, not spread: spreading a typed array walks an iterator, several times slower.
    keys += String.fromCharCode.apply(
      null,
      buffer.subarray(k, Math.min(length, k + 8192)) as unknown as number[],
    );
  }
  return keys;
}

export function forEachPackedLine(
  packed: string,
  visit: (key: string, pairs: readonly number[]) => void,
): void {
  const pairs: number[] = [];
  const split = packed.indexOf('\n\n');
  if (split < 0) return;
  const keys = decodeKeys(packed, split);
  let keyStart = 0;
  let classStart = split + 2;
  // The numbers follow the class lines (one per key; none is empty).
  const numbersStart = packed.indexOf('\n\n', classStart) + 2;
  if (numbersStart < 2) throw new Error('packed table: the numbers section is missing');
  let n = numbersStart;
  while (keyStart < keys.length) {
    const keyEnd = keys.indexOf('\n', keyStart);
    const key = keys.slice(keyStart, keyEnd);
    keyStart = keyEnd + 1;

    let classEnd = packed.indexOf('\n', classStart);
    if (classEnd < 0 || classEnd > numbersStart - 2) classEnd = numbersStart - 2;
    pairs.length = 0;
    for (let i = classStart; i < classEnd; i += 1) {
      let value = 0;
      let digit = DIGIT[packed.charCodeAt(n)] ?? -1;
      while (digit >= 32) {
        value = value * 32 + digit - 32;
        n += 1;
        digit = DIGIT[packed.charCodeAt(n)] ?? -1;
      }
      if (digit < 0) throw new Error(`packed table: no number at ${n}`);
      n += 1;
      pairs.push(packed.charCodeAt(i) - 97, value * 32 + digit);
    }
    classStart = classEnd + 1;
    visit(key, pairs);
  }
}
