/**
 * Supervisors merge several advisors' JSON exports. Each file is verified
 * (size, format, version, schema, checksum, signature) before anything is
 * stored; a refused file changes nothing. Events are merged by their stable
 * ids, so importing the same export twice — or an export that overlaps
 * another, or one's own events — adds nothing the second time. The report
 * says, per file, how far it can be believed (verified / unknown signer /
 * unverified), what was added and what was already there.
 *
 * Imports respect privacy (review finding 7): fields the file's `includes`
 * or this installation's settings do not allow are dropped, and events dated
 * before 2015 or after the file's own export time are refused and counted.
 * Large files are written in chunks, one transaction each, with a pause in
 * between (finding 14); if storage fails half-way, what this run added to
 * that file is taken out again. A run can be cancelled (`signal`): then
 * everything the run wrote, over all its files, is taken out and the import
 * records are put back as they were, in one transaction.
 *
 * The dashboard runs this in a Web Worker (import.worker.ts, driven by
 * import-client.ts); the CLI and tests call it directly.
 */
import type { OutreachDatabase } from '../db/database';
import type { GroupRegisterEntry } from '../groups/register';
import { groupKey, mergeGroupRegisterEntries } from '../groups/register';
import { upgradeLegacyEvent, type LogEvent } from './events';
import type { ImportRecord } from './records';
import type { ExportedEvent, ExportVerification, ReadLogExport } from './envelope';
import { LogExportError, readLogExport } from './envelope';
import type { ProgressCallback } from './export-options';
import { yieldToEventLoop } from './export-options';
import type { TrustedKey } from './export-signing';
import {
  formatMegabytes,
  IMPORT_CHUNK_SIZE,
  isPlausibleEventTime,
  MAX_IMPORT_FILE_BYTES,
  utf8ByteLength,
} from './import-limits';
import { toLogStorageError } from './store';
import type { PostKeyKeyer } from '../privacy/post-key';
import { keyPostKeysOf } from '../privacy/post-key';

export interface ImportFile {
  name: string;
  text: string;
}

export type ImportFileReport =
  | {
      fileName: string;
      status: 'merged';
      advisor: string;
      verification: ExportVerification;
      eventCount: number;
      added: number;
      duplicates: number;
      /** Older than this installation's retention period: not imported. */
      expired: number;
      /** Dated before 2015 or after the file was exported: not imported. */
      outOfRange: number;
      from: string | null;
      to: string | null;
    }
  | { fileName: string; status: 'refused'; reason: string; code: LogExportError['code'] };

export interface ImportReport {
  files: ImportFileReport[];
  added: number;
  duplicates: number;
  expired: number;
  outOfRange: number;
  refused: number;
}

export interface ImportOptions {
  now?: number;
  /** Events before this time are outside the retention period and are not imported. */
  retentionCutoff?: number | null;
  /** This installation's `storePostText` setting: imported post text is kept only if it is on. */
  storePostText?: boolean;
  /** Advisor keys the supervisor trusts. */
  trusted?: readonly TrustedKey[];
  /** Events written so far, over all files. */
  onProgress?: ProgressCallback;
  /**
   * This installation's post-key keyer: `fbh:` keys in a raw-id export are
   * stored keyed, like the background stores its own
   * (docs/ARCHITECTURE.md#keyed-fallback-post-keys). Without it (CLI, tests)
   * keys are stored as the file has them.
   */
  keyPostKey?: PostKeyKeyer;
  /** Files read and verified so far, and the events they hold. */
  onRead?: (progress: { files: number; events: number }) => void;
  /** Aborting cancels the run and takes out everything it wrote (`ImportCancelledError`). */
  signal?: AbortSignal;
}

/** The run was cancelled; the database is as it was before it started. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; nothing was changed.');
    this.name = 'ImportCancelledError';
  }
}

export interface SanitiseOptions {
  storePostText: boolean;
}

export function toStoredImport(event: ExportedEvent, importId: string): LogEvent {
  // An export from before the one documentation flow may hold "handled" / "referred".
  return upgradeLegacyEvent({ ...event, source: 'import', importId } as LogEvent);
}

/**
 * What may be kept of a file's events here: the fields both the file's
 * `includes` and the local settings allow, and only plausibly dated events.
 */
export function sanitiseImportedEvents(
  envelope: ReadLogExport,
  options: SanitiseOptions,
): { events: ExportedEvent[]; outOfRange: number } {
  const exportedAt = Date.parse(envelope.exportedAt);
  const keepText = envelope.includes.postText && options.storePostText;
  const events: ExportedEvent[] = [];
  let outOfRange = 0;
  for (const event of envelope.events) {
    if (!isPlausibleEventTime(event.at, exportedAt)) {
      outOfRange += 1;
      continue;
    }
    const copy = { ...event };
    if (!keepText) delete copy.postText;
    if (!envelope.includes.authorHash) copy.authorHash = null;
    if (!envelope.includes.notes && copy.type === 'note-added') copy.note = '';
    if (copy.postedAt !== null && !isPlausibleEventTime(copy.postedAt, exportedAt)) {
      copy.postedAt = null;
    }
    events.push(copy);
  }
  return { events, outOfRange };
}

/**
 * The group register entries a file may contribute: none from files without
 * one, and the supervisor's notes only where the file says it includes notes.
 */
export function sanitiseImportedGroups(envelope: ReadLogExport): GroupRegisterEntry[] {
  return (envelope.groups ?? []).map((group) =>
    envelope.includes.notes ? group : { ...group, notes: '' },
  );
}

/** The register entries of several exports, merged per group key (`mergeGroupRegisterEntries`). */
export function mergeEnvelopeGroups(envelopes: readonly ReadLogExport[]): GroupRegisterEntry[] {
  return mergeGroupRegisterEntries(envelopes.flatMap(sanitiseImportedGroups));
}

/** Events and group register of several exports, merged: what the funder report reads. */
export function mergeLogExports(
  envelopes: readonly ReadLogExport[],
  options: SanitiseOptions = { storePostText: false },
): { events: LogEvent[]; groups: GroupRegisterEntry[] } {
  return { events: mergeEnvelopes(envelopes, options), groups: mergeEnvelopeGroups(envelopes) };
}

/** Pure merge for the CLI: the union of all exports' (sanitised) events by id. */
export function mergeEnvelopes(
  envelopes: readonly ReadLogExport[],
  options: SanitiseOptions = { storePostText: false },
): LogEvent[] {
  const byId = new Map<string, LogEvent>();
  for (const envelope of envelopes) {
    for (const event of sanitiseImportedEvents(envelope, options).events) {
      if (!byId.has(event.id)) byId.set(event.id, toStoredImport(event, envelope.checksum.value));
    }
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

interface MergeContext {
  now: number;
  cutoff: number | null;
  storePostText: boolean;
  keyPostKey?: PostKeyKeyer;
  progress: { done: number; total: number; report?: ProgressCallback };
  signal?: AbortSignal;
  /** Ids of every event this run added, over all files (for a cancel). */
  addedIds: string[];
  /** Import records as they were before this run touched them (`null`: there was none). */
  previousImports: Map<string, ImportRecord | null>;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelledError();
}

async function mergeOne(
  db: OutreachDatabase,
  file: ImportFile,
  envelope: ReadLogExport,
  verification: ExportVerification,
  context: MergeContext,
): Promise<ImportFileReport> {
  const importId = envelope.checksum.value;
  const { cutoff, now } = context;
  const sane = sanitiseImportedEvents(envelope, { storePostText: context.storePostText });
  const current = sane.events.filter((event) => cutoff === null || event.at >= cutoff);
  const expired = sane.events.length - current.length;
  const seen = new Set<string>();
  const addedIds: string[] = [];
  const restorePrevious = async () => {
    const previous = context.previousImports.get(importId);
    if (previous === undefined) return;
    if (previous === null) await db.imports.delete(importId);
    else await db.imports.put(previous);
  };
  try {
    // The record comes first, marked interrupted, and each chunk counts itself in it in
    // the same transaction: if the dashboard closes mid-import, what was stored is
    // listed (and can be removed or completed), never orphaned.
    await db.transaction('rw', db.imports, async () => {
      const previous = await db.imports.get(importId);
      if (!context.previousImports.has(importId))
        context.previousImports.set(importId, previous ?? null);
      await db.imports.put({
        id: importId,
        advisor: envelope.advisor,
        fileName: file.name,
        importedAt: previous?.importedAt ?? now,
        exportedAt: envelope.exportedAt,
        from: envelope.range.from === null ? null : Date.parse(envelope.range.from),
        to: envelope.range.to === null ? null : Date.parse(envelope.range.to),
        eventCount: envelope.eventCount,
        added: previous?.added ?? 0,
        duplicates: previous?.duplicates ?? 0,
        verification: verification.status,
        interrupted: true,
      });
    });
    for (let start = 0; start < current.length; start += IMPORT_CHUNK_SIZE) {
      throwIfCancelled(context.signal);
      const slice = current.slice(start, start + IMPORT_CHUNK_SIZE);
      const chunk = context.keyPostKey ? await keyPostKeysOf(slice, context.keyPostKey) : slice;
      let fresh: LogEvent[] = [];
      await db.transaction('rw', db.events, db.imports, async () => {
        const existing = await db.events.bulkGet(chunk.map((event) => event.id));
        fresh = [];
        chunk.forEach((event, index) => {
          if (existing[index] !== undefined || seen.has(event.id)) return;
          seen.add(event.id);
          fresh.push(toStoredImport(event, importId));
        });
        await db.events.bulkAdd(fresh);
        const count = fresh.length;
        if (count > 0) {
          await db.imports
            .where('id')
            .equals(importId)
            .modify((record) => {
              record.added += count;
            });
        }
      });
      for (const event of fresh) {
        addedIds.push(event.id);
        context.addedIds.push(event.id);
      }
      context.progress.done += chunk.length;
      context.progress.report?.(context.progress.done, context.progress.total);
      await yieldToEventLoop();
    }
    throwIfCancelled(context.signal);
    const added = addedIds.length;
    // The file's group register arrives with the completed record, in one transaction.
    const groups = sanitiseImportedGroups(envelope).map((entry) => ({
      ...entry,
      importId,
      key: groupKey(entry),
    }));
    await db.transaction('rw', db.imports, db.importedGroups, async () => {
      const record = await db.imports.get(importId);
      if (!record) return; // removed meanwhile from another dashboard: its events went with it
      const { interrupted: _done, ...complete } = record;
      await db.imports.put({ ...complete, duplicates: current.length - added });
      await db.importedGroups.bulkPut(groups);
    });
  } catch (error) {
    // A cancel takes out the whole run (importLogExports); a storage failure this file.
    if (error instanceof ImportCancelledError) throw error;
    await db
      .transaction('rw', db.events, db.imports, async () => {
        await db.events.bulkDelete(addedIds);
        await restorePrevious();
      })
      .catch(() => undefined);
    throw error;
  }
  return {
    fileName: file.name,
    status: 'merged',
    advisor: envelope.advisor,
    verification,
    eventCount: envelope.eventCount,
    added: addedIds.length,
    duplicates: current.length - addedIds.length,
    expired,
    outOfRange: sane.outOfRange,
    from: envelope.range.from,
    to: envelope.range.to,
  };
}

/** Refuses a file too large to read, before anything parses it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_FILE_BYTES) {
    throw new LogExportError(
      'too-large',
      `The file is ${formatMegabytes(bytes)}; at most ${formatMegabytes(MAX_IMPORT_FILE_BYTES)} are read. Export shorter periods.`,
    );
  }
}

/** A file already read and verified (`readLogExport`), ready to merge. */
export interface ReadFile {
  file: ImportFile;
  envelope: ReadLogExport;
  verification: ExportVerification;
}

/**
 * Verifies every file first, then merges the good ones in turn; one bad file
 * does not stop the others.
 */
export async function importLogExports(
  db: OutreachDatabase,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const results: (ReadFile | ImportFileReport)[] = [];
  let eventsRead = 0;
  for (const file of files) {
    throwIfCancelled(options.signal);
    try {
      checkImportSize(utf8ByteLength(file.text));
      const { envelope, verification } = await readLogExport(file.text, options.trusted);
      results.push({ file, envelope, verification });
      eventsRead += envelope.events.length;
    } catch (error) {
      if (!(error instanceof LogExportError)) throw error;
      results.push({
        fileName: file.name,
        status: 'refused',
        reason: error.message,
        code: error.code,
      });
    }
    options.onRead?.({ files: results.length, events: eventsRead });
    // A pause between files, so a cancel can arrive.
    await yieldToEventLoop();
  }
  return mergeReadExports(db, results, options);
}

/**
 * Merges files already read and verified (refused ones are only reported):
 * the second half of `importLogExports`, for callers that had to read a
 * file before deciding to merge it (team sync's fetch), so it is not parsed
 * and verified twice.
 */
export async function mergeReadExports(
  db: OutreachDatabase,
  results: readonly (ReadFile | ImportFileReport)[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  throwIfCancelled(options.signal);
  const context: MergeContext = {
    now: options.now ?? Date.now(),
    cutoff: options.retentionCutoff ?? null,
    storePostText: options.storePostText ?? false,
    keyPostKey: options.keyPostKey,
    progress: {
      done: 0,
      total: results.reduce(
        (sum, item) => sum + ('envelope' in item ? item.envelope.events.length : 0),
        0,
      ),
      report: options.onProgress,
    },
    signal: options.signal,
    addedIds: [],
    previousImports: new Map(),
  };
  const reports: ImportFileReport[] = [];
  for (const item of results) {
    if (!('envelope' in item)) {
      reports.push(item);
      continue;
    }
    try {
      reports.push(await mergeOne(db, item.file, item.envelope, item.verification, context));
    } catch (error) {
      if (error instanceof ImportCancelledError) {
        await undoRun(db, context);
        throw error;
      }
      throw toLogStorageError(error);
    }
  }
  let added = 0;
  let duplicates = 0;
  let expired = 0;
  let outOfRange = 0;
  for (const report of reports) {
    if (report.status !== 'merged') continue;
    added += report.added;
    duplicates += report.duplicates;
    expired += report.expired;
    outOfRange += report.outOfRange;
  }
  return {
    files: reports,
    added,
    duplicates,
    expired,
    outOfRange,
    refused: reports.filter((report) => report.status === 'refused').length,
  };
}

/** Takes out everything a cancelled run wrote, in one transaction: all or nothing. */
async function undoRun(db: OutreachDatabase, context: MergeContext): Promise<void> {
  await db.transaction('rw', db.events, db.imports, db.importedGroups, async () => {
    await db.events.bulkDelete(context.addedIds);
    for (const [id, previous] of context.previousImports) {
      if (previous === null) {
        await db.imports.delete(id);
        await db.importedGroups.where('importId').equals(id).delete();
      } else await db.imports.put(previous);
    }
  });
}

/** Removes the events and group register entries an import brought in (events also held locally stay). */
export async function removeImport(db: OutreachDatabase, importId: string): Promise<number> {
  return db.transaction('rw', db.events, db.imports, db.importedGroups, async () => {
    const removed = await db.events.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
    await db.importedGroups.where('importId').equals(importId).delete();
    return removed;
  });
}
