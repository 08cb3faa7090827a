import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedPost } from '../sites/types';
import { ANALYSIS_MAX_RETRIES, createAnalysisQueue, type SendAnalysis } from './analysis-queue';
import { createPostEvents } from './features/events';
import { createPostStore } from './post-store';

function post(postKey: string, text: string): ParsedPost {
  return { postKey, text } as ParsedPost;
}

const analysisFor = (postKey: string) => ({
  postKey,
  language: 'pl' as const,
  confidence: 0.9,
  isQuestion: true,
});

describe('analysis queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks again when the service worker dropped the request, and stores the result once', async () => {
    const store = createPostStore();
    const events = createPostEvents();
    const analysed: string[] = [];
    events.on(
      'post-analysed',
      ({ analysis }) => analysed.push(analysis.postKey),
      new AbortController().signal,
    );
    let calls = 0;
    const send: SendAnalysis = async ({ posts }) => {
      calls += 1;
      if (calls === 1) throw new Error('The message port closed before a response was received.');
      return { results: posts.map(({ postKey }) => analysisFor(postKey)) };
    };
    const enqueue = createAnalysisQueue(
      store,
      events,
      () => undefined,
      new AbortController().signal,
      send,
    );
    for (const item of [post('fb:1', 'mam Kündigung'), post('fb:2', 'nie zaplacili')]) {
      store.upsert(item);
      enqueue(item);
    }
    await vi.runAllTimersAsync();
    expect(calls).toBe(2);
    expect(store.get('fb:1')?.analysis?.language).toBe('pl');
    expect(store.get('fb:2')?.analysis?.language).toBe('pl');
    expect(analysed.sort()).toEqual(['fb:1', 'fb:2']);
  });

  it('gives a batch up after the retries, without looping forever', async () => {
    const store = createPostStore();
    const send = vi.fn<SendAnalysis>(async () => {
      throw new Error('Could not establish connection.');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const enqueue = createAnalysisQueue(
      store,
      createPostEvents(),
      () => undefined,
      new AbortController().signal,
      send,
    );
    store.upsert(post('fb:3', 'text'));
    enqueue(post('fb:3', 'text'));
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(ANALYSIS_MAX_RETRIES + 1);
    expect(store.get('fb:3')?.analysis).toBeNull();
  });

  it('stops retrying when the page session ends', async () => {
    const controller = new AbortController();
    const send = vi.fn<SendAnalysis>(async () => {
      controller.abort();
      throw new Error('Extension context invalidated.');
    });
    const store = createPostStore();
    const enqueue = createAnalysisQueue(
      store,
      createPostEvents(),
      () => undefined,
      controller.signal,
      send,
    );
    store.upsert(post('fb:4', 'text'));
    enqueue(post('fb:4', 'text'));
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
