import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../packs/parse';
import type { Answer, Pack } from '../packs/schema';
import {
  applyFeedback,
  adjustmentFor,
  createMatcher,
  MAX_ADJUSTMENT,
  resetFeedback,
} from './index';
import { readTopicClassifier } from '../cli/classifier-file';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('default pack does not parse');
const pack: Pack = parsed.pack;
// As the extension and the CLI match: with the shipped classifier.
const matcher = createMatcher([pack], { classifier: readTopicClassifier() });
const packOnly = createMatcher([pack]);

describe('the trained classifier', () => {
  // Posts written for this test, in no training source. Each fails with the
  // packs alone (`packOnly`), which is what the classifier is for.
  it.each([
    [
      'ro, doctor who speaks the language',
      'Unde găsesc un doctor care vorbește română în München?',
    ],
    ['bg, dentist recommendation', 'Кой знае добър зъболекар в Берлин, който говори български?'],
    ['hr, ride home', 'Tko ide za Zagreb u petak iz Stuttgarta? Platim gorivo'],
  ])('%s: no suggestion for group traffic the packs took for a question', (_label, text) => {
    expect(packOnly.match({ text }).suggestions.some((s) => s.level === 'likely')).toBe(true);
    const result = matcher.match({ text });
    expect(result.suggestions).toEqual([]);
    expect(result.topic).toBe('off-topic');
  });

  it.each([
    ['cs, agency keeps the identity cards', 'Agentura nám vzala občanky a nechce je vrátit'],
    ['bg, landlord keeps the identity cards', 'Газдата ни взе личните карти и не ги връща'],
  ])('%s: offers answers where the packs share no word with the post', (_label, text) => {
    expect(packOnly.match({ text }).suggestions).toEqual([]);
    expect(matcher.match({ text }).suggestions[0]?.topic).toBe('exploitation');
  });
});

describe('matching the default pack', () => {
  it.each([
    ['pl, German term, no diacritics', 'dostalem Kündigung wczoraj, ile mam czasu?', 'dismissal'],
    ['pl, no diacritics', 'szef nie zaplacil mi wyplaty za 2 miesiace co robic', 'unpaid-wages'],
    ['pl, German term', 'Kindergeld dla dziecka w Polsce?', 'child-benefit'],
    ['ro, no diacritics', 'am fost concediat fara preaviz, ce pot face?', 'dismissal'],
    [
      'bg, Cyrillic with German term',
      'Шефът ме накара да си направя гевербе, законно ли е?',
      'bogus-self-employment',
    ],
    ['bg, Latin-typed', 'bqh bolen 2 sedmici i firmata ne mi plati nishto', 'sick-leave'],
    ['el, Greek script', 'Με απέλυσαν χωρίς προειδοποίηση, τι να κάνω;', 'dismissal'],
    ['el, Latin-typed', 'me apolysan xwris proeidopoiisi ti na kano', 'dismissal'],
  ])('%s: finds %s', (_label, text, topic) => {
    const result = matcher.match({ text });
    expect(result.suggestions.map((s) => s.topic)).toContain(topic);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]?.matchedTerms.length).toBeGreaterThan(0);
  });

  it.each([
    'Sprzedam kanape, tanio, odbior Monachium',
    'Buongiorno a tutti e buona domenica!',
    'Продавам детска количка, почти нова, Франкфурт',
  ])('suggests nothing for the off-topic post %j', (text) => {
    const result = matcher.match({ text });
    expect(result.suggestions).toEqual([]);
    expect(result.topic).toBe('off-topic');
  });

  it('explains a match with the words that carry it, not the function words of a keyword phrase', () => {
    const { suggestions } = matcher.match({
      text: 'buna, seful nu mi-a dat fluturasul de salariu de 2 luni, ce pot face?',
    });
    expect(suggestions[0]?.topic).toBe('unpaid-wages');
    expect(suggestions[0]?.matchedTerms).toContain('salariu');
    // Every suggestion is explained by content words only; the later ones of
    // the topic-diverse list may rest on other words of the post than "salariu".
    for (const suggestion of suggestions) {
      expect(suggestion.matchedTerms.length).toBeGreaterThan(0);
      for (const word of ['nu', 'mi', 'de', 'ce', 'buna'])
        expect(suggestion.matchedTerms).not.toContain(word);
    }
  });

  it('shows matched words as the post spells them, not folded', () => {
    const { suggestions } = matcher.match({
      text: 'Czesc, mam Kündigung od szefa, co mam zrobić?',
    });
    expect(suggestions[0]?.topic).toBe('dismissal');
    expect(suggestions[0]?.matchedTerms).toContain('Kündigung');
    expect(suggestions[0]?.matchedTerms).not.toContain('kundigung');
  });

  it('scores are calibrated to 0..1 and sorted best first', () => {
    const { suggestions } = matcher.match(
      { text: 'dostalem Kündigung wczoraj, ile mam czasu?' },
      { top: 5 },
    );
    for (const s of suggestions) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of suggestions) expect(s.score).toBeLessThanOrEqual(1);
    expect([...suggestions].sort((a, b) => b.score - a.score)).toEqual(suggestions);
  });
});

describe('fallback language', () => {
  const [first] = pack.answers;
  if (!first) throw new Error('empty pack');
  const { pl: _pl, ...withoutPolish } = first.texts;
  const slim: Pack = {
    ...pack,
    answers: [{ ...first, texts: withoutPolish }, ...pack.answers.slice(1)],
  };
  const slimMatcher = createMatcher([slim]);
  const german = first.texts.de?.keywords.join(' ') ?? '';

  it('offers the canonical language visibly when the answer lacks the post language', () => {
    const result = slimMatcher.match({ text: german, language: 'pl' });
    expect(result.suggestions[0]).toMatchObject({
      answerId: first.id,
      fallback: true,
      textLanguage: 'de',
    });
  });

  it('prefers the UI language for the fallback when the answer has it', () => {
    const result = slimMatcher.match({ text: german, language: 'pl' }, { uiLanguage: 'en' });
    expect(result.suggestions.find((s) => s.answerId === first.id)).toMatchObject({
      fallback: true,
      textLanguage: 'en',
    });
  });
});

describe('feedback', () => {
  const event = { packId: 'p', answerId: 'a' } as const;

  it('is bounded in both directions', () => {
    let adjustments = {};
    for (let i = 0; i < 20; i += 1)
      adjustments = applyFeedback(adjustments, { ...event, kind: 'not-relevant' });
    expect(adjustmentFor(adjustments, 'p', 'a')).toBe(-MAX_ADJUSTMENT);
    for (let i = 0; i < 40; i += 1)
      adjustments = applyFeedback(adjustments, { ...event, kind: 'used' });
    expect(adjustmentFor(adjustments, 'p', 'a')).toBe(MAX_ADJUSTMENT);
  });

  it('is resettable per answer and as a whole', () => {
    const one = applyFeedback({}, { ...event, kind: 'used' });
    const two = applyFeedback(one, { packId: 'p', answerId: 'b', kind: 'not-relevant' });
    expect(Object.keys(resetFeedback(two, event))).toEqual(['p/b']);
    expect(resetFeedback(two)).toEqual({});
  });

  it('clamps a tampered record', () => {
    expect(adjustmentFor({ 'p/a': 99 }, 'p', 'a')).toBe(MAX_ADJUSTMENT);
  });

  it('"not relevant" pushes an answer down the ranking', () => {
    const text = 'dostalem Kündigung wczoraj, ile mam czasu?';
    const before = matcher.match({ text });
    const best = before.suggestions[0];
    if (!best) throw new Error('no suggestion');
    let feedback = {};
    for (let i = 0; i < 3; i += 1)
      feedback = applyFeedback(feedback, {
        packId: best.packId,
        answerId: best.answerId,
        kind: 'not-relevant',
      });
    const after = matcher.match({ text }, { feedback });
    expect(after.suggestions[0]?.answerId).not.toBe(best.answerId);
  });
});

describe('confidence levels', () => {
  it('calls a clear match likely and gives no possible topics then', () => {
    const result = matcher.match({ text: 'dostalem Kündigung wczoraj, ile mam czasu?' });
    expect(result.suggestions[0]).toMatchObject({ topic: 'dismissal', level: 'likely' });
    expect(result.topic).toBe('dismissal');
    expect(result.possibleTopics).toEqual([]);
  });

  it('never calls answers likely that the ranking cannot tell apart (a tie across topics)', () => {
    const source = pack.answers.find((a) => a.id === 'unpaid-wages-claim');
    if (!source) throw new Error('unpaid-wages-claim is gone from the default pack');
    const twin: Answer = { ...source, id: 'twin-of-unpaid-wages-claim', topic: 'housing' };
    const tied = createMatcher([{ ...pack, answers: [...pack.answers, twin] }]);
    const text = 'szef nie zaplacil mi wyplaty za 2 miesiace co robic';
    const alone = matcher.match({ text });
    expect(alone.suggestions.find((s) => s.answerId === source.id)?.level).toBe('likely');
    const result = tied.match({ text });
    const levels = Object.fromEntries(result.suggestions.map((s) => [s.answerId, s.level]));
    expect(levels).toMatchObject({ [source.id]: 'possible', [twin.id]: 'possible' });
  });

  it('never calls an answer likely on generic words alone', () => {
    const result = matcher.match({ text: 'Mein Arbeitgeber, die Firma, das Geld in Deutschland?' });
    expect(result.suggestions.filter((s) => s.level === 'likely')).toEqual([]);
    expect(result.topic).toBe('off-topic');
  });

  it('lists possible topics only when nothing is likely', () => {
    for (const text of [
      'dostalem Kündigung wczoraj, ile mam czasu?',
      'Pracodawca nie płaci mi wypłaty od dwóch miesięcy',
      'Mein Arbeitgeber, die Firma, das Geld in Deutschland?',
      'Sprzedam kanape, tanio, odbior Monachium',
    ]) {
      const result = matcher.match({ text });
      const likely = result.suggestions.some((s) => s.level === 'likely');
      if (likely) expect(result.possibleTopics).toEqual([]);
      expect(result.possibleTopics.length).toBeLessThanOrEqual(3);
      expect(result.topic === 'off-topic').toBe(!likely);
    }
  });
});
