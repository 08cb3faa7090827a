/**
 * `detect`: the CLI contract of docs/PRODUCT.md#cli. Reads JSON lines `{"id","text"}` on
 * stdin and writes one line `{"id","language","confidence"}` per input, in
 * input order; `language` is one of the 13 post languages or `und`.
 */
import { detectLanguage, loadLanguageDetector } from '../../language/index';
import { postLineSchema, readJsonLines, writeJsonLine } from '../io';
import type { CliCommand } from '../types';
import { CliUsageError } from '../types';
import { parseFlags } from './pack-common';

export const detectCommand: CliCommand = {
  path: ['detect'],
  summary: 'Detect the language of posts given as JSON lines on stdin',
  usage: `Usage: npm run --silent cli -- detect [--details] < posts.jsonl

Reads one JSON object per line, {"id": ..., "text": "..."}, and writes one
line per input: {"id": ..., "language": "pl", "confidence": 0.97}.
language is one of de en pl ro bg el hr hu es fr it cs sk, or "und" when the
text has too few letters to decide (emoji, links, "ok"). Serbian and Bosnian
are reported as hr.

Options:
  --details   also write "runnerUp" and "latinTyped" (Bulgarian or Greek
              typed in Latin letters)

Exit codes: 0 success, 1 a line is not valid JSON or lacks id/text (the
message names the line), 2 the command was called wrongly.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { details: { type: 'boolean' } },
    });
    if (positionals.length > 0)
      throw new CliUsageError(
        `Unexpected argument ${JSON.stringify(positionals[0])}: posts are read from stdin, one JSON line each.`,
      );
    const details = values.details === true;
    loadLanguageDetector();
    for await (const post of readJsonLines(io.stdin, postLineSchema)) {
      const result = detectLanguage(post.text);
      writeJsonLine(
        io.stdout,
        details
          ? {
              id: post.id,
              language: result.language,
              confidence: result.confidence,
              runnerUp: result.runnerUp,
              latinTyped: result.latinTyped,
            }
          : { id: post.id, language: result.language, confidence: result.confidence },
      );
    }
    return 0;
  },
};
