import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../packs/parse';
import { scoreVariant, specificTopicLimitFor, WEIGHTS, type ScoringContext } from './scoring';
import {
  buildVariantIndex,
  chooseFallbackLanguage,
  createGermanIndexes,
  type AnswerEntry,
} from './variant-index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('default pack does not parse');
const pack = parsed.pack;
const entries: AnswerEntry[] = pack.answers.map((answer) => ({
  pack,
  answer,
  fallbackLanguage: chooseFallbackLanguage(pack, answer),
}));
const answerTopics = entries.map((e) => e.answer.topic);
const german = createGermanIndexes(entries);
const context: ScoringContext = {
  answerCount: entries.length,
  answerTopics,
  specificTopicLimit: specificTopicLimitFor(answerTopics),
  german,
  weights: WEIGHTS,
};
// Example ordinals as the matcher numbers them, so leave-one-out can be tested.
const ordinals = new Map<string, number>();
let next = 0;
entries.forEach((entry, a) => {
  for (const [language, text] of Object.entries(entry.answer.texts)) {
    ordinals.set(`${a}:${language}`, next);
    next += text.examples.length;
  }
});
const polish = buildVariantIndex('pl', entries, ordinals, german.protectedTerms());
const score = (text: string, excluded?: ReadonlySet<number>) =>
  scoreVariant(polish, text, excluded, true, context).scored.sort((a, b) => b.raw - a.raw);
const topicOf = (answerIndex: number) => entries[answerIndex]?.answer.topic;

describe('scoreVariant', () => {
  it('ranks the answer of the topic first and says its evidence is specific', () => {
    const [best] = score('dostałem Kündigung, ile mam czasu na pozew?');
    expect(topicOf(best?.answerIndex ?? -1)).toBe('dismissal');
    expect(best?.specific).toBe(true);
    expect(best?.features.coverage).toBeGreaterThan(0);
    expect(best?.features.coverage).toBeLessThanOrEqual(1);
  });

  it('finds no specific evidence in words used across many topics', () => {
    const scored = score('pracodawca firma praca');
    expect(scored.length).toBeGreaterThan(3);
    expect(scored.every((item) => !item.specific)).toBe(true);
  });

  it('takes an excluded example out of the evidence (leave-one-out)', () => {
    const a = entries.findIndex((e) => e.answer.texts.pl?.examples.length);
    const example = entries[a]?.answer.texts.pl?.examples[0] ?? '';
    const first = ordinals.get(`${a}:pl`) ?? -1;
    const own = (excluded?: ReadonlySet<number>) =>
      score(example, excluded).find((item) => item.answerIndex === a)?.raw ?? 0;
    expect(own(new Set([first]))).toBeLessThan(own());
  });

  it('scores nothing for a post without informative words', () => {
    expect(scoreVariant(polish, 'witam, i jak?', undefined, true, context).scored).toEqual([]);
  });
});

describe('specificTopicLimitFor', () => {
  it('allows a few topics per specific word, at least two', () => {
    expect(specificTopicLimitFor(['dismissal', 'housing'])).toBe(2);
    expect(specificTopicLimitFor(answerTopics)).toBeGreaterThanOrEqual(2);
  });
});
