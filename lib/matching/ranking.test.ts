import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack } from '../../tests/packs/make-pack';
import type { Answer } from '../packs/schema';
import { applyFeedback } from './feedback';
import { rankAnswers, rankTopics, tiedAcrossTopics, type Judged } from './ranking';
import type { AnswerEntry } from './variant-index';

const answers: Answer[] = [
  makeAnswer('wage-1', { topic: 'minimum-wage' }),
  makeAnswer('wage-2', { topic: 'minimum-wage' }),
  makeAnswer('dismissal-1', { topic: 'dismissal' }),
  makeAnswer('housing-1', { topic: 'housing' }),
  makeAnswer('only-de', { topic: 'taxes' }, ['de']),
];
const pack = makePack({ answers });
const entries: AnswerEntry[] = answers.map((answer) => ({ pack, answer, fallbackLanguage: 'de' }));
const index = (id: string) => answers.findIndex((a) => a.id === id);

const judged = (id: string, raw: number, relevance: number, specific = true): Judged => ({
  answerIndex: index(id),
  raw,
  relevance,
  specific,
  matched: [0],
  features: {
    score: raw,
    coverage: 1,
    domain: 1,
    domainWeight: 1,
    matchedWords: 1,
    isQuestion: true,
    topicProbability: 0.5,
    onTopic: 0,
    classifierTopic: 0,
  },
});
const options = { top: 3, postLanguage: 'pl' as const, today: '2026-03-01', topicSecond: 0.25 };
const ids = (r: ReturnType<typeof rankAnswers>) => r.suggestions.map((s) => s.answerId);
const levels = (r: ReturnType<typeof rankAnswers>) => r.suggestions.map((s) => s.level);

describe('rankTopics', () => {
  it('adds a share of the second-best answer of a topic to its best, relative to the best topic', () => {
    const topics = rankTopics(
      [judged('dismissal-1', 10, 0.9), judged('wage-1', 9, 0.9), judged('wage-2', 8, 0.9)],
      entries,
      { topicSecond: 0.25 },
    );
    expect(topics.map((t) => [t.topic, t.score])).toEqual([
      ['minimum-wage', 1],
      ['dismissal', 10 / 11],
    ]);
  });

  it("adds the topic model's probability with its weight", () => {
    const topics = rankTopics([judged('dismissal-1', 10, 0.9), judged('wage-1', 9, 0.9)], entries, {
      topicSecond: 0.25,
      topicProbabilities: new Map([
        ['minimum-wage', 0.8],
        ['dismissal', 0.1],
      ]),
      topicModel: 0.5,
    });
    expect(topics.map((t) => [t.topic, t.score])).toEqual([
      ['minimum-wage', 0.9 + 0.4],
      ['dismissal', 1 + 0.05],
    ]);
  });
});

describe('tiedAcrossTopics', () => {
  it('flags equal scores across topics, not within one topic', () => {
    expect(
      tiedAcrossTopics(
        [judged('wage-1', 5, 0.9), judged('wage-2', 5, 0.9), judged('housing-1', 3, 0.9)],
        entries,
      ),
    ).toEqual(new Set());
    expect(
      tiedAcrossTopics([judged('wage-1', 5, 0.9), judged('housing-1', 5, 0.9)], entries),
    ).toEqual(new Set([index('wage-1'), index('housing-1')]));
  });
});

describe('rankAnswers', () => {
  it('calls relevant, specific, untied answers likely and gives the topic', () => {
    const result = rankAnswers(
      [judged('dismissal-1', 10, 0.9), judged('housing-1', 4, 0.3)],
      entries,
      options,
    );
    expect(result.topic).toBe('dismissal');
    expect(ids(result)).toEqual(['dismissal-1', 'housing-1']);
    expect(levels(result)).toEqual(['likely', 'possible']);
    expect(result.possibleTopics).toEqual([]);
  });

  it('lists answers below the threshold as possible, with possible topics and no topic', () => {
    const result = rankAnswers(
      [judged('dismissal-1', 10, 0.4), judged('housing-1', 4, 0.3)],
      entries,
      options,
    );
    expect(result.topic).toBe('off-topic');
    expect(levels(result)).toEqual(['possible', 'possible']);
    expect(result.possibleTopics).toEqual(['dismissal', 'housing']);
  });

  it('shows nothing below the possible threshold', () => {
    const result = rankAnswers([judged('dismissal-1', 10, 0.1)], entries, options);
    expect(result.suggestions).toEqual([]);
    expect(result.topic).toBe('off-topic');
  });

  it('never calls generic-only evidence likely, and leaves it out of possible topics', () => {
    const result = rankAnswers(
      [judged('dismissal-1', 10, 0.95, false), judged('housing-1', 8, 0.6, true)],
      entries,
      options,
    );
    expect(levels(result)).toEqual(['possible', 'likely']);
    const generic = rankAnswers([judged('dismissal-1', 10, 0.95, false)], entries, options);
    expect(generic.topic).toBe('off-topic');
    expect(generic.possibleTopics).toEqual([]);
  });

  it('never calls a tie across topics likely', () => {
    const result = rankAnswers(
      [judged('dismissal-1', 10, 0.9), judged('housing-1', 10, 0.9)],
      entries,
      options,
    );
    expect(levels(result)).toEqual(['possible', 'possible']);
    expect(result.topic).toBe('off-topic');
  });

  it("leads with the post topic's best answer", () => {
    // minimum-wage has more evidence over two answers than dismissal's single best.
    const result = rankAnswers(
      [judged('dismissal-1', 10, 0.95), judged('wage-1', 9, 0.9), judged('wage-2', 8, 0.8)],
      entries,
      options,
    );
    expect(result.topic).toBe('minimum-wage');
    expect(ids(result)[0]).toBe('wage-1');
  });

  it('lets "not relevant" feedback hide an answer but never lifts one over a threshold', () => {
    let feedback = {};
    for (let i = 0; i < 5; i += 1)
      feedback = applyFeedback(feedback, {
        packId: pack.id,
        answerId: 'housing-1',
        kind: 'not-relevant',
      });
    const hidden = rankAnswers(
      [judged('dismissal-1', 10, 0.9), judged('housing-1', 4, 0.3)],
      entries,
      { ...options, feedback },
    );
    expect(ids(hidden)).toEqual(['dismissal-1']);
    let boost = {};
    for (let i = 0; i < 10; i += 1)
      boost = applyFeedback(boost, { packId: pack.id, answerId: 'housing-1', kind: 'used' });
    const low = rankAnswers([judged('housing-1', 4, 0.1)], entries, {
      ...options,
      feedback: boost,
    });
    expect(low.suggestions).toEqual([]);
  });

  it('offers the fallback language when the answer has neither the post nor the UI language', () => {
    const result = rankAnswers([judged('only-de', 10, 0.9)], entries, {
      ...options,
      uiLanguage: 'en',
    });
    expect(result.suggestions[0]).toMatchObject({ textLanguage: 'de', fallback: true });
  });

  it('only decides the topic when asked for no suggestion', () => {
    const result = rankAnswers([judged('dismissal-1', 10, 0.9)], entries, { ...options, top: 0 });
    expect(result).toMatchObject({ topic: 'dismissal', suggestions: [], possibleTopics: [] });
  });
});
