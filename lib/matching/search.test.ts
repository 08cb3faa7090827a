import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import { parsePack } from '../packs/parse';
import type { Pack } from '../packs/schema';
import { createAnswerSearch } from './search';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('default pack does not parse');
const pack: Pack = parsed.pack;
const search = createAnswerSearch([pack]);
const topicsOf = (query: string, options = {}) =>
  search.search(query, options).map((hit) => hit.topic);

describe('searching the default pack', () => {
  it.each([
    ['a German legal term with its diacritics', 'Kündigungsfrist', 'dismissal'],
    ['the same without diacritics', 'kundigungsfrist', 'dismissal'],
    ['a typo', 'Kindergled', 'child-benefit'],
    ['an unfinished last word', 'mindestl', 'minimum-wage'],
    ['a German word', 'Überstunden', 'working-time'],
  ])('%s finds the answer (%s)', (_label, query, topic) => {
    expect(topicsOf(query, { uiLanguage: 'de' })[0]).toBe(topic);
  });

  it('finds Polish words in the Polish texts and offers the Polish reply', () => {
    const [first] = search.search('urlop wypoczynkowy', { postLanguage: 'pl', uiLanguage: 'de' });
    expect(first).toMatchObject({ topic: 'holidays-leave', textLanguage: 'pl', fallback: false });
    expect(first?.matchedTerms).toEqual(['urlop', 'wypoczynkowy']);
  });

  it('finds Bulgarian typed in Latin letters', () => {
    expect(topicsOf('bolnichen', { postLanguage: 'bg', uiLanguage: 'en' })).toContain('sick-leave');
  });

  it('marks every hit possible, scales scores to the best hit and keeps to the limit', () => {
    const hits = search.search('Arbeitgeber Lohn', { uiLanguage: 'de', limit: 4 });
    expect(hits).toHaveLength(4);
    expect(hits.every((hit) => hit.level === 'possible')).toBe(true);
    expect(hits[0]?.score).toBe(1);
    expect([...hits].sort((a, b) => b.score - a.score)).toEqual(hits);
  });

  it('returns nothing for a query without words or without any known word', () => {
    expect(search.search('  ?! 12 ')).toEqual([]);
    expect(search.search('qqxqzzv')).toEqual([]);
  });

  it('ranks an answer higher when more of the query words hit it', () => {
    const [first] = search.search('Kündigung Frist', { uiLanguage: 'de' });
    const [onlyOne] = search.search('Kündigung', { uiLanguage: 'de' });
    expect(first?.matchedTerms).toEqual(['kundigung', 'frist']);
    expect(onlyOne?.matchedTerms).toEqual(['kundigung']);
  });
});

describe('what search offers', () => {
  it('never offers a withdrawn answer', () => {
    const withdrawn = makeAnswer('withdrawn', {
      review: { ...makeAnswer('x').review, status: 'withdrawn' },
      texts: { de: makeText('de', { title: 'Zurückgezogene Antwort zum Mindestlohn' }) },
    });
    const small = createAnswerSearch([makePack({ answers: [makeAnswer('kept'), withdrawn] })]);
    expect(small.search('Mindestlohn').map((hit) => hit.answerId)).toEqual(['kept']);
  });

  it('falls back to the UI language when the answer lacks the post language', () => {
    const small = createAnswerSearch([
      makePack({ answers: [makeAnswer('de-en', {}, ['de', 'en'])] }),
    ]);
    expect(small.search('Mindestlohn', { postLanguage: 'pl', uiLanguage: 'en' })[0]).toMatchObject({
      textLanguage: 'en',
      fallback: true,
    });
  });

  it('ranks the answer in the post language above one only in another language', () => {
    const german = makeAnswer('only-de', {}, ['de']);
    const polish = makeAnswer('with-pl', {}, ['de', 'pl']);
    const small = createAnswerSearch([makePack({ answers: [german, polish] })]);
    expect(small.search('mindestlohn', { postLanguage: 'pl' })[0]?.answerId).toBe('with-pl');
  });
});
