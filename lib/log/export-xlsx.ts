/**
 * Excel export with exceljs (already used for pack spreadsheets, so no
 * second xlsx library). The module is loaded on demand: it is large, and
 * only the dashboard's export and the benchmark need it. Text cells get the
 * same formula neutralisation as the CSV; times stay ISO-8601 text so no
 * time zone is silently applied.
 */
import type * as ExcelJs from 'exceljs';
import type { LogEvent } from './events';
import type { ExportIncludes, ProgressCallback } from './export-options';
import { redactEvent } from './export-options';
import { columnsFor, exportRows, neutraliseFormula } from './export-table';

type ExcelModule = typeof ExcelJs;

async function loadExcel(): Promise<ExcelModule> {
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.Workbook ? module : (module.default as ExcelModule);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportXlsx(
  events: readonly LogEvent[],
  includes: ExportIncludes,
  onProgress?: ProgressCallback,
): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Outreach Advisor';
  const sheet = workbook.addWorksheet('log', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = columnsFor(includes);
  sheet.columns = columns.map((column) => ({
    header: column.id,
    key: column.id,
    width: Math.max(10, column.id.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const redacted = events.map((event) => redactEvent(event, includes));
  for await (const rows of exportRows(redacted, includes, onProgress)) {
    sheet.addRows(
      rows.map((row) =>
        row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)),
      ),
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Reads an exported workbook back as rows of text (tests and checks). */
export async function readXlsxRows(data: Uint8Array): Promise<string[][]> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  await workbook.xlsx.load(
    data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}
