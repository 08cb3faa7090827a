/**
 * The JSON export: a versioned envelope around the events that says who
 * exported what, for which period, with which sensitive fields, and a
 * SHA-256 checksum over all of it, so a supervisor merging several
 * advisors' files can tell an intact file from an altered or truncated one.
 *
 * The checksum is computed over the RFC 8785 canonical JSON of the envelope
 * without its `checksum` field, so re-indenting the file does not break it
 * but changing any value does. Pure: the dashboard and the CLI share it.
 */
import canonicalize from 'canonicalize';
import * as z from 'zod/mini';
import type { LogEvent } from './events';
import { logEventInputSchema } from './events';
import type { ExportIncludes, ProgressCallback } from './export-options';
import { EXPORT_CHUNK_SIZE, redactEvent, yieldToEventLoop } from './export-options';

export const LOG_EXPORT_FORMAT = 'outreach-advisor-log';
/** Bump with a conversion in `parseLogExport` when the envelope changes. */
export const LOG_EXPORT_SCHEMA_VERSION = 1;

export const exportedEventSchema = z.intersection(
  logEventInputSchema,
  z.object({ advisor: z.string().check(z.maxLength(100)) }),
);
export type ExportedEvent = z.infer<typeof exportedEventSchema>;

const isoOrNull = z.nullable(z.iso.datetime());

export const logExportSchema = z.object({
  format: z.literal(LOG_EXPORT_FORMAT),
  schemaVersion: z.literal(LOG_EXPORT_SCHEMA_VERSION),
  exportedAt: z.iso.datetime(),
  advisor: z.string().check(z.maxLength(100)),
  range: z.object({ from: isoOrNull, to: isoOrNull }),
  includes: z.object({ postText: z.boolean(), notes: z.boolean(), authorHash: z.boolean() }),
  eventCount: z.int().check(z.gte(0)),
  events: z.array(exportedEventSchema),
  checksum: z.object({
    algorithm: z.literal('SHA-256'),
    value: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  }),
});
export type LogExport = z.infer<typeof logExportSchema>;
type UnsignedExport = Omit<LogExport, 'checksum'>;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function computeChecksum(envelope: UnsignedExport | LogExport): Promise<string> {
  const { checksum: _ignored, ...unsigned } = envelope as LogExport;
  const canonical = canonicalize(unsigned);
  if (canonical === undefined) throw new Error('The export cannot be serialised.');
  return sha256Hex(canonical);
}

export interface BuildExportOptions {
  advisor: string;
  includes: ExportIncludes;
  now?: number;
  onProgress?: ProgressCallback;
}

function toExported(event: LogEvent, includes: ExportIncludes): ExportedEvent {
  const { source: _source, ...rest } = redactEvent(event, includes);
  return rest as ExportedEvent;
}

/** Builds the envelope (events in time order) with its checksum. */
export async function buildLogExport(
  events: readonly LogEvent[],
  options: BuildExportOptions,
): Promise<LogExport> {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const exported: ExportedEvent[] = [];
  for (let start = 0; start < sorted.length; start += EXPORT_CHUNK_SIZE) {
    for (const event of sorted.slice(start, start + EXPORT_CHUNK_SIZE)) {
      exported.push(toExported(event, options.includes));
    }
    options.onProgress?.(Math.min(sorted.length, start + EXPORT_CHUNK_SIZE), sorted.length);
    await yieldToEventLoop();
  }
  const first = sorted[0];
  const last = sorted.at(-1);
  const unsigned: UnsignedExport = {
    format: LOG_EXPORT_FORMAT,
    schemaVersion: LOG_EXPORT_SCHEMA_VERSION,
    exportedAt: new Date(options.now ?? Date.now()).toISOString(),
    advisor: options.advisor,
    range: {
      from: first ? new Date(first.at).toISOString() : null,
      to: last ? new Date(last.at).toISOString() : null,
    },
    includes: { ...options.includes },
    eventCount: exported.length,
    events: exported,
  };
  return {
    ...unsigned,
    checksum: { algorithm: 'SHA-256', value: await computeChecksum(unsigned) },
  };
}

export function serialiseLogExport(envelope: LogExport): string {
  return `${JSON.stringify(envelope)}\n`;
}

/** A file that cannot be imported, with the reason in plain words. */
export class LogExportError extends Error {
  constructor(
    readonly code: 'not-json' | 'not-an-export' | 'unsupported-version' | 'invalid' | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'LogExportError';
  }
}

function describeFirstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    '',
  );
  return `${path || '(root)'}: ${issue.message}`;
}

/**
 * Parses and verifies an export. Throws `LogExportError` for anything that
 * is not an intact export of a supported version.
 */
export async function parseLogExport(text: string): Promise<LogExport> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LogExportError('not-json', 'The file is not valid JSON.');
  }
  const head = z
    .object({ format: z.optional(z.unknown()), schemaVersion: z.optional(z.unknown()) })
    .safeParse(raw);
  if (!head.success || head.data.format !== LOG_EXPORT_FORMAT) {
    throw new LogExportError('not-an-export', 'The file is not an Outreach Advisor log export.');
  }
  if (head.data.schemaVersion !== LOG_EXPORT_SCHEMA_VERSION) {
    throw new LogExportError(
      'unsupported-version',
      `The export has schema version ${String(head.data.schemaVersion)}; this version reads ${LOG_EXPORT_SCHEMA_VERSION}.`,
    );
  }
  const parsed = logExportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LogExportError(
      'invalid',
      `The export is invalid at ${describeFirstIssue(parsed.error)}`,
    );
  }
  const envelope = parsed.data;
  if (envelope.eventCount !== envelope.events.length) {
    throw new LogExportError(
      'tampered',
      `The export announces ${envelope.eventCount} events but contains ${envelope.events.length}.`,
    );
  }
  const checksum = await computeChecksum(raw as LogExport);
  if (checksum !== envelope.checksum.value) {
    throw new LogExportError(
      'tampered',
      'The checksum does not match: the file was changed after it was exported.',
    );
  }
  return envelope;
}
