import { describe, expect, it } from 'vitest';
import { generateEvents, sampleEvent } from '../../tests/fixtures/sample-events';
import type { GroupRegisterEntry } from '../groups/register';
import { GROUP_SECTORS } from '../groups/register';
import type { LogEvent, LogEventType } from './events';
import { computeStatistics } from './stats';
import type { FunderBreakdownRow, FunderReport, FunderReportInput } from './funder-report';
import { buildFunderReport, customPeriod, FUNDER_MEASURES, periodFor } from './funder-report';
import { normaliseGroupName } from '../groups/register';

const DAY = 86_400_000;
const JUL = Date.UTC(2026, 6, 1);
const Q3 = periodFor('2026-Q3');
const Q3_END = Date.UTC(2026, 9, 1) - 1;

let serial = 0;
function ev(type: LogEventType, overrides: Record<string, unknown> = {}): LogEvent {
  serial += 1;
  return {
    ...sampleEvent(type, {
      id: `ev-${String(serial).padStart(8, '0')}`,
      at: JUL + DAY,
      ...overrides,
    }),
    advisor: 'advisor-a',
    source: 'import',
  } as LogEvent;
}

function entry(overrides: Partial<GroupRegisterEntry>): GroupRegisterEntry {
  return {
    platform: 'facebook',
    groupId: 'group-1',
    name: 'Polacy w Niemczech',
    memberCount: null,
    memberCountAt: null,
    sector: null,
    notes: '',
    worksHere: true,
    firstSeenAt: JUL,
    lastSeenAt: JUL,
    ...overrides,
  };
}

function report(input: Partial<FunderReportInput> & Pick<FunderReportInput, 'events'>) {
  return buildFunderReport({ groups: [], from: Q3.from, to: Q3.to, minCount: 1, ...input });
}

describe('periods', () => {
  it('names quarters, months and years in UTC, both ends included', () => {
    expect(periodFor('2026-Q3')).toEqual({
      from: Date.UTC(2026, 6, 1),
      to: Date.UTC(2026, 9, 1) - 1,
      label: '2026-Q3',
    });
    expect(periodFor('2026-09')).toEqual({
      from: Date.UTC(2026, 8, 1),
      to: Date.UTC(2026, 9, 1) - 1,
      label: '2026-09',
    });
    expect(periodFor('2026-Q4').to).toBe(Date.UTC(2027, 0, 1) - 1);
    expect(periodFor('2026').from).toBe(Date.UTC(2026, 0, 1));
    expect(() => periodFor('2026-Q5')).toThrow(RangeError);
    expect(() => periodFor('2026-13')).toThrow(RangeError);
  });

  it('takes custom whole days and refuses impossible ones', () => {
    const period = customPeriod('2026-07-15', '2026-08-14');
    expect(period.from).toBe(Date.UTC(2026, 6, 15));
    expect(period.to).toBe(Date.UTC(2026, 7, 15) - 1);
    expect(customPeriod(null, '2026-08-14').from).toBeNull();
    expect(() => customPeriod('2026-02-30', null)).toThrow(RangeError);
    expect(() => customPeriod('2026-08-02', '2026-08-01')).toThrow(RangeError);
  });
});

describe('buildFunderReport counting', () => {
  it('counts questions of the period once per post, answered by the period’s end', () => {
    const events = [
      // Post 1: question, seen and replied in July.
      ev('post-seen', { postKey: 'p1' }),
      ev('reply-inserted', { postKey: 'p1', at: JUL + 2 * DAY }),
      ev('reply-copied', { postKey: 'p1', at: JUL + 3 * DAY }),
      // Post 2: question seen in the period, replied only after it.
      ev('post-seen', { postKey: 'p2' }),
      ev('reply-inserted', { postKey: 'p2', at: Q3_END + DAY }),
      // Post 3: not a question.
      ev('post-seen', { postKey: 'p3', isQuestion: false }),
      // Post 4: first seen in June, so counted in June's report, not this one.
      ev('post-seen', { postKey: 'p4', at: JUL - DAY }),
      ev('reply-inserted', { postKey: 'p4', at: JUL + DAY }),
      // Post 5: the later event says it is a question after all.
      ev('post-seen', { postKey: 'p5', isQuestion: false }),
      ev('suggestions-shown', { postKey: 'p5', isQuestion: true, at: JUL + 2 * DAY }),
    ];
    const result = report({ events });
    expect([result.questions, result.answered]).toEqual([3, 1]);
  });

  it('counts referrals by target type and escalations by kind, from the latest documentation', () => {
    const kinds = new Map([['faire-mobilitaet-beratung-pl', 'labour-rights']]);
    const note = (postKey: string, extra: Record<string, unknown>, at = JUL + 2 * DAY) =>
      ev('note-added', { postKey, at, note: '', ...extra });
    const events = [
      note('p1', { outcome: 'referred', referredTo: 'faire-mobilitaet-beratung-pl' }),
      note('p2', { outcome: 'referred', referredTo: 'a lawyer I know' }),
      note('p3', { outcome: 'referred', referredTo: null }),
      // Re-documented: the later outcome counts.
      note('p4', { outcome: 'referred', referredTo: 'faire-mobilitaet-beratung-pl' }),
      note('p4', { outcome: 'escalated', escalation: 'violence' }, JUL + 3 * DAY),
      note('p5', { outcome: 'escalated', escalation: null }),
      // Documented before the period: not this period's.
      note('p6', { outcome: 'referred', referredTo: 'x' }, JUL - DAY),
    ];
    const result = report({ events, referralKinds: kinds });
    expect(result.referrals.total).toBe(3);
    expect(result.referrals.byType.map((row) => [row.key, row.count])).toEqual([
      ['labour-rights', 1],
      ['other', 1],
      ['unspecified', 1],
    ]);
    expect(result.escalations.total).toBe(2);
    expect(result.escalations.byKind.map((row) => [row.key, row.count])).toEqual([
      ['violence', 1],
      ['unspecified', 1],
    ]);
  });

  it('counts a corrected comment once per claim, in the period of its first correction', () => {
    const fix = (postKey: string, claimId: string, commentKey: string, at = JUL + DAY) =>
      ev('claim-corrected', { postKey, claimId, commentKey, at });
    const events = [
      fix('p1', 'piecework', 'c1'),
      fix('p1', 'piecework', 'c1', JUL + 2 * DAY),
      fix('p1', 'piecework', 'c2'),
      fix('p2', 'piecework', 'c1'),
      fix('p2', 'sick-note', 'c9'),
      fix('p3', 'sick-note', 'c8', JUL - DAY),
      fix('p3', 'sick-note', 'c8', JUL + DAY),
      ev('claim-seen', { postKey: 'p4', claimId: 'sick-note', commentKey: 'c7' }),
    ];
    const labels = new Map([['piecework', 'Piecework is exempt from the minimum wage']]);
    const result = report({ events, claimLabels: labels });
    expect(result.mythsCorrected.total).toBe(4);
    expect(result.mythsCorrected.byClaim).toEqual([
      { key: 'piecework', label: 'Piecework is exempt from the minimum wage', count: 3 },
      { key: 'sick-note', label: 'sick-note', count: 1 },
    ]);
  });

  it('breaks the measures down by language, topic, sector and group name', () => {
    const events = [
      ev('post-seen', { postKey: 'p1', language: 'pl', topic: 'housing' }),
      ev('post-seen', {
        postKey: 'p2',
        language: 'ro',
        topic: 'housing',
        groupId: 'g2',
        groupName: 'Românii din Germania',
      }),
      ev('reply-inserted', {
        postKey: 'p2',
        language: 'ro',
        topic: 'housing',
        groupId: 'g2',
        groupName: 'Românii din Germania',
      }),
      ev('post-seen', {
        postKey: 'p3',
        language: null,
        topic: null,
        groupId: null,
        groupName: null,
      }),
    ];
    const groups = [
      entry({ sector: 'care' }),
      entry({ groupId: 'g2', name: 'Românii din Germania' }),
    ];
    const result = report({ events, groups });
    const pick = (rows: FunderBreakdownRow[]) =>
      rows.map((row) => [row.key, row.questions, row.answered]);
    expect(pick(result.byLanguage)).toEqual([
      ['pl', 1, 0],
      ['ro', 1, 1],
      ['und', 1, 0],
    ]);
    expect(pick(result.byTopic)).toEqual([
      ['housing', 2, 1],
      ['unknown', 1, 0],
    ]);
    expect(pick(result.bySector)).toEqual([
      ['care', 1, 0],
      ['unassigned', 1, 1],
      ['no-group', 1, 0],
    ]);
    expect(pick(result.byGroup)).toEqual([
      ['Polacy w Niemczech', 1, 0],
      ['Românii din Germania', 1, 1],
      ['Posts outside a known group', 1, 0],
    ]);
    expect(result.byGroup[0]?.sector).toBe('care');
  });
});

describe('spaces and members reached', () => {
  it('counts a group seen by two advisors under different pseudonyms once, by its name', () => {
    const events = [
      ev('post-seen', {
        postKey: 'a1',
        groupId: 'h:aaaa',
        groupName: 'Polacy w Niemczech – praca',
      }),
      ev('post-seen', {
        postKey: 'b1',
        groupId: 'h:bbbb',
        groupName: 'polacy w niemczech - praca ',
      }),
      ev('post-seen', { postKey: 'b2', groupId: 'h:cccc', groupName: 'Românii din Germania' }),
      // Seen only before the period: not active.
      ev('post-seen', { postKey: 'b3', groupId: 'h:dddd', groupName: 'Old group', at: JUL - DAY }),
    ];
    const groups = [
      entry({
        groupId: 'h:aaaa',
        name: 'Polacy w Niemczech – praca',
        memberCount: 12_000,
        memberCountAt: JUL,
      }),
      // The other advisor read a later count, still within the period: the latest counts.
      entry({
        groupId: 'h:bbbb',
        name: 'Polacy w Niemczech – praca',
        memberCount: 12_500,
        memberCountAt: JUL + 20 * DAY,
        sector: 'construction',
        lastSeenAt: JUL + 20 * DAY,
      }),
      // Read after the period's end: not used for this period.
      entry({
        groupId: 'h:cccc',
        name: 'Românii din Germania',
        memberCount: 8000,
        memberCountAt: Q3_END + DAY,
      }),
      entry({ groupId: 'h:dddd', name: 'Old group', memberCount: 999, memberCountAt: JUL - DAY }),
    ];
    const result = report({ events, groups });
    expect(result.spaces).toBe(2);
    expect(result.membersReached).toBe(12_500);
    expect(result.spacesWithoutMemberCount).toEqual(['Românii din Germania']);
    expect(
      result.byGroup.map((row) => [row.key, row.questions, row.sector, row.memberCount]),
    ).toEqual([
      ['Polacy w Niemczech – praca', 2, 'construction', 12_500],
      ['Românii din Germania', 1, null, null],
    ]);
  });

  it('joins raw ids and pseudonyms through the name, and numbers unnamed groups', () => {
    const events = [
      ev('post-seen', { postKey: 'a1', groupId: '123456', groupName: 'Българи в Германия' }),
      ev('post-seen', { postKey: 'b1', groupId: 'h:beef', groupName: 'Българи в Германия' }),
      ev('post-seen', {
        postKey: 'b2',
        groupId: '123456',
        groupName: 'Българи в Германия (renamed)',
        at: JUL + 2 * DAY,
      }),
      ev('post-seen', { postKey: 'c1', groupId: 'h:0001', groupName: null }),
    ];
    const result = report({ events });
    expect(result.spaces).toBe(2);
    expect(result.byGroup.map((row) => row.key)).toEqual([
      'Българи в Германия (renamed)',
      'Unnamed group 1',
    ]);
    expect(JSON.stringify(result)).not.toMatch(/h:|123456/);
  });

  it('normalises names for comparison only', () => {
    expect(normaliseGroupName('  Polacy  w NIEMCZECH — Praca ')).toBe('polacy w niemczech - praca');
  });
});

/** What every published relation lets a reader recompute, checked on a realistic report. */
function checkSuppression(result: FunderReport, unsuppressed: FunderReport) {
  const hidden = new Set(
    result.suppressed.map((cell) => `${cell.table}/${cell.row}/${cell.column}`),
  );
  const tables = ['byLanguage', 'byTopic', 'bySector', 'byGroup'] as const;
  for (const table of tables) {
    result[table].forEach((row, index) => {
      const full = unsuppressed[table][index];
      expect(full?.key).toBe(row.key);
      for (const measure of FUNDER_MEASURES) {
        const cell = row[measure];
        const truth = full?.[measure] ?? -1;
        if (cell === null) {
          expect(hidden.has(`${table}/${row.key}/${measure}`)).toBe(true);
          expect(truth).toBeGreaterThan(0);
        } else {
          expect(cell).toBe(truth);
          expect(cell === 0 || cell >= result.minCount).toBe(true);
        }
      }
    });
    // A column with a shown total never has exactly one hidden cell.
    for (const measure of FUNDER_MEASURES) {
      const total =
        measure === 'questions' || measure === 'answered' ? result[measure] : result[measure].total;
      const hiddenInColumn = result[table].filter((row) => row[measure] === null).length;
      if (total !== null) expect(hiddenInColumn).not.toBe(1);
    }
  }
}

describe('suppression in the report', () => {
  it('hides small cells, lists them, and leaves no column with a single hidden cell', () => {
    const events = generateEvents(3000, 5, Date.UTC(2026, 6, 1));
    const full = report({ events, minCount: 1 });
    const result = report({ events, minCount: 5 });
    expect(full.suppressed).toEqual([]);
    expect(result.suppressed.length).toBeGreaterThan(5);
    checkSuppression(result, full);
    expect(result.questions).toBe(full.questions);
  });

  it('hides a small total, and with it the answered count it bounds', () => {
    const events = [ev('post-seen', { postKey: 'p1' }), ev('reply-inserted', { postKey: 'p1' })];
    const result = report({ events, minCount: 5 });
    expect([result.questions, result.answered]).toEqual([null, null]);
    expect(result.suppressed).toContainEqual({ table: 'totals', row: 'all', column: 'questions' });
  });
});

it('reports on 100,000 events and 200 groups well within 500 ms', () => {
  const events = generateEvents(100_000, 9, Date.UTC(2026, 6, 1)).map((event, index) => {
    const group = index % 200;
    return {
      ...event,
      groupId: `h:${group.toString(16).padStart(8, '0')}`,
      groupName: `Group ${group}`,
    };
  });
  const groups = Array.from({ length: 200 }, (_, group) =>
    entry({
      groupId: `h:${group.toString(16).padStart(8, '0')}`,
      name: `Group ${group}`,
      memberCount: 1000 + group,
      memberCountAt: JUL,
      sector: GROUP_SECTORS[group % GROUP_SECTORS.length] ?? null,
    }),
  );
  const input = { events, groups, from: Q3.from, to: Q3.to, minCount: 5 };
  buildFunderReport({ ...input, events: events.slice(0, 1000) });
  computeStatistics(events.slice(0, 1000));
  let started = performance.now();
  const result = buildFunderReport(input);
  const ms = performance.now() - started;
  started = performance.now();
  computeStatistics(events);
  const statsMs = performance.now() - started;
  console.log(
    `funder report: 100,000 events, 200 groups: ${ms.toFixed(0)} ms (computeStatistics: ${statsMs.toFixed(0)} ms)`,
  );
  expect(result.spaces).toBe(200);
  expect(result.suppressed.length).toBeGreaterThan(0);
  // Timing on a shared machine varies several-fold; measured against the
  // statistics the dashboard already runs within the 500 ms budget
  // (BENCHMARKS.md), with an absolute ceiling. `npm run bench` records the figure.
  expect(ms).toBeLessThan(Math.max(500, 2 * statsMs));
  expect(ms).toBeLessThan(5000);
}, 60_000);
