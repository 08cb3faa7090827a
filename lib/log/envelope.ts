/**
 * The JSON export: a versioned envelope around the events that says who
 * exported what, for which period, with which sensitive fields, a SHA-256
 * checksum (a corruption check: anyone can recompute it) and, from schema
 * version 2, the exporting installation's signature (lib/log/export-signing.ts),
 * so a supervisor merging several advisors' files can tell a file an advisor
 * really exported from an edited or invented one.
 *
 * Checksum and signature are computed over the RFC 8785 canonical JSON of the
 * envelope (the checksum without `checksum` and `signature`, the signature
 * without `signature`), so re-indenting the file breaks neither but changing
 * any value does. Version 1 files (checksum only) still import, marked
 * "unverified". Pure: the dashboard and the CLI share it.
 *
 * A version 2 envelope may carry the group register (`groups`, issue 17):
 * the public groups the events happened in, with name, member count and the
 * supervisor's sector, so a supervisor's funder report knows them
 * (docs/MONITORING.md). It is optional, so the schema version stayed 2:
 * readers from before it verify the checksum and signature over the whole
 * raw file (including `groups`) and ignore the key. Its group ids go through
 * the same pseudonymiser as the events' group ids, so both agree within a
 * file.
 */
import canonicalize from 'canonicalize';
import * as z from 'zod/mini';
import type { GroupRegisterEntry } from '../groups/register';
import { groupKey, groupRegisterEntrySchema } from '../groups/register';
import type { LogEvent } from './events';
import { logEventInputSchema } from './events';
import type { ExportIncludes, ProgressCallback } from './export-options';
import { prepareExportEvents, yieldToEventLoop } from './export-options';
import type { ExportSigningKey, IdPseudonymiser, TrustedKey } from './export-signing';
import { canonicalBytes, SIGNATURE_ALGORITHM, signBytes, verifyBytes } from './export-signing';
import { MAX_IMPORT_EVENTS } from './import-limits';

export const LOG_EXPORT_FORMAT = 'outreach-advisor-log';
/** Bump with a conversion in `readLogExport` when the envelope changes. */
export const LOG_EXPORT_SCHEMA_VERSION = 2;
/** Checksum-only files, still read (as unverified). */
export const LEGACY_LOG_EXPORT_SCHEMA_VERSION = 1;
/** Most group register entries one export may hold (checked before the schema runs). */
export const MAX_EXPORT_GROUPS = 5000;

export const exportedEventSchema = z.intersection(
  logEventInputSchema,
  z.object({ advisor: z.string().check(z.maxLength(100)) }),
);
export type ExportedEvent = z.infer<typeof exportedEventSchema>;

const isoOrNull = z.nullable(z.iso.datetime());

const includesV1Schema = z.object({
  postText: z.boolean(),
  notes: z.boolean(),
  authorHash: z.boolean(),
});

export const exportSignatureSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  keyId: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** SPKI DER, base64. */
  publicKey: z.string().check(z.minLength(1), z.maxLength(1000)),
  signer: z.string().check(z.maxLength(200)),
  signedAt: z.iso.datetime(),
  value: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ExportSignature = z.infer<typeof exportSignatureSchema>;

const commonShape = {
  format: z.literal(LOG_EXPORT_FORMAT),
  exportedAt: z.iso.datetime(),
  advisor: z.string().check(z.maxLength(100)),
  range: z.object({ from: isoOrNull, to: isoOrNull }),
  eventCount: z.int().check(z.gte(0), z.lte(MAX_IMPORT_EVENTS)),
  events: z.array(exportedEventSchema).check(z.maxLength(MAX_IMPORT_EVENTS)),
  checksum: z.object({
    algorithm: z.literal('SHA-256'),
    value: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  }),
};

/** The envelope with its events left unchecked: they are checked in chunks. */
const shellShape = { ...commonShape, events: z.array(z.unknown()) };

const legacyExportSchema = z.object({
  ...shellShape,
  schemaVersion: z.literal(LEGACY_LOG_EXPORT_SCHEMA_VERSION),
  includes: includesV1Schema,
});

const currentShape = {
  schemaVersion: z.literal(LOG_EXPORT_SCHEMA_VERSION),
  includes: z.object({ ...includesV1Schema.shape, rawIds: z.boolean() }),
  /** The group register (optional: absent in files from before it). */
  groups: z.optional(z.array(groupRegisterEntrySchema).check(z.maxLength(MAX_EXPORT_GROUPS))),
  signature: exportSignatureSchema,
};

export const logExportSchema = z.object({ ...commonShape, ...currentShape });
const currentShellSchema = z.object({ ...shellShape, ...currentShape });
export type LogExport = z.infer<typeof logExportSchema>;
type UnsignedExport = Omit<LogExport, 'checksum' | 'signature'>;

/**
 * Any export as read, in the current shape: a version 1 file gets
 * `includes.rawIds: true` (they always held raw ids) and no signature.
 */
export type ReadLogExport = Omit<LogExport, 'signature' | 'schemaVersion'> & {
  schemaVersion: 1 | 2;
  signature?: ExportSignature;
};

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Events canonicalised per chunk, with a pause in between, so a big file never blocks long. */
const CANONICAL_CHUNK = 2000;

/**
 * RFC 8785 canonical JSON of an envelope-shaped object, built in chunks: the
 * top-level keys are ASCII, so sorting them with the default sort is JCS's
 * order, and a JCS array is its items' JCS joined by commas.
 */
async function canonicalEnvelope(value: Record<string, unknown>): Promise<string> {
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item === undefined) continue;
    let text: string | undefined;
    if (key === 'events' && Array.isArray(item)) {
      const chunks: string[] = [];
      for (let start = 0; start < item.length; start += CANONICAL_CHUNK) {
        for (const event of item.slice(start, start + CANONICAL_CHUNK)) {
          const entry = canonicalize(event);
          if (entry === undefined) throw new Error('The export cannot be serialised.');
          chunks.push(entry);
        }
        await yieldToEventLoop();
      }
      text = `[${chunks.join(',')}]`;
    } else {
      text = canonicalize(item);
    }
    if (text === undefined) throw new Error('The export cannot be serialised.');
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

export async function computeChecksum(
  envelope: UnsignedExport | LogExport | ReadLogExport,
): Promise<string> {
  const { checksum: _ignored, signature: _signature, ...unsigned } = envelope as LogExport;
  return sha256Hex(await canonicalEnvelope(unsigned));
}

/**
 * The bytes the signature covers: the checksum (SHA-256 over the canonical
 * envelope, so hash-then-sign over all content) plus the signature's own
 * key id, signer and time, so none of those can be relabelled either.
 */
function signedBytes(
  checksum: string,
  signature: Pick<ExportSignature, 'keyId' | 'signer' | 'signedAt'>,
): Uint8Array<ArrayBuffer> {
  return canonicalBytes({
    purpose: 'outreach-advisor-log-export',
    checksum,
    keyId: signature.keyId,
    signer: signature.signer,
    signedAt: signature.signedAt,
  });
}

export interface BuildExportOptions {
  advisor: string;
  includes: ExportIncludes;
  /** The installation's advisor key: every JSON export is signed. */
  signingKey: ExportSigningKey;
  /** Required unless `includes.rawIds`: turns post keys and group ids into keyed pseudonyms. */
  pseudonymise?: IdPseudonymiser;
  /** The group register to carry along (omitted: the envelope has no `groups`). */
  groups?: readonly GroupRegisterEntry[];
  now?: number;
  onProgress?: ProgressCallback;
}

/**
 * Register entries as an export may carry them: group ids pseudonymised like
 * the events' (same pseudonymiser, same kind), the supervisor's notes only
 * when notes were chosen, in a stable order.
 */
export async function prepareExportGroups(
  groups: readonly GroupRegisterEntry[],
  includes: ExportIncludes,
  pseudonymise: IdPseudonymiser | undefined,
): Promise<GroupRegisterEntry[]> {
  if (!includes.rawIds && !pseudonymise) {
    throw new Error('An export without raw ids needs the installation’s pseudonymiser.');
  }
  if (groups.length > MAX_EXPORT_GROUPS) {
    throw new Error(`At most ${MAX_EXPORT_GROUPS} groups can be exported in one file.`);
  }
  const out: GroupRegisterEntry[] = [];
  for (const group of groups) {
    out.push({
      platform: group.platform,
      groupId:
        includes.rawIds || !pseudonymise
          ? group.groupId
          : await pseudonymise('group', group.groupId),
      name: group.name,
      memberCount: group.memberCount,
      memberCountAt: group.memberCountAt,
      sector: group.sector,
      notes: includes.notes ? group.notes : '',
      worksHere: group.worksHere,
      firstSeenAt: group.firstSeenAt,
      lastSeenAt: group.lastSeenAt,
    });
  }
  const key = (group: GroupRegisterEntry) => groupKey(group);
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function toExported(event: LogEvent): ExportedEvent {
  const { source: _source, ...rest } = event;
  return rest as ExportedEvent;
}

/** Builds the envelope (events in time order) with its checksum and signature. */
export async function buildLogExport(
  events: readonly LogEvent[],
  options: BuildExportOptions,
): Promise<LogExport> {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const prepared = await prepareExportEvents(
    sorted,
    options.includes,
    options.pseudonymise,
    options.onProgress,
  );
  const exported = prepared.map(toExported);
  const first = sorted[0];
  const last = sorted.at(-1);
  const now = new Date(options.now ?? Date.now()).toISOString();
  const unsigned: UnsignedExport = {
    format: LOG_EXPORT_FORMAT,
    schemaVersion: LOG_EXPORT_SCHEMA_VERSION,
    exportedAt: now,
    advisor: options.advisor,
    range: {
      from: first ? new Date(first.at).toISOString() : null,
      to: last ? new Date(last.at).toISOString() : null,
    },
    includes: { ...options.includes },
    eventCount: exported.length,
    events: exported,
    ...(options.groups
      ? {
          groups: await prepareExportGroups(options.groups, options.includes, options.pseudonymise),
        }
      : {}),
  };
  const withChecksum = {
    ...unsigned,
    checksum: { algorithm: 'SHA-256' as const, value: await computeChecksum(unsigned) },
  };
  return signLogExport(withChecksum, options.signingKey, now);
}

/** Adds (or replaces) the signature of an envelope whose checksum is already set. */
export async function signLogExport(
  envelope: Omit<LogExport, 'signature'> & { signature?: unknown },
  key: ExportSigningKey,
  signedAt: string,
): Promise<LogExport> {
  const { signature: _old, ...rest } = envelope;
  const about = { keyId: key.keyId, signer: key.signer, signedAt };
  return {
    ...rest,
    signature: {
      algorithm: SIGNATURE_ALGORITHM,
      ...about,
      publicKey: key.publicKey,
      value: await signBytes(key, signedBytes(rest.checksum.value, about)),
    },
  };
}

export function serialiseLogExport(envelope: LogExport): string {
  return `${JSON.stringify(envelope)}\n`;
}

/** A file that cannot be imported, with the reason in plain words. */
export class LogExportError extends Error {
  constructor(
    readonly code:
      | 'not-json'
      | 'not-an-export'
      | 'unsupported-version'
      | 'invalid'
      | 'tampered'
      | 'bad-signature'
      | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'LogExportError';
  }
}

/**
 * A file's JSON (a leading BOM allowed) and the top-level keys that decide
 * how to read it, unchecked, after making sure its `format` is `format`.
 * Throws `not-json` / `not-an-export` in plain words naming `what`.
 */
export function parseFileHead(
  text: string,
  format: string,
  what: string,
): { raw: unknown; head: Record<string, unknown> } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LogExportError('not-json', 'The file is not valid JSON.');
  }
  const head =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  if (head.format !== format) {
    throw new LogExportError('not-an-export', `The file is not an Outreach Advisor ${what}.`);
  }
  return { raw, head };
}

export function describeFirstIssue(error: z.core.$ZodError, prefix: PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = [...prefix, ...issue.path].reduce<string>(
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

/** How far a file can be believed (shown per file when merging, `logs verify`). */
export type ExportVerification =
  /** Signed, the signature matches, and the supervisor trusts the key. */
  | { status: 'verified'; keyId: string; signer: string; trustedAs: string }
  /** Signed and intact, but by a key nobody here marked as trusted. */
  | { status: 'unknown-signer'; keyId: string; signer: string }
  /** A version 1 file: only a checksum, which anyone editing it can recompute. */
  | { status: 'unverified' };

export interface ReadResult {
  envelope: ReadLogExport;
  verification: ExportVerification;
}

/**
 * Parses and verifies an export. Throws `LogExportError` for anything that
 * is not an intact export of a supported version, including a signature that
 * does not match (whoever the key belongs to).
 */
export async function readLogExport(
  text: string,
  trusted: readonly TrustedKey[] = [],
): Promise<ReadResult> {
  const { raw, head } = parseFileHead(text, LOG_EXPORT_FORMAT, 'log export');
  const version = head.schemaVersion;
  if (version !== LOG_EXPORT_SCHEMA_VERSION && version !== LEGACY_LOG_EXPORT_SCHEMA_VERSION) {
    throw new LogExportError(
      'unsupported-version',
      `The export has schema version ${JSON.stringify(version)}; this version reads ${LEGACY_LOG_EXPORT_SCHEMA_VERSION} and ${LOG_EXPORT_SCHEMA_VERSION}.`,
    );
  }
  // Counted before the schema walks every event: a huge file is refused cheaply.
  if (Array.isArray(head.events) && head.events.length > MAX_IMPORT_EVENTS) {
    throw new LogExportError(
      'too-large',
      `The export holds ${head.events.length} events; at most ${MAX_IMPORT_EVENTS} are read from one file. Export shorter periods.`,
    );
  }
  if (Array.isArray(head.groups) && head.groups.length > MAX_EXPORT_GROUPS) {
    throw new LogExportError(
      'too-large',
      `The export holds ${head.groups.length} groups; at most ${MAX_EXPORT_GROUPS} are read from one file.`,
    );
  }
  const parsed =
    version === LEGACY_LOG_EXPORT_SCHEMA_VERSION
      ? legacyExportSchema.safeParse(raw)
      : currentShellSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LogExportError(
      'invalid',
      `The export is invalid at ${describeFirstIssue(parsed.error)}`,
    );
  }
  const events: ExportedEvent[] = [];
  const rawEvents = parsed.data.events;
  for (let start = 0; start < rawEvents.length; start += CANONICAL_CHUNK) {
    const end = Math.min(rawEvents.length, start + CANONICAL_CHUNK);
    for (let index = start; index < end; index += 1) {
      const event = exportedEventSchema.safeParse(rawEvents[index]);
      if (!event.success) {
        throw new LogExportError(
          'invalid',
          `The export is invalid at ${describeFirstIssue(event.error, ['events', index])}`,
        );
      }
      events.push(event.data);
    }
    await yieldToEventLoop();
  }
  const envelope: ReadLogExport =
    parsed.data.schemaVersion === LEGACY_LOG_EXPORT_SCHEMA_VERSION
      ? { ...parsed.data, events, includes: { ...parsed.data.includes, rawIds: true } }
      : { ...(parsed.data as Omit<LogExport, 'events'>), events };
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
  const signature = envelope.signature;
  if (!signature) return { envelope, verification: { status: 'unverified' } };
  const valid = await verifyBytes(
    signature.publicKey,
    signature.keyId,
    signature.value,
    signedBytes(envelope.checksum.value, signature),
  );
  if (!valid) {
    throw new LogExportError(
      'bad-signature',
      'The signature does not match: the file was changed after it was signed, or the signature was copied from another file.',
    );
  }
  const trustedKey = trusted.find(
    (key) => key.keyId === signature.keyId && key.publicKey === signature.publicKey,
  );
  return {
    envelope,
    verification: trustedKey
      ? {
          status: 'verified',
          keyId: signature.keyId,
          signer: signature.signer,
          trustedAs: trustedKey.signer,
        }
      : { status: 'unknown-signer', keyId: signature.keyId, signer: signature.signer },
  };
}

/** `readLogExport` without the verdict on who signed (a bad signature still throws). */
export async function parseLogExport(text: string): Promise<ReadLogExport> {
  return (await readLogExport(text)).envelope;
}

/** One line on how far a file can be believed, for the CLI and logs. */
export function describeVerification(verification: ExportVerification): string {
  switch (verification.status) {
    case 'verified':
      return `verified (signed by trusted key "${verification.trustedAs}", ${verification.keyId.slice(0, 16)})`;
    case 'unknown-signer':
      return `signed by an unknown key ("${verification.signer}", ${verification.keyId.slice(0, 16)})`;
    case 'unverified':
      return 'unverified (checksum only)';
  }
}
