/**
 * The matching benchmark's baseline: plain BM25 (MiniSearch with its default
 * tokenizer) over the same pack, with its relevance threshold set by the same
 * procedure as the matcher's. Loaded by bench/peers.ts (loadBm25Tools), so
 * MiniSearch is installed here and not in the product's package.json.
 */
import MiniSearch from 'minisearch';
import { POST_LANGUAGES, type PostLanguage } from '../../../lib/domain/languages';
import { detectLanguage } from '../../../lib/language/index';
import type { Pack } from '../../../lib/packs/schema';
import { OFF_TOPIC_CALIBRATION } from '../../../bench/matching/off-topic-calibration';
import type { Ranker } from '../../../bench/matching/scoring';
import type { Bm25Tools } from '../../../bench/peers';

/**
 * One language's BM25 index: MiniSearch defaults, one document per answer.
 * `skip` leaves one example out of its answer's document.
 */
function baselineIndex(
  pack: Pack,
  language: PostLanguage,
  skip?: { answerId: string; example: number },
): MiniSearch {
  const index = new MiniSearch({
    fields: ['examples', 'keywords', 'title', 'body'],
    storeFields: ['topic'],
  });
  index.addAll(
    pack.answers.flatMap((answer) => {
      const text = answer.texts[language];
      if (!text) return [];
      const examples =
        answer.id === skip?.answerId
          ? text.examples.filter((_, i) => i !== skip.example)
          : text.examples;
      return [
        {
          id: answer.id,
          topic: answer.topic,
          examples: examples.join('\n'),
          keywords: text.keywords.join(' '),
          title: text.title,
          body: text.body,
        },
      ];
    }),
  );
  return index;
}

/** Plain BM25: MiniSearch defaults, one document per answer in each language. */
export function buildBaseline(pack: Pack): Ranker {
  const indexes = new Map(
    POST_LANGUAGES.map((language) => [language, baselineIndex(pack, language)]),
  );
  const search = (text: string) => {
    const detected = detectLanguage(text).language;
    const index = indexes.get(detected === 'und' ? 'de' : detected);
    return index ? index.search(text) : [];
  };
  // Same threshold procedure as the matcher: at most 8% of the off-topic list passes.
  const offTopicScores = OFF_TOPIC_CALIBRATION.map(({ text }) => search(text)[0]?.score ?? 0).sort(
    (a, b) => b - a,
  );
  const threshold = (offTopicScores[Math.floor(0.08 * offTopicScores.length)] ?? 0) + 1e-9;
  return (text) => {
    const results = search(text);
    if ((results[0]?.score ?? 0) < threshold) return [];
    return results.slice(0, 3).map((r) => String(r.topic));
  };
}

/**
 * The baseline's ranking of the pack's own examples, each with itself taken
 * out of its answer's document, for comparison with the matcher's
 * leave-one-out figures. The language's index is rebuilt for every example:
 * MiniSearch's `replace` keeps the discarded document's terms until a vacuum,
 * which leaks the example into its own score. Language as detection sees it.
 */
export function baselineLeaveOneOut(pack: Pack): { total: number; top1: number; top3: number } {
  const result = { total: 0, top1: 0, top3: 0 };
  const complete = new Map(
    POST_LANGUAGES.map((language) => [language, baselineIndex(pack, language)]),
  );
  for (const language of POST_LANGUAGES) {
    for (const answer of pack.answers) {
      (answer.texts[language]?.examples ?? []).forEach((example, i) => {
        const detected = detectLanguage(example).language;
        const searched = detected === 'und' ? 'de' : detected;
        const index =
          searched === language
            ? baselineIndex(pack, language, { answerId: answer.id, example: i })
            : complete.get(searched);
        const topics = (index?.search(example) ?? []).slice(0, 3).map((r) => String(r.topic));
        result.total += 1;
        if (topics[0] === answer.topic) result.top1 += 1;
        if (topics.includes(answer.topic)) result.top3 += 1;
      });
    }
  }
  return result;
}

const tools: Bm25Tools = { buildBaseline, baselineLeaveOneOut };
export default tools;
