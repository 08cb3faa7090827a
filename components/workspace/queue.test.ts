import { describe, expect, it } from 'vitest';
import type { PostStatus } from '../../lib/workspace/protocol';
import type { TopicInfo } from './queue';
import { buildQueue, countQueue, filterQueue, nextOpenQuestion } from './queue';
import { samplePost } from './test-support';

const posts = [
  samplePost({ postKey: 'a', order: 0 }),
  samplePost({
    postKey: 'b',
    order: 1,
    analysis: { language: 'ro', confidence: 1, isQuestion: false },
  }),
  samplePost({ postKey: 'c', order: 2 }),
  samplePost({ postKey: 'd', order: 3 }),
  samplePost({ postKey: 'e', order: 4 }),
];
const statuses: Record<string, PostStatus> = {
  a: 'documented',
  b: 'open',
  c: 'open',
  d: 'reply-inserted',
  e: 'open',
};
const topics = new Map<string, TopicInfo>([
  ['a', { topic: 'unpaid-wages', topicLabel: 'Unpaid wages' }],
  ['c', { topic: 'off-topic', topicLabel: 'Off topic' }],
  ['e', { topic: 'sick-leave', topicLabel: 'Sick leave' }],
]);
const items = buildQueue([...posts].reverse(), statuses, topics);
const keys = (list: readonly { post: { postKey: string } }[]) => list.map((i) => i.post.postKey);

describe('the queue', () => {
  it('keeps page order and counts only on-topic questions as relevant', () => {
    expect(keys(items)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(items.filter((i) => i.relevant).map((i) => i.post.postKey)).toEqual(['a', 'd', 'e']);
  });

  it('shows open questions first under "open", the rest in page order', () => {
    expect(keys(filterQueue(items, 'open'))).toEqual(['e', 'b', 'c']);
    expect(keys(filterQueue(items, 'documented'))).toEqual(['a']);
    expect(keys(filterQueue(items, 'all'))).toHaveLength(5);
  });

  it('counts by status', () => {
    expect(countQueue(items)).toMatchObject({
      total: 5,
      openQuestions: 1,
      open: 3,
      answered: 2,
      documented: 1,
      notRelevant: 0,
    });
  });

  it('picks the next open question after the current one, wrapping round, never the current', () => {
    const more = buildQueue(posts, { ...statuses, a: 'open' }, topics);
    expect(nextOpenQuestion(more, null)?.post.postKey).toBe('a');
    expect(nextOpenQuestion(more, 'a')?.post.postKey).toBe('e');
    expect(nextOpenQuestion(more, 'e')?.post.postKey).toBe('a');
    expect(nextOpenQuestion(more, 'c')?.post.postKey).toBe('e');
    expect(nextOpenQuestion(items, 'e')).toBeNull();
  });
});
