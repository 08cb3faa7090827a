/**
 * The anonymised report for funders and evaluation: the statistics as
 * tables, with small counts suppressed (a count between 1 and k−1 is shown as
 * "<k") so no cell can point to an individual, and no advisor pseudonyms,
 * post keys, notes or hashes. Rendered as Markdown or CSV by `cli logs
 * report`, and as a printable page by the dashboard — from the same tables.
 */
import { ESCALATION_COUNT_KEYS, type Statistics } from './stats';
import { CASE_OUTCOMES } from './events';

export const DEFAULT_MIN_COUNT = 5;

export type ReportCell = string | number;

export interface ReportTable {
  id:
    | 'overview'
    | 'weeks'
    | 'languages'
    | 'topics'
    | 'groups'
    | 'outcomes'
    | 'escalations'
    | 'claims'
    | 'time-to-reply'
    | 'underserved';
  title: string;
  columns: string[];
  rows: ReportCell[][];
}

export interface AnonymisedReport {
  minCount: number;
  from: string | null;
  to: string | null;
  tables: ReportTable[];
}

/** A count as it may be published. */
export function suppress(count: number, minCount: number): ReportCell {
  return count > 0 && count < minCount ? `<${minCount}` : count;
}

const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

export function buildReport(stats: Statistics, minCount = DEFAULT_MIN_COUNT): AnonymisedReport {
  const s = (count: number) => suppress(count, minCount);
  const t = stats.totals;
  const breakdown = (rows: Statistics['byLanguage']) =>
    rows.map((row) => [row.label, s(row.posts), s(row.questions), s(row.replied)]);
  const tables: ReportTable[] = [
    {
      id: 'overview',
      title: 'Overview',
      columns: ['measure', 'count'],
      rows: [
        ['posts seen', s(t.posts)],
        ['questions', s(t.questions)],
        ['posts replied to', s(t.repliedPosts)],
        ['replies', s(t.replies)],
        ['referrals', s(t.referrals)],
        ['cases documented', s(t.documented)],
        ['advisors', s(t.advisors)],
      ],
    },
    {
      id: 'weeks',
      title: 'Per week',
      columns: ['week starting', 'posts seen', 'questions', 'replies', ...CASE_OUTCOMES],
      rows: stats.weeks.map((week) => [
        week.weekStart,
        s(week.postsSeen),
        s(week.questions),
        s(week.replies),
        ...CASE_OUTCOMES.map((outcome) => s(week.outcomes[outcome])),
      ]),
    },
    {
      id: 'languages',
      title: 'By language',
      columns: ['language', 'posts', 'questions', 'replied'],
      rows: breakdown(stats.byLanguage),
    },
    {
      id: 'topics',
      title: 'By topic',
      columns: ['topic', 'posts', 'questions', 'replied'],
      rows: breakdown(stats.byTopic),
    },
    {
      id: 'groups',
      title: 'By group',
      columns: ['group', 'posts', 'questions', 'replied'],
      rows: breakdown(stats.byGroup),
    },
    {
      id: 'outcomes',
      title: 'Outcomes',
      columns: ['outcome', 'posts'],
      rows: CASE_OUTCOMES.map((outcome) => [outcome, s(stats.outcomes[outcome])]),
    },
    {
      id: 'escalations',
      title: 'Escalated cases by kind',
      columns: ['kind', 'posts'],
      rows: ESCALATION_COUNT_KEYS.map((kind) => [kind, s(stats.escalations[kind])]),
    },
    {
      id: 'claims',
      title: 'Myths in comments (comments seen and corrected, per claim)',
      columns: ['claim', 'comments seen', 'corrected'],
      rows: stats.claims.map((row) => [row.claimId, s(row.seen), s(row.corrected)]),
    },
    {
      id: 'time-to-reply',
      title: 'Time from post to reply',
      columns: ['replied posts with known time', 'median minutes', '90th percentile minutes'],
      rows:
        stats.timeToReply && stats.timeToReply.count >= minCount
          ? [
              [
                stats.timeToReply.count,
                Math.round(stats.timeToReply.medianMinutes),
                Math.round(stats.timeToReply.p90Minutes),
              ],
            ]
          : [[s(stats.timeToReply?.count ?? 0), '–', '–']],
    },
    {
      id: 'underserved',
      title: 'Topics with many questions and few replies',
      columns: ['topic', 'questions', 'replied', 'reply rate'],
      rows: stats.underserved.map((row) => [
        row.topic,
        s(row.questions),
        s(row.replied),
        `${Math.round(row.replyRate * 100)}%`,
      ]),
    },
  ];
  return { minCount, from: day(stats.range.from), to: day(stats.range.to), tables };
}

function markdownCell(cell: ReportCell): string {
  return String(cell).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderReportMarkdown(report: AnonymisedReport): string {
  const lines = [
    '# Outreach Advisor — anonymised report',
    '',
    `Period: ${report.from ?? '–'} to ${report.to ?? '–'}. Counts below ${report.minCount} are shown as "<${report.minCount}".`,
  ];
  for (const table of report.tables) {
    lines.push('', `## ${table.title}`, '');
    lines.push(`| ${table.columns.map(markdownCell).join(' | ')} |`);
    lines.push(
      `| ${table.columns.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    );
    if (table.rows.length === 0) lines.push(`| (none) |${' |'.repeat(table.columns.length - 1)}`);
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function csvField(cell: ReportCell): string {
  const text = String(cell);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV: a `table` column says which table each row belongs to. */
export function renderReportCsv(report: AnonymisedReport): string {
  const lines = ['table,label,measure,value'];
  for (const table of report.tables) {
    for (const row of table.rows) {
      const [label, ...values] = row;
      values.forEach((value, index) => {
        lines.push(
          [table.id, label ?? '', table.columns[index + 1] ?? '', value].map(csvField).join(','),
        );
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
