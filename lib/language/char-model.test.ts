import { describe, expect, it } from 'vitest';
import {
  COUNT_BASE,
  TOTALS_KEY,
  countOfCode,
  parseCharModel,
  quantizeCount,
  scoreWithCharModel,
} from './char-model';
import { CLASS_COUNT, classLetter } from './model-classes';
import { packEntries } from './packed';
import { POST_LANGUAGES } from '../domain/languages';

const CS = POST_LANGUAGES.indexOf('cs');
const SK = POST_LANGUAGES.indexOf('sk');

describe('count codes', () => {
  it.each([1, 2, 3, 7, 40, 250, 300, 1000, 12345, 98765])(
    'code of %i decodes to within the step of its range',
    (count) => {
      const decoded = countOfCode(quantizeCount(count));
      // Coarse steps (×COUNT_BASE) for rare features, ≤ 8 % error for frequent ones.
      const tolerance = count <= 250 ? Math.sqrt(COUNT_BASE) : 1.08;
      expect(decoded / count).toBeLessThanOrEqual(tolerance);
      expect(count / decoded).toBeLessThanOrEqual(tolerance);
    },
  );

  it('is monotonic', () => {
    let previous = -1;
    for (let count = 1; count < 5000; count += 7) {
      const code = quantizeCount(count);
      expect(code).toBeGreaterThanOrEqual(previous);
      previous = code;
    }
  });
});

describe('parseCharModel', () => {
  // "#zadat": Czech as written; Slovak only once its diacritics are stripped ("zadať").
  const packed = packEntries([
    [TOTALS_KEY, `${classLetter(CS)}100${classLetter(SK)}100${classLetter(CLASS_COUNT + SK)}50`],
    [
      '#zadat',
      `${classLetter(CS)}${quantizeCount(9)}${classLetter(CLASS_COUNT + SK)}${quantizeCount(9)}`,
    ],
  ]);

  it.each([
    ['without diacritics, folded counts count fully', false, 0],
    ['with diacritics and foldedWeight 0, they do not count', true, 0],
  ] as const)('%s', (_, native, foldedWeight) => {
    const model = parseCharModel(packed, { foldedWeight });
    const out = new Float64Array(CLASS_COUNT);
    expect(scoreWithCharModel(model, ['zadat'], out, 1, native)).toBeGreaterThan(0);
    const csScore = out[CS] ?? 0;
    const skScore = out[SK] ?? 0;
    if (native) expect(csScore - skScore).toBeGreaterThan(4);
    else expect(Math.abs(csScore - skScore)).toBeLessThan(0.5);
  });

  it('ignores features it does not know', () => {
    const model = parseCharModel(packed);
    const out = new Float64Array(CLASS_COUNT);
    expect(scoreWithCharModel(model, ['xyz'], out)).toBe(0);
    expect([...out].every((v) => v === 0)).toBe(true);
  });
});
