import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEventRequest } from '../log/events';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import type { LogEventDraft } from './log-queue';
import { createLogQueue } from './log-queue';

function draft(postKey: string): LogEventDraft {
  const { id: _id, at: _at, ...rest } = sampleEvent('post-seen', { postKey });
  return rest;
}

/** A background that stores by id, and can be told to die before answering. */
function fakeBackground() {
  const stored = new Map<string, LogEventRequest>();
  let dropNext = 0;
  const calls: string[][] = [];
  return {
    stored,
    calls,
    dropAnswers(count: number) {
      dropNext = count;
    },
    async send(events: LogEventRequest[]) {
      calls.push(events.map((event) => event.id));
      for (const event of events) if (!stored.has(event.id)) stored.set(event.id, event);
      if (dropNext > 0) {
        dropNext -= 1;
        // The worker stored the batch but was stopped before it could answer.
        throw new Error('The message port closed before a response was received.');
      }
      return { acknowledged: events.map((event) => event.id) };
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createLogQueue', () => {
  it('sends queued events in one batch and forgets them once acknowledged', async () => {
    const background = fakeBackground();
    const queue = createLogQueue({ send: (e) => background.send(e), flushDelayMs: 100 });
    queue.log(draft('p1'));
    queue.log(draft('p2'));
    expect(queue.status().pending).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(background.calls).toHaveLength(1);
    expect(queue.status()).toMatchObject({ pending: 0, dropped: 0, lastError: null });
  });

  it('retries with the same ids when the worker stops mid-batch, without duplicates', async () => {
    const background = fakeBackground();
    background.dropAnswers(2);
    const queue = createLogQueue({
      send: (e) => background.send(e),
      flushDelayMs: 10,
      retryDelayMs: 50,
    });
    const ids = [queue.log(draft('p1')), queue.log(draft('p2'))];
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.status().pending).toBe(2);
    expect(queue.status().lastError).toMatch(/port closed/);
    await vi.advanceTimersByTimeAsync(50 + 100);
    expect(queue.status()).toMatchObject({ pending: 0, dropped: 0, lastError: null });
    expect(background.calls).toEqual([ids, ids, ids]);
    expect([...background.stored.keys()]).toEqual(ids);
  });

  it('keeps every event of two tabs logging at once', async () => {
    const background = fakeBackground();
    const tabs = [1, 2].map(() =>
      createLogQueue({ send: (e) => background.send(e), flushDelayMs: 5, batchSize: 7 }),
    );
    for (let i = 0; i < 40; i += 1) {
      for (const [n, tab] of tabs.entries()) tab.log(draft(`tab${n}-p${i}`));
    }
    await vi.advanceTimersByTimeAsync(50);
    await Promise.all(tabs.map((tab) => tab.whenDrained()));
    expect(background.stored.size).toBe(80);
  });

  it('keeps events logged while a batch is in flight', async () => {
    const background = fakeBackground();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = createLogQueue({
      send: async (events) => {
        await gate;
        return background.send(events);
      },
      flushDelayMs: 1,
    });
    queue.log(draft('p1'));
    await vi.advanceTimersByTimeAsync(1);
    queue.log(draft('p2'));
    release();
    await vi.advanceTimersByTimeAsync(5);
    await queue.whenDrained();
    expect(background.stored.size).toBe(2);
  });
});
