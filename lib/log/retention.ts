/**
 * Data minimisation: the retention purge, "delete all data", and what a
 * data-subject request needs (everything stored about one author, found by
 * the keyed hash of their name, and its erasure).
 *
 * The purge runs on a schedule in the background (`browser.alarms`) and can
 * be run from the dashboard; it is idempotent and removes exactly what is
 * older than the retention period — a record exactly at the cut-off stays.
 */
import type { OutreachDatabase } from '../db/database';
import type { LogEvent } from './events';
import type { CaseNoteRecord, PostRecord } from './records';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest time that is still kept. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

export interface PurgeResult {
  cutoff: number;
  events: number;
  posts: number;
  caseNotes: number;
  /** Posts kept (seen again recently) whose older text was removed. */
  textsCleared: number;
}

export const LAST_PURGE_META_KEY = 'log.lastPurge';

export async function purgeExpired(
  db: OutreachDatabase,
  now: number,
  retentionDays: number,
): Promise<PurgeResult> {
  const cutoff = retentionCutoff(now, retentionDays);
  const result = await db.transaction(
    'rw',
    [db.events, db.posts, db.caseNotes, db.meta, db.teamShared, db.teamPosts],
    async () => {
      const events = await db.events.where('at').below(cutoff).delete();
      // Team sync's notes about them go too: an event is shared after it happened, and a
      // colleague's mark older than the period says nothing about posts still in view.
      await db.teamShared.filter((record) => record.sharedAt < cutoff).delete();
      await db.teamPosts.filter((record) => record.at < cutoff).delete();
      const posts = await db.posts.where('lastSeenAt').below(cutoff).delete();
      const caseNotes = await db.caseNotes.where('updatedAt').below(cutoff).delete();
      // A post seen again keeps its record, but text older than the period goes.
      let textsCleared = 0;
      await db.posts
        .filter((post) => post.postText !== undefined && post.firstSeenAt < cutoff)
        .modify((post) => {
          delete post.postText;
          textsCleared += 1;
        });
      const purge: PurgeResult = { cutoff, events, posts, caseNotes, textsCleared };
      await db.meta.put({ key: LAST_PURGE_META_KEY, value: { at: now, ...purge } });
      return purge;
    },
  );
  return result;
}

/**
 * Removes every log record: events, posts, case notes, imports, the group
 * register, and what team sync keeps about them (batches not yet sent
 * included: deleting means they are not shared either).
 */
export async function deleteAllLogData(db: OutreachDatabase): Promise<void> {
  const tables = [
    db.events,
    db.posts,
    db.caseNotes,
    db.imports,
    db.groups,
    db.importedGroups,
    db.teamOutbox,
    db.teamShared,
    db.teamBatches,
    db.teamPosts,
    db.teamPostKeys,
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}

export interface SubjectExport {
  format: 'outreach-advisor-subject-export';
  schemaVersion: 1;
  generatedAt: string;
  authorHash: string;
  posts: PostRecord[];
  events: LogEvent[];
  caseNotes: CaseNoteRecord[];
}

/** Everything stored about one author, for a data-subject access request. */
export async function exportSubjectData(
  db: OutreachDatabase,
  authorHash: string,
  now = Date.now(),
): Promise<SubjectExport> {
  const [posts, events, caseNotes] = await Promise.all([
    db.posts.where('authorHash').equals(authorHash).toArray(),
    db.events.where('authorHash').equals(authorHash).sortBy('at'),
    db.caseNotes.where('authorHash').equals(authorHash).toArray(),
  ]);
  return {
    format: 'outreach-advisor-subject-export',
    schemaVersion: 1,
    generatedAt: new Date(now).toISOString(),
    authorHash,
    posts,
    events,
    caseNotes,
  };
}

/** Erases everything stored about one author; returns how many records went. */
export async function deleteSubjectData(db: OutreachDatabase, authorHash: string): Promise<number> {
  return db.transaction('rw', [db.events, db.posts, db.caseNotes], async () => {
    const counts = await Promise.all([
      db.events.where('authorHash').equals(authorHash).delete(),
      db.posts.where('authorHash').equals(authorHash).delete(),
      db.caseNotes.where('authorHash').equals(authorHash).delete(),
    ]);
    return counts.reduce((sum, count) => sum + count, 0);
  });
}
