/**
 * Lists the file names in a zip archive by reading its central directory,
 * which is all the package check needs; no decompression, no dependency.
 * The reader itself is lib/packs/zip-directory.ts (shared with the
 * spreadsheet reader's size check).
 */
import { readZipDirectory } from '../../lib/packs/zip-directory';

export function listZipEntries(zip: Uint8Array): string[] {
  return readZipDirectory(zip).map((entry) => entry.name);
}
