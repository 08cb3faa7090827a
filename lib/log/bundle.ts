/**
 * A log bundle: several advisors' signed exports in one file, as `cli team
 * pull` writes it from the team database (docs/TEAM-SYNC.md#command-line).
 * Each export is kept as its exact text, so its checksum and signature are
 * checked exactly as if the advisor had sent the file: `logs verify`,
 * `logs report` and `logs missed` read a bundle wherever they read an
 * export and name each part `FILE#<id>`.
 *
 * The bundle itself is not signed; it only carries the exports. Its limits
 * are the export's (lib/log/import-limits.ts): the whole file at most
 * MAX_IMPORT_FILE_BYTES, so a bundle is refused or accepted on the same
 * terms by the CLI that writes it and the one that reads it.
 */
import * as z from 'zod/mini';
import { describeFirstIssue, LogExportError, parseFileHead } from './envelope';
import { MAX_IMPORT_FILE_BYTES } from './import-limits';

export const LOG_BUNDLE_FORMAT = 'outreach-advisor-log-bundle';
export const LOG_BUNDLE_SCHEMA_VERSION = 1;
/** Most exports one bundle holds. */
export const MAX_BUNDLE_EXPORTS = 10_000;
/** Largest bundle file, in bytes: the same as one export file. */
export const MAX_BUNDLE_FILE_BYTES = MAX_IMPORT_FILE_BYTES;

export const bundledExportSchema = z.object({
  /** Where the export came from, e.g. the team document id `anna:batch:<sha256>`. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Who pushed it (the team database user). */
  user: z.string().check(z.maxLength(100)),
  /** The export file's exact text. */
  text: z.string().check(z.maxLength(MAX_IMPORT_FILE_BYTES)),
});
export type BundledExport = z.infer<typeof bundledExportSchema>;

export const logBundleSchema = z.object({
  format: z.literal(LOG_BUNDLE_FORMAT),
  schemaVersion: z.literal(LOG_BUNDLE_SCHEMA_VERSION),
  pulledAt: z.iso.datetime(),
  /** The database the exports were pulled from (an address without credentials). */
  database: z.string().check(z.maxLength(500)),
  exports: z.array(bundledExportSchema).check(z.maxLength(MAX_BUNDLE_EXPORTS)),
});
export type LogBundle = z.infer<typeof logBundleSchema>;

/** The bundle as a file: `format` first, so a glance at the head tells what it is. */
export function serialiseLogBundle(bundle: LogBundle): string {
  const checked = logBundleSchema.parse(bundle);
  return `${JSON.stringify({
    format: checked.format,
    schemaVersion: checked.schemaVersion,
    pulledAt: checked.pulledAt,
    database: checked.database,
    exports: checked.exports.map(({ id, user, text }) => ({ id, user, text })),
  })}\n`;
}

/**
 * Parses a bundle and returns it with the exports' texts. Throws
 * `LogExportError`: `not-an-export` for a file that is not a bundle,
 * `unsupported-version`, `invalid` (with where), `too-large`. The exports
 * themselves are not read here: the caller verifies each with
 * `readLogExport`.
 */
export function readLogBundle(text: string): LogBundle {
  const { raw, head } = parseFileHead(text, LOG_BUNDLE_FORMAT, 'log bundle');
  if (head.schemaVersion !== LOG_BUNDLE_SCHEMA_VERSION) {
    throw new LogExportError(
      'unsupported-version',
      `The bundle has schema version ${JSON.stringify(head.schemaVersion)}; this version reads ${LOG_BUNDLE_SCHEMA_VERSION}.`,
    );
  }
  if (Array.isArray(head.exports) && head.exports.length > MAX_BUNDLE_EXPORTS) {
    throw new LogExportError(
      'too-large',
      `The bundle holds ${head.exports.length} exports; at most ${MAX_BUNDLE_EXPORTS} are read from one file.`,
    );
  }
  const parsed = logBundleSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LogExportError(
      'invalid',
      `The bundle is invalid at ${describeFirstIssue(parsed.error)}`,
    );
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.exports) {
    if (seen.has(entry.id)) {
      throw new LogExportError('invalid', `The bundle holds ${entry.id} twice.`);
    }
    seen.add(entry.id);
  }
  return parsed.data;
}
