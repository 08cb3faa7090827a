/**
 * The flat, spreadsheet-shaped view of events shared by the CSV and XLSX
 * exports: one row per event, fixed column ids (stable: supervisors' scripts
 * read them), and the escaping that keeps spreadsheet formulas out.
 */
import { neutraliseFormulaCell } from '../domain/formula';
import type { LogEvent } from './events';
import type { ExportIncludes, ProgressCallback } from './export-options';
import { EXPORT_CHUNK_SIZE, yieldToEventLoop } from './export-options';

export type Cell = string | number | boolean | null;

interface Column {
  id: string;
  value: (event: LogEvent) => Cell;
  /** Only with this include chosen. */
  requires?: keyof ExportIncludes;
}

function field(event: LogEvent, key: string): Cell {
  const value = (event as unknown as Record<string, unknown>)[key];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.join(' ');
  return value as Cell;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const COLUMNS: readonly Column[] = [
  { id: 'event_id', value: (e) => e.id },
  { id: 'type', value: (e) => e.type },
  { id: 'time', value: (e) => iso(e.at) },
  { id: 'advisor', value: (e) => e.advisor },
  { id: 'group_id', value: (e) => e.groupId },
  { id: 'group_name', value: (e) => e.groupName },
  { id: 'post_key', value: (e) => e.postKey },
  { id: 'language', value: (e) => e.language },
  { id: 'topic', value: (e) => e.topic },
  { id: 'is_question', value: (e) => e.isQuestion },
  { id: 'posted_at', value: (e) => iso(e.postedAt) },
  { id: 'answer_id', value: (e) => field(e, 'answerId') },
  { id: 'answer_ids', value: (e) => field(e, 'answerIds') },
  { id: 'pack_id', value: (e) => field(e, 'packId') },
  { id: 'pack_version', value: (e) => field(e, 'packVersion') },
  { id: 'reply_language', value: (e) => field(e, 'replyLanguage') },
  { id: 'edited', value: (e) => field(e, 'edited') },
  { id: 'chosen_via', value: (e) => field(e, 'chosenVia') },
  { id: 'referred_to', value: (e) => field(e, 'referredTo') },
  { id: 'outcome', value: (e) => field(e, 'outcome') },
  { id: 'escalation', value: (e) => field(e, 'escalation') },
  { id: 'claim_id', value: (e) => field(e, 'claimId') },
  { id: 'comment_key', value: (e) => field(e, 'commentKey') },
  { id: 'note', value: (e) => field(e, 'note'), requires: 'notes' },
  { id: 'author_hash', value: (e) => e.authorHash, requires: 'authorHash' },
  { id: 'post_text', value: (e) => e.postText ?? null, requires: 'postText' },
];

export function columnsFor(includes: ExportIncludes): Column[] {
  return COLUMNS.filter((column) => !column.requires || includes[column.requires]);
}

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection") gets a
 * leading apostrophe: cells starting with = + - @ or their fullwidth forms,
 * also after leading whitespace, NBSP or invisible characters, and cells
 * starting with tab, CR or LF (lib/domain/formula.ts, finding 13).
 */
export function neutraliseFormula(text: string): string {
  return neutraliseFormulaCell(text);
}

/** Rows of cells, produced chunk by chunk so the page stays responsive. */
export async function* exportRows(
  events: readonly LogEvent[],
  includes: ExportIncludes,
  onProgress?: ProgressCallback,
): AsyncGenerator<Cell[][]> {
  const columns = columnsFor(includes);
  for (let start = 0; start < events.length; start += EXPORT_CHUNK_SIZE) {
    const chunk = events.slice(start, start + EXPORT_CHUNK_SIZE);
    yield chunk.map((event) => columns.map((column) => column.value(event)));
    onProgress?.(Math.min(events.length, start + EXPORT_CHUNK_SIZE), events.length);
    await yieldToEventLoop();
  }
  if (events.length === 0) onProgress?.(0, 0);
}
