/**
 * Search over the whole active pack, for when matching misses or is unsure
 * (issue 12): the advisor types a few words and gets answers ranked by
 * title, keywords, example questions and body, in every language of the pack.
 *
 * Lifecycle: `createAnswerSearch(packs)` only remembers the packs; the index
 * of a language is built on the first query that needs it (the background
 * keeps the search with the matcher, which is rebuilt when the packs
 * change), so a worker that never searches pays nothing at start-up. A query
 * searches the texts in the post's language, the advisor's UI language and
 * German and English (the languages advisors type in, and the legal terms):
 * indexing every body in all 13 languages took 5 s with the 300-answer
 * benchmark pack, one language about a tenth of that.
 *
 * Why not MiniSearch: it is not a dependency of the extension (only of the
 * benchmark's baseline in tools/language-training), and the matcher left it
 * for term-index.ts, which already does what search needs — BM25F fields,
 * typo tolerance (edit distance 1 for words of 5+ letters) and prefix
 * expansion — without adding to the service worker's bundle.
 *
 * Text goes through the matcher's folding (text.ts: lower case, diacritics
 * removed), so "kundigung", "Kündigung" and "KUNDIGUNG" meet. Each answer's
 * text in a language is indexed with the folded words and their stems in
 * that language; Bulgarian and Greek also with their Latin renderings, since
 * posts and advisors type them in Latin letters. A query word is looked up as
 * typed and as stemmed in the post's and the advisor's language; its last
 * word also as a prefix (search as you type). Answers in the post's language
 * and in the advisor's UI language rank higher.
 *
 * Pure and synchronous, no browser globals.
 */
import type { DetectedLanguage, PostLanguage, UiLanguage } from '../domain/languages';
import type { Answer, AnswerText, Pack } from '../packs/schema';
import type { Suggestion } from './matcher';
import { buildTermIndex, type TermIndex } from './term-index';
import { foldForMatching, latinRendering, pipelineFor, splitWords } from './text';

export interface SearchOptions {
  /** Answers with a text in this language rank higher; the reply is offered in it. */
  postLanguage?: DetectedLanguage;
  /** The advisor's language: ranks higher too, and is the fallback for the reply. */
  uiLanguage?: UiLanguage;
  /** Most hits (default 10). */
  limit?: number;
  /** For the expiry flag (default: now). */
  now?: Date;
}

export interface AnswerSearch {
  /** Best first; every hit is `possible` with `score` scaled to the best hit (1). */
  search(query: string, options?: SearchOptions): Suggestion[];
}

/** Field boosts: a word in the title says more than one in the body. */
const FIELDS = [
  { boost: 3, b: 0.3 }, // title
  { boost: 2.5, b: 0.3 }, // keywords
  { boost: 1.2, b: 0.5 }, // example questions
  { boost: 1, b: 0.75 }, // body
];
const POST_LANGUAGE_BOOST = 1.5;
const UI_LANGUAGE_BOOST = 1.25;
/** A last word this short is completed by prefix (term-index.ts expands only 5+ letters). */
const PREFIX_MIN_LENGTH = 2;
const PREFIX_MAX_TERMS = 12;
const PREFIX_FACTOR = 0.6;
const DEFAULT_LIMIT = 10;

interface Entry {
  pack: Pack;
  answer: Answer;
}

/** The texts of one language. */
interface SearchIndex {
  language: PostLanguage;
  index: TermIndex;
  /** Document → entry. */
  entries: number[];
  /** All indexed terms, sorted, for prefix completion of the last word. */
  vocabulary: string[];
}

/** Folded words and, where the stem differs, their stems in `language`. */
function termsIn(language: PostLanguage, text: string): string[] {
  const words = splitWords(foldForMatching(text));
  const stems = pipelineFor(language).terms(text);
  const terms = [...words];
  for (const stem of stems) if (!words.includes(stem)) terms.push(stem);
  return terms;
}

function fieldsOf(language: PostLanguage, text: AnswerText): string[][] {
  const raw = [text.title, text.keywords.join(' '), text.examples.join(' '), text.body];
  const fields = raw.map((part) => termsIn(language, part));
  if (language === 'bg' || language === 'el') {
    const variant = language === 'bg' ? 'bg-latn' : 'el-latn';
    raw.forEach((part, f) => {
      fields[f]?.push(...splitWords(foldForMatching(latinRendering(variant, part))));
    });
  }
  return fields;
}

function buildSearchIndex(entries: readonly Entry[], language: PostLanguage): SearchIndex {
  const owners: number[] = [];
  const fields: string[][][] = [];
  entries.forEach(({ answer }, entry) => {
    const text = answer.texts[language];
    if (!text) return;
    owners.push(entry);
    fields.push(fieldsOf(language, text));
  });
  const vocabulary = [...new Set(fields.flat(2))].sort();
  return { language, index: buildTermIndex(fields, FIELDS), entries: owners, vocabulary };
}

/** Terms of the vocabulary that start with `prefix` (binary search in the sorted list). */
function completions(vocabulary: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((vocabulary[mid] ?? '') < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < vocabulary.length && found.length < PREFIX_MAX_TERMS; i += 1) {
    const term = vocabulary[i] ?? '';
    if (!term.startsWith(prefix)) break;
    if (term !== prefix) found.push(term);
  }
  return found;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function isExpired(answer: Answer, now: Date): boolean {
  const until = answer.review.validUntil;
  return until !== null && now.toISOString().slice(0, 10) > until;
}

export function createAnswerSearch(packs: readonly Pack[]): AnswerSearch {
  const entries: Entry[] = [];
  for (const pack of packs) {
    for (const answer of pack.answers) {
      // A withdrawn answer must never be offered again, not even by search.
      if (answer.review.status === 'withdrawn') continue;
      if (Object.keys(answer.texts).length === 0) continue;
      entries.push({ pack, answer });
    }
  }
  const indexes = new Map<PostLanguage, SearchIndex>();
  const indexFor = (language: PostLanguage): SearchIndex => {
    let index = indexes.get(language);
    if (!index) {
      index = buildSearchIndex(entries, language);
      indexes.set(language, index);
    }
    return index;
  };

  /** Adds one language's scores per entry: summed over the words, each word at its best spelling. */
  function searchLanguage(
    { index, entries: owners, vocabulary }: SearchIndex,
    words: readonly string[],
    stemmers: readonly PostLanguage[],
  ): { scores: Float64Array; matched: Uint32Array } {
    const count = owners.length;
    const scores = new Float64Array(count);
    // Bit w set: query word w hit the document.
    const matched = new Uint32Array(count);
    const wordScores = new Float64Array(count);
    const termScores = new Float64Array(count);
    const hit = new Set<number>();
    words.forEach((word, position) => {
      const variants = new Set([word]);
      for (const language of stemmers) {
        const [stem] = pipelineFor(language).terms(word);
        if (stem) variants.add(stem);
      }
      wordScores.fill(0);
      const addTerm = (term: string, factor: number) => {
        termScores.fill(0);
        hit.clear();
        if (index.accumulate(term, termScores, (d) => hit.add(d)) === 0) return;
        for (const d of hit) {
          const value = (termScores[d] ?? 0) * factor;
          if (value > (wordScores[d] ?? 0)) wordScores[d] = value;
        }
      };
      for (const term of variants) addTerm(term, 1);
      // Search as you type: the last word may be unfinished.
      if (position === words.length - 1 && word.length >= PREFIX_MIN_LENGTH) {
        for (const term of completions(vocabulary, word)) addTerm(term, PREFIX_FACTOR);
      }
      for (let d = 0; d < count; d += 1) {
        const value = wordScores[d] ?? 0;
        if (value <= 0) continue;
        scores[d] = (scores[d] ?? 0) + value;
        matched[d] = (matched[d] ?? 0) | (1 << position);
      }
    });
    return { scores, matched };
  }

  return {
    search(query, options = {}) {
      // At most 31 words (a bit mask per document), which a 200-character query never needs.
      const words = [...new Set(splitWords(foldForMatching(query)))].slice(0, 31);
      if (words.length === 0 || entries.length === 0) return [];
      const postLanguage =
        options.postLanguage && options.postLanguage !== 'und' ? options.postLanguage : undefined;
      const stemmers = [...new Set([postLanguage, options.uiLanguage])].filter(
        (language): language is PostLanguage => language !== undefined,
      );
      const searched = [...new Set([...stemmers, 'de' as const, 'en' as const])];
      // Per answer, its best language; more of the query's words first.
      const best = new Map<number, { score: number; language: PostLanguage; matched: number }>();
      for (const language of searched) {
        const index = indexFor(language);
        const { scores, matched } = searchLanguage(index, words, [
          ...new Set([language, ...stemmers]),
        ]);
        const boost =
          language === postLanguage
            ? POST_LANGUAGE_BOOST
            : language === options.uiLanguage
              ? UI_LANGUAGE_BOOST
              : 1;
        index.entries.forEach((entry, d) => {
          const raw = scores[d] ?? 0;
          if (raw <= 0) return;
          const mask = matched[d] ?? 0;
          const score = raw * boost * (bitCount(mask) / words.length);
          const previous = best.get(entry);
          if (!previous || score > previous.score)
            best.set(entry, { score, language, matched: mask });
        });
      }
      const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
      const top = ranked[0]?.[1].score ?? 0;
      const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
      const now = options.now ?? new Date();
      return ranked
        .slice(0, limit)
        .map(([entryIndex, { score, language, matched }]): Suggestion => {
          const { pack, answer } = entries[entryIndex] as Entry;
          const textLanguage: PostLanguage =
            postLanguage && answer.texts[postLanguage]
              ? postLanguage
              : options.uiLanguage && answer.texts[options.uiLanguage]
                ? options.uiLanguage
                : answer.texts[pack.canonicalLanguage]
                  ? pack.canonicalLanguage
                  : language;
          return {
            answerId: answer.id,
            packId: pack.id,
            packVersion: pack.version,
            topic: answer.topic,
            kind: answer.kind,
            score: top > 0 ? Math.round((score / top) * 1000) / 1000 : 0,
            level: 'possible',
            matchedTerms: words.filter((_, w) => (matched & (1 << w)) !== 0),
            textLanguage,
            fallback: postLanguage !== undefined && textLanguage !== postLanguage,
            expired: isExpired(answer, now),
          };
        });
    },
  };
}
