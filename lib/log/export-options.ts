/**
 * What an export contains. By default nothing that names, quotes or points
 * at a person: no post text, no private notes, no author hashes, and post
 * keys and group ids only as keyed pseudonyms (a raw `fb:<post id>` with the
 * group id is a link to the post and its author, review finding 8). Each
 * must be chosen explicitly, and the JSON envelope records what was chosen.
 */
import type { LogEvent } from './events';
import type { IdPseudonymiser } from './export-signing';

export interface ExportIncludes {
  postText: boolean;
  notes: boolean;
  authorHash: boolean;
  /** Facebook's post keys and group ids as they are, instead of keyed pseudonyms. */
  rawIds: boolean;
}

export const DEFAULT_INCLUDES: ExportIncludes = {
  postText: false,
  notes: false,
  authorHash: false,
  rawIds: false,
};

/**
 * Above this many rows the dashboard offers CSV instead of Excel: exceljs
 * builds the whole workbook in memory (measured: ~1.8 GB peak for 100,000
 * rows, see BENCHMARKS.md), which can crash a browser tab.
 */
export const XLSX_MAX_ROWS = 50_000;

/** Rows are produced in chunks of this size, with a pause for the page in between. */
export const EXPORT_CHUNK_SIZE = 2000;

export type ProgressCallback = (done: number, total: number) => void;

/** Lets the page paint and handle input between chunks of a long export. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An event reduced to what the export may contain. */
export function redactEvent(event: LogEvent, includes: ExportIncludes): LogEvent {
  const copy: LogEvent = { ...event };
  delete copy.importId;
  if (!includes.postText) delete copy.postText;
  if (!includes.authorHash) copy.authorHash = null;
  if (!includes.notes && copy.type === 'note-added') copy.note = '';
  return copy;
}

/**
 * Redacts `events` for an export and, unless raw ids were chosen, replaces
 * post keys and group ids by keyed pseudonyms. Every export format goes
 * through here, so CSV, Excel and JSON leak the same (nothing).
 */
export async function prepareExportEvents(
  events: readonly LogEvent[],
  includes: ExportIncludes,
  pseudonymise: IdPseudonymiser | undefined,
  onProgress?: ProgressCallback,
): Promise<LogEvent[]> {
  if (!includes.rawIds && !pseudonymise) {
    throw new Error('An export without raw ids needs the installation’s pseudonymiser.');
  }
  const out: LogEvent[] = [];
  for (let start = 0; start < events.length; start += EXPORT_CHUNK_SIZE) {
    for (const event of events.slice(start, start + EXPORT_CHUNK_SIZE)) {
      const copy = redactEvent(event, includes);
      if (!includes.rawIds && pseudonymise) {
        copy.postKey = await pseudonymise('post', copy.postKey);
        if (copy.groupId !== null) copy.groupId = await pseudonymise('group', copy.groupId);
      }
      out.push(copy);
    }
    onProgress?.(Math.min(events.length, start + EXPORT_CHUNK_SIZE), events.length);
    await yieldToEventLoop();
  }
  return out;
}
