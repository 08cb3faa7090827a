/**
 * The dashboard's reads of the interaction log. They are live queries: they
 * run again whenever a write touches what they read, whoever wrote it. The
 * background stores the advisor's events while this page is open; Dexie
 * passes its writes on to other pages of the extension (same origin) over a
 * BroadcastChannel, so an open log or statistic updates by itself.
 */
import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OutreachDatabase } from '../../../lib/db/database';
import { getDatabase } from '../../../lib/db/database';
import type { LogEvent } from '../../../lib/log/events';
import type { LogFilter } from '../../../lib/log/filter';
import { filterEvents } from '../../../lib/log/filter';
import type { ImportRecord } from '../../../lib/log/records';

/** Events in time order: the date range through the `at` index, the rest in memory. */
export async function readEvents(db: OutreachDatabase, filter: LogFilter): Promise<LogEvent[]> {
  const inRange = await db.events
    .where('at')
    .between(filter.from ?? 0, filter.to ?? Number.MAX_SAFE_INTEGER, true, true)
    .toArray();
  // A post's outcome is decided by its latest note, which may lie outside the range.
  const notes =
    filter.outcomes && filter.outcomes.length > 0
      ? await db.events.where('type').equals('note-added').toArray()
      : inRange;
  return filterEvents(inRange, filter, notes);
}

/**
 * The events the filter selects; `undefined` while loading. Pass a memoised
 * filter: a new object starts a new query. While `paused`, the last result
 * stays and the log is not read; unpausing reads it once.
 */
export function useLogEvents(
  filter: LogFilter,
  options: { paused?: boolean } = {},
): LogEvent[] | undefined {
  const paused = options.paused ?? false;
  const last = useRef<LogEvent[] | undefined>(undefined);
  return useLiveQuery(async () => {
    // Paused (a large import is writing): keep the last result and read nothing, so
    // no query subscribes to the writes and none re-reads the whole log per chunk.
    if (paused) return last.current;
    last.current = await readEvents(getDatabase(), filter);
    return last.current;
  }, [filter, paused]);
}

/** Every group that occurs in the log (not only in a filtered slice), by name. */
export function useLoggedGroups(): { value: string; label: string }[] | undefined {
  return useLiveQuery(async () => {
    const names = new Map<string, string>();
    for (const event of await getDatabase().events.toArray()) {
      if (event.groupId !== null) names.set(event.groupId, event.groupName ?? event.groupId);
    }
    return [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, []);
}

/** Imported exports, oldest first; `undefined` while loading. */
export function useImportRecords(): ImportRecord[] | undefined {
  return useLiveQuery(() => getDatabase().imports.orderBy('importedAt').toArray(), []);
}

/**
 * The whole log (own and imported events) with the moment it was read, for
 * views whose window ends "now" (trends, the group register): a write
 * re-reads it, and the window moves with it.
 */
export function useWholeLog(): { events: LogEvent[]; readAt: number } | undefined {
  return useLiveQuery(async () => {
    const events = await readEvents(getDatabase(), {});
    return { events, readAt: Date.now() };
  }, []);
}
