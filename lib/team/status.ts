/**
 * What the interface says about team sync: how many own events the team
 * database has not confirmed yet, and when sharing and fetching last worked
 * or why they failed. The timestamps live in one `meta` record; the counts
 * come from the tables, so they cannot drift from what is stored.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import type { OutreachDatabase } from '../db/database';
import { TEAM_CONNECTION_ID } from '../db/database';
import type { TeamSyncErrorCode } from './couch-client';
import { TEAM_SYNC_ERROR_CODES, TeamSyncError } from './couch-client';

export const TEAM_STATUS_KEY = 'team.status';

const seqSchema = lazySchema(() =>
  z.nullable(z.union([z.string().check(z.maxLength(2000)), z.number()])),
);

const statusRecordSchema = lazySchema(() =>
  z.object({
    lastPushAt: z.nullable(z.number()),
    lastPushError: z.nullable(z.string()),
    /** The failure's kind, so the interface can say it in its own language. */
    lastPushErrorCode: z.nullable(z.enum(TEAM_SYNC_ERROR_CODES)),
    lastPullAt: z.nullable(z.number()),
    lastPullError: z.nullable(z.string()),
    lastPullErrorCode: z.nullable(z.enum(TEAM_SYNC_ERROR_CODES)),
    /** When colleagues' posts were last fetched. */
    postsFetchedAt: z.nullable(z.number()),
    /** Where the last fetch of batches stopped in the server's change feed. */
    batchSeq: seqSchema,
    /** Where the last fetch of colleagues' posts stopped. */
    postsSeq: seqSchema,
  }),
);
export type TeamStatusRecord = z.infer<typeof statusRecordSchema>;

const EMPTY: TeamStatusRecord = {
  lastPushAt: null,
  lastPushError: null,
  lastPushErrorCode: null,
  lastPullAt: null,
  lastPullError: null,
  lastPullErrorCode: null,
  postsFetchedAt: null,
  batchSeq: null,
  postsSeq: null,
};

export async function readStatusRecord(db: OutreachDatabase): Promise<TeamStatusRecord> {
  const parsed = statusRecordSchema.safeParse((await db.meta.get(TEAM_STATUS_KEY))?.value);
  return parsed.success ? parsed.data : { ...EMPTY };
}

export async function updateStatusRecord(
  db: OutreachDatabase,
  change: Partial<TeamStatusRecord>,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readStatusRecord(db);
    await db.meta.put({ key: TEAM_STATUS_KEY, value: { ...current, ...change } });
  });
}

export interface TeamStatus {
  connected: boolean;
  /** Own events the team database has not confirmed (waiting batches included). */
  unshared: number;
  /** Batches built and signed, waiting for the server. */
  waitingBatches: number;
  lastPushAt: number | null;
  lastPushError: string | null;
  lastPushErrorCode: TeamSyncErrorCode | null;
  lastPullAt: number | null;
  lastPullError: string | null;
  lastPullErrorCode: TeamSyncErrorCode | null;
}

/** A failure as the status record keeps it: the message, and the client's code if it has one. */
export function describeFailure(error: unknown): {
  message: string;
  code: TeamSyncErrorCode | null;
} {
  return {
    message: error instanceof Error ? error.message : String(error),
    code: error instanceof TeamSyncError ? error.code : null,
  };
}

/** Ids of own events the team database has not confirmed, oldest first. */
export async function unsharedEventIds(db: OutreachDatabase): Promise<string[]> {
  const [own, shared] = await Promise.all([
    db.events.where('source').equals('local').primaryKeys(),
    db.teamShared.toCollection().primaryKeys(),
  ]);
  const done = new Set<string>(shared);
  return own.filter((id) => !done.has(id));
}

export async function getTeamStatus(db: OutreachDatabase): Promise<TeamStatus> {
  const [connection, record, unshared, waitingBatches] = await Promise.all([
    db.secrets.get(TEAM_CONNECTION_ID),
    readStatusRecord(db),
    unsharedEventIds(db),
    db.teamOutbox.count(),
  ]);
  return {
    connected: connection !== undefined,
    unshared: unshared.length,
    waitingBatches,
    lastPushAt: record.lastPushAt,
    lastPushError: record.lastPushError,
    lastPushErrorCode: record.lastPushErrorCode,
    lastPullAt: record.lastPullAt,
    lastPullError: record.lastPullError,
    lastPullErrorCode: record.lastPullErrorCode,
  };
}
