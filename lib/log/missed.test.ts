import { describe, expect, it } from 'vitest';
import { buildMissedReport, renderMissedMarkdown } from './missed';

const base = { language: 'pl' as const, topic: 'dismissal' as const };
const reply = (postKey: string, chosenVia?: 'search' | 'suggestion', extra = {}) => ({
  ...base,
  type: 'reply-inserted' as const,
  postKey,
  answerId: 'dismissal-deadline',
  ...(chosenVia ? { chosenVia } : {}),
  ...extra,
});

describe('buildMissedReport', () => {
  it('counts posts answered through search and "not relevant" marks per topic and language', () => {
    const report = buildMissedReport([
      reply('fb:1', 'search'),
      reply('fb:1', 'search'), // the same post again: one post
      { ...reply('fb:2', 'search'), type: 'reply-copied' as const },
      reply('fb:3', 'suggestion'),
      reply('fb:4'), // older record without chosenVia: a suggestion
      { ...base, type: 'not-relevant' as const, postKey: 'fb:5', answerId: 'x' },
      {
        ...base,
        language: 'ro' as const,
        type: 'not-relevant' as const,
        postKey: 'fb:6',
        answerId: null,
      },
      { ...base, type: 'post-seen' as const, postKey: 'fb:7' },
    ]);
    expect(report.totals).toEqual({ foundBySearch: 2, notRelevant: 2 });
    expect(report.rows).toEqual([
      { topic: 'dismissal', language: 'pl', foundBySearch: 2, notRelevant: 1 },
      { topic: 'dismissal', language: 'ro', foundBySearch: 0, notRelevant: 1 },
    ]);
    expect(report.searchedAnswers).toEqual([
      { answerId: 'dismissal-deadline', topic: 'dismissal', posts: 2 },
    ]);
    expect(report.texts).toEqual([]);
  });

  it('lists post texts only where the events carry them', () => {
    const report = buildMissedReport([
      reply('fb:1', 'search', { postText: 'szef mnie zwolnił' }),
      reply('fb:2', 'search', { postText: null }),
      {
        ...base,
        topic: null,
        type: 'not-relevant' as const,
        postKey: 'fb:3',
        answerId: null,
        postText: 'sprzedam rower',
      },
    ]);
    expect(report.texts).toEqual([
      {
        kind: 'found-by-search',
        topic: 'dismissal',
        language: 'pl',
        answerId: 'dismissal-deadline',
        text: 'szef mnie zwolnił',
      },
      {
        kind: 'not-relevant',
        topic: 'unknown',
        language: 'pl',
        answerId: null,
        text: 'sprzedam rower',
      },
    ]);
    const markdown = renderMissedMarkdown(report);
    expect(markdown).toContain('| dismissal | pl | 2 | 0 |');
    expect(markdown).toContain('szef mnie zwolnił');
  });
});
