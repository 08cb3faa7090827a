import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../packs/parse';
import { featureId, topicFeatures, trainTopicModel } from './topic-model';
import { chooseFallbackLanguage, type AnswerEntry } from './variant-index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('default pack does not parse');
const pack = parsed.pack;
const entries: AnswerEntry[] = pack.answers.map((answer) => ({
  pack,
  answer,
  fallbackLanguage: chooseFallbackLanguage(pack, answer),
}));

describe('topicFeatures', () => {
  it('has stemmed words and character 4-grams of folded words, weighted', () => {
    const features = topicFeatures('pl', 'Dostałem Kündigung, Kündigung');
    expect(features.get(featureId('c', '^dos'))).toBe(0.25);
    expect(features.get(featureId('c', 'kund'))).toBe(0.5);
    expect(features.get(featureId('c', 'ung$'))).toBe(0.5);
    expect([...features.values()].filter((weight) => weight >= 1)).toHaveLength(2);
  });
});

describe('trainTopicModel', () => {
  const polish = trainTopicModel('pl', entries);

  it('ranks the topic of a post first, with probabilities that sum to 1', () => {
    const ranked = polish.classify('szef nie zaplacil mi wyplaty za dwa miesiace');
    expect(ranked[0]?.topic).toBe('unpaid-wages');
    expect(ranked.reduce((sum, t) => sum + t.p, 0)).toBeCloseTo(1, 6);
  });

  it('recognises an inflected form through its character grams', () => {
    // "wypowiedzeniem" is not a word of the pack's Polish examples in this form.
    expect(polish.classify('co z wypowiedzeniem umowy o prace')[0]?.topic).toBe('dismissal');
  });

  it('takes German terms as evidence in another language', () => {
    expect(trainTopicModel('hu', entries).classify('Kindergeld?')[0]?.topic).toBe('child-benefit');
  });

  it('is trained on the transliterated pack for Bulgarian typed in Latin letters', () => {
    const latin = trainTopicModel('bg-latn', entries);
    expect(latin.classify('bolnichen ot lekar, shte mi platqt li')[0]?.topic).toBe('sick-leave');
  });

  it('says nothing about a text without a known feature', () => {
    expect(polish.classify('qqq zzz')).toEqual([]);
  });
});
