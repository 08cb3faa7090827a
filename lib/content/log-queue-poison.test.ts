/**
 * Security review findings 4 and 16: one invalid event must not block a
 * tab's log queue, no batch is resent forever, and the queue is capped.
 * Runs through the real receiver and the background's per-event check.
 */
import { describe, expect, it } from 'vitest';
import { splitEventBatch } from '../log/events';
import { MessageError } from '../messaging/protocol';
import { receiveMessage, type Handlers } from '../messaging/receive';
import { readReply } from '../messaging/send';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import type { LogEventDraft } from './log-queue';
import { createLogQueue, unsavedEvents } from './log-queue';

const options = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const sender = { id: 'ext', url: 'https://www.facebook.com/groups/1/', tab: { id: 3 } };

function draft(postKey: string, over: Record<string, unknown> = {}): LogEventDraft {
  const { id: _id, at: _at, ...rest } = sampleEvent('post-seen', { postKey });
  return { ...rest, ...over } as LogEventDraft;
}

function backgroundStoring(stored: string[]) {
  const handlers = {
    logEvents: ({ events }: { events: unknown[] }) => {
      const { valid, rejected } = splitEventBatch(events);
      for (const event of valid) stored.push(event.id);
      return { acknowledged: valid.map((e) => e.id), added: valid.length, duplicates: 0, rejected };
    },
  } as unknown as Handlers;
  let sends = 0;
  return {
    sends: () => sends,
    send: async (events: unknown[]) => {
      sends += 1;
      const raw = await receiveMessage(
        { oa: 1, name: 'logEvents', payload: { events } },
        sender,
        handlers,
        options,
      );
      return readReply('logEvents', raw);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('log queue against a background that answers per event', () => {
  it('stores the valid events of a batch with one invalid event and drops that one with a reason', async () => {
    const stored: string[] = [];
    const background = backgroundStoring(stored);
    const queue = createLogQueue({
      send: background.send,
      flushDelayMs: 1,
      retryDelayMs: 1,
      maxRetryDelayMs: 5,
    });
    // A group name longer than the log schema takes, as the parser used to produce.
    const poisoned = queue.log(draft('fb:1', { groupName: 'G'.repeat(400) }));
    const good = Array.from({ length: 5 }, (_, i) => queue.log(draft(`fb:${i + 2}`)));
    await queue.flush();
    await settle();
    expect(stored).toEqual(good);
    expect(stored).not.toContain(poisoned);
    expect(queue.status()).toMatchObject({ pending: 0, dropped: 1 });
    expect(queue.status().lastDropReason).toMatch(/groupName/);
    expect(background.sends()).toBeLessThanOrEqual(2);
  });

  it('drops a batch the background refuses as a whole instead of resending it forever', async () => {
    let sends = 0;
    const queue = createLogQueue({
      send: () => {
        sends += 1;
        return Promise.reject(new MessageError('invalid-payload', 'Invalid "logEvents" payload'));
      },
      flushDelayMs: 1,
      retryDelayMs: 1,
      maxRetryDelayMs: 5,
    });
    queue.log(draft('fb:1'));
    queue.log(draft('fb:2'));
    await queue.flush();
    await settle();
    expect(sends).toBe(1);
    expect(queue.status()).toMatchObject({ pending: 0, dropped: 2 });
  });

  it('caps the queue while the background keeps failing and counts what it dropped', async () => {
    const queue = createLogQueue({
      send: () => Promise.reject(new Error('Could not establish connection')),
      flushDelayMs: 1_000_000,
      maxPending: 10,
    });
    for (let i = 0; i < 25; i += 1) queue.log(draft(`fb:${i}`));
    expect(queue.status()).toMatchObject({ pending: 10, dropped: 15 });
    expect(queue.status().lastDropReason).toMatch(/at most 10/);
  });
});

describe('unsavedEvents', () => {
  it('counts dropped events, and pending ones only while sending fails', () => {
    expect(unsavedEvents({ pending: 4, dropped: 0, lastError: null, lastDropReason: null })).toBe(
      0,
    );
    expect(unsavedEvents({ pending: 4, dropped: 2, lastError: 'down', lastDropReason: null })).toBe(
      6,
    );
    expect(unsavedEvents({ pending: 4, dropped: 2, lastError: null, lastDropReason: 'x' })).toBe(2);
  });
});
