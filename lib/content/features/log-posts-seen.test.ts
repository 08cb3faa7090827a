// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostAnalysis } from '../../messaging/protocol';
import type { ParsedPost } from '../../sites/types';
import { createPostEvents } from './events';
import type { ContentFeatureContext } from './types';

const logged: { type: string; topic: string | null; postKey: string }[] = [];
vi.mock('../log-queue', () => ({
  getLogQueue: () => ({
    log: (event: { type: string; topic: string | null; postKey: string }) => logged.push(event),
    flush: () => Promise.resolve(),
  }),
}));

const { logPostsSeen, TOPIC_WAIT_MS } = await import('./log-posts-seen');

const post = (postKey: string): ParsedPost => ({
  postKey,
  postId: postKey,
  groupId: 'g',
  groupName: 'G',
  authorName: 'A',
  anonymous: false,
  text: 'Ile wynosi Mindestlohn?',
  truncated: false,
  permalink: null,
  timeLabel: null,
  uiLanguage: 'en',
  fingerprint: 'f',
});
const analysis = (postKey: string): PostAnalysis => ({
  postKey,
  language: 'pl',
  confidence: 0.9,
  isQuestion: true,
});

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  logged.length = 0;
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

async function start(topicOf: ContentFeatureContext['topicOf']) {
  const events = createPostEvents();
  await logPostsSeen.init(
    {
      page: { kind: 'group-feed', groupId: 'g', groupName: 'G', uiLanguage: 'en' },
      events,
      currentPosts: () => new Map(),
      topicOf,
    },
    controller.signal,
  );
  return events;
}

describe('log-posts-seen', () => {
  it('logs a post seen with the topic its marker shows', async () => {
    const events = await start(() => Promise.resolve('minimum-wage'));
    events.emit('post-analysed', { post: post('p1'), analysis: analysis('p1') });
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toMatchObject([{ type: 'post-seen', postKey: 'p1', topic: 'minimum-wage' }]);
    await vi.advanceTimersByTimeAsync(TOPIC_WAIT_MS * 2);
    expect(logged).toHaveLength(1);
  });

  it('logs without a topic when none comes in time, and only once', async () => {
    let answer: (topic: string | null) => void = () => undefined;
    const events = await start(() => new Promise((resolve) => (answer = resolve)));
    events.emit('post-analysed', { post: post('p2'), analysis: analysis('p2') });
    await vi.advanceTimersByTimeAsync(TOPIC_WAIT_MS - 1);
    expect(logged).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(logged).toMatchObject([{ postKey: 'p2', topic: null }]);
    answer('sick-leave');
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toHaveLength(1);
  });

  it('still waits for the topic when the page session ends meanwhile', async () => {
    const events = await start(() => Promise.resolve('housing'));
    events.emit('post-analysed', { post: post('p3'), analysis: analysis('p3') });
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toMatchObject([{ postKey: 'p3', topic: 'housing' }]);
  });

  it('logs what waits at once when the page goes away', async () => {
    const events = await start(() => new Promise(() => undefined));
    events.emit('post-analysed', { post: post('p4'), analysis: analysis('p4') });
    window.dispatchEvent(new Event('pagehide'));
    expect(logged).toMatchObject([{ postKey: 'p4', topic: null }]);
  });
});
