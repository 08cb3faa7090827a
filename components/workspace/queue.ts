/**
 * The queue's order and filters: which recognised posts the advisor sees,
 * how they are counted, and which one "Next open question" picks. Pure, so
 * the view and the tests share it.
 */
import type { Topic } from '../../lib/domain/topics';
import type { PostStatus, WorkspacePost } from '../../lib/workspace/protocol';

export const QUEUE_FILTERS = [
  'open',
  'all',
  'reply-inserted',
  'documented',
  'not-relevant',
] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export interface QueueItem {
  post: WorkspacePost;
  status: PostStatus;
  topic: Topic | null;
  topicLabel: string | null;
  /** A question on a topic the packs cover (or not matched yet): what the advisor is here for. */
  relevant: boolean;
}

export interface TopicInfo {
  topic: Topic;
  topicLabel: string;
}

export function buildQueue(
  posts: readonly WorkspacePost[],
  statuses: Readonly<Record<string, PostStatus>>,
  topics: ReadonlyMap<string, TopicInfo>,
): QueueItem[] {
  return [...posts]
    .sort((a, b) => a.order - b.order)
    .map((post) => {
      const info = topics.get(post.postKey);
      return {
        post,
        status: statuses[post.postKey] ?? 'open',
        topic: info?.topic ?? null,
        topicLabel: info?.topicLabel ?? null,
        relevant: post.analysis?.isQuestion === true && info?.topic !== 'off-topic',
      };
    });
}

/**
 * The posts a filter shows. "Open" lists open questions first, then the
 * other open posts, each in page order; the other filters keep page order.
 */
export function filterQueue(items: readonly QueueItem[], filter: QueueFilter): QueueItem[] {
  if (filter === 'all') return [...items];
  const matching = items.filter((item) => item.status === filter);
  if (filter !== 'open') return matching;
  return [
    ...matching.filter((item) => item.relevant),
    ...matching.filter((item) => !item.relevant),
  ];
}

export interface QueueCounts {
  total: number;
  openQuestions: number;
  open: number;
  /** A reply went into the comment box (or the clipboard), documented or not. */
  answered: number;
  documented: number;
  notRelevant: number;
  byStatus: Record<PostStatus, number>;
}

export function countQueue(items: readonly QueueItem[]): QueueCounts {
  const byStatus: Record<PostStatus, number> = {
    open: 0,
    'reply-inserted': 0,
    documented: 0,
    'not-relevant': 0,
  };
  for (const item of items) byStatus[item.status] += 1;
  return {
    total: items.length,
    openQuestions: items.filter((item) => item.status === 'open' && item.relevant).length,
    open: byStatus.open,
    answered: byStatus['reply-inserted'] + byStatus.documented,
    documented: byStatus.documented,
    notRelevant: byStatus['not-relevant'],
    byStatus,
  };
}

/**
 * The next open question after `currentKey` in page order, wrapping round to
 * the top; never the current post itself. Null when no other question is open.
 */
export function nextOpenQuestion(
  items: readonly QueueItem[],
  currentKey: string | null,
): QueueItem | null {
  const candidates = items.filter(
    (item) => item.status === 'open' && item.relevant && item.post.postKey !== currentKey,
  );
  if (candidates.length === 0) return null;
  const current = items.find((item) => item.post.postKey === currentKey);
  if (!current) return candidates[0] ?? null;
  return candidates.find((item) => item.post.order > current.post.order) ?? candidates[0] ?? null;
}
