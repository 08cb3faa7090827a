/**
 * The funder report (lib/log/funder-report.ts) as Markdown, CSV and Excel,
 * for `cli logs report` and the dashboard's downloads
 * (docs/MONITORING.md#formats). All three are built from one list of
 * sections, so they always show the same figures: names only (languages,
 * topics, sectors, group names, claim statements), never a group id, post
 * key or answer id; a hidden count is printed as "<k" and the list of hidden
 * cells closes the report.
 *
 * English names come from the dashboard's own locale files
 * (locales/en/*.json), so the CLI and the English dashboard agree.
 */
import type * as ExcelJs from 'exceljs';
import markerEn from '../../locales/en/marker.json';
import topicsEn from '../../locales/en/topics.json';
import dashboardEn from '../../locales/en/dashboard.json';
import logEn from '../../locales/en/log.json';
import monitoringEn from '../../locales/en/monitoring.json';
import { neutraliseFormulaCell } from '../domain/formula';
import type { Pack } from '../packs/schema';
import type {
  FunderCell,
  FunderMeasure,
  FunderReport,
  FunderReportLabels,
  FunderTable,
  SectorRowKey,
} from './funder-report';

// Sector and referral-type names as the English dashboard shows them (one wording for both).
const SECTOR_NAMES: Record<SectorRowKey, string> = monitoringEn.report.wording.sectors;
const REFERRAL_TYPE_NAMES: Record<string, string> = monitoringEn.report.referralTypes;

const lookup =
  (table: Record<string, string>, fallback: (key: string) => string) => (key: string) =>
    Object.hasOwn(table, key) ? (table[key] ?? fallback(key)) : fallback(key);

const languageName = lookup(markerEn.languages, (key) => key);

/** English names, from locales/en where the dashboard has them. */
export const ENGLISH_FUNDER_LABELS: FunderReportLabels = {
  // As the dashboard names them: "Language not recognised", not the marker's short "unclear".
  language: (key) => (key === 'und' ? dashboardEn.labels.undeterminedLanguage : languageName(key)),
  topic: lookup(topicsEn, (key) =>
    key === 'unknown' ? dashboardEn.labels.unclassifiedTopic : key,
  ),
  sector: (key) => SECTOR_NAMES[key],
  referralType: lookup(REFERRAL_TYPE_NAMES, (key) => key),
  escalation: lookup(logEn.escalations, (key) => key),
};

/**
 * What the report needs from the packs: each referral target's kind (for
 * referrals by type) and each claim's statement (to name myths), in
 * `language` where the pack has it, else its canonical language.
 */
export function funderLookupsFromPacks(
  packs: readonly Pack[],
  language = 'en',
): { referralKinds: Map<string, string>; claimLabels: Map<string, string> } {
  const referralKinds = new Map<string, string>();
  const claimLabels = new Map<string, string>();
  for (const pack of packs) {
    for (const referral of pack.referrals ?? []) referralKinds.set(referral.id, referral.kind);
    for (const answer of pack.answers) {
      for (const claim of answer.claims ?? []) {
        const texts = claim.texts as Partial<Record<string, { statement: string }>>;
        const statement =
          texts[language]?.statement ??
          texts[pack.canonicalLanguage]?.statement ??
          Object.values(texts)[0]?.statement;
        if (statement) claimLabels.set(claim.id, statement);
      }
    }
  }
  return { referralKinds, claimLabels };
}

type Cell = string | number;

/**
 * Every word the sections print besides the report's own labels: the CLI
 * uses the English default, the dashboard passes its translation (an object
 * of plain strings, so it can live in a locale file). `{{period}}` and
 * `{{max}}` are replaced.
 */
export interface FunderWording {
  title: string;
  none: string;
  total: string;
  sections: Record<FunderSection['id'], string>;
  columns: {
    measure: string;
    value: string;
    type: string;
    referrals: string;
    claim: string;
    commentsCorrected: string;
    kind: string;
    escalations: string;
    language: string;
    topic: string;
    sector: string;
    group: string;
    members: string;
    questions: string;
    answered: string;
    table: string;
    row: string;
    column: string;
  };
  overview: {
    period: string;
    from: string;
    to: string;
    spaces: string;
    membersReached: string;
    spacesWithoutCount: string;
    questions: string;
    answered: string;
    referrals: string;
    mythsCorrected: string;
    escalations: string;
  };
  sectors: Record<SectorRowKey, string>;
}

export const ENGLISH_FUNDER_WORDING: FunderWording = {
  title: 'Outreach Advisor — report for {{period}}',
  none: '(none)',
  total: 'total',
  sections: {
    overview: 'Overview',
    totals: 'Overview',
    referrals: 'Referrals by type',
    mythsCorrected: 'Myths corrected (comments answered with the correction, per claim)',
    escalations: 'Escalations by kind',
    byLanguage: 'By language',
    byTopic: 'By topic',
    bySector: 'By sector',
    byGroup: 'By group',
    suppressed:
      'Hidden counts (1 to {{max}}, and the counts hidden with them so that no total reveals them)',
  },
  columns: {
    measure: 'measure',
    value: 'value',
    type: 'type',
    referrals: 'referrals',
    claim: 'claim',
    commentsCorrected: 'comments corrected',
    kind: 'kind',
    escalations: 'escalations',
    language: 'language',
    topic: 'topic',
    sector: 'sector',
    group: 'group',
    members: 'members',
    questions: 'questions',
    answered: 'answered',
    table: 'table',
    row: 'row',
    column: 'column',
  },
  overview: {
    period: 'period',
    from: 'from',
    to: 'to',
    spaces: 'spaces active',
    membersReached: 'members reached',
    spacesWithoutCount: 'spaces without a member count',
    questions: 'questions seen',
    answered: 'questions answered',
    referrals: 'referrals',
    mythsCorrected: 'myths corrected',
    escalations: 'escalations',
  },
  sectors: SECTOR_NAMES,
};

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );

export interface FunderSection {
  id: FunderTable | 'overview' | 'suppressed';
  title: string;
  columns: string[];
  rows: Cell[][];
}

const MEASURE_COLUMNS = ['questions', 'answered', 'referrals', 'escalations'] as const;

/** The report as titled tables; every renderer prints these. */
export function funderReportSections(
  report: FunderReport,
  wording: FunderWording = ENGLISH_FUNDER_WORDING,
): FunderSection[] {
  const k = report.minCount;
  const w = wording;
  const show = (cell: FunderCell): Cell => (cell === null ? `<${k}` : cell);
  const measureColumns = MEASURE_COLUMNS.map((measure) => w.columns[measure]);
  const breakdown = (
    id: FunderTable,
    first: string,
    rows: FunderReport['byLanguage'],
  ): FunderSection => ({
    id,
    title: w.sections[id],
    columns: [first, ...measureColumns],
    rows: rows.map((row) => [row.label, ...MEASURE_COLUMNS.map((measure) => show(row[measure]))]),
  });
  const labelOf = new Map<string, string>();
  const remember = (table: FunderTable, rows: readonly { key: string; label: string }[]) => {
    for (const row of rows) labelOf.set(`${table}\u0000${row.key}`, row.label);
  };
  remember('byLanguage', report.byLanguage);
  remember('byTopic', report.byTopic);
  remember('bySector', report.bySector);
  remember('byGroup', report.byGroup);
  remember('referrals', report.referrals.byType);
  remember('escalations', report.escalations.byKind);
  remember('mythsCorrected', report.mythsCorrected.byClaim);
  const totalNames: Record<string, string> = {
    questions: w.overview.questions,
    answered: w.overview.answered,
    referrals: w.overview.referrals,
    escalations: w.overview.escalations,
    mythsCorrected: w.overview.mythsCorrected,
  };
  const countColumn: Partial<Record<FunderTable, string>> = {
    referrals: w.columns.referrals,
    mythsCorrected: w.columns.commentsCorrected,
    escalations: w.columns.escalations,
  };
  return [
    {
      id: 'overview',
      title: w.sections.overview,
      columns: [w.columns.measure, w.columns.value],
      rows: [
        [w.overview.period, report.period.label],
        [w.overview.from, report.period.from ?? '–'],
        [w.overview.to, report.period.to ?? '–'],
        [w.overview.spaces, report.spaces],
        [w.overview.membersReached, report.membersReached],
        [w.overview.spacesWithoutCount, report.spacesWithoutMemberCount.length],
        [w.overview.questions, show(report.questions)],
        [w.overview.answered, show(report.answered)],
        [w.overview.referrals, show(report.referrals.total)],
        [w.overview.mythsCorrected, show(report.mythsCorrected.total)],
        [w.overview.escalations, show(report.escalations.total)],
      ],
    },
    {
      id: 'referrals',
      title: w.sections.referrals,
      columns: [w.columns.type, w.columns.referrals],
      rows: report.referrals.byType.map((row) => [row.label, show(row.count)]),
    },
    {
      id: 'mythsCorrected',
      title: w.sections.mythsCorrected,
      columns: [w.columns.claim, w.columns.commentsCorrected],
      rows: report.mythsCorrected.byClaim.map((row) => [row.label, show(row.count)]),
    },
    {
      id: 'escalations',
      title: w.sections.escalations,
      columns: [w.columns.kind, w.columns.escalations],
      rows: report.escalations.byKind.map((row) => [row.label, show(row.count)]),
    },
    breakdown('byLanguage', w.columns.language, report.byLanguage),
    breakdown('byTopic', w.columns.topic, report.byTopic),
    breakdown('bySector', w.columns.sector, report.bySector),
    {
      id: 'byGroup',
      title: w.sections.byGroup,
      columns: [w.columns.group, w.columns.sector, w.columns.members, ...measureColumns],
      rows: report.byGroup.map((row) => [
        row.label,
        row.sector === null ? '–' : w.sectors[row.sector],
        row.memberCount ?? '–',
        ...MEASURE_COLUMNS.map((measure) => show(row[measure])),
      ]),
    },
    {
      id: 'suppressed',
      title: fill(w.sections.suppressed, { max: k - 1 }),
      columns: [w.columns.table, w.columns.row, w.columns.column],
      rows: report.suppressed.map((cell) =>
        cell.table === 'totals'
          ? [w.sections.overview, w.total, totalNames[cell.column] ?? cell.column]
          : [
              w.sections[cell.table],
              labelOf.get(`${cell.table}\u0000${cell.row}`) ?? cell.row,
              cell.column === 'count'
                ? (countColumn[cell.table] ?? cell.column)
                : (w.columns[cell.column as FunderMeasure] ?? cell.column),
            ],
      ),
    },
  ];
}

function markdownCell(cell: Cell): string {
  return String(cell).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** Markdown; print it (or the dashboard's page, with its print CSS) to PDF. */
export function renderFunderReportMarkdown(
  report: FunderReport,
  wording: FunderWording = ENGLISH_FUNDER_WORDING,
): string {
  const lines = [
    `# ${fill(wording.title, { period: report.period.label })}`,
    '',
    `Period ${report.period.from ?? '…'} to ${report.period.to ?? '…'} (UTC). Counts from 1 to ${report.minCount - 1} are shown as "<${report.minCount}", and so are the counts hidden with them so that no total gives one away.`,
  ];
  if (report.spacesWithoutMemberCount.length > 0) {
    lines.push(
      '',
      `Members reached leaves out ${report.spacesWithoutMemberCount.length} space(s) without a member count read by the end of the period: ${report.spacesWithoutMemberCount.join(', ')}.`,
    );
  }
  for (const section of funderReportSections(report, wording)) {
    lines.push('', `## ${section.title}`, '');
    lines.push(`| ${section.columns.map(markdownCell).join(' | ')} |`);
    lines.push(`| ${section.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    if (section.rows.length === 0)
      lines.push(`| (none) |${' |'.repeat(section.columns.length - 1)}`);
    for (const row of section.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function csvField(cell: Cell): string {
  const text = typeof cell === 'number' ? String(cell) : neutraliseFormulaCell(cell);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV file in long form, one line per figure: `section,row,column,value`
 * — every section fits the same four columns, so a spreadsheet can filter
 * and pivot it. UTF-8 with a byte-order mark and CRLF, like the log's CSV.
 */
export function renderFunderReportCsv(
  report: FunderReport,
  wording: FunderWording = ENGLISH_FUNDER_WORDING,
): string {
  const lines = ['section,row,column,value'];
  for (const section of funderReportSections(report, wording)) {
    for (const row of section.rows) {
      const [label, ...values] = row;
      values.forEach((value, index) => {
        lines.push(
          [section.id, label ?? '', section.columns[index + 1] ?? '', value]
            .map(csvField)
            .join(','),
        );
      });
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

type ExcelModule = typeof ExcelJs;

async function loadExcel(): Promise<ExcelModule> {
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.Workbook ? module : (module.default as ExcelModule);
}

/** An Excel workbook with one sheet per section (sheet names ≤ 31 characters). */
export async function renderFunderReportXlsx(
  report: FunderReport,
  wording: FunderWording = ENGLISH_FUNDER_WORDING,
): Promise<Uint8Array> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Outreach Advisor';
  for (const section of funderReportSections(report, wording)) {
    const name = section.id === 'totals' ? 'overview' : section.id;
    const sheet = workbook.addWorksheet(name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = section.columns.map((column, index) => ({
      header: column,
      key: String(index),
      width: index === 0 ? 40 : Math.max(12, column.length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(
      section.rows.map((row) =>
        row.map((cell) => (typeof cell === 'string' ? neutraliseFormulaCell(cell) : cell)),
      ),
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The JSON the CLI prints (`--format json`): the report object itself. */
export function renderFunderReportJson(report: FunderReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
