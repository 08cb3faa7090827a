/**
 * Reader for the packed tables in lib/language/data: one entry per line,
 * `key TAB` followed by pairs of a class letter (a, b, ...) and a decimal
 * number. A hand-written scanner, because this runs once at start-up on
 * ~70 000 lines and a regular expression per line doubles the cold load.
 */
export function forEachPackedLine(
  packed: string,
  visit: (key: string, pairs: readonly number[]) => void,
): void {
  const pairs: number[] = [];
  let lineStart = 0;
  const length = packed.length;
  while (lineStart < length) {
    let lineEnd = packed.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    const tab = packed.lastIndexOf('\t', lineEnd);
    pairs.length = 0;
    let i = tab + 1;
    while (i < lineEnd) {
      const cls = packed.charCodeAt(i) - 97;
      i += 1;
      let value = 0;
      let code = packed.charCodeAt(i);
      while (i < lineEnd && code >= 48 && code <= 57) {
        value = value * 10 + (code - 48);
        i += 1;
        code = packed.charCodeAt(i);
      }
      pairs.push(cls, value);
    }
    visit(packed.slice(lineStart, tab), pairs);
    lineStart = lineEnd + 1;
  }
}
