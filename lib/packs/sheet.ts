/**
 * Spreadsheet layout of a pack (packs/FORMAT.md, "Spreadsheet layout"), as
 * plain rows of text, so the conversion is pure and the CLI only does file
 * I/O (xlsx via exceljs, csv via papaparse).
 *
 * - Sheet "Pack": two columns, `field` and `value`, one header field a row.
 * - Sheet "Answers": one row per answer × language. Answer fields (topic,
 *   kind, links, review, ...) may be left empty on the later rows of the same
 *   id; when filled in, they must equal the first row.
 * - Lists (placeholders, keywords, examples, legalBasis, languages): one entry
 *   per line in the cell, or separated by `|` when the cell has no line break.
 * - The referral directory (optional) is one Pack field, `referrals`, holding
 *   the JSON list exactly as in the pack file, so the round trip is exact.
 * - Links: one per line (or `|`), each `https://url Label text`; that label
 *   is the fallback. A language's own labels sit in `linkLabels` on that
 *   language's row: line N is the label of link N, an empty line means "use
 *   the fallback".
 * - Claims (myth corrections only) sit in `claims` on each language's row, as
 *   that language's part in JSON: `[{"id", "statement", "patterns",
 *   "examples"}]`; the answer's claims are the ids in order of appearance.
 */
import type { PackProblem } from './problems';
import type { Pack } from './schema';

export const PACK_SHEET = 'Pack';
export const ANSWERS_SHEET = 'Answers';

export const PACK_FIELDS = [
  'schemaVersion',
  'id',
  'version',
  'title',
  'description',
  'publisher.name',
  'publisher.url',
  'publisher.contact',
  'canonicalLanguage',
  'languages',
  'exampleContent',
  'updatedAt',
  'updateUrl',
  'referrals',
] as const;

/** A spreadsheet cell holds at most this many characters (Excel's limit). */
export const MAX_CELL_LENGTH = 32_767;

/** A pack the spreadsheet layout cannot hold; the message says what to do instead. */
export class SheetLayoutError extends Error {
  override name = 'SheetLayoutError';
}

export const ANSWER_COLUMNS = [
  'id',
  'topic',
  'kind',
  'canonicalVersion',
  'placeholders',
  'links',
  'reviewStatus',
  'reviewer',
  'reviewedAt',
  'validUntil',
  'legalBasis',
  'reviewNote',
  'language',
  'title',
  'body',
  'keywords',
  'examples',
  'sourceVersion',
  'linkLabels',
  'claims',
] as const;
type AnswerColumn = (typeof ANSWER_COLUMNS)[number];
const ANSWER_LEVEL: readonly AnswerColumn[] = ANSWER_COLUMNS.slice(0, 12);
/** Columns a sheet may leave out: written by later versions of `pack to-sheet`. */
const OPTIONAL_COLUMNS: readonly AnswerColumn[] = ['reviewNote', 'linkLabels', 'claims'];

export type Rows = string[][];

/** One language's part of an answer's claims, as the `claims` cell holds it. */
function claimCell(
  answer: Pack['answers'][number],
  language: keyof Pack['answers'][number]['texts'],
): string {
  const parts = (answer.claims ?? []).flatMap((claim) => {
    const text = claim.texts[language];
    return text ? [{ id: claim.id, ...text }] : [];
  });
  return parts.length === 0 ? '' : JSON.stringify(parts);
}

export function splitList(cell: string): string[] {
  const parts = cell.includes('\n') ? cell.split(/\r?\n/) : cell.split('|');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** One entry per line; a lone entry with `|` gets a line break so it is not split. */
const joinList = (items: readonly string[]) =>
  items.length === 1 && items[0]?.includes('|') ? `${items[0]}\n` : items.join('\n');

/**
 * `linkLabels`: line N belongs to link N, so empty lines count (unlike
 * `splitList`); trailing empty lines change nothing and are dropped.
 */
export function splitLinkLabels(cell: string): string[] {
  const lines = cell.split(/\r?\n/).map((line) => line.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function joinLinkLabels(labels: readonly string[]): string {
  const lines = [...labels];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `sheet Answers, row 5, column O (body)`; rows count from 1 like in the spreadsheet. */
export function cellName(
  sheet: string,
  row: number,
  column?: { index: number; name: string },
): string {
  const base = `sheet ${sheet}, row ${row}`;
  return column ? `${base}, column ${columnLetter(column.index)} (${column.name})` : base;
}

function toNumber(cell: string): number | string {
  return /^\s*\d+\s*$/.test(cell) ? Number(cell) : cell;
}

export interface SheetBuild {
  /** The pack as read, not yet validated (parsePack does that). */
  pack: Record<string, unknown>;
  /** Problems found while reading the layout itself. */
  problems: PackProblem[];
  /** Turns a JSON path from the validator into a spreadsheet location. */
  locate(path: string): string;
}

/** Reads the two tables into a pack object. `csv` names the sheets as one file. */
export function packFromRows(
  packRows: Rows,
  answerRows: Rows,
  names: { pack: string; answers: string; answersRowOffset?: number } = {
    pack: PACK_SHEET,
    answers: ANSWERS_SHEET,
  },
): SheetBuild {
  const rowOffset = names.answersRowOffset ?? 0;
  const problems: PackProblem[] = [];
  const headerLocation = new Map<string, string>();
  const header: Record<string, unknown> = {};
  const publisher: Record<string, unknown> = {};
  packRows.forEach((row, i) => {
    const field = (row[0] ?? '').trim();
    if (i === 0 && field === 'field') return;
    if (field === '') return;
    const value = row[1] ?? '';
    const where = cellName(names.pack, i + 1, { index: 1, name: field });
    if (!(PACK_FIELDS as readonly string[]).includes(field)) {
      problems.push({
        severity: 'error',
        path: cellName(names.pack, i + 1, { index: 0, name: 'field' }),
        message: `unknown field "${field}"; fields are ${PACK_FIELDS.join(', ')}`,
      });
      return;
    }
    headerLocation.set(field, where);
    if (value.trim() === '' && field !== 'description') return;
    if (field.startsWith('publisher.')) publisher[field.slice('publisher.'.length)] = value.trim();
    else if (field === 'schemaVersion') header[field] = toNumber(value);
    else if (field === 'referrals') {
      try {
        header[field] = JSON.parse(value) as unknown;
      } catch (error) {
        problems.push({
          severity: 'error',
          path: where,
          message: `not valid JSON (${(error as Error).message}); the referral directory is written as in the pack file`,
        });
      }
    } else if (field === 'languages') header[field] = splitList(value);
    else if (field === 'exampleContent')
      header[field] =
        value.trim().toLowerCase() === 'true'
          ? true
          : value.trim().toLowerCase() === 'false'
            ? false
            : value;
    else header[field] = field === 'description' ? value : value.trim();
  });
  header.publisher = publisher;

  const columns = new Map<string, number>();
  (answerRows[0] ?? []).forEach((name, index) => columns.set(name.trim(), index));
  for (const required of ANSWER_COLUMNS) {
    if (!columns.has(required) && !OPTIONAL_COLUMNS.includes(required)) {
      problems.push({
        severity: 'error',
        path: cellName(names.answers, 1 + rowOffset),
        message: `the header row lacks the column "${required}"`,
      });
    }
  }
  const answers: Record<string, unknown>[] = [];
  const answerIndex = new Map<
    string,
    { index: number; firstRow: number; cells: Map<AnswerColumn, string> }
  >();
  const textLocation = new Map<string, number>();
  /** Per answer index, per language: the labels by link position, as read. */
  const linkLabelCells = new Map<number, { language: string; row: number; cell: string }[]>();
  const cellOf = (row: string[], column: AnswerColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (row[index] ?? '');
  };
  const columnRef = (column: string) => ({ index: columns.get(column) ?? 0, name: column });

  answerRows.slice(1).forEach((row, offset) => {
    const rowNumber = offset + 2 + rowOffset;
    if (row.every((c) => c.trim() === '')) return;
    const id = cellOf(row, 'id').trim();
    if (id === '') {
      problems.push({
        severity: 'error',
        path: cellName(names.answers, rowNumber, columnRef('id')),
        message: 'missing the answer id',
      });
      return;
    }
    let entry = answerIndex.get(id);
    if (!entry) {
      const cells = new Map(ANSWER_LEVEL.map((c) => [c, cellOf(row, c)]));
      entry = { index: answers.length, firstRow: rowNumber, cells };
      answerIndex.set(id, entry);
      const review: Record<string, unknown> = {
        status: cells.get('reviewStatus')?.trim() ?? '',
        reviewer: cells.get('reviewer')?.trim() || null,
        reviewedAt: cells.get('reviewedAt')?.trim() || null,
        validUntil: cells.get('validUntil')?.trim() || null,
        legalBasis: splitList(cells.get('legalBasis') ?? ''),
      };
      const note = cells.get('reviewNote') ?? '';
      if (note.trim() !== '') review.note = note;
      answers.push({
        id,
        topic: cells.get('topic')?.trim() ?? '',
        kind: cells.get('kind')?.trim() ?? '',
        canonicalVersion: toNumber(cells.get('canonicalVersion') ?? ''),
        placeholders: splitList(cells.get('placeholders') ?? ''),
        links: splitList(cells.get('links') ?? '').map((line) => {
          const match = /^(\S+)\s+(.+)$/.exec(line);
          return match ? { url: match[1], label: match[2]?.trim() } : { url: line, label: '' };
        }),
        review,
        texts: {},
      });
    } else {
      for (const column of ANSWER_LEVEL.slice(1)) {
        const value = cellOf(row, column);
        if (value.trim() !== '' && value.trim() !== (entry.cells.get(column) ?? '').trim()) {
          problems.push({
            severity: 'error',
            path: cellName(names.answers, rowNumber, columnRef(column)),
            message: `differs from row ${entry.firstRow}, the first row of answer "${id}"; leave it empty or repeat the same value`,
          });
        }
      }
    }
    const language = cellOf(row, 'language').trim();
    const texts = answers[entry.index]?.texts as Record<string, unknown>;
    if (language in texts) {
      problems.push({
        severity: 'error',
        path: cellName(names.answers, rowNumber, columnRef('language')),
        message: `a second "${language}" row for answer "${id}" (the first is row ${String(textLocation.get(`${entry.index}.${language}`))})`,
      });
      return;
    }
    textLocation.set(`${entry.index}.${language}`, rowNumber);
    const labelCell = cellOf(row, 'linkLabels');
    if (labelCell.trim() !== '') {
      const cells = linkLabelCells.get(entry.index) ?? [];
      cells.push({ language, row: rowNumber, cell: labelCell });
      linkLabelCells.set(entry.index, cells);
    }
    const claimCell = cellOf(row, 'claims').trim();
    if (claimCell !== '') {
      const answer = answers[entry.index] as {
        claims?: { id: unknown; texts: Record<string, unknown> }[];
      };
      let parsed: unknown;
      try {
        parsed = JSON.parse(claimCell);
      } catch {
        parsed = undefined;
      }
      if (!Array.isArray(parsed)) {
        problems.push({
          severity: 'error',
          path: cellName(names.answers, rowNumber, columnRef('claims')),
          message:
            'expected a JSON list of claims: [{"id": …, "statement": …, "patterns": […], "examples": […]}]',
        });
      } else {
        answer.claims ??= [];
        for (const item of parsed as unknown[]) {
          const { id, ...text } = (item ?? {}) as Record<string, unknown>;
          let claim = answer.claims.find((existing) => existing.id === id);
          if (!claim) answer.claims.push((claim = { id, texts: {} }));
          claim.texts[language] = text;
        }
      }
    }
    texts[language] = {
      title: cellOf(row, 'title').trim(),
      body: cellOf(row, 'body').replace(/\r\n/g, '\n').trim(),
      keywords: splitList(cellOf(row, 'keywords')),
      examples: splitList(cellOf(row, 'examples')),
      sourceVersion: toNumber(cellOf(row, 'sourceVersion')),
    };
  });

  for (const [index, cells] of linkLabelCells) {
    const links = answers[index]?.links as { labels?: Record<string, string> }[];
    for (const { language, row, cell } of cells) {
      const lines = splitLinkLabels(cell);
      if (lines.length > links.length) {
        problems.push({
          severity: 'error',
          path: cellName(names.answers, row, columnRef('linkLabels')),
          message: `${String(lines.length)} labels for ${String(links.length)} link(s); write one line per link, in the order of the links column, and leave a line empty to use the link's own label`,
        });
        continue;
      }
      lines.forEach((label, i) => {
        const link = links[i];
        if (label === '' || !link) return;
        link.labels = { ...link.labels, [language]: label };
      });
    }
  }

  const locate = (path: string): string => {
    const label = /^answers\[(\d+)\]\.links\[\d+\]\.labels\.([a-z]+)/.exec(path);
    if (label) {
      const row = textLocation.get(`${String(Number(label[1]))}.${String(label[2])}`);
      if (row !== undefined) return cellName(names.answers, row, columnRef('linkLabels'));
    }
    const claim = /^answers\[(\d+)\]\.claims\[\d+\]\.texts\.([a-z]+)/.exec(path);
    if (claim) {
      const row = textLocation.get(`${String(Number(claim[1]))}.${String(claim[2])}`);
      if (row !== undefined) return cellName(names.answers, row, columnRef('claims'));
    }
    const answer = /^answers\[(\d+)\](?:\.texts\.([a-z]+)(?:\.(\w+))?|\.(\w+)(?:\.(\w+))?)?/.exec(
      path,
    );
    if (answer) {
      const index = Number(answer[1]);
      const id = String(answers[index]?.id ?? '');
      const first = answerIndex.get(id)?.firstRow ?? 2 + rowOffset;
      if (answer[2] !== undefined) {
        const row = textLocation.get(`${index}.${answer[2]}`);
        if (row === undefined)
          return `${cellName(names.answers, first)} (answer "${id}", no ${answer[2]} row)`;
        return cellName(names.answers, row, answer[3] ? columnRef(answer[3]) : undefined);
      }
      const field = answer[4];
      const column =
        field === 'review'
          ? ({ status: 'reviewStatus', note: 'reviewNote' }[answer[5] ?? ''] ??
            answer[5] ??
            'reviewStatus')
          : field;
      return cellName(
        names.answers,
        first,
        column && columns.has(column) ? columnRef(column) : undefined,
      );
    }
    const key = path.replace(/\[\d+\]$/, '');
    return headerLocation.get(key) ?? `sheet ${names.pack} (${key})`;
  };

  return { pack: { ...header, answers }, problems, locate };
}

/** The two tables for a pack; the inverse of `packFromRows`. */
export function packToRows(pack: Pack): { pack: Rows; answers: (string | number)[][] } {
  const header: Record<(typeof PACK_FIELDS)[number], string> = {
    schemaVersion: String(pack.schemaVersion),
    id: pack.id,
    version: pack.version,
    title: pack.title,
    description: pack.description,
    'publisher.name': pack.publisher.name,
    'publisher.url': pack.publisher.url ?? '',
    'publisher.contact': pack.publisher.contact ?? '',
    canonicalLanguage: pack.canonicalLanguage,
    languages: pack.languages.join(' | '),
    exampleContent: String(pack.exampleContent),
    updatedAt: pack.updatedAt,
    updateUrl: pack.updateUrl ?? '',
    referrals: pack.referrals ? JSON.stringify(pack.referrals) : '',
  };
  if (header.referrals.length > MAX_CELL_LENGTH)
    throw new SheetLayoutError(
      `the referral directory (${String(pack.referrals?.length)} targets) is too long for one spreadsheet cell; edit it in the JSON file`,
    );
  const packRows: Rows = [['field', 'value'], ...PACK_FIELDS.map((f) => [f, header[f]])];
  const answerRows: (string | number)[][] = [[...ANSWER_COLUMNS]];
  for (const answer of pack.answers) {
    const languages = [
      pack.canonicalLanguage,
      ...pack.languages.filter((l) => l !== pack.canonicalLanguage),
    ];
    const present = [
      ...languages,
      ...Object.keys(answer.texts).filter((l) => !languages.includes(l as never)),
    ] as (keyof typeof answer.texts)[];
    for (const language of present) {
      const text = answer.texts[language];
      if (!text) continue;
      answerRows.push([
        answer.id,
        answer.topic,
        answer.kind,
        answer.canonicalVersion,
        joinList(answer.placeholders),
        joinList(answer.links.map((l) => `${l.url} ${l.label}`)),
        answer.review.status,
        answer.review.reviewer ?? '',
        answer.review.reviewedAt ?? '',
        answer.review.validUntil ?? '',
        joinList(answer.review.legalBasis),
        answer.review.note ?? '',
        language,
        text.title,
        text.body,
        joinList(text.keywords),
        joinList(text.examples),
        text.sourceVersion,
        joinLinkLabels(answer.links.map((link) => link.labels?.[language] ?? '')),
        claimCell(answer, language),
      ]);
    }
  }
  return { pack: packRows, answers: answerRows };
}
