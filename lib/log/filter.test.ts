import { describe, expect, it } from 'vitest';
import type { EventSource, LogEvent } from './events';
import type { LogFilter } from './filter';
import { dayBoundary, filterEvents } from './filter';
import { sampleEvent } from '../../tests/fixtures/sample-events';

/** A stored `post-seen` event; the filter reads `at` and `source`. */
function stored(id: string, at: number, source: EventSource = 'local'): LogEvent {
  return {
    ...sampleEvent('post-seen', { id, at, postKey: `post-${id}`, postedAt: null }),
    advisor: 'Advisor K',
    source,
    ...(source === 'import' ? { importId: 'import-1' } : {}),
  } as LogEvent;
}

const local = (year: number, month: number, day: number, ...time: number[]) =>
  new Date(year, month - 1, day, ...time).getTime();

describe('dayBoundary', () => {
  it.each([
    ['2026-03-02', false, local(2026, 3, 2)],
    ['2026-03-02', true, local(2026, 3, 2, 23, 59, 59, 999)],
    // The day clocks go forward in much of Europe: still the whole local day.
    ['2026-03-29', false, local(2026, 3, 29)],
    ['2026-03-29', true, local(2026, 3, 29, 23, 59, 59, 999)],
    ['2024-02-29', true, local(2024, 2, 29, 23, 59, 59, 999)],
    ['2026-12-31', true, local(2026, 12, 31, 23, 59, 59, 999)],
  ])('reads %s (end: %s) as a local day boundary', (value, end, expected) => {
    expect(dayBoundary(value, end)).toBe(expected);
  });

  it.each(['', '2026-3-2', '02.03.2026', '2026-03-02T10:00', 'yesterday'])(
    'treats %j as no boundary',
    (value) => {
      expect(dayBoundary(value, false)).toBeNull();
      expect(dayBoundary(value, true)).toBeNull();
    },
  );
});

describe('filterEvents by date', () => {
  const events = [
    stored('before-first-day', local(2026, 3, 1, 23, 59, 59, 999)),
    stored('first-day-start', local(2026, 3, 2)),
    stored('last-day-noon', local(2026, 3, 8, 12)),
    stored('last-day-end', local(2026, 3, 8, 23, 59, 59, 999)),
    stored('after-last-day', local(2026, 3, 9)),
  ];

  it.each<[string, string, string, string[]]>([
    [
      'a range includes its first and its whole last day',
      '2026-03-02',
      '2026-03-08',
      ['first-day-start', 'last-day-noon', 'last-day-end'],
    ],
    [
      'a one-day range is that whole day',
      '2026-03-08',
      '2026-03-08',
      ['last-day-noon', 'last-day-end'],
    ],
    ['only a start', '2026-03-08', '', ['last-day-noon', 'last-day-end', 'after-last-day']],
    ['only an end', '', '2026-03-01', ['before-first-day']],
    ['no dates', '', '', events.map((event) => event.id)],
    ['an end before the start', '2026-03-08', '2026-03-02', []],
  ])('%s', (_name, from, to, expected) => {
    const filter: LogFilter = { from: dayBoundary(from, false), to: dayBoundary(to, true) };
    expect(filterEvents(events, filter).map((event) => event.id)).toEqual(expected);
  });
});

describe('filterEvents by source', () => {
  const events = [
    stored('own-1', local(2026, 3, 2), 'local'),
    stored('imported-1', local(2026, 3, 3), 'import'),
    stored('own-2', local(2026, 3, 4), 'local'),
  ];

  it.each<[LogFilter['source'], string[]]>([
    [undefined, ['own-1', 'imported-1', 'own-2']],
    [null, ['own-1', 'imported-1', 'own-2']],
    ['local', ['own-1', 'own-2']],
    ['import', ['imported-1']],
  ])('source %j keeps %j', (source, expected) => {
    expect(filterEvents(events, { source }).map((event) => event.id)).toEqual(expected);
  });

  it('combines the source with the date range', () => {
    const filter: LogFilter = {
      source: 'local',
      from: dayBoundary('2026-03-03', false),
      to: dayBoundary('2026-03-04', true),
    };
    expect(filterEvents(events, filter).map((event) => event.id)).toEqual(['own-2']);
  });
});
