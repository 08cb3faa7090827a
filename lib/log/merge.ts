/**
 * Supervisors merge several advisors' JSON exports. Each file is verified
 * (format, version, schema, checksum) before anything is stored; a refused
 * file changes nothing. Events are merged by their stable ids, so importing
 * the same export twice — or an export that overlaps another, or one's own
 * events — adds nothing the second time. The report says, per file, what
 * was added and what was already there.
 */
import type { OutreachDatabase } from '../db/database';
import type { LogEvent } from './events';
import type { ExportedEvent, LogExport } from './envelope';
import { LogExportError, parseLogExport } from './envelope';
import { toLogStorageError } from './store';

export interface ImportFile {
  name: string;
  text: string;
}

export type ImportFileReport =
  | {
      fileName: string;
      status: 'merged';
      advisor: string;
      eventCount: number;
      added: number;
      duplicates: number;
      /** Older than this installation's retention period: not imported. */
      expired: number;
      from: string | null;
      to: string | null;
    }
  | { fileName: string; status: 'refused'; reason: string; code: LogExportError['code'] };

export interface ImportReport {
  files: ImportFileReport[];
  added: number;
  duplicates: number;
  expired: number;
  refused: number;
}

export interface ImportOptions {
  now?: number;
  /** Events before this time are outside the retention period and are not imported. */
  retentionCutoff?: number | null;
}

export function toStoredImport(event: ExportedEvent, importId: string): LogEvent {
  return { ...event, source: 'import', importId } as LogEvent;
}

/** Pure merge for the CLI: the union of all exports' events by id. */
export function mergeEnvelopes(envelopes: readonly LogExport[]): LogEvent[] {
  const byId = new Map<string, LogEvent>();
  for (const envelope of envelopes) {
    for (const event of envelope.events) {
      if (!byId.has(event.id)) byId.set(event.id, toStoredImport(event, envelope.checksum.value));
    }
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

async function mergeOne(
  db: OutreachDatabase,
  file: ImportFile,
  envelope: LogExport,
  now: number,
  cutoff: number | null,
): Promise<ImportFileReport> {
  const importId = envelope.checksum.value;
  const current = envelope.events.filter((event) => cutoff === null || event.at >= cutoff);
  const expired = envelope.events.length - current.length;
  const ids = current.map((event) => event.id);
  const result = await db.transaction('rw', db.events, db.imports, async () => {
    const existing = await db.events.bulkGet(ids);
    const seen = new Set<string>();
    const fresh: LogEvent[] = [];
    current.forEach((event, index) => {
      if (existing[index] !== undefined || seen.has(event.id)) return;
      seen.add(event.id);
      fresh.push(toStoredImport(event, importId));
    });
    await db.events.bulkAdd(fresh);
    const previous = await db.imports.get(importId);
    await db.imports.put({
      id: importId,
      advisor: envelope.advisor,
      fileName: file.name,
      importedAt: previous?.importedAt ?? now,
      exportedAt: envelope.exportedAt,
      from: envelope.range.from === null ? null : Date.parse(envelope.range.from),
      to: envelope.range.to === null ? null : Date.parse(envelope.range.to),
      eventCount: envelope.eventCount,
      added: (previous?.added ?? 0) + fresh.length,
      duplicates: current.length - fresh.length,
    });
    return { added: fresh.length, duplicates: current.length - fresh.length, expired };
  });
  return {
    fileName: file.name,
    status: 'merged',
    advisor: envelope.advisor,
    eventCount: envelope.eventCount,
    ...result,
    from: envelope.range.from,
    to: envelope.range.to,
  };
}

/** Verifies and merges each file in turn; one bad file does not stop the others. */
export async function importLogExports(
  db: OutreachDatabase,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? Date.now();
  const cutoff = options.retentionCutoff ?? null;
  const reports: ImportFileReport[] = [];
  for (const file of files) {
    let envelope: LogExport;
    try {
      envelope = await parseLogExport(file.text);
    } catch (error) {
      if (!(error instanceof LogExportError)) throw error;
      reports.push({
        fileName: file.name,
        status: 'refused',
        reason: error.message,
        code: error.code,
      });
      continue;
    }
    try {
      reports.push(await mergeOne(db, file, envelope, now, cutoff));
    } catch (error) {
      throw toLogStorageError(error);
    }
  }
  let added = 0;
  let duplicates = 0;
  let expired = 0;
  for (const report of reports) {
    if (report.status !== 'merged') continue;
    added += report.added;
    duplicates += report.duplicates;
    expired += report.expired;
  }
  return {
    files: reports,
    added,
    duplicates,
    expired,
    refused: reports.filter((report) => report.status === 'refused').length,
  };
}

/** Removes the events an import brought in (events also held locally stay). */
export async function removeImport(db: OutreachDatabase, importId: string): Promise<number> {
  return db.transaction('rw', db.events, db.imports, async () => {
    const removed = await db.events.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
    return removed;
  });
}
