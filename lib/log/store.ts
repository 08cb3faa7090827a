/**
 * Writing the log: batches of events from content scripts are stored in one
 * transaction and acknowledged by id. Ids are idempotent — an event that is
 * already stored is acknowledged again and not written twice — so a sender
 * may retry a batch whose answer it never received (the service worker was
 * stopped mid-batch) without creating duplicates.
 *
 * Storage errors are not swallowed: a full disk becomes a `LogStorageError`
 * with code `quota`, the batch is not acknowledged, and the sender keeps it.
 */
import Dexie from 'dexie';
import type { OutreachDatabase } from '../db/database';
import type { LogEvent, LogEventInput } from './events';
import type { CaseNoteRecord, PostRecord } from './records';

export interface StoreOptions {
  /** The advisor's pseudonym from Settings. */
  advisor: string;
  /** Whether the advisor allowed keeping post text. */
  storePostText: boolean;
}

export interface StoreResult {
  /** Every id of the batch, stored now or before. */
  acknowledged: string[];
  added: number;
  duplicates: number;
}

export type LogStorageErrorCode = 'quota' | 'failed';

export class LogStorageError extends Error {
  constructor(
    readonly code: LogStorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogStorageError';
  }
}

export const UNNAMED_ADVISOR = 'unnamed';

function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const name = (current as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

/** Turns a storage failure into a `LogStorageError` the UI can explain. */
export function toLogStorageError(error: unknown): LogStorageError {
  if (error instanceof LogStorageError) return error;
  if (isQuotaError(error)) {
    return new LogStorageError(
      'quota',
      'The browser has no storage space left for the log. Export and delete older entries, or free disk space.',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LogStorageError('failed', `The log could not be saved: ${message}`);
}

/** The stored form of an input event under the given settings. */
export function prepareEvent(input: LogEventInput, options: StoreOptions): LogEvent {
  const event: LogEvent = {
    ...input,
    advisor: options.advisor.trim() || UNNAMED_ADVISOR,
    source: 'local',
  };
  if (!options.storePostText || !event.postText) delete event.postText;
  // Never store a clear name, even if a caller forgot to hash it.
  delete (event as { authorName?: unknown }).authorName;
  return event;
}

/** Folds an event's knowledge about its post into the post record. */
export function mergePost(existing: PostRecord | undefined, event: LogEvent): PostRecord {
  const post: PostRecord = existing
    ? { ...existing }
    : {
        postKey: event.postKey,
        groupId: null,
        groupName: null,
        language: null,
        topic: null,
        isQuestion: null,
        authorHash: null,
        postedAt: null,
        firstSeenAt: event.at,
        lastSeenAt: event.at,
      };
  post.firstSeenAt = Math.min(post.firstSeenAt, event.at);
  post.lastSeenAt = Math.max(post.lastSeenAt, event.at);
  // Later knowledge wins (e.g. a topic found after the first sighting); null never erases.
  const newer = event.at >= (existing?.lastSeenAt ?? 0);
  for (const key of [
    'groupId',
    'groupName',
    'language',
    'topic',
    'isQuestion',
    'authorHash',
    'postedAt',
  ] as const) {
    const value = event[key];
    if (value !== null && (newer || post[key] === null)) {
      (post as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (event.postText) post.postText = event.postText;
  return post;
}

/**
 * Stores a batch of events in one transaction. Events whose id is already
 * stored (or repeated within the batch) are acknowledged, not rewritten.
 */
export async function storeEvents(
  db: OutreachDatabase,
  inputs: readonly LogEventInput[],
  options: StoreOptions,
): Promise<StoreResult> {
  const acknowledged = inputs.map((input) => input.id);
  if (inputs.length === 0) return { acknowledged, added: 0, duplicates: 0 };
  try {
    return await db.transaction('rw', db.events, db.posts, db.caseNotes, async () => {
      const existing = await db.events.bulkGet(acknowledged);
      const seen = new Set<string>();
      const fresh: LogEvent[] = [];
      inputs.forEach((input, index) => {
        if (existing[index] !== undefined || seen.has(input.id)) return;
        seen.add(input.id);
        fresh.push(prepareEvent(input, options));
      });
      if (fresh.length > 0) {
        await db.events.bulkAdd(fresh);
        await updateDerivedRecords(db, fresh);
      }
      return { acknowledged, added: fresh.length, duplicates: inputs.length - fresh.length };
    });
  } catch (error) {
    throw toLogStorageError(error);
  }
}

/** Keeps `posts` and `caseNotes` in step with newly added events. */
export async function updateDerivedRecords(
  db: OutreachDatabase,
  events: readonly LogEvent[],
): Promise<void> {
  const postKeys = [...new Set(events.map((event) => event.postKey))];
  const posts = await db.posts.bulkGet(postKeys);
  const byKey = new Map<string, PostRecord>();
  postKeys.forEach((key, index) => {
    const post = posts[index];
    if (post) byKey.set(key, post);
  });
  for (const event of events) byKey.set(event.postKey, mergePost(byKey.get(event.postKey), event));
  await db.posts.bulkPut([...byKey.values()]);

  const notes = events.filter((event) => event.type === 'note-added');
  if (notes.length === 0) return;
  const noteKeys = [...new Set(notes.map((event) => event.postKey))];
  const current = await db.caseNotes.bulkGet(noteKeys);
  const latest = new Map<string, CaseNoteRecord>();
  noteKeys.forEach((key, index) => {
    const record = current[index];
    if (record) latest.set(key, record);
  });
  for (const event of notes) {
    const previous = latest.get(event.postKey);
    if (previous && previous.updatedAt > event.at) continue;
    latest.set(event.postKey, {
      postKey: event.postKey,
      outcome: event.outcome,
      note: event.note,
      referredTo: event.referredTo ?? null,
      escalation: event.escalation ?? null,
      updatedAt: event.at,
      eventId: event.id,
      authorHash: event.authorHash,
    });
  }
  await db.caseNotes.bulkPut([...latest.values()]);
}
