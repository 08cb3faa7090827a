/**
 * Builders for small, valid packs used by the pack tests. Every test starts
 * from a valid pack and breaks exactly one thing, so a failure points at the
 * rule under test.
 */
import { POST_LANGUAGES, type PostLanguage } from '../../lib/domain/languages';
import type { Answer, AnswerText, Pack } from '../../lib/packs/schema';

export function makeText(language: PostLanguage, overrides: Partial<AnswerText> = {}): AnswerText {
  return {
    title: `Mindestlohn (${language})`,
    body: `Der Mindestlohn gilt in {city} für alle (${language}).`,
    keywords: ['mindestlohn', 'Mindestlohn'],
    examples: [
      'ile jest mindestlohn w niemczech',
      'cat e salariul minim in germania',
      'how much is minimum wage',
      'wie hoch ist der mindestlohn',
      'kolik je mindestlohn',
    ],
    sourceVersion: 1,
    ...overrides,
  };
}

export function makeAnswer(
  id: string,
  overrides: Partial<Answer> = {},
  languages: readonly PostLanguage[] = ['de', 'pl'],
): Answer {
  return {
    id,
    topic: 'minimum-wage',
    kind: 'answer',
    canonicalVersion: 1,
    placeholders: ['city'],
    links: [{ url: 'https://www.faire-mobilitaet.de/', label: 'Faire Mobilität' }],
    review: {
      status: 'pending',
      reviewer: null,
      reviewedAt: null,
      validUntil: '2026-12-31',
      legalBasis: ['§ 1 MiLoG'],
    },
    texts: Object.fromEntries(languages.map((l) => [l, makeText(l)])),
    ...overrides,
  };
}

export function makePack(
  overrides: Partial<Pack> = {},
  languages: readonly PostLanguage[] = ['de', 'pl'],
): Pack {
  return {
    schemaVersion: 1,
    id: 'org.example.test',
    version: '2026.1.0',
    title: 'Test pack',
    description: 'A pack for tests',
    publisher: { name: 'Example counselling service' },
    canonicalLanguage: 'de',
    languages: [...languages],
    exampleContent: true,
    updatedAt: '2026-01-15',
    answers: [
      makeAnswer('minimum-wage-basics', {}, languages),
      makeAnswer('minimum-wage-minijob', { topic: 'minijob' }, languages),
    ],
    ...overrides,
  };
}

export const ALL_LANGUAGES = POST_LANGUAGES;
