/**
 * `pack build` and `pack to-sheet`: spreadsheet authoring (packs/FORMAT.md).
 * File formats are handled here (exceljs for .xlsx, papaparse for .csv), the
 * layout in lib/packs/sheet.ts; both libraries stay out of the extension.
 * Validation is the same as `pack validate`, with locations translated to
 * sheet, row and column.
 */
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseFormulaCell, unneutraliseFormula } from '../../domain/formula';
import { LIMITS } from '../../domain/limits';
import { serialisePack } from '../../packs/assemble';
import { parsePack } from '../../packs/parse';
import { zipTooLarge } from '../../packs/zip-directory';
import { formatProblem } from '../../packs/problems';
import type { Pack } from '../../packs/schema';
import {
  ANSWERS_SHEET,
  PACK_SHEET,
  packFromRows,
  packToRows,
  SheetLayoutError,
  type Rows,
} from '../../packs/sheet';
import type { CliCommand, CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';
import {
  readFileWithinLimit,
  parseTodayFlag,
  readPackFile,
  readTextFile,
  writeProblems,
  parseFlags,
} from './pack-common';

const MAX_SHEET_BYTES = LIMITS.xlsxBytes;
/** In a CSV file, Pack fields are rows whose first cell is `pack.<field>`. */
const CSV_PACK_PREFIX = 'pack.';

type SheetKind = 'xlsx' | 'csv';

function kindOf(file: string): SheetKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new CliUsageError(`${file}: use a .xlsx or .csv file`);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function sheetRows(sheet: ExcelJS.Worksheet): Rows {
  const rows: Rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = unneutraliseFormula(cellText(cell.value));
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

async function readSheet(io: CliIo, file: string) {
  if (kindOf(file) === 'csv') {
    const text = await readTextFile(io, file, MAX_SHEET_BYTES);
    const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: false });
    // Cells were escaped against formula injection by "pack to-sheet"; undo it.
    const records = parsed.data.map((record) => record.map(unneutraliseFormula));
    const firstAnswerRow = records.findIndex(
      (r) => !(r[0] ?? '').startsWith(CSV_PACK_PREFIX) && (r[0] ?? '').trim() !== '',
    );
    const split = firstAnswerRow === -1 ? records.length : firstAnswerRow;
    const packRows = records
      .slice(0, split)
      .map((r) => [(r[0] ?? '').slice(CSV_PACK_PREFIX.length), r[1] ?? '']);
    return packFromRows(packRows, records.slice(split), {
      pack: file,
      answers: file,
      answersRowOffset: split,
    });
  }
  const bytes = await readFileWithinLimit(io, file, MAX_SHEET_BYTES);
  // Refused on the unpacked size, read from the zip directory before exceljs
  // inflates anything (finding 14). A lying directory still fails inside
  // exceljs, but a plain zip bomb is caught here.
  const tooLarge = zipTooLarge(bytes, {
    maxEntries: LIMITS.xlsxEntries,
    maxUncompressedBytes: LIMITS.xlsxUncompressedBytes,
  });
  if (tooLarge) throw new CliUserError(`${file}: not read as a workbook: ${tooLarge}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer);
  } catch {
    throw new CliUserError(`${file}: not a readable .xlsx workbook`);
  }
  const packSheet = workbook.getWorksheet(PACK_SHEET);
  const answerSheet = workbook.getWorksheet(ANSWERS_SHEET);
  if (!packSheet || !answerSheet) {
    throw new CliUserError(
      `${file}: needs the sheets "${PACK_SHEET}" and "${ANSWERS_SHEET}" (see packs/FORMAT.md)`,
    );
  }
  return packFromRows(sheetRows(packSheet), sheetRows(answerSheet));
}

/** Writes `pack` as .xlsx or .csv. */
export async function writeSheet(pack: Pack, path: string): Promise<void> {
  // Pack text must not run as a formula when the sheet is opened (finding 13);
  // "pack build" undoes the escaping.
  let raw: ReturnType<typeof packToRows>;
  try {
    raw = packToRows(pack);
  } catch (error) {
    if (error instanceof SheetLayoutError) throw new CliUserError(`${path}: ${error.message}`);
    throw error;
  }
  const escape = <T extends string | number>(rows: T[][]) =>
    rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? neutraliseFormulaCell(cell) : cell)),
    );
  const rows = { pack: escape(raw.pack), answers: escape(raw.answers) };
  if (kindOf(path) === 'csv') {
    const records = [
      ...rows.pack.slice(1).map(([f, v]) => [`${CSV_PACK_PREFIX}${f ?? ''}`, v ?? '']),
      ...rows.answers,
    ];
    await writeFile(path, `${Papa.unparse(records, { newline: '\r\n' })}\r\n`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Outreach Advisor';
  // Fixed dates keep regenerated templates free of spurious changes.
  workbook.created = new Date('2026-01-01T00:00:00Z');
  workbook.modified = workbook.created;
  const packSheet = workbook.addWorksheet(PACK_SHEET);
  packSheet.addRows(rows.pack);
  packSheet.columns = [{ width: 22 }, { width: 80 }];
  const answerSheet = workbook.addWorksheet(ANSWERS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  answerSheet.addRows(rows.answers);
  for (const sheet of [packSheet, answerSheet]) {
    sheet.getRow(1).font = { bold: true };
    sheet.eachRow((row) => {
      row.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  answerSheet.columns.forEach((column, i) => {
    column.width = [14, 15].includes(i) ? 60 : i === 13 ? 36 : 18;
  });
  await workbook.xlsx.writeFile(path);
}

export const packBuildCommand: CliCommand = {
  path: ['pack', 'build'],
  summary: 'Build a pack JSON file from a spreadsheet (.xlsx or .csv)',
  usage: `Usage: npm run --silent cli -- pack build SHEET -o PACK.json [--today YYYY-MM-DD]

Reads the spreadsheet layout described in packs/FORMAT.md (template:
packs/template.xlsx, packs/template.csv), validates the result like
"pack validate" and writes it. Problems name sheet, row and column.

Exit codes: 0 written (possibly with warnings), 1 the sheet has errors
(nothing written), 2 wrong call.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, today: { type: 'string' } },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one spreadsheet.');
    if (!values.output) throw new CliUsageError('-o PACK.json is required.');
    const today = parseTodayFlag(values.today);
    const built = await readSheet(io, positionals[0]);
    const result = parsePack(built.pack, today === undefined ? {} : { today });
    const problems = [
      ...built.problems,
      ...result.problems.map((p) => ({ ...p, path: `${built.locate(p.path)} [${p.path}]` })),
    ];
    writeProblems(io.stderr, problems);
    if (!result.ok || built.problems.length > 0) return 1;
    await writeFile(resolve(io.cwd, values.output), serialisePack(result.pack));
    io.stdout.write(`wrote ${values.output}: ${result.pack.answers.length} answers\n`);
    return 0;
  },
};

export const packToSheetCommand: CliCommand = {
  path: ['pack', 'to-sheet'],
  summary: 'Write a pack as a spreadsheet (.xlsx or .csv) for editing',
  usage: `Usage: npm run --silent cli -- pack to-sheet PACK.json -o FILE.xlsx|FILE.csv

Writes the pack in the layout of packs/FORMAT.md; "pack build" reads it back
to an equal pack (the signature is not carried over: sign again after editing).

Exit codes: 0 written, 1 the pack has errors, 2 wrong call.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' } },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one pack file.');
    if (!values.output) throw new CliUsageError('-o FILE.xlsx or -o FILE.csv is required.');
    kindOf(values.output);
    const result = await readPackFile(io, positionals[0]);
    if (!result.ok) {
      for (const p of result.problems)
        if (p.severity === 'error') io.stderr.write(`${formatProblem(p)}\n`);
      return 1;
    }
    await writeSheet(result.pack, resolve(io.cwd, values.output));
    io.stdout.write(`wrote ${values.output}\n`);
    return 0;
  },
};
