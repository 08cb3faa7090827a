/**
 * The counting rules every figure of the log shares (statistics, trends, the
 * funder report): what is kept of a post as its events are folded in, and
 * which topics count as "many questions, few replies". One module, so a
 * rule changes in one place for all of them (docs/MONITORING.md#what-is-counted).
 *
 * Pure: no browser globals.
 */
import type { LogEvent } from './events';

/** What the counting rules keep of a post. */
export interface PostFacts {
  firstAt: number;
  lastInfoAt: number;
  language: string | null;
  topic: string | null;
  groupId: string | null;
  groupName: string | null;
  isQuestion: boolean | null;
}

type PostInfo = Pick<
  LogEvent,
  'at' | 'language' | 'topic' | 'groupId' | 'groupName' | 'isQuestion'
>;

/** A post first met in an event at `at`, with nothing known yet. */
export function newPostFacts(at: number): PostFacts {
  return {
    firstAt: at,
    lastInfoAt: -1,
    language: null,
    topic: null,
    groupId: null,
    groupName: null,
    isQuestion: null,
  };
}

/**
 * Adds one event to a post: the earliest time is when it was first seen; a
 * field takes the event's value when the event is not older than the newest
 * one so far, or when the post has none yet, so the latest non-empty value
 * wins whatever order the events arrive in. Returns whether the event was
 * the newest so far (callers keeping more fields apply the same rule).
 */
export function foldPostFacts(post: PostFacts, event: PostInfo): boolean {
  if (event.at < post.firstAt) post.firstAt = event.at;
  const newer = event.at >= post.lastInfoAt;
  if (newer) post.lastInfoAt = event.at;
  if (event.language !== null && (newer || post.language === null)) post.language = event.language;
  if (event.topic !== null && (newer || post.topic === null)) post.topic = event.topic;
  if (event.groupId !== null && (newer || post.groupId === null)) {
    post.groupId = event.groupId;
    post.groupName = event.groupName ?? post.groupName;
  }
  if (event.isQuestion !== null && (newer || post.isQuestion === null)) {
    post.isQuestion = event.isQuestion;
  }
  return newer;
}

/** A topic's counts as the "many questions, few replies" rule reads them. */
export interface TopicCounts {
  key: string;
  questions: number;
  replied: number;
}

export interface UnderservedTopic {
  topic: string;
  questions: number;
  replied: number;
  replyRate: number;
}

export interface UnderservedOptions {
  /** Topics with fewer questions are not listed (default 5). */
  underservedMinQuestions?: number;
  /** Topics with a higher share of replied questions are not listed (default 0.5). */
  underservedMaxReplyRate?: number;
}

/**
 * Topics with many questions and few replies: at least
 * `underservedMinQuestions` questions and at most `underservedMaxReplyRate`
 * of them replied, most questions first, ties by reply rate and id (so the
 * order never depends on the order events came in); `unknown` and
 * `off-topic` never.
 */
export function underservedTopics(
  byTopic: Iterable<TopicCounts>,
  options: UnderservedOptions = {},
): UnderservedTopic[] {
  const minQuestions = options.underservedMinQuestions ?? 5;
  const maxReplyRate = options.underservedMaxReplyRate ?? 0.5;
  return [...byTopic]
    .filter((row) => row.key !== 'unknown' && row.key !== 'off-topic')
    .filter((row) => row.questions >= minQuestions && row.replied / row.questions <= maxReplyRate)
    .map((row) => ({
      topic: row.key,
      questions: row.questions,
      replied: row.replied,
      replyRate: row.replied / row.questions,
    }))
    .sort(
      (a, b) =>
        b.questions - a.questions || a.replyRate - b.replyRate || a.topic.localeCompare(b.topic),
    );
}
