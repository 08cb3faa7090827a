/**
 * CSV export for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * the umlauts right), RFC 4180 quoting, CRLF line ends, and formula
 * injection neutralised in every text cell.
 */
import type { LogEvent } from './events';
import type { ExportIncludes, ProgressCallback } from './export-options';
import { redactEvent } from './export-options';
import type { Cell } from './export-table';
import { columnsFor, exportRows, neutraliseFormula } from './export-table';

export const CSV_BOM = '\uFEFF';

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = neutraliseFormula(cell);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV as string parts (a Blob takes them without joining). */
export async function exportCsv(
  events: readonly LogEvent[],
  includes: ExportIncludes,
  onProgress?: ProgressCallback,
): Promise<string[]> {
  const redacted = events.map((event) => redactEvent(event, includes));
  const header = columnsFor(includes)
    .map((column) => column.id)
    .join(',');
  const parts = [`${CSV_BOM}${header}\r\n`];
  for await (const rows of exportRows(redacted, includes, onProgress)) {
    parts.push(rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join(''));
  }
  return parts;
}
