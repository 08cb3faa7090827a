import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../domain/languages';
import type { SuggestForPostsRequest, TopicsForPostsResponse } from '../suggestions/schema';
import { MAX_POSTS_PER_SUGGESTION_REQUEST } from '../suggestions/schema';
import {
  createSuggestionClient,
  type SuggestionAnswer,
  type SuggestionRequest,
} from './suggestion-client';

/** The client's batching window (BATCH_DELAY_MS in the module). */
const BATCH_WINDOW_MS = 15;

interface Call {
  payload: SuggestForPostsRequest;
  resolve(response: TopicsForPostsResponse): void;
  reject(error: unknown): void;
}

/** A sender whose replies the test controls, one pending promise per message. */
function fakeSender() {
  const calls: Call[] = [];
  const send = vi.fn((name: 'topicsForPosts', payload: SuggestForPostsRequest) => {
    expect(name).toBe('topicsForPosts');
    return new Promise<TopicsForPostsResponse>((resolve, reject) => {
      calls.push({ payload, resolve, reject });
    });
  });
  return { send, calls };
}

function request(postKey: string, overrides: Partial<SuggestionRequest> = {}): SuggestionRequest {
  return { postKey, text: `text of ${postKey}`, language: 'pl', uiLanguage: 'en', ...overrides };
}

function result(postKey: string, topicLabel = `topic of ${postKey}`) {
  return {
    postKey,
    topic: 'off-topic' as const,
    topicLabel,
    likely: 0,
    answerIds: [],
  };
}

/** Answers a call with a result for every post it carried (in reverse order, as a check). */
function answerAll(call: Call | undefined) {
  if (!call) throw new Error('no message was sent');
  call.resolve({
    results: call.payload.posts.map(({ postKey }) => result(postKey)).reverse(),
  });
}

async function afterBatchWindow() {
  await vi.advanceTimersByTimeAsync(BATCH_WINDOW_MS);
}

describe('suggestion client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing until the batch window has passed, then one message with every post', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    void client.request(request('fb:1'));
    await vi.advanceTimersByTimeAsync(BATCH_WINDOW_MS - 5);
    void client.request(request('fb:2'));
    void client.request(request('fb:3', { language: 'ro' }));
    await vi.advanceTimersByTimeAsync(4);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(calls[0]?.payload).toEqual({
      uiLanguage: 'en',
      posts: [
        { postKey: 'fb:1', text: 'text of fb:1', language: 'pl' },
        { postKey: 'fb:2', text: 'text of fb:2', language: 'pl' },
        { postKey: 'fb:3', text: 'text of fb:3', language: 'ro' },
      ],
    });
  });

  it('a request after a batch was sent starts a new batch', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    void client.request(request('fb:1'));
    await afterBatchWindow();
    void client.request(request('fb:2'));
    await afterBatchWindow();
    expect(calls.map(({ payload }) => payload.posts.map(({ postKey }) => postKey))).toEqual([
      ['fb:1'],
      ['fb:2'],
    ]);
  });

  it('gives each caller its own post result', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    const first = client.request(request('fb:1'));
    const second = client.request(request('fb:2'));
    await afterBatchWindow();
    answerAll(calls[0]);
    await expect(first).resolves.toEqual<SuggestionAnswer>(result('fb:1'));
    await expect(second).resolves.toEqual<SuggestionAnswer>(result('fb:2'));
  });

  it('rejects only the caller whose post the reply left out', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    const answered = client.request(request('fb:1'));
    const missing = client.request(request('fb:2'));
    await afterBatchWindow();
    calls[0]?.resolve({ results: [result('fb:1')] });
    await expect(answered).resolves.toMatchObject({ postKey: 'fb:1' });
    await expect(missing).rejects.toThrow('no suggestions in the reply');
  });

  it('a failed message reaches every caller waiting on it', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    const waiting = ['fb:1', 'fb:2', 'fb:3'].map((key) => client.request(request(key)));
    await afterBatchWindow();
    const error = new Error('Could not establish connection.');
    const outcomes: unknown[] = waiting.map(() => 'pending');
    waiting.forEach((promise, i) =>
      promise.then(
        () => (outcomes[i] = 'resolved'),
        (reason: unknown) => (outcomes[i] = reason),
      ),
    );
    calls[0]?.reject(error);
    await vi.advanceTimersByTimeAsync(0); // lets the rejections' handlers run
    expect(outcomes).toEqual([error, error, error]);
  });

  it.each([
    {
      name: 'one message per UI language',
      requests: [
        request('fb:1', { uiLanguage: 'en' }),
        request('fb:2', { uiLanguage: 'de' }),
        request('fb:3', { uiLanguage: 'en' }),
      ],
      messages: [
        { uiLanguage: 'en', postKeys: ['fb:1', 'fb:3'] },
        { uiLanguage: 'de', postKeys: ['fb:2'] },
      ],
    },
    {
      name: `messages of at most ${MAX_POSTS_PER_SUGGESTION_REQUEST} posts`,
      requests: Array.from({ length: MAX_POSTS_PER_SUGGESTION_REQUEST + 1 }, (_, i) =>
        request(`fb:${i}`),
      ),
      messages: [
        {
          uiLanguage: 'en',
          postKeys: Array.from({ length: MAX_POSTS_PER_SUGGESTION_REQUEST }, (_, i) => `fb:${i}`),
        },
        { uiLanguage: 'en', postKeys: [`fb:${MAX_POSTS_PER_SUGGESTION_REQUEST}`] },
      ],
    },
  ])('splits a batch into $name, and answers every caller', async ({ requests, messages }) => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    const answers = requests.map((item) => client.request(item));
    await afterBatchWindow();
    expect(
      calls.map(({ payload }) => ({
        uiLanguage: payload.uiLanguage as UiLanguage,
        postKeys: payload.posts.map(({ postKey }) => postKey),
      })),
    ).toEqual(messages);
    for (const call of calls) answerAll(call);
    const settled = await Promise.all(answers);
    expect(settled.map(({ postKey }) => postKey)).toEqual(requests.map(({ postKey }) => postKey));
  });

  it.each([
    { language: 'und', sent: { language: 'und' } },
    { language: 'hu', sent: { language: 'hu' } },
    // Not a language the protocol knows: left out, so the background detects it again.
    { language: 'xx', sent: {} },
  ])('passes analysis language $language as $sent', async ({ language, sent }) => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    void client.request(request('fb:1', { language }));
    await afterBatchWindow();
    expect(calls[0]?.payload.posts).toEqual([{ postKey: 'fb:1', text: 'text of fb:1', ...sent }]);
  });

  it('cuts the text to the 20 000 characters the protocol allows', async () => {
    const { send, calls } = fakeSender();
    const client = createSuggestionClient(send);
    void client.request(request('fb:1', { text: 'a'.repeat(20_005) }));
    await afterBatchWindow();
    expect(calls[0]?.payload.posts[0]?.text).toHaveLength(20_000);
  });

  describe('cache', () => {
    it('the same request, in the same batch or later, is answered without a second message', async () => {
      const { send, calls } = fakeSender();
      const client = createSuggestionClient(send);
      const first = client.request(request('fb:1'));
      const sameBatch = client.request(request('fb:1'));
      await afterBatchWindow();
      expect(calls[0]?.payload.posts).toHaveLength(1);
      answerAll(calls[0]);
      await first;
      const later = client.request(request('fb:1'));
      await afterBatchWindow();
      expect(send).toHaveBeenCalledTimes(1);
      expect(sameBatch).toBe(first);
      expect(later).toBe(first);
    });

    it.each([
      { changed: 'text', other: request('fb:1', { text: 'See more: longer text' }) },
      { changed: 'language', other: request('fb:1', { language: 'ro' }) },
      { changed: 'UI language', other: request('fb:1', { uiLanguage: 'de' }) },
    ])('a different $changed is asked for again', async ({ other }) => {
      const { send, calls } = fakeSender();
      const client = createSuggestionClient(send);
      const first = client.request(request('fb:1'));
      await afterBatchWindow();
      answerAll(calls[0]);
      await first;
      void client.request(other);
      await afterBatchWindow();
      expect(send).toHaveBeenCalledTimes(2);
    });

    it('a failure is not cached: asking again sends again', async () => {
      const { send, calls } = fakeSender();
      const client = createSuggestionClient(send);
      const failed = client.request(request('fb:1'));
      await afterBatchWindow();
      calls[0]?.reject(new Error('waking up'));
      await expect(failed).rejects.toThrow('waking up');
      const retried = client.request(request('fb:1'));
      await afterBatchWindow();
      expect(send).toHaveBeenCalledTimes(2);
      answerAll(calls[1]);
      await expect(retried).resolves.toMatchObject({ postKey: 'fb:1' });
    });

    it('forget(postKey) drops that post’s answers only', async () => {
      const { send, calls } = fakeSender();
      const client = createSuggestionClient(send);
      const keys = ['fb:1', 'fb:2'];
      const first = keys.map((key) => client.request(request(key)));
      await afterBatchWindow();
      answerAll(calls[0]);
      await Promise.all(first);
      client.forget('fb:1');
      for (const key of keys) void client.request(request(key));
      await afterBatchWindow();
      expect(send).toHaveBeenCalledTimes(2);
      expect(calls[1]?.payload.posts.map(({ postKey }) => postKey)).toEqual(['fb:1']);
    });

    it('holds 500 answers, evicting the least recently used', async () => {
      const { send, calls } = fakeSender();
      const client = createSuggestionClient(send);
      const keys = Array.from({ length: 500 }, (_, i) => `fb:${i}`);
      const answers = keys.map((key) => client.request(request(key)));
      await afterBatchWindow();
      for (const call of calls) answerAll(call);
      await Promise.all(answers);
      const sentBefore = send.mock.calls.length;
      void client.request(request('fb:0')); // used again: now the most recent
      void client.request(request('fb:new')); // one more than the limit: evicts fb:1
      await afterBatchWindow();
      void client.request(request('fb:0'));
      void client.request(request('fb:1'));
      await afterBatchWindow();
      const asked = calls
        .slice(sentBefore)
        .flatMap(({ payload }) => payload.posts.map(({ postKey }) => postKey));
      expect(asked).toEqual(['fb:new', 'fb:1']);
    });
  });
});
