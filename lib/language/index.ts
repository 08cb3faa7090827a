/**
 * Language detection of short social-media posts in the 13 post languages.
 *
 * `detectLanguage(text)` is pure and synchronous: its data is bundled as
 * modules, parsed on the first call (or eagerly with `loadLanguageDetector()`,
 * e.g. while the service worker starts), and needs no browser globals, so the
 * background, extension pages, the CLI and tests share it.
 */
import { parseCharModel } from './char-model';
import { CHAR_MODEL, DETECTION_WEIGHTS } from './data/char-model';
import { ELD_NGRAMS } from './data/eld-ngrams';
import type { LanguageDetection } from './detector';
import { createDetector } from './detector';
import { parseEldTable } from './eld-scorer';

export type { LanguageDetection } from './detector';
export { MIN_LETTERS } from './detector';

let detector: ((text: string) => LanguageDetection) | undefined;

/** Parses the bundled data (about 50–100 ms once). Calling it again does nothing. */
export function loadLanguageDetector(): (text: string) => LanguageDetection {
  return (detector ??= createDetector({
    charModel: parseCharModel(CHAR_MODEL, {
      foldedWeight: DETECTION_WEIGHTS.foldedWeight,
      smoothing: DETECTION_WEIGHTS.smoothing,
    }),
    eldTable: parseEldTable(ELD_NGRAMS),
    weights: DETECTION_WEIGHTS,
  }));
}

/**
 * Detects the language of a post. Returns `und` with confidence 0 for text
 * without enough letters (emoji, links, "ok").
 */
export function detectLanguage(text: string): LanguageDetection {
  return loadLanguageDetector()(text);
}
