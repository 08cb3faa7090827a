/**
 * Statistics over a set of events (own, imported, or both). Pure and single
 * pass over the events plus one over the posts, so 100,000 events take well
 * under the 500 ms budget; the dashboard and `cli logs report` share it.
 *
 * Counting rules: a post counts once, in the week it was first seen, with
 * the latest non-empty language/topic/group/question flag any event gave it.
 * Replies are reply-inserted and reply-copied events, in the week they
 * happened; a post is "replied" if it has at least one. The outcome of a
 * post is its latest case documentation. Time to reply runs from the post's
 * publication time (where the page showed it) to its first reply.
 */
import type { CaseOutcome, EscalationKind, LogEvent } from './events';
import { CASE_OUTCOMES, ESCALATION_KINDS, upgradeLegacyEvent } from './events';
import type { PostFacts, UnderservedOptions, UnderservedTopic } from './post-facts';
import { foldPostFacts, underservedTopics } from './post-facts';

/** The escalation counts' keys, in display order; `unspecified` for notes from before kinds were recorded. */
export const ESCALATION_COUNT_KEYS = [...ESCALATION_KINDS, 'unspecified'] as const;
/** Escalated posts by kind. */
export type EscalationCounts = Record<(typeof ESCALATION_COUNT_KEYS)[number], number>;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface WeekRow {
  /** Monday of the ISO week, `YYYY-MM-DD` (UTC). */
  weekStart: string;
  postsSeen: number;
  questions: number;
  replies: number;
  outcomes: Record<CaseOutcome, number>;
}

export interface BreakdownRow {
  key: string;
  label: string;
  posts: number;
  questions: number;
  replied: number;
}

export type { UnderservedTopic };

/** One claim: comments seen repeating it and comments the advisors corrected (each comment once). */
export interface ClaimRow {
  claimId: string;
  seen: number;
  corrected: number;
}

export interface Statistics {
  totals: {
    events: number;
    posts: number;
    questions: number;
    repliedPosts: number;
    /** Question posts with at least one reply. */
    answeredQuestions: number;
    replies: number;
    /** Posts whose latest documented outcome is `referred` (each post once). */
    referrals: number;
    notRelevant: number;
    documented: number;
    advisors: number;
  };
  range: { from: number | null; to: number | null };
  weeks: WeekRow[];
  byLanguage: BreakdownRow[];
  byTopic: BreakdownRow[];
  byGroup: BreakdownRow[];
  outcomes: Record<CaseOutcome, number>;
  /** Posts whose latest documented outcome is `escalated`, by what the case is about. */
  escalations: EscalationCounts;
  timeToReply: { count: number; medianMinutes: number; p90Minutes: number } | null;
  underserved: UnderservedTopic[];
  /**
   * Misinformation in comments, by claim, most seen first. A comment counts
   * once per claim however often it was seen; a corrected comment counts as
   * seen too (it was, by the advisor).
   */
  claims: ClaimRow[];
}

export type StatisticsOptions = UnderservedOptions;

interface PostSummary extends PostFacts {
  postedAt: number | null;
  firstReplyAt: number | null;
  outcome: CaseOutcome | null;
  escalation: EscalationKind | null;
  outcomeAt: number;
}

const DAY_MS = 86_400_000;
const weekKeys = new Map<number, string>();

/** Monday of the (UTC) week of `ms` as `YYYY-MM-DD`; memoised per day, as it runs per event. */
export function weekStartOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let key = weekKeys.get(day);
  if (key === undefined) {
    // 1 January 1970 was a Thursday: (day + 3) % 7 is 0 on Mondays.
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    key = new Date(monday * DAY_MS).toISOString().slice(0, 10);
    if (weekKeys.size > 50_000) weekKeys.clear();
    weekKeys.set(day, key);
  }
  return key;
}

function emptyOutcomes(): Record<CaseOutcome, number> {
  return Object.fromEntries(CASE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    CaseOutcome,
    number
  >;
}

function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function computeStatistics(
  events: readonly LogEvent[],
  options: StatisticsOptions = {},
): Statistics {
  const posts = new Map<string, PostSummary>();
  const weeks = new Map<string, WeekRow>();
  const advisors = new Set<string>();
  const claimComments = new Map<string, { seen: Set<string>; corrected: Set<string> }>();
  const totals = {
    events: events.length,
    posts: 0,
    questions: 0,
    repliedPosts: 0,
    answeredQuestions: 0,
    replies: 0,
    referrals: 0,
    notRelevant: 0,
    documented: 0,
    advisors: 0,
  };
  let from: number | null = null;
  let to: number | null = null;
  const week = (ms: number): WeekRow => {
    const key = weekStartOf(ms);
    let row = weeks.get(key);
    if (!row) {
      row = { weekStart: key, postsSeen: 0, questions: 0, replies: 0, outcomes: emptyOutcomes() };
      weeks.set(key, row);
    }
    return row;
  };

  for (const stored of events) {
    // Old "Handled" / "Log referral" records count as the documentation they were.
    const event = upgradeLegacyEvent(stored);
    advisors.add(event.advisor);
    if (from === null || event.at < from) from = event.at;
    if (to === null || event.at > to) to = event.at;
    let post = posts.get(event.postKey);
    if (!post) {
      // Written out rather than spread from newPostFacts: a spread object takes V8's slow
      // path here (the funder report measured 5× slower over 100,000 events).
      post = {
        firstAt: event.at,
        lastInfoAt: -1,
        language: null,
        topic: null,
        groupId: null,
        groupName: null,
        isQuestion: null,
        postedAt: null,
        firstReplyAt: null,
        outcome: null,
        escalation: null,
        outcomeAt: -1,
      };
      posts.set(event.postKey, post);
    }
    foldPostFacts(post, event);
    if (event.postedAt !== null) post.postedAt = event.postedAt;

    switch (event.type) {
      case 'reply-inserted':
      case 'reply-copied':
        totals.replies += 1;
        week(event.at).replies += 1;
        if (post.firstReplyAt === null || event.at < post.firstReplyAt)
          post.firstReplyAt = event.at;
        break;
      case 'not-relevant':
        totals.notRelevant += 1;
        break;
      case 'claim-seen':
      case 'claim-corrected': {
        let claim = claimComments.get(event.claimId);
        if (!claim)
          claimComments.set(event.claimId, (claim = { seen: new Set(), corrected: new Set() }));
        const comment = `${event.postKey}\u0000${event.commentKey}`;
        claim.seen.add(comment);
        if (event.type === 'claim-corrected') claim.corrected.add(comment);
        break;
      }
      case 'note-added':
        if (event.at >= post.outcomeAt) {
          post.outcome = event.outcome;
          post.escalation = event.outcome === 'escalated' ? (event.escalation ?? null) : null;
          post.outcomeAt = event.at;
        }
        break;
      default:
        break;
    }
  }

  const byLanguage = new Map<string, BreakdownRow>();
  const byTopic = new Map<string, BreakdownRow>();
  const byGroup = new Map<string, BreakdownRow>();
  const outcomes = emptyOutcomes();
  const escalations = Object.fromEntries(
    ESCALATION_COUNT_KEYS.map((kind) => [kind, 0]),
  ) as EscalationCounts;
  const replyMinutes: number[] = [];
  const bump = (
    table: Map<string, BreakdownRow>,
    key: string,
    label: string,
    post: PostSummary,
  ) => {
    let row = table.get(key);
    if (!row) {
      row = { key, label, posts: 0, questions: 0, replied: 0 };
      table.set(key, row);
    }
    if (label !== key) row.label = label;
    row.posts += 1;
    if (post.isQuestion) row.questions += 1;
    if (post.firstReplyAt !== null) row.replied += 1;
  };

  for (const post of posts.values()) {
    totals.posts += 1;
    const row = week(post.firstAt);
    row.postsSeen += 1;
    if (post.isQuestion) {
      totals.questions += 1;
      row.questions += 1;
    }
    if (post.firstReplyAt !== null) {
      totals.repliedPosts += 1;
      if (post.isQuestion) totals.answeredQuestions += 1;
      if (post.postedAt !== null && post.postedAt <= post.firstReplyAt) {
        replyMinutes.push((post.firstReplyAt - post.postedAt) / 60_000);
      }
    }
    if (post.outcome !== null) {
      totals.documented += 1;
      outcomes[post.outcome] += 1;
      if (post.outcome === 'referred') totals.referrals += 1;
      if (post.outcome === 'escalated') escalations[post.escalation ?? 'unspecified'] += 1;
      week(post.outcomeAt).outcomes[post.outcome] += 1;
    }
    bump(byLanguage, post.language ?? 'und', post.language ?? 'und', post);
    bump(byTopic, post.topic ?? 'unknown', post.topic ?? 'unknown', post);
    const group = post.groupId ?? 'unknown';
    bump(byGroup, group, post.groupName ?? group, post);
  }
  totals.advisors = advisors.size;

  replyMinutes.sort((a, b) => a - b);
  const sortRows = (rows: Iterable<BreakdownRow>) =>
    [...rows].sort((a, b) => b.posts - a.posts || a.key.localeCompare(b.key));
  const underserved = underservedTopics(byTopic.values(), options);

  return {
    totals,
    range: { from, to },
    weeks: fillWeeks([...weeks.values()]),
    byLanguage: sortRows(byLanguage.values()),
    byTopic: sortRows(byTopic.values()),
    byGroup: sortRows(byGroup.values()),
    outcomes,
    escalations,
    timeToReply:
      replyMinutes.length === 0
        ? null
        : {
            count: replyMinutes.length,
            medianMinutes: quantile(replyMinutes, 0.5),
            p90Minutes: quantile(replyMinutes, 0.9),
          },
    underserved,
    claims: [...claimComments]
      .map(([claimId, { seen, corrected }]) => ({
        claimId,
        seen: seen.size,
        corrected: corrected.size,
      }))
      .sort((a, b) => b.seen - a.seen || a.claimId.localeCompare(b.claimId)),
  };
}

/** Weeks in order, with empty weeks between the first and last filled in. */
function fillWeeks(rows: WeekRow[]): WeekRow[] {
  if (rows.length === 0) return [];
  const byStart = new Map(rows.map((row) => [row.weekStart, row]));
  const starts = rows.map((row) => Date.parse(row.weekStart)).sort((a, b) => a - b);
  const result: WeekRow[] = [];
  const last = starts.at(-1) ?? 0;
  for (let at = starts[0] ?? 0; at <= last; at += WEEK_MS) {
    const key = new Date(at).toISOString().slice(0, 10);
    result.push(
      byStart.get(key) ?? {
        weekStart: key,
        postsSeen: 0,
        questions: 0,
        replies: 0,
        outcomes: emptyOutcomes(),
      },
    );
  }
  return result;
}
