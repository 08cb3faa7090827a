/**
 * What this installation keeps about the team database (IndexedDB v7,
 * declared in lib/db/database.ts; docs/TEAM-SYNC.md#advisors-push).
 */
import type { BatchFacts, TeamPostMark } from './documents';

/** A batch built and signed but not yet confirmed by the server: sent again until it is. */
export interface TeamOutboxRecord {
  /** The batch document's id (`<user>:batch:<checksum>`). */
  id: string;
  /** The user the documents are for (a reconnect as someone else drops the entry). */
  user: string;
  /** The export file's exact text. */
  exportText: string;
  facts: BatchFacts;
  /** Posts documented in it (team pseudonyms), for the posts document. */
  marks: TeamPostMark[];
  /** The time written into the documents: a retry sends the very same documents. */
  pushedAt: string;
  eventIds: string[];
  createdAt: number;
}

/** An own event the server has confirmed, in which batch. */
export interface TeamSharedRecord {
  eventId: string;
  batchId: string;
  sharedAt: number;
}

export type TeamBatchStatus = 'counted' | 'unknown-signer' | 'refused' | 'changed-on-server';

/** A batch the supervisor fetched, and what became of it. */
export interface TeamBatchRecord {
  id: string;
  /** CouchDB user who pushed it. */
  user: string;
  /** The pseudonym inside the export. */
  advisor: string;
  eventCount: number;
  from: string | null;
  to: string | null;
  pushedAt: string;
  /** The document revision the status is about. */
  rev: string;
  status: TeamBatchStatus;
  /** Why it is not counted, or what changed, in plain words. */
  reason: string | null;
  /** The trusted advisor the signature belongs to (counted), or the name the key carries. */
  signer: string | null;
  keyId: string | null;
  checkedAt: number;
}

/** A post a colleague documented, as the team pseudonym of its key. */
export interface TeamPostRecord extends TeamPostMark {
  user: string;
}

/** The team pseudonym of a fallback-keyed post (lib/team/post-keys.ts). */
export interface TeamPostKeyRecord {
  /** The stored key (`fbk:…`). */
  postKey: string;
  /** `h:…`, the team pseudonym of the post's fingerprint. */
  team: string;
}
