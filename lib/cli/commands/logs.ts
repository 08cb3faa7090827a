/**
 * `logs report EXPORT... [--format csv|markdown] [--min-count N]`: the
 * supervisor's offline view of several advisors' JSON exports — the same
 * verification, merge and anonymised statistics as the dashboard
 * (lib/log/*), as Markdown or CSV on stdout.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LogExport } from '../../log/envelope';
import { LogExportError, parseLogExport } from '../../log/envelope';
import { mergeEnvelopes } from '../../log/merge';
import {
  buildReport,
  DEFAULT_MIN_COUNT,
  renderReportCsv,
  renderReportMarkdown,
} from '../../log/report';
import { computeStatistics } from '../../log/stats';
import type { CliCommand } from '../types';
import { CliUsageError, CliUserError } from '../types';

export const logsReportCommand: CliCommand = {
  path: ['logs', 'report'],
  summary: 'Anonymised statistics from one or more advisors’ JSON log exports',
  usage: `Usage: npm run --silent cli -- logs report EXPORT... [--format markdown|csv] [--min-count N]

Verifies each JSON export (format, schema version, SHA-256 checksum), merges
them by event id (an event in several files counts once) and prints the
anonymised report: totals, per week, by language, topic and group, outcomes,
time from post to reply, and topics with many questions and few replies.
Counts between 1 and N-1 are shown as "<N".

Options:
  --format markdown|csv   output format (default: markdown)
  --min-count N           smallest count shown as a number (default: ${DEFAULT_MIN_COUNT})

Exit codes: 0 report written, 1 an export is unreadable, altered or invalid
(nothing is printed then), 2 the command was called wrongly.`,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string' }, 'min-count': { type: 'string' } },
      });
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    const format = values.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'csv') {
      throw new CliUsageError(`--format must be markdown or csv, not "${format}".`);
    }
    const minCount =
      values['min-count'] === undefined ? DEFAULT_MIN_COUNT : Number(values['min-count']);
    if (!Number.isInteger(minCount) || minCount < 1) {
      throw new CliUsageError('--min-count must be a whole number of at least 1.');
    }
    if (positionals.length === 0) throw new CliUsageError('Name at least one JSON export.');

    const envelopes: LogExport[] = [];
    for (const file of positionals) {
      let text: string;
      try {
        text = await readFile(resolve(io.cwd, file), 'utf8');
      } catch {
        throw new CliUserError(`${file}: cannot be read.`);
      }
      try {
        envelopes.push(await parseLogExport(text));
      } catch (error) {
        if (error instanceof LogExportError) throw new CliUserError(`${file}: ${error.message}`);
        throw error;
      }
    }
    const report = buildReport(computeStatistics(mergeEnvelopes(envelopes)), minCount);
    io.stdout.write(format === 'csv' ? renderReportCsv(report) : renderReportMarkdown(report));
    return 0;
  },
};

export const LOGS_COMMANDS: readonly CliCommand[] = [logsReportCommand];
