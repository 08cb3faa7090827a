import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../lib/packs/schema';
import { answerTitlesOf, isUnclassified, languageName } from './labels';

describe('languageName', () => {
  it.each([
    ['pl', 'en', 'Polish'],
    ['pl', 'de', 'Polnisch'],
    ['ro', 'de', 'Rumänisch'],
    ['el', 'en', 'Greek'],
  ])('names %s in %s as %s', (code, ui, name) => {
    expect(languageName(code, ui)).toBe(name);
  });
});

describe('isUnclassified', () => {
  it('marks the missing topic and the undetermined language, nothing else', () => {
    expect(['unknown', 'und', 'housing', 'pl'].map(isUnclassified)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('answerTitlesOf', () => {
  const text = (title: string) => ({ title }) as Pack['answers'][number]['texts']['de'];
  const pack = (canonicalLanguage: 'de' | 'ro', answers: Pack['answers']) =>
    ({ canonicalLanguage, answers }) as unknown as Pack;
  const answer = (id: string, texts: Record<string, string>) =>
    ({
      id,
      texts: Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, text(v)])),
    }) as unknown as Pack['answers'][number];

  it("titles answers in the UI language, else in the pack's canonical language", () => {
    const titles = answerTitlesOf(
      [
        pack('de', [
          answer('unpaid', { de: 'Lohn nicht gezahlt', en: 'Wages not paid' }),
          answer('a1', { de: 'A1-Bescheinigung', pl: 'Zaświadczenie A1' }),
        ]),
        pack('ro', [answer('ro-only', { ro: 'Salariu neplătit' })]),
      ],
      'en',
    );
    expect(Object.fromEntries(titles)).toEqual({
      unpaid: 'Wages not paid',
      a1: 'A1-Bescheinigung',
      'ro-only': 'Salariu neplătit',
    });
  });

  it('keeps the first pack’s title when two packs share an answer id', () => {
    const titles = answerTitlesOf(
      [pack('de', [answer('x', { de: 'Erste' })]), pack('de', [answer('x', { de: 'Zweite' })])],
      'de',
    );
    expect(titles.get('x')).toBe('Erste');
  });
});
