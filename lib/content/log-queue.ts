/**
 * The content script's side of the interaction log.
 *
 * Lifecycle: features call `log()`; the event gets its id and time at once
 * and waits in this tab's queue. Shortly after (or at once when the batch
 * is full) the queue sends one batch to the background and removes exactly
 * the ids the background acknowledged. If the answer never comes — the
 * MV3 service worker was stopped mid-batch, the extension was busy, the
 * disk was full — the events stay queued and the same batch, with the same
 * ids, is sent again with growing delays. The background stores by id, so a
 * retry never duplicates, and each tab has its own queue, so two tabs
 * logging at once lose nothing. Only one batch is in flight per tab, which
 * keeps the order and the load small.
 *
 * The background answers per event: it stores the valid ones and names each
 * event it refused, with the reason; the queue drops those (they would be
 * refused again) and counts them. A batch the background refuses as a whole
 * (`invalid-payload`, e.g. a background from another version) is dropped the
 * same way, so no batch is resent forever (security review finding 4). The
 * queue is capped at `LIMITS.queuedEvents`: beyond that, while the background
 * keeps failing, the oldest events are dropped and counted. Pending plus
 * dropped is the tab's "unsaved" count, which the toolbar badge shows
 * (finding 16).
 *
 * The queue lives in the tab's memory: it never opens IndexedDB (that would
 * land in facebook.com's storage), so closing the tab while the background is
 * unreachable loses what is pending; the badge says how much.
 */
import { LIMITS } from '../domain/limits';
import type { LogEventRequest, RejectedEvent } from '../log/events';
import { MAX_BATCH_SIZE } from '../log/events';
import { MessageError } from '../messaging/envelope';
import { sendMessage } from '../messaging/send-content';

/** An event as features describe it; the queue adds id and time. */
export type LogEventDraft = LogEventRequest extends infer E
  ? E extends LogEventRequest
    ? Omit<E, 'id' | 'at'> & { id?: string; at?: number }
    : never
  : never;

export interface LogQueueStatus {
  pending: number;
  /** Events given up on: refused by the background, or pushed out of a full queue. */
  dropped: number;
  /** The last failure, cleared when a batch gets through. */
  lastError: string | null;
  /** Why the last event was dropped. */
  lastDropReason: string | null;
}

/**
 * Events of this tab that did not get stored: the dropped ones, plus the
 * pending ones while sending fails (events merely waiting for the next batch
 * are not counted, or the badge would flicker with every action).
 */
export function unsavedEvents(status: LogQueueStatus): number {
  return status.dropped + (status.lastError === null ? 0 : status.pending);
}

export interface LogQueueOptions {
  send(
    events: LogEventRequest[],
  ): Promise<{ acknowledged: string[]; rejected?: readonly RejectedEvent[] }>;
  /** Wait this long for more events before sending (ms). */
  flushDelayMs?: number;
  batchSize?: number;
  /** First retry delay; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Most events held at once (default `LIMITS.queuedEvents`). */
  maxPending?: number;
  now?: () => number;
  createId?: () => string;
}

export interface LogQueue {
  /** Queues an event and returns its id. */
  log(draft: LogEventDraft): string;
  status(): LogQueueStatus;
  onStatus(listener: (status: LogQueueStatus) => void, signal?: AbortSignal): void;
  /** Sends what is queued now; resolves when the queue is empty or a send failed. */
  flush(): Promise<void>;
  /** Resolves once everything queued so far is acknowledged. */
  whenDrained(): Promise<void>;
}

export function createLogQueue(options: LogQueueOptions): LogQueue {
  const flushDelayMs = options.flushDelayMs ?? 150;
  const batchSize = Math.min(options.batchSize ?? 50, MAX_BATCH_SIZE);
  const retryDelayMs = options.retryDelayMs ?? 250;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
  const maxPending = Math.max(1, options.maxPending ?? LIMITS.queuedEvents);
  const now = options.now ?? Date.now;
  const createId = options.createId ?? (() => crypto.randomUUID());

  const pending = new Map<string, LogEventRequest>();
  const listeners = new Set<(status: LogQueueStatus) => void>();
  let lastError: string | null = null;
  let dropped = 0;
  let lastDropReason: string | null = null;
  const drop = (id: string, reason: string) => {
    if (pending.delete(id)) {
      dropped += 1;
      lastDropReason = reason;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let failures = 0;
  let drainWaiters: (() => void)[] = [];

  const status = (): LogQueueStatus => ({
    pending: pending.size,
    dropped,
    lastError,
    lastDropReason,
  });
  const notify = () => {
    const current = status();
    for (const listener of listeners) listener(current);
    if (pending.size === 0) {
      const waiters = drainWaiters;
      drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const schedule = (delay: number) => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void sendNext();
    }, delay);
  };

  async function sendOnce(): Promise<boolean> {
    const batch = [...pending.values()].slice(0, batchSize);
    if (batch.length === 0) return true;
    try {
      const { acknowledged, rejected = [] } = await options.send(batch);
      for (const id of acknowledged) pending.delete(id);
      for (const { id, reason } of rejected) drop(id, reason);
      failures = 0;
      lastError = null;
      notify();
      return true;
    } catch (error) {
      if (error instanceof MessageError && error.code === 'invalid-payload') {
        // Permanent: the same batch would be refused again.
        for (const event of batch) drop(event.id, error.message);
        failures = 0;
        lastError = error.message;
        notify();
        return true;
      }
      failures += 1;
      lastError = error instanceof Error ? error.message : String(error);
      notify();
      return false;
    }
  }

  function sendNext(): Promise<void> {
    inFlight ??= (async () => {
      try {
        while (pending.size > 0) {
          if (!(await sendOnce())) {
            schedule(Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (failures - 1)));
            return;
          }
        }
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    log(draft) {
      const event = {
        ...draft,
        id: draft.id ?? createId(),
        at: draft.at ?? now(),
      } as LogEventRequest;
      pending.set(event.id, event);
      while (pending.size > maxPending) {
        const oldest = pending.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest, `the queue holds at most ${String(maxPending)} events`);
      }
      notify();
      if (inFlight === undefined) {
        if (pending.size >= batchSize) {
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          void sendNext();
        } else {
          schedule(flushDelayMs);
        }
      }
      return event.id;
    },
    status,
    onStatus(listener, signal) {
      listeners.add(listener);
      signal?.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    async flush() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await (inFlight ?? sendNext());
    },
    whenDrained() {
      if (pending.size === 0) return Promise.resolve();
      return new Promise((resolve) => drainWaiters.push(resolve));
    },
  };
}

let shared: LogQueue | undefined;

/** This tab's queue, sending through the typed protocol. */
export function getLogQueue(): LogQueue {
  shared ??= createLogQueue({
    send: (events) => sendMessage('logEvents', { events }),
  });
  return shared;
}
