/**
 * Which events an export or a statistic covers. Pure: the dashboard, the
 * export and the CLI share it. Empty lists mean "no restriction". The
 * outcome filter keeps the events of posts whose latest case documentation
 * has one of the chosen outcomes.
 */
import type { OutreachDatabase } from '../db/database';
import type { CaseOutcome, LogEvent, LogEventType } from './events';

export interface LogFilter {
  /** Inclusive, ms since epoch. */
  from?: number | null;
  /** Inclusive, ms since epoch. */
  to?: number | null;
  groups?: readonly string[];
  languages?: readonly string[];
  topics?: readonly string[];
  types?: readonly LogEventType[];
  outcomes?: readonly CaseOutcome[];
  advisors?: readonly string[];
}

/** The latest documented outcome of each post. */
export function latestOutcomes(events: Iterable<LogEvent>): Map<string, CaseOutcome> {
  const latest = new Map<string, { at: number; outcome: CaseOutcome }>();
  for (const event of events) {
    if (event.type !== 'note-added') continue;
    const previous = latest.get(event.postKey);
    if (!previous || previous.at <= event.at) {
      latest.set(event.postKey, { at: event.at, outcome: event.outcome });
    }
  }
  return new Map([...latest].map(([key, value]) => [key, value.outcome]));
}

function allows(list: readonly string[] | undefined, value: string | null): boolean {
  return !list || list.length === 0 || (value !== null && list.includes(value));
}

/**
 * `outcomeSource` holds the case notes that decide each post's outcome; by
 * default the events themselves (pass all notes when `events` is a slice).
 */
export function filterEvents(
  events: readonly LogEvent[],
  filter: LogFilter,
  outcomeSource: Iterable<LogEvent> = events,
): LogEvent[] {
  const outcomes =
    filter.outcomes && filter.outcomes.length > 0 ? latestOutcomes(outcomeSource) : undefined;
  return events.filter(
    (event) =>
      (filter.from == null || event.at >= filter.from) &&
      (filter.to == null || event.at <= filter.to) &&
      allows(filter.groups, event.groupId) &&
      allows(filter.languages, event.language) &&
      allows(filter.topics, event.topic) &&
      allows(filter.types, event.type) &&
      allows(filter.advisors, event.advisor) &&
      (!outcomes || allows(filter.outcomes, outcomes.get(event.postKey) ?? null)),
  );
}

/** Reads events in time order within the filter's date range. */
export async function queryEvents(
  db: OutreachDatabase,
  filter: LogFilter = {},
): Promise<LogEvent[]> {
  const from = filter.from ?? 0;
  const to = filter.to ?? Number.MAX_SAFE_INTEGER;
  const inRange = await db.events.where('at').between(from, to, true, true).toArray();
  const notes =
    filter.outcomes && filter.outcomes.length > 0
      ? await db.events.where('type').equals('note-added').toArray()
      : inRange;
  return filterEvents(inRange, filter, notes);
}
