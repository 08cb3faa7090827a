/**
 * Known false claims in comments (docs/PRODUCT.md#misinformation-in-comments,
 * packs/FORMAT.md "Claims").
 *
 * A myth-correction answer names the claims it corrects; per language a
 * claim has patterns an editor writes by hand, e.g.
 *
 *     akkord*|stücklohn*|pro stück + kein*|nicht + mindestlohn*
 *
 * Groups joined by ` + ` must all occur in one sentence of the comment, in
 * any order; `|` separates alternatives inside a group; an alternative is
 * one word or several consecutive words; a word ending in `*` matches every
 * word that starts with it. Hand-written patterns rather than the answer
 * matcher: a comment that repeats a claim is short and says something
 * specific, and a flag on someone else's comment must be explainable to the
 * editor who wrote the pattern ("it matched these three words").
 *
 * Both the patterns and the comment go through the same folding: lower
 * case, no diacritics, Cyrillic and Greek written in Latin letters, and a
 * few spellings people use interchangeably when they type Bulgarian or Greek
 * on a Latin keyboard (`4`/`ch`, `6`/`sh`, `8`/`th`, `y`/`i`, `w`/`v`,
 * doubled letters). So `шефът` in a pattern matches `6efa`/`shefat` typed in
 * a comment, and `εργοδότης` matches `ergodotis`. Folding both sides the same
 * way keeps it symmetric: an over-eager fold can only merge two spellings,
 * never lose a match that the unfolded text had.
 *
 * Pure: the pack validator, `cli` and the background share it.
 */

// prettier-ignore
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu',
  я: 'ya', ы: 'y', э: 'e', ё: 'yo', ѝ: 'i',
};

// prettier-ignore
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k',
  λ: 'l', μ: 'm', ν: 'n', ξ: 'ks', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't',
  υ: 'y', φ: 'f', χ: 'x', ψ: 'ps', ω: 'o',
};

/** Letters no NFD decomposition reaches. */
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * Spellings treated as one, applied in this order to every word. Latin-typed
 * Bulgarian writes ч as `4`/`ch`, ш as `6`/`sh`, я as `q`/`ya`, в as `w`;
 * Greeklish writes θ as `8`/`th`, ξ as `ks`/`x`, χ as `x`/`ch`, ου as `ou`/`u`
 * (GREEK_DIGRAPHS), and η, ι, υ, ει, οι all as `i`/`y`.
 */
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/4/g, 'ch'],
  [/6/g, 'sh'],
  [/8/g, 'th'],
  [/q/g, 'ya'],
  [/ch/g, 'x'],
  [/ks/g, 'x'],
  [/ph/g, 'f'],
  [/ts/g, 'c'],
  [/zh/g, 'j'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  [/ou/g, 'u'],
  [/[eo]i/g, 'i'],
  [/(.)\1+/g, '$1'],
];

const WORD = /[\p{L}\p{N}]+/gu;
/** Sentence ends; a claim's groups must meet between two of them. */
const SENTENCE_END = /[.!?;\n]+/;

/**
 * Greek digraphs written as people type them in Latin letters ("mporoun",
 * "avrio", "evkolo"); letter by letter, ου would become "oi" and fold to "i".
 */
const GREEK_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ου/g, 'ou'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
];

function transliterate(text: string): string {
  let greek = text;
  for (const [pattern, replacement] of GREEK_DIGRAPHS) greek = greek.replace(pattern, replacement);
  let out = '';
  for (const char of greek) out += CYRILLIC[char] ?? GREEK[char] ?? LATIN_EXTRA[char] ?? char;
  return out;
}

/** One word as matching sees it. Digits stay digits unless they sit in a word with letters. */
export function foldWord(word: string): string {
  let folded = transliterate(
    word
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, ''),
  );
  if (/^\d+$/.test(folded)) return folded;
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/** The comment as sentences of folded words. */
export function claimSentences(text: string): string[][] {
  return text
    .split(SENTENCE_END)
    .map((sentence) => (sentence.match(WORD) ?? []).map(foldWord))
    .filter((words) => words.length > 0);
}

interface PatternWord {
  text: string;
  prefix: boolean;
}
/** Alternatives of one group; each alternative is a run of words. */
type PatternGroup = PatternWord[][];
export interface CompiledPattern {
  source: string;
  groups: PatternGroup[];
}

/** Most groups and alternatives a pattern may have (packs/FORMAT.md). */
export const PATTERN_LIMITS = { groups: 6, alternatives: 30, wordsPerAlternative: 5 } as const;

/**
 * Parses one pattern. Errors are written for the editor who typed it and
 * name the part that is wrong.
 */
export function compileClaimPattern(
  source: string,
): { ok: true; pattern: CompiledPattern } | { ok: false; error: string } {
  const groupSources = source.split('+').map((group) => group.trim());
  if (groupSources.length > PATTERN_LIMITS.groups) {
    return { ok: false, error: `at most ${PATTERN_LIMITS.groups} groups joined by "+"` };
  }
  const groups: PatternGroup[] = [];
  for (const [index, groupSource] of groupSources.entries()) {
    if (groupSource === '') {
      return {
        ok: false,
        error: `group ${index + 1} is empty (a "+" at the start, end or twice?)`,
      };
    }
    const alternatives: PatternWord[][] = [];
    const sources = groupSource.split('|').map((alternative) => alternative.trim());
    if (sources.length > PATTERN_LIMITS.alternatives) {
      return {
        ok: false,
        error: `group ${index + 1} has more than ${PATTERN_LIMITS.alternatives} alternatives`,
      };
    }
    for (const alternative of sources) {
      if (alternative === '') {
        return {
          ok: false,
          error: `group ${index + 1} has an empty alternative (a "|" too many?)`,
        };
      }
      const words: PatternWord[] = [];
      for (const raw of alternative.split(/\s+/)) {
        const prefix = raw.endsWith('*');
        const bare = prefix ? raw.slice(0, -1) : raw;
        const letters = bare.match(WORD);
        if (!letters || letters.join('') !== bare) {
          return {
            ok: false,
            error: `"${raw}" in group ${index + 1}: a word is letters or digits, optionally ending in "*"`,
          };
        }
        const text = foldWord(bare);
        if (prefix && text.length < 3) {
          return {
            ok: false,
            error: `"${raw}" in group ${index + 1}: a word with "*" needs at least 3 letters`,
          };
        }
        words.push({ text, prefix });
      }
      if (words.length > PATTERN_LIMITS.wordsPerAlternative) {
        return {
          ok: false,
          error: `"${alternative}" in group ${index + 1}: at most ${PATTERN_LIMITS.wordsPerAlternative} words per alternative`,
        };
      }
      alternatives.push(words);
    }
    groups.push(alternatives);
  }
  return { ok: true, pattern: { source, groups } };
}

function wordMatches(word: PatternWord, token: string): boolean {
  return word.prefix ? token.startsWith(word.text) : token === word.text;
}

function hasRun(sentence: readonly string[], run: readonly PatternWord[]): boolean {
  for (let start = 0; start + run.length <= sentence.length; start += 1) {
    if (run.every((word, offset) => wordMatches(word, sentence[start + offset] ?? ''))) return true;
  }
  return false;
}

/** True when every group of the pattern occurs in one of the sentences. */
export function patternMatches(pattern: CompiledPattern, sentences: readonly string[][]): boolean {
  return sentences.some((sentence) =>
    pattern.groups.every((alternatives) => alternatives.some((run) => hasRun(sentence, run))),
  );
}

/** A claim ready for matching: every language's patterns, compiled. */
export interface ClaimEntry<Ref> {
  claimId: string;
  /** What the caller needs back (pack and answer). */
  ref: Ref;
  patterns: ReadonlyArray<{ language: string; pattern: CompiledPattern }>;
}

export interface ClaimHit<Ref> {
  claimId: string;
  ref: Ref;
  /** The language whose pattern matched. */
  language: string;
  /** The pattern that matched, as the editor wrote it. */
  pattern: string;
}

/**
 * Every claim the text repeats (first matching pattern per claim). The post's
 * language goes first when given, so a claim with patterns in several
 * languages reports the one the comment is most likely written in.
 */
export function findClaims<Ref>(
  text: string,
  claims: ReadonlyArray<ClaimEntry<Ref>>,
  preferredLanguage?: string,
): ClaimHit<Ref>[] {
  const sentences = claimSentences(text);
  if (sentences.length === 0) return [];
  const hits: ClaimHit<Ref>[] = [];
  for (const claim of claims) {
    const ordered =
      preferredLanguage === undefined
        ? claim.patterns
        : [
            ...claim.patterns.filter((entry) => entry.language === preferredLanguage),
            ...claim.patterns.filter((entry) => entry.language !== preferredLanguage),
          ];
    const found = ordered.find((entry) => patternMatches(entry.pattern, sentences));
    if (found) {
      hits.push({
        claimId: claim.claimId,
        ref: claim.ref,
        language: found.language,
        pattern: found.pattern.source,
      });
    }
  }
  return hits;
}
