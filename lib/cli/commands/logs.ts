/**
 * `logs report EXPORT... [--trusted KEY...] [--format json|markdown|csv|xlsx]
 * [--period P | --from D --to D] [--min-count N]`: the supervisor's funder
 * report (lib/log/funder-report.ts, docs/MONITORING.md) over several
 * advisors' JSON exports — the same verification and merge as the dashboard,
 * with how far each input can be believed (verified, unknown signer,
 * unverified).
 *
 * `logs verify EXPORT... [--trusted KEY...]`: one line per file; exit 0 only
 * when every file is signed, intact and signed by a trusted key.
 *
 * Wherever an export is read, a team bundle (`team pull`, lib/log/bundle.ts)
 * may stand instead: each export in it is read and verified on its own and
 * named `FILE#<id>`.
 *
 * `logs missed EXPORT... [--trusted KEY...] [--format markdown|json]`: the
 * pack editors' "missed questions" report (lib/log/missed.ts).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReadResult } from '../../log/envelope';
import { describeVerification, LogExportError, readLogExport } from '../../log/envelope';
import type { TrustedKey } from '../../log/export-signing';
import type { ReportPeriod } from '../../log/funder-report';
import {
  buildFunderReport,
  customPeriod,
  DEFAULT_MIN_COUNT,
  periodFor,
} from '../../log/funder-report';
import {
  ENGLISH_FUNDER_LABELS,
  funderLookupsFromPacks,
  renderFunderReportCsv,
  renderFunderReportMarkdown,
  renderFunderReportXlsx,
} from '../../log/funder-report-render';
import { readLogBundle } from '../../log/bundle';
import { checkImportSize, mergeEnvelopes, mergeLogExports } from '../../log/merge';
import { parsePublicKeyFile } from '../../packs/signing';
import { buildMissedReport, renderMissedMarkdown } from '../../log/missed';
import type { CliCommand, CliIo } from '../types';
import { loadPackForMatching } from './suggest';
import { CliUsageError, CliUserError } from '../types';

/** A public key file is small; anything bigger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export async function readCapped(io: CliIo, file: string, maxBytes: number): Promise<string> {
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

export async function readTrustedKeys(io: CliIo, files: readonly string[]): Promise<TrustedKey[]> {
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

/** One export read from a file argument: the file itself, or one part of a bundle (`FILE#<id>`). */
type ReadInput = { name: string; read: ReadResult } | { name: string; error: LogExportError };

/**
 * The exports a file argument holds: an export file is one, a team bundle
 * (`cli team pull`, lib/log/bundle.ts) is each of its exports, verified on
 * its own. A file that cannot be read at all throws `CliUserError`.
 */
async function readInputs(
  io: CliIo,
  file: string,
  trusted: readonly TrustedKey[],
): Promise<ReadInput[]> {
  const text = await readCapped(io, file, Number.POSITIVE_INFINITY);
  try {
    return [{ name: file, read: await readLogExport(text, trusted) }];
  } catch (error) {
    if (!(error instanceof LogExportError)) throw error;
    if (error.code !== 'not-an-export') return [{ name: file, error }];
    let bundle;
    try {
      bundle = readLogBundle(text);
    } catch (bundleError) {
      if (!(bundleError instanceof LogExportError)) throw bundleError;
      // Neither an export nor a bundle: say so as for any non-export.
      if (bundleError.code === 'not-an-export') {
        return [
          {
            name: file,
            error: new LogExportError(
              'not-an-export',
              'The file is neither an Outreach Advisor log export nor a team bundle.',
            ),
          },
        ];
      }
      return [{ name: file, error: bundleError }];
    }
    const inputs: ReadInput[] = [];
    for (const part of bundle.exports) {
      const name = `${file}#${part.id}`;
      try {
        inputs.push({ name, read: await readLogExport(part.text, trusted) });
      } catch (partError) {
        if (!(partError instanceof LogExportError)) throw partError;
        inputs.push({ name, error: partError });
      }
    }
    return inputs;
  }
}

/** Every export the files hold, or the first problem as a `CliUserError` naming its file. */
async function readAllInputs(
  io: CliIo,
  files: readonly string[],
  trusted: readonly TrustedKey[],
): Promise<{ file: string; read: ReadResult }[]> {
  const out: { file: string; read: ReadResult }[] = [];
  for (const file of files) {
    for (const input of await readInputs(io, file, trusted)) {
      if ('error' in input) throw new CliUserError(`${input.name}: ${input.error.message}`);
      out.push({ file: input.name, read: input.read });
    }
  }
  return out;
}

const REPORT_FORMATS = ['json', 'markdown', 'csv', 'xlsx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The period the options name: `--period`, or `--from`/`--to`, or everything. */
function reportPeriod(values: { period?: string; from?: string; to?: string }): ReportPeriod {
  try {
    if (values.period !== undefined) {
      if (values.from !== undefined || values.to !== undefined) {
        throw new CliUsageError('Give either --period or --from/--to, not both.');
      }
      return periodFor(values.period);
    }
    if (values.from === undefined && values.to === undefined) {
      return { from: null, to: null, label: 'all events' };
    }
    return customPeriod(values.from ?? null, values.to ?? null);
  } catch (error) {
    if (error instanceof RangeError) throw new CliUsageError(error.message);
    throw error;
  }
}

export const logsReportCommand: CliCommand = {
  path: ['logs', 'report'],
  summary: 'Funder report from advisors’ JSON log exports',
  usage: `Usage: npm run --silent cli -- logs report EXPORT... [--trusted KEY...] [--format json|markdown|csv|xlsx]
         [--period 2026-Q3|2026-09|2026 | --from YYYY-MM-DD --to YYYY-MM-DD] [--min-count N]
         [--output FILE] [--pack FILE]

Verifies each JSON export (size, format, schema version, checksum, signature;
a team bundle from "team pull" counts as the exports it holds),
merges them by event id (an event in several files counts once) together with
the group registers they carry, and prints the funder report for the period
(docs/MONITORING.md): spaces active, members reached, questions seen and
answered, referrals by type, myths corrected by claim, escalations by kind,
and all of it by language, topic, sector and group. Counts between 1 and N-1
are hidden, and so are the counts that would let a total reveal them: as null
in JSON (listed under "suppressed"), as "<N" elsewhere. Dates are UTC days,
both ends included. Each input is listed with how far it can be believed
(verified by a key given with --trusted, signed by an unknown key, or
unverified: an old export with a checksum only).

Options:
  --trusted KEY        an advisor's public key file to trust (repeatable)
  --format F           json (one object), markdown, csv or xlsx (default: markdown)
  --period P           a quarter (2026-Q3), a month (2026-09) or a year (2026)
  --from D, --to D     a custom period of whole days (either may be left open)
  --min-count N        smallest count shown (default: ${DEFAULT_MIN_COUNT})
  --output FILE        where to write the workbook (required with --format xlsx)
  --pack FILE          pack whose referral directory and claims name referral
                       types and myths (default: the bundled default pack)

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
          period: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          output: { type: 'string' },
          pack: { type: 'string' },
        },
      });
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    const format = (values.format ?? 'markdown') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) {
      throw new CliUsageError(
        `--format must be json, markdown, csv or xlsx, not "${values.format ?? ''}".`,
      );
    }
    const minCount =
      values['min-count'] === undefined ? DEFAULT_MIN_COUNT : Number(values['min-count']);
    if (!Number.isInteger(minCount) || minCount < 1) {
      throw new CliUsageError('--min-count must be a whole number of at least 1.');
    }
    if (positionals.length === 0) throw new CliUsageError('Name at least one JSON export.');
    const period = reportPeriod(values);
    if (format === 'xlsx' && values.output === undefined) {
      throw new CliUsageError('--format xlsx writes a file: name it with --output FILE.');
    }

    const trusted = await readTrustedKeys(io, values.trusted ?? []);
    const inputs = await readAllInputs(io, positionals, trusted);
    const rows = inputs.map(({ file, read }) => ({
      file,
      advisor: read.envelope.advisor,
      events: read.envelope.events.length,
      status: describeVerification(read.verification),
    }));
    const envelopes = inputs.map((input) => input.read.envelope);
    const csvText = (text: string) =>
      /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
    const inputsMarkdown = () => {
      const lines = ['', '## Inputs', '', '| file | advisor | events | signature |'];
      lines.push('| --- | --- | ---: | --- |');
      for (const row of rows) {
        lines.push(
          `| ${cell(row.file)} | ${cell(row.advisor)} | ${row.events} | ${cell(row.status)} |`,
        );
      }
      return `${lines.join('\n')}\n`;
    };

    const pack = await loadPackForMatching(io, values.pack);
    const { events, groups } = mergeLogExports(envelopes);
    const report = buildFunderReport({
      events,
      groups,
      from: period.from,
      to: period.to,
      label: period.label,
      minCount,
      labels: ENGLISH_FUNDER_LABELS,
      ...funderLookupsFromPacks([pack]),
    });
    switch (format) {
      case 'json':
        io.stdout.write(
          `${JSON.stringify(
            {
              ...report,
              inputs: rows.map((row) => ({
                file: row.file,
                advisor: row.advisor,
                events: row.events,
                signature: row.status,
              })),
            },
            null,
            2,
          )}\n`,
        );
        break;
      case 'csv':
        io.stdout.write(renderFunderReportCsv(report));
        for (const row of rows) {
          io.stdout.write(`inputs,${csvText(row.file)},signature,${csvText(row.status)}\r\n`);
        }
        break;
      case 'xlsx': {
        const target = resolve(io.cwd, values.output ?? '');
        try {
          await writeFile(target, await renderFunderReportXlsx(report));
        } catch {
          throw new CliUserError(`${values.output ?? ''}: cannot be written.`);
        }
        io.stdout.write(`Wrote ${values.output ?? ''}\n`);
        break;
      }
      case 'markdown':
        io.stdout.write(renderFunderReportMarkdown(report) + inputsMarkdown());
        break;
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
A team bundle written by "team pull" gets one line per export it holds,
named FILE#<document id>.

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
      let inputs: ReadInput[];
      try {
        inputs = await readInputs(io, file, trusted);
      } catch (error) {
        if (!(error instanceof CliUserError)) throw error;
        allTrusted = false;
        io.stdout.write(`REFUSED ${file}: ${error.message.replace(`${file}: `, '')}\n`);
        continue;
      }
      if (inputs.length === 0) {
        io.stdout.write(`EMPTY ${file}: the bundle holds no exports\n`);
        continue;
      }
      for (const input of inputs) {
        let line: string;
        if ('error' in input) {
          allTrusted = false;
          line = `REFUSED ${input.name}: ${input.error.message}`;
        } else {
          const { envelope, verification } = input.read;
          const what = `${describeVerification(verification)}; advisor "${envelope.advisor}", ${envelope.events.length} events`;
          if (verification.status === 'verified') line = `OK ${input.name}: ${what}`;
          else {
            allTrusted = false;
            line = `${verification.status === 'unknown-signer' ? 'UNTRUSTED' : 'UNVERIFIED'} ${input.name}: ${what}`;
          }
        }
        io.stdout.write(`${line}\n`);
      }
    }
    return allTrusted ? 0 : 1;
  },
};

export const logsMissedCommand: CliCommand = {
  path: ['logs', 'missed'],
  summary:
    'Where matching missed: answers found by search and "not relevant" marks, for pack editors',
  usage: `Usage: npm run --silent cli -- logs missed EXPORT... [--trusted KEY...] [--format markdown|json]

Reads advisors' JSON log exports or team bundles (verified like "logs report",
merged by event id) and counts, per topic and post language, the posts answered with an
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
    const envelopes = (await readAllInputs(io, positionals, trusted)).map(
      (input) => input.read.envelope,
    );
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
