/**
 * Reads a zip archive's central directory: each entry's name and its
 * compressed and uncompressed sizes, without decompressing anything. The
 * spreadsheet reader uses it to refuse an .xlsx whose parts would unpack to
 * more than a limit before exceljs inflates them (security review finding 14:
 * a 1 MB zip bomb reached 1.1 GB of memory), and the package check to list a
 * package's files. ZIP64 archives (over 65,535 entries or 4 GiB) are refused:
 * neither a workbook nor one of our packages needs them.
 *
 * Pure: takes bytes, returns data.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export function readZipDirectory(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new Error('ZIP64 archives are not supported');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`broken central directory at entry ${index}`);
    }
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      throw new Error('ZIP64 archives are not supported');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      compressedSize,
      uncompressedSize,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Why a zip must not be unpacked, or null: more entries than `maxEntries`, or
 * more than `maxUncompressedBytes` in all once unpacked.
 */
export function zipTooLarge(
  zip: Uint8Array,
  limits: { maxEntries: number; maxUncompressedBytes: number },
): string | null {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (entries.length > limits.maxEntries)
    return `it has ${String(entries.length)} parts, more than the ${String(limits.maxEntries)} a workbook may have`;
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes)
    return `it would unpack to ${String(Math.round(total / 1024 / 1024))} MB, over the limit of ${String(limits.maxUncompressedBytes / 1024 / 1024)} MB`;
  return null;
}
