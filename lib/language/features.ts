/**
 * Features of the detector's own character model, shared by the training
 * script and the run-time scorer so both see exactly the same strings:
 * character 2- to 4-grams of each word padded with spaces, plus the whole
 * word (prefixed `#`), which acts as a function-word list.
 */
export const MAX_WORD_FEATURE_LENGTH = 12;

export function forEachFeature(words: readonly string[], visit: (feature: string) => void): void {
  for (const word of words) {
    const padded = ` ${word} `;
    const length = padded.length;
    for (let n = 2; n <= 4; n += 1) {
      for (let i = 0; i + n <= length; i += 1) visit(padded.slice(i, i + n));
    }
    if (word.length <= MAX_WORD_FEATURE_LENGTH) visit(`#${word}`);
  }
}
