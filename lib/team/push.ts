/**
 * Advisors share their log with the team (docs/TEAM-SYNC.md#advisors-push).
 *
 * Own events the server has not confirmed are packed into batches of at most
 * MAX_BATCH_EVENTS: a log export like the dashboard's JSON export, with the
 * same content rules (DEFAULT_INCLUDES: no post text, notes or author
 * hashes), signed with the advisor key, but with post keys and group ids
 * pseudonymised by the team secret, so the supervisor can tell when two
 * advisors saw the same post or group.
 *
 * Never lost, never twice: a batch is first written to the outbox, then
 * sent; its events count as shared only once the server has the documents.
 * A failed send leaves the outbox entry to be sent again, byte for byte (the
 * same ids, so a send that reached the server before the connection broke
 * finds its documents there and adds nothing).
 */
import type { OutreachDatabase } from '../db/database';
import { loadOwnRegister } from '../groups/store';
import { buildLogExport, serialiseLogExport } from '../log/envelope';
import type { LogEvent } from '../log/events';
import { DEFAULT_INCLUDES } from '../log/export-options';
import type { ExportSigningKey } from '../log/export-signing';
import type { TeamPostMark } from './documents';
import {
  batchFactsOf,
  buildBatchDoc,
  buildPostsDoc,
  MAX_BATCH_EVENTS,
  TEAM_PSEUDONYM_PATTERN,
  teamDocId,
} from './documents';
import type { TeamOutboxRecord } from './records';
import type { TeamServer } from './server';
import { TeamSyncError } from './couch-client';
import { describeFailure, unsharedEventIds, updateStatusRecord } from './status';
import { batchPseudonymiser } from './post-keys';

export interface ShareOptions {
  server: TeamServer;
  /** The CouchDB user (the documents' id prefix) and the team secret. */
  user: string;
  secret: string;
  /** The advisor's pseudonym, as exports carry it. */
  advisor: string;
  signingKey: ExportSigningKey;
  now?: () => number;
  /** Most batches built in one run (the rest waits for the next). */
  maxBatches?: number;
  batchSize?: number;
}

export interface ShareResult {
  sharedEvents: number;
  batches: number;
  /** Own events still not shared after this run (a run stops after `maxBatches`). */
  remaining: number;
}

const MARK_KIND: Partial<Record<LogEvent['type'], TeamPostMark['kind']>> = {
  'reply-inserted': 'replied',
  'reply-copied': 'replied',
  'note-added': 'documented',
  handled: 'documented',
  referred: 'documented',
};

/** The posts a batch documents, one mark per post (its latest documentation). */
export function marksOf(
  events: readonly { type: LogEvent['type']; postKey: string; at: number }[],
) {
  const byKey = new Map<string, TeamPostMark>();
  for (const event of events) {
    const kind = MARK_KIND[event.type];
    if (!kind || !TEAM_PSEUDONYM_PATTERN.test(event.postKey)) continue;
    const current = byKey.get(event.postKey);
    if (!current || current.at <= event.at)
      byKey.set(event.postKey, { key: event.postKey, at: event.at, kind });
  }
  return [...byKey.values()].sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
}

/**
 * Ids of own events in time order that are neither confirmed nor waiting in
 * the outbox. Keys only (the `at` and `source` indexes and the shared ids):
 * reading whole events once per batch made sharing 50,000 quadratic.
 */
async function unsharedInOrder(db: OutreachDatabase): Promise<string[]> {
  const [byTime, own, shared, waiting] = await Promise.all([
    db.events.orderBy('at').primaryKeys(),
    db.events.where('source').equals('local').primaryKeys(),
    db.teamShared.toCollection().primaryKeys(),
    db.teamOutbox.toArray(),
  ]);
  const local = new Set<string>(own);
  const taken = new Set<string>(shared);
  for (const entry of waiting) for (const id of entry.eventIds) taken.add(id);
  return byTime.filter((id) => local.has(id) && !taken.has(id));
}

async function buildBatch(
  db: OutreachDatabase,
  events: readonly LogEvent[],
  options: ShareOptions,
  now: number,
): Promise<TeamOutboxRecord> {
  const envelope = await buildLogExport(events, {
    advisor: options.advisor,
    includes: DEFAULT_INCLUDES,
    groups: await loadOwnRegister(db),
    signingKey: options.signingKey,
    pseudonymise: await batchPseudonymiser(
      db,
      options.secret,
      events.map((event) => event.postKey),
    ),
    now,
  });
  const checksum = envelope.checksum.value;
  return {
    id: teamDocId(options.user, 'batch', checksum),
    user: options.user,
    exportText: serialiseLogExport(envelope),
    facts: batchFactsOf(envelope),
    marks: marksOf(envelope.events),
    pushedAt: new Date(now).toISOString(),
    eventIds: events.map((event) => event.id),
    createdAt: now,
  };
}

/** The documents of an outbox entry, the same every time they are built. */
export function outboxDocs(entry: TeamOutboxRecord): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [
    buildBatchDoc(entry.user, entry.facts, entry.exportText, entry.pushedAt),
  ];
  if (entry.marks.length > 0) {
    docs.push(buildPostsDoc(entry.user, entry.facts.checksum, entry.marks, entry.pushedAt));
  }
  return docs;
}

async function send(
  db: OutreachDatabase,
  server: TeamServer,
  entry: TeamOutboxRecord,
  now: number,
): Promise<void> {
  const docs = outboxDocs(entry);
  const existing = await server.existingIds(docs.map((doc) => String(doc._id)));
  const missing = docs.filter((doc) => !existing.has(String(doc._id)));
  if (missing.length > 0) {
    const results = await server.createDocs(missing);
    const failed = results.find(
      (result) => result.status === 'forbidden' || result.status === 'error',
    );
    if (failed) {
      throw new TeamSyncError(
        failed.status === 'forbidden' ? 'forbidden' : 'server-error',
        failed.status === 'forbidden'
          ? `The team database refused the batch (${failed.reason ?? 'no reason given'}). Ask its admin whether your user has the advisor role.`
          : `The team database could not store the batch (${failed.reason ?? 'no reason given'}). It will be sent again.`,
      );
    }
  }
  await db.transaction('rw', db.teamOutbox, db.teamShared, async () => {
    await db.teamShared.bulkPut(
      entry.eventIds.map((eventId) => ({ eventId, batchId: entry.id, sharedAt: now })),
    );
    await db.teamOutbox.delete(entry.id);
  });
}

/**
 * Sends what waits in the outbox, then batches and sends own events not yet
 * shared, up to `maxBatches`. Records the outcome for the status line and
 * rethrows a failure (events stay unshared; the next run tries again).
 */
export async function shareTeamRecords(
  db: OutreachDatabase,
  options: ShareOptions,
): Promise<ShareResult> {
  const now = options.now ?? Date.now;
  const maxBatches = options.maxBatches ?? 50;
  const batchSize = options.batchSize ?? MAX_BATCH_EVENTS;
  let sharedEvents = 0;
  let batches = 0;
  try {
    // Entries for another user can only be left from before a reconnect; they are not ours to send.
    await db.teamOutbox.filter((entry) => entry.user !== options.user).delete();
    for (const entry of await db.teamOutbox.orderBy('createdAt').toArray()) {
      await send(db, options.server, entry, now());
      sharedEvents += entry.eventIds.length;
      batches += 1;
    }
    const queue = await unsharedInOrder(db);
    for (let start = 0; start < queue.length && batches < maxBatches; start += batchSize) {
      const found = await db.events.bulkGet(queue.slice(start, start + batchSize));
      // An event purged or deleted since the ids were read is simply not shared.
      const events = found.filter((event): event is LogEvent => event !== undefined);
      if (events.length === 0) continue;
      const entry = await buildBatch(db, events, options, now());
      await db.teamOutbox.put(entry);
      await send(db, options.server, entry, now());
      sharedEvents += entry.eventIds.length;
      batches += 1;
    }
    await updateStatusRecord(db, {
      lastPushAt: now(),
      lastPushError: null,
      lastPushErrorCode: null,
    });
  } catch (error) {
    const failure = describeFailure(error);
    await updateStatusRecord(db, {
      lastPushError: failure.message,
      lastPushErrorCode: failure.code,
    });
    throw error;
  }
  return { sharedEvents, batches, remaining: (await unsharedEventIds(db)).length };
}
