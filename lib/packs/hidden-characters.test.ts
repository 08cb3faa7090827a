import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import { findHiddenCharacters } from './hidden-characters';
import { parsePack } from './parse';
import type { Pack } from './schema';
import { validatePack } from './validate';

const TODAY = '2026-03-01';

/** A pack whose answer "a" has `title` and `body` in Polish (the German text stays clean). */
function packWithPolish(fields: { title?: string; body?: string }): Pack {
  return makePack({
    answers: [
      makeAnswer('a', {
        texts: { de: makeText('de'), pl: makeText('pl', fields) },
      }),
    ],
  });
}

const errors = (pack: Pack) =>
  validatePack(pack, { today: TODAY })
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.path}: ${problem.message}`);

describe('findHiddenCharacters', () => {
  it.each([
    ['\u202E', 'U+202E'],
    ['\u202A', 'U+202A'],
    ['\u202B', 'U+202B'],
    ['\u202C', 'U+202C'],
    ['\u202D', 'U+202D'],
    ['\u2066', 'U+2066'],
    ['\u2067', 'U+2067'],
    ['\u2068', 'U+2068'],
    ['\u2069', 'U+2069'],
    ['\u200E', 'U+200E'],
    ['\u200F', 'U+200F'],
    ['\u061C', 'U+061C'],
  ])('refuses the bidi control %j', (char, codePoint) => {
    expect(findHiddenCharacters(`ab${char}cd`)).toEqual([
      expect.objectContaining({ kind: 'bidi', codePoint, position: 3 }),
    ]);
  });

  it.each([
    ['\u200B', 'U+200B'],
    ['\u2060', 'U+2060'],
    ['\uFEFF', 'U+FEFF'],
  ])('refuses the zero-width character %j even between letters', (char, codePoint) => {
    expect(findHiddenCharacters(`ab${char}cd`)).toEqual([
      expect.objectContaining({ kind: 'zero-width', codePoint, position: 3 }),
    ]);
  });

  it('keeps a joiner inside an emoji sequence, refuses one elsewhere', () => {
    expect(findHiddenCharacters('Pflege 👩‍⚕️ und 👨🏽‍🔧 und 🏳️‍🌈')).toEqual([]);
    expect(findHiddenCharacters('Lohn\u200Dfortzahlung')).toEqual([
      expect.objectContaining({ codePoint: 'U+200D', position: 5 }),
    ]);
    expect(findHiddenCharacters('👩\u200D')).toHaveLength(1);
    expect(findHiddenCharacters('\u200D👩')).toHaveLength(1);
  });

  it('keeps a non-joiner between letters, refuses one beside spaces, digits or at the ends', () => {
    expect(findHiddenCharacters('Auf\u200Clage')).toEqual([]);
    expect(findHiddenCharacters('می\u200Cخواهم')).toEqual([]);
    expect(findHiddenCharacters('ab \u200Ccd')).toHaveLength(1);
    expect(findHiddenCharacters('12\u200C34')).toHaveLength(1);
    expect(findHiddenCharacters('\u200Cab')).toHaveLength(1);
    expect(findHiddenCharacters('ab\u200C')).toHaveLength(1);
  });

  it('counts positions in characters, so an emoji before counts once', () => {
    expect(findHiddenCharacters('😀a\u202E')[0]?.position).toBe(3);
  });
});

describe('validatePack: hidden characters in titles and bodies', () => {
  it('refuses a right-to-left override in a title, naming answer, language, field and position', () => {
    expect(errors(packWithPolish({ title: 'Płaca \u202Eminimalna' }))).toEqual([
      'answers[0].texts.pl.title: answer "a", pl title: contains the bidi control U+202E (right-to-left override) at character 7; it can make the comment read differently from what was reviewed, so remove it',
    ]);
  });

  it('refuses a zero-width space in a body and counts the others', () => {
    expect(errors(packWithPolish({ body: 'W {city}\u200B płaca\u200B minimalna\u2066.' }))).toEqual(
      [
        'answers[0].texts.pl.body: answer "a", pl body: contains the zero-width character U+200B (zero width space) at character 9 (and 2 more hidden characters); it cannot be seen, so remove it',
      ],
    );
  });

  it('accepts emoji sequences and a non-joiner inside a word', () => {
    expect(
      errors(packWithPolish({ title: 'Opiekunki 👩‍⚕️', body: 'W {city} Auf\u200Clage.' })),
    ).toEqual([]);
  });

  it('refuses them when a pack is read from JSON text, as the dashboard and the CLI do', () => {
    const result = parsePack(JSON.stringify(packWithPolish({ title: 'Płaca\u2067 minimalna' })), {
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.path)).toContain('answers[0].texts.pl.title');
  });
});
