/**
 * Spreadsheet formula neutralising (OWASP "CSV injection"), shared by log
 * exports and `pack to-sheet`, with its exact inverse for `pack build`.
 *
 * A cell counts as formula-like when, after any leading whitespace (spaces,
 * tabs, CR, LF, NBSP and the other Unicode spaces) and invisible characters
 * (zero-width, bidi controls, BOM), it starts with `=`, `+`, `-`, `@` or their
 * fullwidth forms `＝＋－＠`: spreadsheet programs skip or fold those on import
 * (security review finding 13). Such a cell gets a leading apostrophe, which
 * spreadsheets read as "text".
 *
 * So that reading undoes writing exactly, a cell that already looks escaped
 * (an apostrophe before something that would be escaped) is escaped once more:
 * `unneutraliseFormula(neutraliseFormulaCell(t)) === t` for every string.
 */
const IGNORED_PREFIX =
  /^[\s\u00A0\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\u3000\uFEFF]*/u;
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function isFormulaLike(text: string): boolean {
  const rest = text.replace(IGNORED_PREFIX, '');
  // A cell of only whitespace that had some (e.g. "\t") still gets escaped, as before.
  return FORMULA_START.test(rest) || /^[\t\r\n]/u.test(text);
}

function isEscapedForm(text: string): boolean {
  let rest = text;
  while (rest.startsWith("'")) {
    rest = rest.slice(1);
    if (isFormulaLike(rest)) return true;
  }
  return false;
}

/** The cell as written to a spreadsheet: formula-like text gets a leading apostrophe. */
export function neutraliseFormulaCell(text: string): string {
  return isFormulaLike(text) || isEscapedForm(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormulaCell` when reading a sheet back. */
export function unneutraliseFormula(text: string): string {
  return isEscapedForm(text) ? text.slice(1) : text;
}
