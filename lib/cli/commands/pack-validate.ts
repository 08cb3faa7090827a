/**
 * `pack validate FILE`: the CLI contract of docs/PRODUCT.md#cli. Exit 0 when the pack has
 * no errors (warnings allowed), else exit 1 with one line per problem on
 * stderr, each starting with its location.
 */
import type { CliCommand } from '../types';
import { CliUsageError } from '../types';
import {
  countBySeverity,
  parseTodayFlag,
  plural,
  readPackFile,
  writeProblems,
  parseFlags,
} from './pack-common';

export const packValidateCommand: CliCommand = {
  path: ['pack', 'validate'],
  summary: 'Check an answer pack and list every problem with its location',
  usage: `Usage: npm run --silent cli -- pack validate FILE [--no-warnings] [--today YYYY-MM-DD]

Checks the structure (format version, fields, types, topics, https links) and
the rules between fields (missing languages, placeholders, stale translations,
review dates, expiry, HTML in texts, example questions).

Prints one line per problem on stderr, starting with its location, e.g.
  answers[3].texts.pl.body: uses {city}, which is not declared in placeholders
Warnings start with "warning: " and do not fail the check.

Options:
  --no-warnings        print errors only
  --today YYYY-MM-DD   judge expiry and future dates as on this day (default: today)

Exit codes: 0 valid (possibly with warnings), 1 the pack has errors,
2 the command was called wrongly.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { 'no-warnings': { type: 'boolean' }, today: { type: 'string' } },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one pack file.');
    const file = positionals[0];
    const result = await readPackFile(io, file, parseTodayFlag(values.today));
    writeProblems(io.stderr, result.problems, { warnings: values['no-warnings'] !== true });
    const { errors, warnings } = countBySeverity(result.problems);
    // No summary line on failure: stderr carries exactly one line per problem.
    if (!result.ok || errors > 0) return 1;
    io.stdout.write(
      `${file}: valid, ${plural(result.pack.answers.length, 'answer')} in ${plural(result.pack.languages.length, 'language')}, ${plural(warnings, 'warning')}\n`,
    );
    return 0;
  },
};
