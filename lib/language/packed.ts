/**
 * The packed tables in lib/language/data: a list of entries, each a key and
 * pairs of a class letter (a, b, ...) with a decimal number ("b12c3").
 *
 * Layout, chosen because it gzips a quarter smaller than `key TAB pairs`
 * lines: first every key, one a line, front-coded against the key before it
 * (one digit, how many leading characters it shares, then the rest); then an
 * empty line; then the pairs of each entry, one a line, in the same order.
 *
 * A hand-written scanner, because this runs once at start-up on ~100 000
 * entries and a regular expression per line doubles the cold load.
 */

/** Longest shared prefix that one digit can say. */
const MAX_SHARED = 9;

/** Packs entries that are already sorted by key (build time only). */
export function packEntries(entries: readonly (readonly [string, string])[]): string {
  const keys: string[] = [];
  const values: string[] = [];
  let previous = '';
  for (const [key, value] of entries) {
    if (/[\n]/.test(key) || key === '') throw new Error(`cannot pack key ${JSON.stringify(key)}`);
    if (!/^(?:[a-z~{|}\x7f][0-9]+)*$/.test(value))
      throw new Error(`cannot pack value ${JSON.stringify(value)}`);
    let shared = 0;
    const limit = Math.min(MAX_SHARED, previous.length, key.length - 1);
    while (shared < limit && previous.charCodeAt(shared) === key.charCodeAt(shared)) shared += 1;
    keys.push(`${shared}${key.slice(shared)}`);
    values.push(value);
    previous = key;
  }
  return `${keys.join('\n')}\n\n${values.join('\n')}`;
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
  let valueStart = split + 2;
  const length = packed.length;
  while (keyStart < keys.length) {
    const keyEnd = keys.indexOf('\n', keyStart);
    const key = keys.slice(keyStart, keyEnd);
    keyStart = keyEnd + 1;

    let valueEnd = packed.indexOf('\n', valueStart);
    if (valueEnd < 0) valueEnd = length;
    pairs.length = 0;
    let i = valueStart;
    while (i < valueEnd) {
      const cls = packed.charCodeAt(i) - 97;
      i += 1;
      let value = 0;
      let code = packed.charCodeAt(i);
      while (i < valueEnd && code >= 48 && code <= 57) {
        value = value * 10 + (code - 48);
        i += 1;
        code = packed.charCodeAt(i);
      }
      pairs.push(cls, value);
    }
    valueStart = valueEnd + 1;
    visit(key, pairs);
  }
}
