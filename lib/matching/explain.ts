/**
 * Explanations: the words of a post that made an answer match, as the
 * advisor should read them — in the post's own spelling, without function
 * words. Built only for the few answers that are shown.
 */
import { foldForMatching, splitWords } from './text';
import type { QueryWord, VariantIndex } from './variant-index';

/**
 * Matching sees folded words ("kundigung"); the advisor should see them as
 * the post spells them ("Kündigung"). Maps each folded word to the post's
 * first spelling of it.
 */
export function postSpelling(text: string): (folded: string) => string {
  const spellings = new Map<string, string>();
  for (const [token] of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const words = splitWords(foldForMatching(token));
    const [word] = words;
    if (words.length === 1 && word !== undefined && !spellings.has(word))
      spellings.set(word, token.normalize('NFC'));
  }
  return (folded) => spellings.get(folded) ?? folded;
}

export interface ExplanationSource {
  words: readonly QueryWord[];
  index: Pick<VariantIndex, 'quietWords'>;
}

/** The words that made an answer match, as the advisor should read them. */
export function explain(
  matched: readonly number[],
  source: ExplanationSource,
  spelled: (folded: string) => string,
): string[] {
  const all = matched.map((w) => source.words[w]?.word ?? '');
  const telling = all.filter((word) => !source.index.quietWords.has(word));
  return [...new Set((telling.length > 0 ? telling : all).map(spelled))];
}
