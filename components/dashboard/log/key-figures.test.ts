import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../../tests/fixtures/sample-events';
import type { LogEvent } from '../../../lib/log/events';
import { computeStatistics } from '../../../lib/log/stats';
import { prepareEvent } from '../../../lib/log/store';
import { formatDuration, keyFigures, periodDays, previousPeriod } from './key-figures';

const H = 3_600_000;
const DAY = 24 * H;
const monday = Date.UTC(2026, 2, 2);
const ev = (type: LogEvent['type'], overrides: Record<string, unknown>) =>
  prepareEvent(sampleEvent(type, overrides), { advisor: 'Advisor K', storePostText: false });

describe('answered questions (statistics totals)', () => {
  it('counts question posts, by their latest word on it, and those with a reply', () => {
    const events = [
      ev('post-seen', { postKey: 'q1', at: monday, isQuestion: true }),
      ev('reply-inserted', { postKey: 'q1', at: monday + H, isQuestion: null }),
      ev('post-seen', { postKey: 'q2', at: monday, isQuestion: true }),
      // Later judged not a question: replied, but not an answered question.
      ev('post-seen', { postKey: 'n1', at: monday, isQuestion: true }),
      ev('reply-copied', { postKey: 'n1', at: monday + 2 * H, isQuestion: false }),
      // An earlier event's word does not override a later one, whatever the order.
      ev('post-seen', { postKey: 'q3', at: monday + 3 * H, isQuestion: true }),
      ev('post-seen', { postKey: 'q3', at: monday, isQuestion: false }),
    ];
    const { questions, answeredQuestions } = computeStatistics(events).totals;
    expect({ questions, answered: answeredQuestions }).toEqual({ questions: 3, answered: 1 });
  });
});

describe('keyFigures', () => {
  it('takes the tiles’ figures from the statistics and the events', () => {
    const events = [
      ev('post-seen', { postKey: 'p1', at: monday + 10 * H, postedAt: monday + 9 * H }),
      ev('reply-inserted', { postKey: 'p1', at: monday + 11 * H, postedAt: monday + 9 * H }),
      ev('note-added', { postKey: 'p1', at: monday + 12 * H, outcome: 'referred' }),
      ev('post-seen', { postKey: 'p2', at: monday, isQuestion: true }),
      ev('note-added', { postKey: 'p2', at: monday + H, outcome: 'myth-corrected' }),
      ev('claim-corrected', { postKey: 'p2', at: monday + H }),
    ];
    const figures = keyFigures(computeStatistics(events));
    expect(figures).toEqual({
      posts: 2,
      questions: 2,
      answeredQuestions: 1,
      answeredShare: 0.5,
      medianMinutesToReply: 120,
      referrals: 1,
      mythsCorrected: { posts: 1, comments: 1 },
      documented: 2,
      advisors: 1,
    });
  });
});

describe('previousPeriod', () => {
  it('is as long as the period and ends the millisecond before it', () => {
    const week = { from: monday, to: monday + 7 * DAY - 1 };
    expect(previousPeriod(week)).toEqual({ from: monday - 7 * DAY, to: monday - 1 });
    expect(periodDays(week)).toBe(7);
    expect(periodDays({ from: monday, to: monday + DAY })).toBe(2);
  });
});

describe('formatDuration', () => {
  it.each([
    [25, 'en', false, '25 min'],
    [200, 'en', false, '3.3 hr'],
    [4320, 'en', false, '3 days'],
    [-15, 'en', true, '-15 min'],
    [90, 'de', false, '1,5 Std.'],
  ])('%d minutes in %s', (minutes, language, signed, text) => {
    expect(formatDuration(minutes, language, signed).replace(/\u00a0/g, ' ')).toBe(text);
  });
});
