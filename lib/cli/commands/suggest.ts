/**
 * `suggest`: the CLI contract of docs/PRODUCT.md#cli. Reads JSON lines `{"id","text"}`
 * and writes `{"id","language","suggestions":[{"answerId","topic","level","score"}]}`
 * per input, in input order, best suggestion first; `suggestions` is empty
 * when nothing in the pack is relevant. `--explain` adds the evidence per
 * answer (matched words, relevance, specificity, ties, the topic model's and
 * the trained classifier's probabilities) and the topic ranking, for pack
 * editors.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageDetector } from '../../language/index';
import { readTopicClassifier } from '../classifier-file';
import { createMatcher } from '../../matching/index';
import type { Pack } from '../../packs/schema';
import { postLineSchema, readJsonLines, writeJsonLine } from '../io';
import type { CliCommand, CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';
import { parseFlags, readPackFile, writeProblems } from './pack-common';

/** The bundled default pack, found from this file so any working directory works. */
export const DEFAULT_PACK_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'packs',
  'default-pack.json',
);

/** Reads and validates a pack for matching; a broken pack is a user error listing its problems. */
export async function loadPackForMatching(io: CliIo, file: string | undefined): Promise<Pack> {
  const result = await readPackFile(io, file ?? DEFAULT_PACK_FILE);
  if (!result.ok) {
    writeProblems(io.stderr, result.problems, { warnings: false });
    throw new CliUserError(`${file ?? 'default pack'}: not a valid pack (see the problems above)`);
  }
  return result.pack;
}

export function parseTopFlag(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 50)
    throw new CliUsageError(
      `--top expects a whole number from 1 to 50, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

export const suggestCommand: CliCommand = {
  path: ['suggest'],
  summary: 'Suggest checked replies for posts given as JSON lines on stdin',
  usage: `Usage: npm run --silent cli -- suggest [--pack FILE] [--top N] [--details] [--explain] < posts.jsonl

Reads one JSON object per line, {"id": ..., "text": "..."}, and writes one
line per input, best suggestion first:
  {"id": ..., "language": "pl", "suggestions": [{"answerId": "...", "topic": "dismissal", "level": "likely", "score": 0.93}]}
level is "likely" (counts as a match) or "possible" (offered without a
claim); score is a ranking number (0..1), not a probability. suggestions is
empty when nothing in the pack is relevant (selling, rides, greetings ...).

Options:
  --pack FILE   answer pack to match against (default: the bundled default pack)
  --top N       at most N suggestions per post (default 3)
  --details     also write "topic", "isQuestion", and per suggestion
                "matchedTerms", "textLanguage" and "fallback"
  --explain     the details plus "possibleTopics", "topicEvidence" (topics by
                evidence with the pack topic model's and the trained
                classifier's probabilities), "offTopicProbability" (the
                classifier's) and per suggestion "evidence": relevance,
                retrieval score, whether a matched word is specific to few
                topics, whether it ties with another topic's answer, the topic
                model's and the classifier's probability, coverage

Exit codes: 0 success, 1 the pack is invalid or a line is not valid JSON or
lacks id/text (the message names the line), 2 the command was called wrongly.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        pack: { type: 'string' },
        top: { type: 'string' },
        details: { type: 'boolean' },
        explain: { type: 'boolean' },
      },
    });
    if (positionals.length > 0)
      throw new CliUsageError(
        `Unexpected argument ${JSON.stringify(positionals[0])}: posts are read from stdin, one JSON line each.`,
      );
    const top = parseTopFlag(values.top, 3);
    const pack = await loadPackForMatching(io, values.pack);
    loadLanguageDetector();
    // The shipped classifier, as the extension uses it (lib/matching/topic-classifier.ts).
    const matcher = createMatcher([pack], { classifier: readTopicClassifier() });
    for await (const post of readJsonLines(io.stdin, postLineSchema)) {
      const explain = values.explain === true;
      const result = matcher.match({ text: post.text }, { top, explain });
      if (explain) {
        writeJsonLine(io.stdout, {
          id: post.id,
          language: result.language,
          topic: result.topic,
          isQuestion: result.isQuestion,
          possibleTopics: result.possibleTopics,
          topicEvidence: result.topicEvidence ?? [],
          offTopicProbability: result.offTopicProbability ?? null,
          suggestions: result.suggestions.map((s) => ({
            answerId: s.answerId,
            topic: s.topic,
            level: s.level,
            score: s.score,
            matchedTerms: s.matchedTerms,
            evidence: s.evidence,
            textLanguage: s.textLanguage,
            fallback: s.fallback,
          })),
        });
      } else if (values.details === true) {
        writeJsonLine(io.stdout, {
          id: post.id,
          language: result.language,
          topic: result.topic,
          isQuestion: result.isQuestion,
          suggestions: result.suggestions.map((s) => ({
            answerId: s.answerId,
            topic: s.topic,
            level: s.level,
            score: s.score,
            matchedTerms: s.matchedTerms,
            textLanguage: s.textLanguage,
            fallback: s.fallback,
          })),
        });
      } else {
        writeJsonLine(io.stdout, {
          id: post.id,
          language: result.language,
          suggestions: result.suggestions.map((s) => ({
            answerId: s.answerId,
            topic: s.topic,
            level: s.level,
            score: s.score,
          })),
        });
      }
    }
    return 0;
  },
};
