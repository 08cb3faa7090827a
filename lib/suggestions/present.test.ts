import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import type { MatchResult, Suggestion } from '../matching';
import { createAnswerLookup, isReviewed, presentMatch, presentSuggestion } from './present';

const approved = {
  status: 'approved' as const,
  reviewer: 'RA Beispiel',
  reviewedAt: '2026-01-10',
  validUntil: '2026-06-30',
  legalBasis: ['§ 1 MiLoG'],
};
const pack = makePack({
  exampleContent: false,
  languages: ['de'],
  answers: [
    makeAnswer('wage-de', { review: approved, texts: { de: makeText('de'), en: makeText('en') } }),
    makeAnswer('wage-pl', { texts: { de: makeText('de'), pl: makeText('pl') } }),
  ],
});
const suggestion = (
  answerId: string,
  textLanguage: 'de' | 'pl',
  level: Suggestion['level'] = 'likely',
): Suggestion => ({
  answerId,
  packId: pack.id,
  packVersion: pack.version,
  topic: 'minimum-wage',
  kind: 'answer',
  score: 0.8,
  level,
  matchedTerms: ['mindestlohn'],
  textLanguage,
  fallback: textLanguage !== 'pl',
  expired: false,
});
const options = {
  uiLanguage: 'en' as const,
  today: '2026-07-01',
  trustOf: () => ({ status: 'trusted' as const, signer: 'Beratungsstelle' }),
  topicLabel: (topic: string) => `label of ${topic}`,
};
const lookup = createAnswerLookup([pack]);
const found = (id: string) => {
  const entry = lookup.get(pack.id, id);
  if (!entry) throw new Error(`no answer ${id}`);
  return entry;
};

describe('presentSuggestion', () => {
  it('offers the fallback language visibly, with the UI language beside it, and flags expiry', () => {
    expect(
      presentSuggestion(suggestion('wage-de', 'de'), found('wage-de'), 'pl', options),
    ).toMatchObject({
      fallback: true,
      reply: { language: 'de', title: 'Mindestlohn (de)' },
      translation: { language: 'en', title: 'Mindestlohn (en)' },
      reviewed: true,
      expired: true,
      placeholders: ['city'],
      links: [{ url: 'https://www.faire-mobilitaet.de/' }],
      signature: { status: 'trusted', signer: 'Beratungsstelle' },
    });
  });

  it('answers in the post language and renders the UI language from German when English is missing', () => {
    const payload = presentSuggestion(suggestion('wage-pl', 'pl'), found('wage-pl'), 'pl', options);
    expect(payload).toMatchObject({
      fallback: false,
      reply: { language: 'pl' },
      translation: { language: 'de' },
      reviewed: false,
      expired: false,
    });
  });

  it('has no rendering beside the reply when the reply is in the UI language', () => {
    const payload = presentSuggestion(suggestion('wage-de', 'de'), found('wage-de'), 'de', {
      ...options,
      uiLanguage: 'de',
    });
    expect(payload?.translation).toBeNull();
    expect(payload?.fallback).toBe(false);
  });
});

describe('isReviewed', () => {
  it('does not count approval inside an example-content pack', () => {
    expect(isReviewed({ ...pack, exampleContent: true }, found('wage-de').answer)).toBe(false);
    expect(isReviewed(pack, found('wage-de').answer)).toBe(true);
  });
});

describe('presentMatch', () => {
  const result = (
    suggestions: Suggestion[],
    topic: MatchResult['topic'],
    possibleTopics: MatchResult['possibleTopics'] = [],
  ): MatchResult => ({
    language: 'pl',
    confidence: 0.9,
    isQuestion: true,
    topic,
    suggestions,
    possibleTopics,
  });
  it('passes an off-topic result through with no suggestion', () => {
    expect(presentMatch('fb:1', result([], 'off-topic'), lookup, options)).toEqual({
      postKey: 'fb:1',
      language: 'pl',
      topic: 'off-topic',
      topicLabel: 'label of off-topic',
      suggestions: [],
      possibleTopics: [],
    });
  });
  it('passes levels through and names possible topics only when nothing is likely', () => {
    const possibleOnly = presentMatch(
      'fb:1',
      result([suggestion('wage-pl', 'pl', 'possible')], 'off-topic', [
        'minimum-wage',
        'unpaid-wages',
      ]),
      lookup,
      options,
    );
    expect(possibleOnly.topic).toBe('off-topic');
    expect(possibleOnly.suggestions.map((s) => s.level)).toEqual(['possible']);
    expect(possibleOnly.possibleTopics).toEqual(['minimum-wage', 'unpaid-wages']);

    const likely = presentMatch(
      'fb:1',
      result(
        [suggestion('wage-pl', 'pl', 'likely'), suggestion('wage-de', 'de', 'possible')],
        'minimum-wage',
      ),
      lookup,
      options,
    );
    expect(likely.topic).toBe('minimum-wage');
    expect(likely.suggestions.map((s) => s.level)).toEqual(['likely', 'possible']);
    expect(likely.possibleTopics).toEqual([]);
  });
  it('skips answers no longer in the packs and keeps the order', () => {
    const presented = presentMatch(
      'fb:1',
      result(
        [suggestion('wage-pl', 'pl'), suggestion('gone', 'pl'), suggestion('wage-de', 'de')],
        'minimum-wage',
      ),
      lookup,
      options,
    );
    expect(presented.suggestions.map((s) => s.answerId)).toEqual(['wage-pl', 'wage-de']);
    expect(presented.topic).toBe('minimum-wage');
  });
});
