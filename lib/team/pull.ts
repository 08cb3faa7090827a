/**
 * Supervisors fetch the team's batches (docs/TEAM-SYNC.md#supervisors-pull).
 *
 * New and changed batch documents come from the server's change feed; each
 * batch's export is downloaded and believed only if
 * - the document was never changed after it was created (revision 1: the
 *   server refuses changes by anyone but its admin, so a later revision
 *   means someone with admin rights changed it),
 * - the document agrees with its id and with the export it carries, and
 * - the export is intact and signed by an advisor key trusted here.
 * Counted batches are merged like imported exports (lib/log/merge.ts), so
 * Statistics, Groups, Trends and the Funder report include them and
 * "Imports" can remove one. A batch that fails is listed with the reason and
 * contributes nothing; one counted before and changed since is taken out
 * again. Batches not counted are checked again on every fetch, so trusting
 * an advisor's key and fetching again counts theirs.
 */
import type { OutreachDatabase } from '../db/database';
import type { ReadResult } from '../log/envelope';
import { LogExportError, readLogExport } from '../log/envelope';
import type { TrustedKey } from '../log/export-signing';
import { mergeReadExports, removeImport } from '../log/merge';
import { retentionCutoff } from '../log/retention';
import { fetchColleaguePosts } from './colleagues';
import { getTeamCredentials } from './connection';
import { BATCH_ATTACHMENT, batchDisagreement, batchDocSchema, parseTeamDocId } from './documents';
import { openTeamServer } from './open-server';
import type { TeamBatchRecord } from './records';
import type { TeamServer } from './server';
import { readChanges } from './server';
import { describeFailure, readStatusRecord, updateStatusRecord } from './status';

export type { TeamBatchRecord };

const DOCS_CHUNK = 50;

export interface PullOptions {
  trusted: readonly TrustedKey[];
  /** This installation's retention period: older events are not merged (as for imports). */
  retentionDays: number;
  /** This installation's "store post text" (batches never carry text; kept for the merge). */
  storePostText: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  fetch?: typeof fetch;
  /** Instead of opening the connection's server (tests). */
  server?: TeamServer;
  now?: number;
}

export interface PullResult {
  batches: TeamBatchRecord[];
  /** Batches counted in this fetch. */
  newlyCounted: number;
  /** Events those batches added to the log. */
  added: number;
}

export class PullCancelledError extends Error {
  constructor() {
    super('The fetch was cancelled; what was counted before it stays.');
    this.name = 'PullCancelledError';
  }
}

function revisionNumber(rev: string): number {
  return Number.parseInt(rev.split('-')[0] ?? '', 10);
}

interface Checked {
  record: TeamBatchRecord;
  /** The export as read and verified, to merge (counted batches only). */
  read?: ReadResult & { text: string };
}

async function checkBatch(
  server: TeamServer,
  id: string,
  raw: Record<string, unknown> | null,
  trusted: readonly TrustedKey[],
  previous: TeamBatchRecord | undefined,
  now: number,
): Promise<Checked> {
  const fromId = parseTeamDocId(id);
  const base: TeamBatchRecord = previous ?? {
    id,
    user: fromId?.user ?? '',
    advisor: '',
    eventCount: 0,
    from: null,
    to: null,
    pushedAt: new Date(now).toISOString(),
    rev: '',
    status: 'refused',
    reason: null,
    signer: null,
    keyId: null,
    checkedAt: now,
  };
  const fail = (status: TeamBatchRecord['status'], reason: string, rev = base.rev): Checked => ({
    record: { ...base, status, reason, rev, checkedAt: now },
  });
  if (raw === null) {
    return fail(
      'changed-on-server',
      'The batch was deleted from the team database after it was shared.',
    );
  }
  const parsed = batchDocSchema.safeParse(raw);
  if (!parsed.success || !fromId) {
    return fail(
      'refused',
      'The document is not an Outreach Advisor batch.',
      String(raw._rev ?? ''),
    );
  }
  const doc = parsed.data;
  const rev = doc._rev ?? '';
  const described: TeamBatchRecord = {
    ...base,
    user: doc.user,
    advisor: doc.advisor,
    eventCount: doc.eventCount,
    from: doc.range.from,
    to: doc.range.to,
    pushedAt: doc.pushedAt,
    keyId: doc.keyId,
    rev,
  };
  const failDoc = (status: TeamBatchRecord['status'], reason: string): Checked => ({
    record: { ...described, status, reason, checkedAt: now },
  });
  if (doc.user !== fromId.user || doc.checksum !== fromId.checksum) {
    return failDoc('refused', 'The document does not match its id (user or checksum differ).');
  }
  if (revisionNumber(rev) !== 1) {
    return failDoc(
      'changed-on-server',
      `The document was changed on the server after it was shared (revision ${revisionNumber(rev) || '?'}); advisors cannot change batches, so someone with admin rights did.`,
    );
  }
  const text = await server.getAttachmentText(id, BATCH_ATTACHMENT);
  let read;
  try {
    read = await readLogExport(text, trusted);
  } catch (error) {
    if (!(error instanceof LogExportError)) throw error;
    return failDoc(
      error.code === 'tampered' || error.code === 'bad-signature' ? 'changed-on-server' : 'refused',
      error.message,
    );
  }
  const disagreement = batchDisagreement(doc, read.envelope);
  if (disagreement) {
    return failDoc(
      'changed-on-server',
      `The export in the batch is not the one it was shared with: ${disagreement}.`,
    );
  }
  const { verification } = read;
  if (verification.status === 'unverified') {
    return failDoc(
      'refused',
      'The export has no signature, so it cannot be told apart from an invented one.',
    );
  }
  if (verification.status === 'unknown-signer') {
    return {
      record: {
        ...described,
        status: 'unknown-signer',
        reason: `Signed by “${verification.signer}” with a key not trusted here. Trust that advisor’s key, then fetch again.`,
        signer: verification.signer,
        checkedAt: now,
      },
    };
  }
  return {
    record: {
      ...described,
      status: 'counted',
      reason: null,
      signer: verification.trustedAs,
      checkedAt: now,
    },
    read: { ...read, text },
  };
}

/**
 * Fetches new and changed batches, checks each, counts the good ones and
 * records what became of every batch. Also fetches colleagues' posts.
 */
export async function pullTeam(db: OutreachDatabase, options: PullOptions): Promise<PullResult> {
  const credentials = await getTeamCredentials(db);
  if (!credentials) throw new Error('This browser is not connected to a team database.');
  const server = options.server ?? openTeamServer(credentials, options.fetch);
  const now = options.now ?? Date.now();
  try {
    const status = await readStatusRecord(db);
    const { revs, lastSeq } = await readChanges(server, status.batchSeq);
    const ids = new Map([...revs].filter(([id]) => parseTeamDocId(id)?.kind === 'batch'));
    // Batches not counted last time are checked again: a key may be trusted now.
    for (const record of await db.teamBatches.where('status').notEqual('counted').toArray()) {
      if (!ids.has(record.id)) ids.set(record.id, record.rev);
    }
    const all = [...ids.keys()];
    let newlyCounted = 0;
    let added = 0;
    options.onProgress?.(0, all.length);
    for (let start = 0; start < all.length; start += DOCS_CHUNK) {
      if (options.signal?.aborted) throw new PullCancelledError();
      const chunk = all.slice(start, start + DOCS_CHUNK);
      const docs = await server.getDocs(chunk);
      for (const [index, id] of chunk.entries()) {
        if (options.signal?.aborted) throw new PullCancelledError();
        const previous = await db.teamBatches.get(id);
        const raw = docs[index] ?? null;
        if (previous?.status === 'counted' && raw !== null && raw._rev === previous.rev) continue;
        const checked = await checkBatch(server, id, raw, options.trusted, previous, now);
        if (checked.read !== undefined) {
          const { text, envelope, verification } = checked.read;
          const file = { name: `team:${id}`, text };
          const report = await mergeReadExports(db, [{ file, envelope, verification }], {
            trusted: options.trusted,
            now,
            retentionCutoff: retentionCutoff(now, options.retentionDays),
            storePostText: options.storePostText,
          });
          const merged = report.files[0];
          if (merged?.status !== 'merged') {
            checked.record = {
              ...checked.record,
              status: 'refused',
              reason:
                merged?.status === 'refused' ? merged.reason : 'The batch could not be merged.',
            };
          } else {
            newlyCounted += 1;
            added += merged.added;
          }
        } else if (previous?.status === 'counted') {
          // Counted before, not believable now: its events go out of the reports again.
          await removeImport(db, parseTeamDocId(id)?.checksum ?? '');
        }
        await db.teamBatches.put(checked.record);
      }
      options.onProgress?.(Math.min(start + DOCS_CHUNK, all.length), all.length);
    }
    await fetchColleaguePosts(db, server, credentials.user);
    await updateStatusRecord(db, {
      batchSeq: lastSeq,
      lastPullAt: now,
      lastPullError: null,
      lastPullErrorCode: null,
    });
    return { batches: await listTeamBatches(db), newlyCounted, added };
  } catch (error) {
    if (!(error instanceof PullCancelledError)) {
      const failure = describeFailure(error);
      await updateStatusRecord(db, {
        lastPullError: failure.message,
        lastPullErrorCode: failure.code,
      });
    }
    throw error;
  }
}

/** Every batch fetched so far, newest first. */
export async function listTeamBatches(db: OutreachDatabase): Promise<TeamBatchRecord[]> {
  const records = await db.teamBatches.toArray();
  return records.sort((a, b) => (a.pushedAt < b.pushedAt ? 1 : a.pushedAt > b.pushedAt ? -1 : 0));
}
