/**
 * Caps and sanity bounds for importing log exports (review findings 7 and
 * 14), in one place so the dashboard, the merge and the CLI refuse the same
 * files. Pure constants: the shared length limits of events live in
 * lib/domain (issue 15, the other half); these are only about whole files.
 *
 * Sizes: a real 200,000-event export with pseudonymised ids is about 64 MB
 * (BENCHMARKS.md), so the
 * caps leave room for the largest honest file a supervisor merges and refuse
 * what would exhaust a tab's memory.
 */

/** Largest export file read, in bytes (the dashboard checks `File.size`, the CLI `stat`). */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Most events one export may hold. */
export const MAX_IMPORT_EVENTS = 250_000;

/**
 * How far after the file's own `exportedAt` an event may be dated: clocks of
 * the exporting and the importing machine differ, an export never contains
 * events from its own future beyond that.
 */
export const FUTURE_ALLOWANCE_MS = 24 * 60 * 60 * 1000;

/** Nothing the extension logged can be older than this (it did not exist). */
export const EARLIEST_EVENT_AT = Date.UTC(2015, 0, 1);

/** Events written per transaction during a merge, with a pause for the page in between. */
export const IMPORT_CHUNK_SIZE = 2000;

/** Whether an imported event's time is plausible for a file exported at `exportedAt`. */
export function isPlausibleEventTime(at: number, exportedAt: number): boolean {
  return at >= EARLIEST_EVENT_AT && at <= exportedAt + FUTURE_ALLOWANCE_MS;
}

/** Bytes of `text` in UTF-8, counted without copying it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
