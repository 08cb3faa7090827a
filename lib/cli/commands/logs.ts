/**
 * `logs report EXPORT... [--trusted KEY...] [--format csv|markdown] [--min-count N]`:
 * the supervisor's offline view of several advisors' JSON exports — the same
 * verification, merge and anonymised statistics as the dashboard
 * (lib/log/*), as Markdown or CSV on stdout, with how far each input can be
 * believed (verified, unknown signer, unverified).
 *
 * `logs verify EXPORT... [--trusted KEY...]`: one line per file; exit 0 only
 * when every file is signed, intact and signed by a trusted key.
 *
 * `logs missed EXPORT... [--trusted KEY...] [--format markdown|json]`: the
 * pack editors' "missed questions" report (lib/log/missed.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReadResult } from '../../log/envelope';
import { describeVerification, LogExportError, readLogExport } from '../../log/envelope';
import type { TrustedKey } from '../../log/export-signing';
import { checkImportSize, mergeEnvelopes } from '../../log/merge';
import { parsePublicKeyFile } from '../../packs/signing';
import {
  buildReport,
  DEFAULT_MIN_COUNT,
  renderReportCsv,
  renderReportMarkdown,
} from '../../log/report';
import { buildMissedReport, renderMissedMarkdown } from '../../log/missed';
import { computeStatistics } from '../../log/stats';
import type { CliCommand, CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';

/** A public key file is small; anything bigger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

async function readCapped(io: CliIo, file: string, maxBytes: number): Promise<string> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliUserError(`${file}: cannot be read.`);
  }
  try {
    checkImportSize(size);
  } catch (error) {
    if (error instanceof LogExportError) throw new CliUserError(`${file}: ${error.message}`);
    throw error;
  }
  if (size > maxBytes) throw new CliUserError(`${file}: is too large for a key file.`);
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new CliUserError(`${file}: cannot be read.`);
  }
}

async function readTrustedKeys(io: CliIo, files: readonly string[]): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  for (const file of files) {
    const text = await readCapped(io, file, MAX_KEY_FILE_BYTES);
    try {
      keys.push(await parsePublicKeyFile(JSON.parse(text)));
    } catch {
      throw new CliUserError(`${file}: is not an Outreach Advisor public key file.`);
    }
  }
  return keys;
}

async function readExport(io: CliIo, file: string, trusted: readonly TrustedKey[]) {
  const text = await readCapped(io, file, Number.POSITIVE_INFINITY);
  return readLogExport(text, trusted);
}

export const logsReportCommand: CliCommand = {
  path: ['logs', 'report'],
  summary: 'Anonymised statistics from one or more advisors’ JSON log exports',
  usage: `Usage: npm run --silent cli -- logs report EXPORT... [--trusted KEY...] [--format markdown|csv] [--min-count N]

Verifies each JSON export (size, format, schema version, checksum, signature), merges
them by event id (an event in several files counts once) and prints the
anonymised report: totals, per week, by language, topic and group, outcomes,
time from post to reply, and topics with many questions and few replies.
Counts between 1 and N-1 are shown as "<N". The "Inputs" part says for each
file whether it is verified (signed by a key given with --trusted), signed by
an unknown key, or unverified (an old export with a checksum only).

Options:
  --trusted KEY           an advisor's public key file to trust (repeatable)
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
        options: {
          format: { type: 'string' },
          'min-count': { type: 'string' },
          trusted: { type: 'string', multiple: true },
        },
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

    const trusted = await readTrustedKeys(io, values.trusted ?? []);
    const inputs: { file: string; read: ReadResult }[] = [];
    for (const file of positionals) {
      try {
        inputs.push({ file, read: await readExport(io, file, trusted) });
      } catch (error) {
        if (error instanceof LogExportError) throw new CliUserError(`${file}: ${error.message}`);
        throw error;
      }
    }
    const report = buildReport(
      computeStatistics(mergeEnvelopes(inputs.map((input) => input.read.envelope))),
      minCount,
    );
    const rows = inputs.map(({ file, read }) => ({
      file,
      advisor: read.envelope.advisor,
      events: read.envelope.events.length,
      status: describeVerification(read.verification),
    }));
    if (format === 'csv') {
      const field = (text: string) =>
        /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      io.stdout.write(renderReportCsv(report));
      for (const row of rows) {
        io.stdout.write(`input,${field(row.file)},signature,${field(row.status)}\n`);
      }
    } else {
      const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
      const lines = ['', '## Inputs', '', '| file | advisor | events | signature |'];
      lines.push('| --- | --- | ---: | --- |');
      for (const row of rows) {
        lines.push(
          `| ${cell(row.file)} | ${cell(row.advisor)} | ${row.events} | ${cell(row.status)} |`,
        );
      }
      io.stdout.write(renderReportMarkdown(report) + `${lines.join('\n')}\n`);
    }
    return 0;
  },
};

export const logsVerifyCommand: CliCommand = {
  path: ['logs', 'verify'],
  summary: 'Checks that JSON log exports are signed, intact and signed by trusted advisors',
  usage: `Usage: npm run --silent cli -- logs verify EXPORT... [--trusted KEY...]

Prints one line per file: "OK verified", or "UNTRUSTED" (signed by a key not
given with --trusted), "UNVERIFIED" (an old export with a checksum only) or
"REFUSED" with the reason (altered, bad signature, not an export, too large).

Options:
  --trusted KEY   an advisor's public key file to trust (repeatable)

Exit codes: 0 every file is verified by a trusted key, 1 any file is not,
2 the command was called wrongly.`,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { trusted: { type: 'string', multiple: true } },
      });
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) throw new CliUsageError('Name at least one JSON export.');
    const trusted = await readTrustedKeys(io, values.trusted ?? []);
    let allTrusted = true;
    for (const file of positionals) {
      let line: string;
      try {
        const { envelope, verification } = await readExport(io, file, trusted);
        const what = `${describeVerification(verification)}; advisor "${envelope.advisor}", ${envelope.events.length} events`;
        if (verification.status === 'verified') line = `OK ${file}: ${what}`;
        else {
          allTrusted = false;
          line = `${verification.status === 'unknown-signer' ? 'UNTRUSTED' : 'UNVERIFIED'} ${file}: ${what}`;
        }
      } catch (error) {
        if (!(error instanceof LogExportError) && !(error instanceof CliUserError)) throw error;
        allTrusted = false;
        line = `REFUSED ${file}: ${error.message.replace(`${file}: `, '')}`;
      }
      io.stdout.write(`${line}\n`);
    }
    return allTrusted ? 0 : 1;
  },
};

export const logsMissedCommand: CliCommand = {
  path: ['logs', 'missed'],
  summary:
    'Where matching missed: answers found by search and "not relevant" marks, for pack editors',
  usage: `Usage: npm run --silent cli -- logs missed EXPORT... [--trusted KEY...] [--format markdown|json]

Reads advisors' JSON log exports (verified like "logs report", merged by event
id) and counts, per topic and post language, the posts answered with an
answer the advisor found by searching the pack (matching missed it) and the
posts with a suggestion marked "not relevant"; lists the answers found by
search. Post texts are listed only where the export carries them (the advisor
allowed storing post text).

Options:
  --trusted KEY           an advisor's public key file to trust (repeatable)
  --format markdown|json  output format (default: markdown)

Exit codes: 0 report written, 1 an export is unreadable, altered or invalid,
2 the command was called wrongly.`,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string' }, trusted: { type: 'string', multiple: true } },
      });
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    const format = values.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'json')
      throw new CliUsageError(`--format must be markdown or json, not "${format}".`);
    if (positionals.length === 0) throw new CliUsageError('Name at least one JSON export.');
    const trusted = await readTrustedKeys(io, values.trusted ?? []);
    const envelopes = [];
    for (const file of positionals) {
      try {
        envelopes.push((await readExport(io, file, trusted)).envelope);
      } catch (error) {
        if (error instanceof LogExportError) throw new CliUserError(`${file}: ${error.message}`);
        throw error;
      }
    }
    // Texts the exporting advisor chose to include are kept for this report.
    const report = buildMissedReport(mergeEnvelopes(envelopes, { storePostText: true }));
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMissedMarkdown(report),
    );
    return 0;
  },
};

export const LOGS_COMMANDS: readonly CliCommand[] = [
  logsReportCommand,
  logsVerifyCommand,
  logsMissedCommand,
];
