/**
 * Which events an export or a statistic covers. Pure: the dashboard's log
 * and statistics, the export and the CLI share it, so a date range or a
 * choice means the same everywhere. Empty lists mean "no restriction". The
 * outcome filter keeps the events of posts whose latest case documentation
 * has one of the chosen outcomes.
 */
import type { CaseOutcome, EventSource, LogEvent, LogEventType } from './events';

export interface LogFilter {
  /** Inclusive, ms since epoch. */
  from?: number | null;
  /** Inclusive, ms since epoch. */
  to?: number | null;
  /** This installation's own events or imported ones; absent means both. */
  source?: EventSource | null;
  groups?: readonly string[];
  languages?: readonly string[];
  topics?: readonly string[];
  types?: readonly LogEventType[];
  outcomes?: readonly CaseOutcome[];
  advisors?: readonly string[];
}

/**
 * A date input's `YYYY-MM-DD` as the first (or, with `end`, the last)
 * millisecond of that day in local time, so a range "to" a day includes all
 * of it. Anything else, including an empty input, is no boundary.
 */
export function dayBoundary(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return end
    ? new Date(year, month - 1, day, 23, 59, 59, 999).getTime()
    : new Date(year, month - 1, day).getTime();
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
      (filter.source == null || event.source === filter.source) &&
      allows(filter.groups, event.groupId) &&
      allows(filter.languages, event.language) &&
      allows(filter.topics, event.topic) &&
      allows(filter.types, event.type) &&
      allows(filter.advisors, event.advisor) &&
      (!outcomes || allows(filter.outcomes, outcomes.get(event.postKey) ?? null)),
  );
}
