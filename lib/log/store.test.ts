import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { storeEvents, toLogStorageError } from './store';

let db: OutreachDatabase;
const options = { advisor: 'Advisor K', storePostText: false };

beforeEach(() => {
  db = new OutreachDatabase(`store-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('storeEvents', () => {
  it('stores a batch, stamps the advisor and acknowledges every id', async () => {
    const batch = [sampleEvent('post-seen'), sampleEvent('reply-inserted')];
    const result = await storeEvents(db, batch, options);
    expect(result).toEqual({ acknowledged: batch.map((e) => e.id), added: 2, duplicates: 0 });
    const stored = await db.events.toArray();
    expect(stored.map((e) => [e.advisor, e.source])).toEqual([
      ['Advisor K', 'local'],
      ['Advisor K', 'local'],
    ]);
  });

  it('acknowledges a retried batch without storing it twice', async () => {
    const batch = [sampleEvent('post-seen'), sampleEvent('handled')];
    await storeEvents(db, batch, options);
    const retry = await storeEvents(db, [...batch, ...batch.slice(0, 1)], options);
    expect(retry.added).toBe(0);
    expect(retry.duplicates).toBe(3);
    expect(await db.events.count()).toBe(2);
  });

  it('loses nothing when two tabs store batches at the same time', async () => {
    const tabA = Array.from({ length: 50 }, (_, i) =>
      sampleEvent('post-seen', { postKey: `a${i}` }),
    );
    const tabB = Array.from({ length: 50 }, (_, i) =>
      sampleEvent('post-seen', { postKey: `a${i}` }),
    );
    await Promise.all([
      storeEvents(db, tabA.slice(0, 25), options),
      storeEvents(db, tabB.slice(0, 25), options),
      storeEvents(db, tabA.slice(25), options),
      storeEvents(db, tabB.slice(25), options),
    ]);
    expect(await db.events.count()).toBe(100);
    expect(await db.posts.count()).toBe(50);
  });

  it.each([
    [false, undefined],
    [true, 'Ile wynosi płaca minimalna?'],
  ])('with storePostText=%s keeps post text %s', async (storePostText, expected) => {
    const event = sampleEvent('post-seen', { postText: 'Ile wynosi płaca minimalna?' });
    await storeEvents(db, [event], { ...options, storePostText });
    expect((await db.events.get(event.id))?.postText).toBe(expected);
    expect((await db.posts.get(event.postKey))?.postText).toBe(expected);
  });

  it('keeps the latest case note per post and what later events learn about the post', async () => {
    const seen = sampleEvent('post-seen', { topic: null, at: 1000 });
    const first = sampleEvent('note-added', { at: 2000, outcome: 'informed', note: 'first' });
    const second = sampleEvent('note-added', {
      at: 3000,
      outcome: 'escalated',
      note: 'second',
      escalation: 'violence',
    });
    await storeEvents(db, [seen, second], options);
    await storeEvents(db, [first], options);
    const note = await db.caseNotes.get(seen.postKey);
    expect(note).toMatchObject({
      outcome: 'escalated',
      note: 'second',
      escalation: 'violence',
      eventId: second.id,
    });
    const post = await db.posts.get(seen.postKey);
    expect(post).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 3000, topic: 'unpaid-wages' });
  });

  it('names a full disk as a quota error instead of swallowing it', () => {
    const quota = Object.assign(new Error('inner'), { name: 'QuotaExceededError' });
    const wrapped = { name: 'AbortError', message: 'aborted', inner: quota };
    expect(toLogStorageError(wrapped).code).toBe('quota');
    expect(toLogStorageError(new Error('disk on fire')).code).toBe('failed');
  });
});
