import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import {
  DAY_MS,
  deleteAllLogData,
  deleteSubjectData,
  exportSubjectData,
  purgeExpired,
  retentionCutoff,
} from './retention';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { storeEvents } from './store';

let db: OutreachDatabase;
const now = Date.UTC(2026, 5, 1);
const cutoff = retentionCutoff(now, 90);

beforeEach(() => {
  db = new OutreachDatabase(`retention-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('purgeExpired', () => {
  it('removes exactly the records older than the retention period', async () => {
    const old = sampleEvent('post-seen', { postKey: 'old', at: cutoff - 1 });
    const oldNote = sampleEvent('note-added', { postKey: 'old', at: cutoff - 1 });
    const boundary = sampleEvent('post-seen', { postKey: 'edge', at: cutoff });
    const recent = sampleEvent('reply-copied', { postKey: 'new', at: now - DAY_MS });
    await storeEvents(db, [old, oldNote, boundary, recent], {
      advisor: 'a',
      storePostText: true,
    });

    const result = await purgeExpired(db, now, 90);

    expect(result).toMatchObject({ events: 2, posts: 1, caseNotes: 1, cutoff });
    expect((await db.events.toArray()).map((e) => e.id).sort()).toEqual(
      [boundary.id, recent.id].sort(),
    );
    expect((await db.posts.toArray()).map((p) => p.postKey).sort()).toEqual(['edge', 'new']);
    expect(await purgeExpired(db, now, 90)).toMatchObject({ events: 0, posts: 0 });
  });

  it('forgets team sync notes older than the period with the events', async () => {
    await db.teamShared.bulkPut([
      { eventId: 'gone', batchId: 'anna:batch:1', sharedAt: cutoff - 1 },
      { eventId: 'kept', batchId: 'anna:batch:2', sharedAt: cutoff + 1 },
    ]);
    await db.teamPosts.bulkPut([
      { key: `h:${'1'.repeat(32)}`, user: 'ben', at: cutoff - 1, kind: 'replied' },
      { key: `h:${'2'.repeat(32)}`, user: 'ben', at: now, kind: 'documented' },
    ]);
    await purgeExpired(db, now, 90);
    expect(await db.teamShared.toCollection().primaryKeys()).toEqual(['kept']);
    expect((await db.teamPosts.toArray()).map((mark) => mark.at)).toEqual([now]);
  });

  it('clears old text of a post that was seen again recently', async () => {
    const first = sampleEvent('post-seen', { at: cutoff - DAY_MS, postText: 'old words' });
    const again = sampleEvent('post-seen', { at: now });
    await storeEvents(db, [first, again], { advisor: 'a', storePostText: true });
    const result = await purgeExpired(db, now, 90);
    expect(result.textsCleared).toBe(1);
    expect((await db.posts.get(first.postKey))?.postText).toBeUndefined();
  });
});

describe('data-subject requests and deletion', () => {
  it('exports and erases everything about one author, and nothing else', async () => {
    const subject = 'b'.repeat(64);
    const mine = [
      sampleEvent('post-seen', { postKey: 'p1', authorHash: subject }),
      sampleEvent('note-added', { postKey: 'p1', authorHash: subject }),
    ];
    const other = sampleEvent('post-seen', { postKey: 'p2' });
    await storeEvents(db, [...mine, other], { advisor: 'a', storePostText: false });

    const exported = await exportSubjectData(db, subject, now);
    expect(exported.events.map((e) => e.id).sort()).toEqual(mine.map((e) => e.id).sort());
    expect(exported.posts.map((p) => p.postKey)).toEqual(['p1']);
    expect(exported.caseNotes).toHaveLength(1);

    expect(await deleteSubjectData(db, subject)).toBe(4);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual([other.id]);
  });

  it('delete all empties every log table but keeps installation facts', async () => {
    await db.meta.put({ key: 'installedAt', value: 'x' });
    await storeEvents(db, [sampleEvent('note-added')], { advisor: 'a', storePostText: false });
    await deleteAllLogData(db);
    expect([await db.events.count(), await db.posts.count(), await db.caseNotes.count()]).toEqual([
      0, 0, 0,
    ]);
    expect(await db.meta.get('installedAt')).toBeDefined();
  });
});
