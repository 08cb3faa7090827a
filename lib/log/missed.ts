/**
 * The "missed questions" report for pack editors (issue 12): where matching
 * failed the advisors, from their logs — replies whose answer was found by
 * searching the pack (`chosenVia: 'search'` on a reply event) and
 * suggestions marked "not relevant" — counted per topic and post language,
 * in distinct posts. Post texts are listed only where the events carry them
 * (the advisor allowed storing post text); otherwise the report holds counts
 * and answer ids only. Shared by `cli logs missed` and the dashboard's
 * "Missed questions" section.
 *
 * Pure: works on events already read and checked.
 */
import type { LogEventInput } from './events';

export const MISSED_KINDS = ['found-by-search', 'not-relevant'] as const;
export type MissedKind = (typeof MISSED_KINDS)[number];

export interface MissedRow {
  /** The topic logged with the event (`unknown` when none was). */
  topic: string;
  /** The post's language (`und` when unknown). */
  language: string;
  /** Distinct posts answered with an answer found by search. */
  foundBySearch: number;
  /** Distinct posts with a suggestion (or all of them) marked "not relevant". */
  notRelevant: number;
}

export interface MissedText {
  kind: MissedKind;
  topic: string;
  language: string;
  /** The answer chosen by search, or the one marked not relevant (null: the whole post). */
  answerId: string | null;
  text: string;
}

export interface MissedReport {
  totals: { foundBySearch: number; notRelevant: number };
  /** Most missed first. */
  rows: MissedRow[];
  /** The answers advisors had to search for, with how many posts each. */
  searchedAnswers: { answerId: string; topic: string; posts: number }[];
  /** One per post and kind, only where the events carry the post's text. */
  texts: MissedText[];
}

type Event = Pick<LogEventInput, 'type' | 'postKey' | 'language' | 'topic'> & {
  answerId?: string | null;
  chosenVia?: 'suggestion' | 'search' | undefined;
  postText?: string | null | undefined;
};

function kindOf(event: Event): MissedKind | null {
  if (
    (event.type === 'reply-inserted' || event.type === 'reply-copied') &&
    event.chosenVia === 'search'
  )
    return 'found-by-search';
  if (event.type === 'not-relevant') return 'not-relevant';
  return null;
}

export function buildMissedReport(events: readonly Event[]): MissedReport {
  const seen = new Set<string>();
  const rows = new Map<string, MissedRow>();
  const searched = new Map<string, { answerId: string; topic: string; posts: Set<string> }>();
  const texts: MissedText[] = [];
  const totals = { foundBySearch: 0, notRelevant: 0 };
  for (const event of events) {
    const kind = kindOf(event);
    if (kind === null) continue;
    const topic = event.topic ?? 'unknown';
    const language = event.language ?? 'und';
    const answerId = event.answerId ?? null;
    if (kind === 'found-by-search' && answerId !== null) {
      const entry = searched.get(answerId) ?? { answerId, topic, posts: new Set<string>() };
      entry.posts.add(event.postKey);
      searched.set(answerId, entry);
    }
    const key = `${kind}\n${event.postKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rowKey = `${topic}\n${language}`;
    const row = rows.get(rowKey) ?? { topic, language, foundBySearch: 0, notRelevant: 0 };
    if (kind === 'found-by-search') {
      row.foundBySearch += 1;
      totals.foundBySearch += 1;
    } else {
      row.notRelevant += 1;
      totals.notRelevant += 1;
    }
    rows.set(rowKey, row);
    if (event.postText) texts.push({ kind, topic, language, answerId, text: event.postText });
  }
  return {
    totals,
    rows: [...rows.values()].sort(
      (a, b) =>
        b.foundBySearch + b.notRelevant - (a.foundBySearch + a.notRelevant) ||
        a.topic.localeCompare(b.topic) ||
        a.language.localeCompare(b.language),
    ),
    searchedAnswers: [...searched.values()]
      .map(({ answerId, topic, posts }) => ({ answerId, topic, posts: posts.size }))
      .sort((a, b) => b.posts - a.posts || a.answerId.localeCompare(b.answerId)),
    texts,
  };
}

/** The report as Markdown, for `cli logs missed`. */
export function renderMissedMarkdown(report: MissedReport): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s+/g, ' ');
  const lines = [
    '# Missed questions',
    '',
    `Posts answered with an answer found by search: ${report.totals.foundBySearch}; posts with a suggestion marked not relevant: ${report.totals.notRelevant}.`,
    '',
    '| topic | language | found by search | not relevant |',
    '| --- | --- | ---: | ---: |',
    ...report.rows.map(
      (r) => `| ${r.topic} | ${r.language} | ${r.foundBySearch} | ${r.notRelevant} |`,
    ),
  ];
  if (report.searchedAnswers.length > 0) {
    lines.push(
      '',
      '## Answers found by search',
      '',
      '| answer | topic | posts |',
      '| --- | --- | ---: |',
    );
    for (const a of report.searchedAnswers)
      lines.push(`| ${cell(a.answerId)} | ${a.topic} | ${a.posts} |`);
  }
  if (report.texts.length > 0) {
    lines.push('', '## Post texts (stored with the advisor’s consent)', '');
    for (const t of report.texts)
      lines.push(
        `- ${t.kind}, ${t.topic}, ${t.language}${t.answerId ? `, ${cell(t.answerId)}` : ''}: ${cell(t.text)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
