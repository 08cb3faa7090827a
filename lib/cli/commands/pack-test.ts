/**
 * `pack test PACK`: a regression test for content editors. Every example
 * question of the pack goes through language detection and matching with
 * itself left out of the index (see lib/matching/evaluate.ts), and the
 * report says, per language, how often the answer's own topic comes first
 * and within the first three, and which answers take each other's examples.
 */
import { loadLanguageDetector } from '../../language/index';
import {
  evaluateExamples,
  summariseExamples,
  type LanguageAccuracy,
} from '../../matching/evaluate';
import { buildMatcher } from '../../matching/matcher';
import type { CliCommand } from '../types';
import { CliUsageError } from '../types';
import { parseFlags } from './pack-common';
import { loadPackForMatching } from './suggest';

function parseShare(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new CliUsageError(
      `--${name} expects a share from 0 to 1 (e.g. 0.8), got ${JSON.stringify(value)}`,
    );
  return number;
}

const percent = (part: number, total: number) =>
  total === 0 ? '-' : `${((100 * part) / total).toFixed(1)}%`;

export const packTestCommand: CliCommand = {
  path: ['pack', 'test'],
  summary: "Check that the pack's example questions find their own topic",
  usage: `Usage: npm run --silent cli -- pack test PACK [--min-top1 X] [--min-top3 Y] [--format text|json]

Runs every example question of PACK through language detection and matching,
each with itself left out of the index, and reports per language:
  top-1  share of examples whose answer's topic comes first
  top-3  share whose answer's topic is among the first three suggestions
and a confusion table: which answers come first for another answer's examples.

Options:
  --min-top1 X        fail when overall or any language's top-1 share is below X (default 0)
  --min-top3 Y        the same for top-3 (default 0)
  --format text|json  report format (default text)

Exit codes: 0 at or above the thresholds, 1 below them or the pack is invalid,
2 the command was called wrongly.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        'min-top1': { type: 'string' },
        'min-top3': { type: 'string' },
        format: { type: 'string' },
      },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one pack file.');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new CliUsageError(`--format is text or json, got ${JSON.stringify(format)}`);
    const minTop1 = parseShare('min-top1', values['min-top1'], 0);
    const minTop3 = parseShare('min-top3', values['min-top3'], 0);
    const pack = await loadPackForMatching(io, positionals[0]);
    loadLanguageDetector();
    const report = summariseExamples(evaluateExamples(buildMatcher([pack])));

    const failures: string[] = [];
    const check = (label: string, accuracy: LanguageAccuracy) => {
      if (accuracy.total === 0) return;
      if (accuracy.top1 / accuracy.total < minTop1)
        failures.push(
          `${label}: top-1 ${percent(accuracy.top1, accuracy.total)} is below ${minTop1 * 100}%`,
        );
      if (accuracy.top3 / accuracy.total < minTop3)
        failures.push(
          `${label}: top-3 ${percent(accuracy.top3, accuracy.total)} is below ${minTop3 * 100}%`,
        );
    };
    for (const [language, accuracy] of Object.entries(report.perLanguage))
      check(language, accuracy);
    check('overall', report.overall);

    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify({ pack: pack.id, version: pack.version, ...report, thresholds: { minTop1, minTop3 }, failures }, null, 2)}\n`,
      );
    } else {
      const lines = [
        `${pack.id} ${pack.version}: ${report.overall.total} example questions, each left out of the index while it is matched`,
        '',
        'language  examples  top-1    top-3',
      ];
      const row = (label: string, a: LanguageAccuracy) =>
        `${label.padEnd(9)} ${String(a.total).padStart(8)}  ${percent(a.top1, a.total).padStart(6)}  ${percent(a.top3, a.total).padStart(6)}`;
      for (const [language, accuracy] of Object.entries(report.perLanguage))
        lines.push(row(language, accuracy));
      lines.push(row('overall', report.overall), '');
      const stolen = Object.entries(report.confusion)
        .flatMap(([expected, winners]) =>
          Object.entries(winners).map(([winner, count]) => ({ expected, winner, count })),
        )
        .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
      if (stolen.length === 0) lines.push("No answer takes another answer's examples.");
      else {
        lines.push('Examples answered first by another answer (expected <- came first: count):');
        for (const { expected, winner, count } of stolen)
          lines.push(`  ${expected} <- ${winner}: ${count}`);
      }
      io.stdout.write(`${lines.join('\n')}\n`);
    }
    for (const failure of failures) io.stderr.write(`${failure}\n`);
    return failures.length > 0 ? 1 : 0;
  },
};
