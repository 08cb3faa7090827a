/**
 * What an export contains. By default nothing that names or quotes a person:
 * no post text, no private notes, no author hashes. Each must be chosen
 * explicitly, and the JSON envelope records what was chosen.
 */
import type { LogEvent } from './events';

export interface ExportIncludes {
  postText: boolean;
  notes: boolean;
  authorHash: boolean;
}

export const DEFAULT_INCLUDES: ExportIncludes = {
  postText: false,
  notes: false,
  authorHash: false,
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
