import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../packs/parse';
import {
  buildVariantIndex,
  chooseFallbackLanguage,
  createGermanIndexes,
  queryWords,
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
const german = createGermanIndexes(entries);
const indexOf = (variant: Parameters<typeof buildVariantIndex>[0]) =>
  buildVariantIndex(variant, entries, new Map(), german.protectedTerms());
const words = (variant: Parameters<typeof buildVariantIndex>[0], text: string) =>
  queryWords(indexOf(variant), text).map((w) => w.word);

describe('queryWords', () => {
  it('drops greetings, wishes for the day and function words, keeps the topic words', () => {
    const kept = words('pl', 'Witam wszystkich, miłego dnia! Szef nie zapłacił mi wypłaty');
    expect(kept).toEqual(expect.arrayContaining(['szef', 'zaplacil', 'wyplaty']));
    for (const dropped of ['witam', 'wszystkich', 'milego', 'dnia', 'mi'])
      expect(kept).not.toContain(dropped);
  });

  it('keeps a time word that is topic vocabulary outside a salutation', () => {
    expect(words('de', 'Muss ich am Sonntag arbeiten?')).toContain('sonntag');
    expect(words('de', 'Schönen Sonntag euch allen')).not.toContain('sonntag');
  });

  it('looks German terms up in the German pipeline from any language', () => {
    const [kundigung] = queryWords(indexOf('pl'), 'Kündigung').filter(
      (w) => w.word === 'kundigung',
    );
    expect(kundigung?.german).not.toBeNull();
  });

  it('keys a German term typed in Cyrillic letters by sound', () => {
    const gewerbe = queryWords(indexOf('bg'), 'направих гевербе').find((w) => w.word === 'гевербе');
    expect(gewerbe?.germanKeyed).toBeTruthy();
  });
});

describe('buildVariantIndex', () => {
  it('indexes every answer in the Latin-typed Bulgarian variant through transliteration', () => {
    const index = indexOf('bg-latn');
    expect(index.terms.documentCount).toBe(entries.length);
    expect(index.body).toBeNull();
    expect(queryWords(index, 'bolnichen').length).toBeGreaterThan(0);
  });

  it('never drops a German term of the pack from the German look-up', () => {
    const index = indexOf('de');
    for (const term of german.protectedTerms()) expect(index.germanStopTerms.has(term)).toBe(false);
  });
});

describe('chooseFallbackLanguage', () => {
  it("prefers the pack's canonical language, then English", () => {
    const [first] = pack.answers;
    if (!first) throw new Error('empty pack');
    expect(chooseFallbackLanguage(pack, first)).toBe(pack.canonicalLanguage);
    const { de: _de, ...withoutGerman } = first.texts;
    expect(chooseFallbackLanguage(pack, { ...first, texts: withoutGerman })).toBe('en');
  });
});
