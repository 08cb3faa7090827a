import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import type { GroupRegisterEntry } from './register';
import { buildRegisterRows } from './view';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-04T12:00:00Z');

const entry = (change: Partial<GroupRegisterEntry>): GroupRegisterEntry => ({
  platform: 'facebook',
  groupId: 'g1',
  name: 'Praca w Niemczech',
  memberCount: null,
  memberCountAt: null,
  sector: null,
  notes: '',
  worksHere: true,
  firstSeenAt: NOW - 60 * DAY,
  lastSeenAt: NOW - DAY,
  ...change,
});

describe('buildRegisterRows', () => {
  it('counts posts once, questions recent and not, and names the main languages', () => {
    const events = [
      sampleEvent('post-seen', {
        postKey: 'a',
        groupId: 'g1',
        language: 'pl',
        isQuestion: true,
        at: NOW - 2 * DAY,
      }),
      sampleEvent('reply-inserted', {
        postKey: 'a',
        groupId: 'g1',
        language: 'pl',
        isQuestion: true,
        at: NOW - DAY,
      }),
      sampleEvent('post-seen', {
        postKey: 'b',
        groupId: 'g1',
        language: 'pl',
        isQuestion: true,
        at: NOW - 40 * DAY,
      }),
      sampleEvent('post-seen', {
        postKey: 'c',
        groupId: 'g1',
        language: 'de',
        isQuestion: false,
        at: NOW - 3 * DAY,
      }),
      sampleEvent('post-seen', {
        postKey: 'd',
        groupId: 'other',
        language: 'ro',
        isQuestion: true,
        at: NOW - DAY,
      }),
    ];
    const rows = buildRegisterRows(
      [entry({ memberCount: 2400, memberCountAt: NOW - DAY })],
      [],
      events,
      NOW,
    );
    const row = rows.find((r) => r.id === 'facebook:g1');
    expect(row).toMatchObject({
      ownKey: 'facebook:g1',
      posts: 3,
      questions: 2,
      recentQuestions: 1,
      languages: [
        { language: 'pl', posts: 2 },
        { language: 'de', posts: 1 },
      ],
      fromLogOnly: false,
    });
    expect(row?.entry.memberCount).toBe(2400);
  });

  it('lists a group only the log knows, not as one the team works in', () => {
    const events = [
      sampleEvent('post-seen', {
        postKey: 'd',
        groupId: 'h:abc',
        groupName: 'Români în Germania',
        at: NOW - DAY,
      }),
    ];
    const [row] = buildRegisterRows([], [], events, NOW);
    expect(row).toMatchObject({
      ownKey: null,
      fromLogOnly: true,
      entry: { name: 'Români în Germania', worksHere: false, memberCount: null },
    });
  });

  it('joins two advisors’ pseudonymous entries of one group by its name', () => {
    const a = entry({
      groupId: 'h:aaa',
      memberCount: 1000,
      memberCountAt: NOW - 10 * DAY,
      lastSeenAt: NOW - 10 * DAY,
      sector: 'care',
    });
    const b = entry({
      groupId: 'h:bbb',
      name: 'PRACA  w niemczech',
      memberCount: 1200,
      memberCountAt: NOW - 2 * DAY,
      lastSeenAt: NOW - 2 * DAY,
    });
    const other = entry({ groupId: 'h:ccc', name: 'Magyarok Németországban' });
    const rows = buildRegisterRows([], [a, b, other], [], NOW);
    expect(rows).toHaveLength(2);
    const joined = rows.find((row) => row.keys.length === 2);
    expect(joined?.keys.sort()).toEqual(['facebook:h:aaa', 'facebook:h:bbb']);
    expect(joined?.entry).toMatchObject({
      memberCount: 1200,
      sector: 'care',
      lastSeenAt: NOW - 2 * DAY,
    });
  });

  it('edits go to this installation’s own entry when it has one', () => {
    const own = entry({ groupId: '12345' });
    const imported = entry({ groupId: 'h:zzz' });
    const [row] = buildRegisterRows([own], [imported], [], NOW);
    expect(row?.ownKey).toBe('facebook:12345');
    expect(row?.keys).toHaveLength(2);
  });

  it('puts groups the team works in first, then the most recently seen', () => {
    const rows = buildRegisterRows(
      [
        entry({ groupId: 'x', name: 'X', worksHere: false, lastSeenAt: NOW }),
        entry({ groupId: 'y', name: 'Y', lastSeenAt: NOW - 5 * DAY }),
        entry({ groupId: 'z', name: 'Z', lastSeenAt: NOW - DAY }),
      ],
      [],
      [],
      NOW,
    );
    expect(rows.map((row) => row.entry.name)).toEqual(['Z', 'Y', 'X']);
  });
});
