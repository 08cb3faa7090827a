/**
 * The language detector proper, built from its data so the training script
 * can tune it with candidate data and the shipped instance (index.ts) uses
 * the committed data. Pure: no I/O, no browser globals.
 *
 * How a text is decided:
 * 1. `extractWords` drops URLs, e-mails, mentions, hashtags, numbers, emoji
 *    and German loan terms; fewer than MIN_LETTERS letters left → `und`.
 * 2. The script decides the candidates: Greek letters → `el`; Cyrillic →
 *    `bg` or `hr` (Serbian Cyrillic is reported as Croatian; letters only one
 *    of them uses settle it); Latin → the eleven Latin-script languages, plus
 *    Latin-typed Bulgarian and Greek when the text has no letters outside
 *    ASCII. Czech-only (ě ř ů) or Slovak-only (ä ľ ĺ ŕ ô) letters drop the
 *    other of that pair.
 * 3. Each candidate gets the mean log-likelihood from the character model
 *    plus a weighted mean eld score; Latin-typed classes, which eld cannot
 *    see, get the best eld score minus a penalty instead.
 */
import type { DetectedLanguage, PostLanguage } from '../domain/languages';
import { POST_LANGUAGES } from '../domain/languages';
import type { CharModel } from './char-model';
import { scoreWithCharModel } from './char-model';
import type { EldTable } from './eld-scorer';
import { scoreWithEld } from './eld-scorer';
import { BG_LATN, CLASS_COUNT, EL_LATN, languageOfClass } from './model-classes';
import { countLetters, extractWords } from './tokenize';

export interface DetectionWeights {
  /** Weight of the mean eld score (divided by 100) against the character model. */
  eld: number;
  /**
   * The same for text without any non-ASCII letter: eld's n-grams of Czech or
   * Romanian assume diacritics, so without them the character model (trained
   * on folded text too) is the better judge.
   */
  eldAscii: number;
  /** Subtracted from Latin-typed Bulgarian/Greek, which are rare among Latin posts. */
  latinTypedPenalty: number;
  /** Weight of whole-word features against character n-grams in the character model. */
  wordWeight: number;
  /** Sharpness of the softmax that turns scores into confidences. */
  temperature: number;
  /** Weight of the character model's folded-only counts for text with diacritics (0..1). */
  foldedWeight: number;
  /** The character model's additive smoothing (see char-model.ts). */
  smoothing: number;
}

export interface LanguageDetection {
  language: DetectedLanguage;
  /** 0..1; low for very short texts and close calls. */
  confidence: number;
  runnerUp: { language: DetectedLanguage; confidence: number } | null;
  /** True when Bulgarian or Greek was typed in Latin letters. */
  latinTyped: boolean;
}

export interface DetectorData {
  charModel: CharModel;
  eldTable: EldTable;
  weights: DetectionWeights;
}

/** Below this many letters a text is `und`: "ok", "no", "da" are not decidable. */
export const MIN_LETTERS = 3;
const MAX_CHARACTERS = 1000;
/** Texts shorter than this many letters get proportionally lower confidence. */
const FULL_CONFIDENCE_LETTERS = 16;

const UNDETERMINED: LanguageDetection = {
  language: 'und',
  confidence: 0,
  runnerUp: null,
  latinTyped: false,
};

const LATIN_LANGUAGE_CLASSES = POST_LANGUAGES.map((language, index) => ({ language, index }))
  .filter(({ language }) => language !== 'bg' && language !== 'el')
  .map(({ index }) => index);
const HR = POST_LANGUAGES.indexOf('hr');
/** Serbian Cyrillic letters that Bulgarian does not use, and the reverse. */
const SERBIAN_ONLY = /[јљњћђџ]/;
const BULGARIAN_ONLY = /[ъщьяюй]/;
/** Czech letters Slovak does not use, and the reverse. */
const CZECH_ONLY = /[ěřů]/;
const SLOVAK_ONLY = /[äľĺŕô]/;
const BG = POST_LANGUAGES.indexOf('bg');
const CS = POST_LANGUAGES.indexOf('cs');
const SK = POST_LANGUAGES.indexOf('sk');

interface ScriptCounts {
  latin: number;
  cyrillic: number;
  greek: number;
  other: number;
  nonAsciiLatin: number;
}

function countScripts(words: readonly string[]): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, cyrillic: 0, greek: 0, other: 0, nonAsciiLatin: 0 };
  for (const word of words) {
    for (let i = 0; i < word.length; i += 1) {
      const code = word.charCodeAt(i);
      if (code < 0x80) counts.latin += 1;
      else if (code < 0x250 || (code >= 0x1e00 && code < 0x1f00)) {
        counts.latin += 1;
        counts.nonAsciiLatin += 1;
      } else if (code >= 0x300 && code < 0x370)
        continue; // combining marks
      else if (code >= 0x370 && code < 0x400) counts.greek += 1;
      else if (code >= 0x1f00 && code < 0x2000) counts.greek += 1;
      else if (code >= 0x400 && code < 0x530) counts.cyrillic += 1;
      else counts.other += 1;
    }
  }
  return counts;
}

export function createDetector(data: DetectorData): (text: string) => LanguageDetection {
  const { charModel, eldTable, weights } = data;
  const charScores = new Float64Array(CLASS_COUNT);
  const eldScores = new Float64Array(POST_LANGUAGES.length);

  return function detectLanguage(text: string): LanguageDetection {
    // The first 1000 characters decide: longer posts cost time, not accuracy.
    const { words } = extractWords(
      text.length > MAX_CHARACTERS ? text.slice(0, MAX_CHARACTERS) : text,
    );
    const letters = countLetters(words);
    if (letters < MIN_LETTERS) return UNDETERMINED;
    const scripts = countScripts(words);
    const known = scripts.latin + scripts.cyrillic + scripts.greek;
    if (known * 2 < letters) return UNDETERMINED;
    const lengthFactor = Math.min(1, letters / FULL_CONFIDENCE_LETTERS);

    if (scripts.greek >= scripts.latin && scripts.greek >= scripts.cyrillic) {
      return { language: 'el', confidence: lengthFactor, runnerUp: null, latinTyped: false };
    }

    let candidates: number[];
    if (scripts.cyrillic > scripts.latin) {
      // Letters only one of the two Cyrillic orthographies has settle it.
      const joined = words.join(' ');
      if (SERBIAN_ONLY.test(joined) && !BULGARIAN_ONLY.test(joined)) candidates = [HR];
      else if (BULGARIAN_ONLY.test(joined) && !SERBIAN_ONLY.test(joined)) candidates = [BG];
      else candidates = [BG, HR];
    } else {
      candidates = [...LATIN_LANGUAGE_CLASSES];
      if (scripts.nonAsciiLatin === 0) candidates.push(BG_LATN, EL_LATN);
      else {
        // Czech and Slovak share most words; letters of one orthography only settle it.
        const joined = words.join(' ');
        const czech = CZECH_ONLY.test(joined);
        const slovak = SLOVAK_ONLY.test(joined);
        if (czech && !slovak) candidates = candidates.filter((c) => c !== SK);
        else if (slovak && !czech) candidates = candidates.filter((c) => c !== CS);
      }
    }

    charScores.fill(0);
    eldScores.fill(0);
    const asciiLatin = scripts.nonAsciiLatin === 0 && scripts.latin > scripts.cyrillic;
    scoreWithCharModel(charModel, words, charScores, weights.wordWeight, !asciiLatin);
    scoreWithEld(eldTable, words, eldScores);

    const eldWeight = asciiLatin ? weights.eldAscii : weights.eld;
    if (asciiLatin) {
      // eld learnt Czech with its háčeks and čárkas, so Czech typed without them
      // looks Slovak to it; let the character model alone split the pair.
      const either = Math.max(eldScores[CS] ?? 0, eldScores[SK] ?? 0);
      eldScores[CS] = either;
      eldScores[SK] = either;
    }

    // eld has no n-grams for Latin-typed Bulgarian/Greek: give those classes
    // the best eld score so that eld stays neutral about them.
    let bestEld = 0;
    for (const c of candidates) bestEld = Math.max(bestEld, eldScores[c] ?? 0);

    const scored = candidates.map((c) => {
      const isLatinTyped = c === BG_LATN || c === EL_LATN;
      const eld = isLatinTyped ? bestEld : (eldScores[c] ?? 0);
      const score =
        (charScores[c] ?? 0) +
        (eldWeight * eld) / 100 -
        (isLatinTyped ? weights.latinTypedPenalty : 0);
      return { c, score };
    });
    scored.sort((a, b) => b.score - a.score);
    const winner = scored[0];
    if (!winner) return UNDETERMINED;

    // Softmax over candidates, summed per reported language.
    const top = winner.score;
    const byLanguage = new Map<PostLanguage, number>();
    let sum = 0;
    for (const { c, score } of scored) {
      const weight = Math.exp((score - top) * weights.temperature);
      sum += weight;
      const language = languageOfClass(c);
      byLanguage.set(language, (byLanguage.get(language) ?? 0) + weight);
    }
    const best = winner.c;
    const bestLanguage = languageOfClass(best);
    const runner = scored.find(({ c }) => languageOfClass(c) !== bestLanguage);
    const runnerLanguage = runner ? languageOfClass(runner.c) : undefined;
    return {
      language: bestLanguage,
      confidence: round(((byLanguage.get(bestLanguage) ?? 0) / sum) * lengthFactor),
      runnerUp:
        runnerLanguage === undefined
          ? null
          : {
              language: runnerLanguage,
              confidence: round(((byLanguage.get(runnerLanguage) ?? 0) / sum) * lengthFactor),
            },
      latinTyped: best === BG_LATN || best === EL_LATN,
    };
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
