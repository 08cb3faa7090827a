/**
 * The background's part of the interaction log: storing batches from
 * content scripts, answering the case panel, and the scheduled retention
 * purge. Stateless between wake-ups: the alarm lives in the browser, the
 * last storage error in `storage.session`, everything else in IndexedDB.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getDatabase } from '../db/database';
import type { LogEventInput, LogEventRequest, RejectedEvent } from '../log/events';
import { splitEventBatch } from '../log/events';
import { getInstallationSecret, hashAuthor } from '../privacy/author-hash';
import type { PostKeyKeyer } from '../privacy/post-key';
import { noteTeamPostKeys } from '../team/post-keys';
import { createPostKeyKeyer, isUnkeyedFallbackKey, keyPostKeysOf } from '../privacy/post-key';
import { purgeExpired } from '../log/retention';
import type { StoreResult } from '../log/store';
import { storeEvents, toLogStorageError } from '../log/store';
import { getSettings, watchSettings } from '../settings/settings';

export const PURGE_ALARM = 'log-retention-purge';
const PURGE_PERIOD_MINUTES = 6 * 60;

export interface LogErrorState {
  at: number;
  code: 'quota' | 'failed';
  message: string;
}

/** The last failure to store events, until a later batch succeeds; the dashboard shows it. */
export const logErrorItem = storage.defineItem<LogErrorState | null>('session:logError', {
  fallback: null,
});

/** Replaces clear author names with their keyed hashes. */
export async function pseudonymiseAuthors(
  requests: readonly LogEventRequest[],
): Promise<LogEventInput[]> {
  const hashes = new Map<string, string>();
  const result: LogEventInput[] = [];
  for (const { authorName, ...event } of requests) {
    if (authorName) {
      let hash = hashes.get(authorName);
      if (hash === undefined) {
        hash = await hashAuthor(authorName);
        hashes.set(authorName, hash);
      }
      event.authorHash = hash;
    }
    result.push(event as LogEventInput);
  }
  return result;
}

/**
 * This installation's post-key keyer: `fbh:` fingerprints from the content
 * script become `fbk:` keyed digests before they are stored or looked up
 * (docs/ARCHITECTURE.md#keyed-fallback-post-keys).
 */
async function postKeyKeyer(): Promise<PostKeyKeyer> {
  return createPostKeyKeyer(await getInstallationSecret());
}

/** The post key as storage holds it: `fbh:` keyed, every other key unchanged. */
export async function storedPostKey(postKey: string): Promise<string> {
  return isUnkeyedFallbackKey(postKey) ? (await postKeyKeyer())(postKey) : postKey;
}

// Caches for the hot path (one batch every few hundred ms while an advisor works).
// Both are rebuilt lazily after the worker restarts, so nothing depends on them surviving.
let cachedSettings: ReturnType<typeof getSettings> | undefined;
let unwatchSettings: (() => void) | undefined;
/** Whether `logErrorItem` may hold an error; undefined until read once. */
let errorMayBeShown: boolean | undefined;

function currentSettings(): ReturnType<typeof getSettings> {
  unwatchSettings ??= watchSettings(() => {
    cachedSettings = undefined;
  });
  cachedSettings ??= getSettings();
  return cachedSettings;
}

/** For tests: forget the caches as a restarted worker would. */
export function resetLogCaches(): void {
  unwatchSettings?.();
  unwatchSettings = undefined;
  cachedSettings = undefined;
  errorMayBeShown = undefined;
}

export async function logEventBatch(requests: readonly LogEventRequest[]): Promise<StoreResult> {
  const settings = await currentSettings();
  const pseudonymised = await pseudonymiseAuthors(requests);
  const hasFallback = pseudonymised.some((event) => isUnkeyedFallbackKey(event.postKey));
  const events = hasFallback
    ? await keyPostKeysOf(pseudonymised, await postKeyKeyer())
    : pseudonymised;
  if (hasFallback) {
    // While the fingerprint is in hand: its team pseudonym, so colleagues recognise the post.
    await noteTeamPostKeys(
      getDatabase(),
      pseudonymised.map((event, index) => [event.postKey, events[index]?.postKey ?? ''] as const),
    ).catch((error: unknown) => console.error('Outreach Advisor: team post keys not noted', error));
  }
  try {
    const result = await storeEvents(getDatabase(), events, {
      advisor: settings.advisorPseudonym,
      storePostText: settings.storePostText,
    });
    errorMayBeShown ??= (await logErrorItem.getValue()) !== null;
    if (errorMayBeShown) {
      await logErrorItem.setValue(null);
      errorMayBeShown = false;
    }
    return result;
  } catch (error) {
    const failure = toLogStorageError(error);
    errorMayBeShown = true;
    await logErrorItem
      .setValue({ at: Date.now(), code: failure.code, message: failure.message })
      .catch(() => undefined); // storage.session is memory-backed; the reply still carries the error
    throw failure;
  }
}

/**
 * The only event types a content script may log: what it found on the page.
 * The advisor's actions come from the workspace.
 */
export const CONTENT_SCRIPT_EVENT_TYPES: readonly string[] = ['post-seen', 'claim-seen'];

/**
 * A batch as a sender sent it: stores the events that pass the schema and
 * names the others with the reason, so the sender drops them instead of
 * resending the batch forever (security review finding 4). From a content
 * script only `post-seen` and `claim-seen` are taken: a page script that drives the page can
 * never document a case or a reply (docs/ARCHITECTURE.md#workspace).
 */
export async function logEventsChecked(
  raw: readonly unknown[],
  options: { contentScript: boolean } = { contentScript: false },
): Promise<StoreResult & { rejected: RejectedEvent[] }> {
  const split = splitEventBatch(raw);
  const rejected = [...split.rejected];
  const valid = split.valid.filter((event) => {
    if (!options.contentScript || CONTENT_SCRIPT_EVENT_TYPES.includes(event.type)) return true;
    rejected.push({ id: event.id, reason: `"${event.type}" is logged by the workspace only` });
    return false;
  });
  if (rejected.length > 0) console.warn('Outreach Advisor: events refused', rejected.slice(0, 5));
  const { repeats, stored } = await oneBatchAtATime(async () => {
    const repeats = await seenAlreadyToday(valid);
    const fresh = valid.filter((event) => !repeats.has(event.id));
    const stored =
      fresh.length > 0 ? await logEventBatch(fresh) : { acknowledged: [], added: 0, duplicates: 0 };
    return { repeats, stored };
  });
  return {
    acknowledged: [...stored.acknowledged, ...repeats],
    added: stored.added,
    duplicates: stored.duplicates + repeats.size,
    rejected,
  };
}

/**
 * The once-a-day check reads the log and the store writes it: two tabs'
 * batches of the same posts, checked at the same moment, would both pass
 * before either was stored. Batches therefore go through check and store
 * one at a time (one worker holds the chain; a restart starts a fresh one).
 */
let batchChain: Promise<unknown> = Promise.resolve();
function oneBatchAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = batchChain.then(task, task);
  batchChain = run.catch(() => undefined);
  return run;
}

const dayOf = (ms: number) => new Date(ms).toDateString();

/** Event types a page can show again and again: stored at most once per day and thing seen. */
const ONCE_A_DAY_TYPES: ReadonlySet<string> = new Set(['post-seen', 'claim-seen']);

/** What a once-a-day event was about, under the post's stored key. */
function seenThing(event: { type: string; postKey: string }, storedKey: string): string {
  const claim = event as { claimId?: string; commentKey?: string };
  return event.type === 'claim-seen'
    ? `${storedKey}\u0000${claim.commentKey ?? ''}\u0000${claim.claimId ?? ''}`
    : storedKey;
}

/**
 * Ids of `post-seen` events for a post already seen that day, and of
 * `claim-seen` events for a comment and claim already seen that day (in this
 * batch or stored): what the page shows is counted as seen at most once per
 * day, however often the page re-renders it or the content script restarts.
 */
async function seenAlreadyToday(events: readonly LogEventRequest[]): Promise<Set<string>> {
  const repeats = new Set<string>();
  const seen = events.filter((event) => ONCE_A_DAY_TYPES.has(event.type));
  if (seen.length === 0) return repeats;
  // Stored events carry the keyed form of an `fbh:` key (lib/privacy/post-key.ts).
  const storedKeys = new Map<string, string>();
  for (const event of seen) {
    if (!storedKeys.has(event.postKey)) {
      storedKeys.set(event.postKey, await storedPostKey(event.postKey));
    }
  }
  const stored = await getDatabase()
    .events.where('postKey')
    .anyOf([...new Set(storedKeys.values())])
    .filter((event) => ONCE_A_DAY_TYPES.has(event.type))
    .toArray();
  const days = new Set(
    stored.map(
      (event) => `${event.type}\u0000${seenThing(event, event.postKey)}\u0000${dayOf(event.at)}`,
    ),
  );
  for (const event of seen) {
    const thing = seenThing(event, storedKeys.get(event.postKey) ?? event.postKey);
    const key = `${event.type}\u0000${thing}\u0000${dayOf(event.at)}`;
    if (days.has(key) && !stored.some((known) => known.id === event.id)) repeats.add(event.id);
    days.add(key);
  }
  return repeats;
}

/** The case note of a post; the content script asks with its own (possibly `fbh:`) key. */
export async function loadCaseNote(postKey: string) {
  const note = await getDatabase().caseNotes.get(await storedPostKey(postKey));
  return note
    ? {
        outcome: note.outcome,
        note: note.note,
        referredTo: note.referredTo ?? null,
        escalation: note.escalation ?? null,
        updatedAt: note.updatedAt,
      }
    : null;
}

export async function runRetentionPurge(now = Date.now()) {
  const { retentionDays } = await getSettings();
  return purgeExpired(getDatabase(), now, retentionDays);
}

/** Registers the alarm listener (synchronously, on every start) and makes sure the alarm exists. */
export function registerLogMaintenance(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PURGE_ALARM) return;
    runRetentionPurge().catch((error: unknown) =>
      console.error('Outreach Advisor: retention purge failed', error),
    );
  });
  void browser.alarms.get(PURGE_ALARM).then((existing) => {
    if (existing) return;
    return browser.alarms.create(PURGE_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: PURGE_PERIOD_MINUTES,
    });
  });
}
