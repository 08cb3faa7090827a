import { describe, expect, it } from 'vitest';
import type { LogEvent } from './events';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { computeStatistics, weekStartOf } from './stats';
import { prepareEvent } from './store';

const H = 3_600_000;
const monday = Date.UTC(2026, 2, 2); // Monday 2 March 2026
const ev = (type: LogEvent['type'], overrides: Record<string, unknown>) =>
  prepareEvent(sampleEvent(type, overrides), { advisor: 'Advisor Zeta', storePostText: false });

describe('computeStatistics', () => {
  const events = [
    ev('post-seen', { postKey: 'p1', at: monday + 10 * H, postedAt: monday + 9 * H }),
    ev('reply-inserted', { postKey: 'p1', at: monday + 11 * H, postedAt: monday + 9 * H }),
    ev('note-added', { postKey: 'p1', at: monday + 12 * H, outcome: 'informed' }),
    ev('note-added', { postKey: 'p1', at: monday + 13 * H, outcome: 'referred' }),
    ev('post-seen', { postKey: 'p2', at: monday + 8 * 24 * H, language: 'ro', topic: 'housing' }),
    ev('post-seen', {
      postKey: 'p3',
      at: monday + 15 * 24 * H,
      isQuestion: false,
      groupId: 'g2',
      groupName: 'Românii din Germania',
    }),
  ];
  const stats = computeStatistics(events, { underservedMinQuestions: 1 });

  it('counts posts once, questions, replies and the latest outcome', () => {
    expect(stats.totals).toMatchObject({
      events: 6,
      posts: 3,
      questions: 2,
      repliedPosts: 1,
      replies: 1,
      documented: 1,
      advisors: 1,
    });
    expect(stats.outcomes).toMatchObject({ informed: 0, referred: 1 });
  });

  it('counts escalated posts by kind, by their latest note', () => {
    const escalated = computeStatistics([
      ev('note-added', { postKey: 'e1', at: monday, outcome: 'escalated', escalation: 'violence' }),
      ev('note-added', { postKey: 'e2', at: monday, outcome: 'escalated', escalation: 'violence' }),
      ev('note-added', {
        postKey: 'e3',
        at: monday,
        outcome: 'escalated',
        escalation: 'homelessness',
      }),
      // From before kinds were recorded.
      ev('note-added', { postKey: 'e4', at: monday, outcome: 'escalated' }),
      // Escalated first, then documented as informed: no longer an escalation.
      ev('note-added', {
        postKey: 'e5',
        at: monday,
        outcome: 'escalated',
        escalation: 'exploitation',
      }),
      ev('note-added', { postKey: 'e5', at: monday + H, outcome: 'informed' }),
    ]);
    expect(escalated.outcomes).toMatchObject({ escalated: 4, informed: 1 });
    expect(escalated.escalations).toEqual({
      exploitation: 0,
      violence: 2,
      'life-health': 0,
      homelessness: 1,
      unspecified: 1,
    });
  });

  it('fills weeks in order, including empty ones', () => {
    expect(stats.weeks.map((w) => [w.weekStart, w.postsSeen, w.replies])).toEqual([
      ['2026-03-02', 1, 1],
      ['2026-03-09', 1, 0],
      ['2026-03-16', 1, 0],
    ]);
  });

  it('breaks down by language, topic and group, and measures time to reply', () => {
    expect(stats.byLanguage.map((r) => [r.key, r.posts])).toEqual([
      ['pl', 2],
      ['ro', 1],
    ]);
    expect(stats.byGroup.find((r) => r.key === 'g2')?.label).toBe('Românii din Germania');
    expect(stats.timeToReply).toEqual({ count: 1, medianMinutes: 120, p90Minutes: 120 });
  });

  it('names topics with many questions and few replies', () => {
    expect(stats.underserved.map((r) => r.topic)).toEqual(['housing']);
  });

  it.each([
    [Date.UTC(2026, 2, 8, 23), '2026-03-02'],
    [Date.UTC(2026, 2, 9, 0), '2026-03-09'],
    [Date.UTC(2026, 0, 1), '2025-12-29'],
  ])('puts %s in the week starting %s', (at, week) => {
    expect(weekStartOf(at)).toBe(week);
  });
});

describe('myths in comments', () => {
  const seen = (postKey: string, commentKey: string, claimId: string, at: number) =>
    ev('claim-seen', { postKey, commentKey, claimId, at });
  const corrected = (postKey: string, commentKey: string, claimId: string, at: number) =>
    ev('claim-corrected', { postKey, commentKey, claimId, at });
  const c1 = 'c0000000000000001';
  const c2 = 'c0000000000000002';

  it('counts each comment once per claim, seen and corrected, most seen first', () => {
    const stats = computeStatistics([
      ev('post-seen', { postKey: 'p1', at: monday }),
      seen('p1', c1, 'piecework-no-minimum-wage', monday + H),
      // The same comment seen again the next day, and corrected: still one comment.
      seen('p1', c1, 'piecework-no-minimum-wage', monday + 25 * H),
      corrected('p1', c1, 'piecework-no-minimum-wage', monday + 26 * H),
      seen('p1', c2, 'piecework-no-minimum-wage', monday + 2 * H),
      // The same comment key under another post is another comment.
      seen('p2', c1, 'sick-leave-no-dismissal', monday + 3 * H),
      // Corrected without a claim-seen on record (an import from before): seen too.
      corrected('p3', c2, 'sick-leave-no-dismissal', monday + 4 * H),
      seen('p4', c1, 'eviction-when-job-ends', monday + 5 * H),
    ]);
    expect(stats.claims).toEqual([
      { claimId: 'piecework-no-minimum-wage', seen: 2, corrected: 1 },
      { claimId: 'sick-leave-no-dismissal', seen: 2, corrected: 1 },
      { claimId: 'eviction-when-job-ends', seen: 1, corrected: 0 },
    ]);
    // A comment correction is not the post's case documentation.
    expect(stats.totals.documented).toBe(0);
    expect(stats.totals.replies).toBe(0);
  });
});
