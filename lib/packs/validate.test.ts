import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import type { Answer, Pack } from './schema';
import { findMarkup, validatePack } from './validate';

const TODAY = '2026-03-01';
const lines = (pack: Pack, severity: 'error' | 'warning') =>
  validatePack(pack, { today: TODAY })
    .filter((p) => p.severity === severity)
    .map((p) => `${p.path}: ${p.message}`);

const withAnswer = (overrides: Partial<Answer>, packOverrides: Partial<Pack> = {}) =>
  makePack({ answers: [makeAnswer('a', overrides)], ...packOverrides });

const approved = {
  reviewer: 'RA Muster',
  reviewedAt: '2026-01-10',
  validUntil: '2026-12-31',
  legalBasis: ['§ 1 MiLoG'],
};

describe('validatePack', () => {
  it('finds no errors in the test pack, only the pending-review warnings', () => {
    expect(lines(makePack(), 'error')).toEqual([]);
    expect(lines(makePack(), 'warning')).toEqual([
      'answers[0].review.status: legal review pending; advisors must confirm before inserting this answer',
      'answers[1].review.status: legal review pending; advisors must confirm before inserting this answer',
    ]);
  });

  it.each<[string, Pack, string]>([
    [
      'a language the pack promises is missing',
      withAnswer({ texts: { de: makeText('de') } }),
      'answers[0].texts.pl: missing: the pack promises pl for every answer',
    ],
    [
      'a placeholder used but not declared',
      withAnswer({
        texts: { de: makeText('de'), pl: makeText('pl', { body: 'W {city} i {town}' }) },
      }),
      'answers[0].texts.pl.body: uses {town}, which is not declared in placeholders (declared: {city})',
    ],
    [
      'a declared placeholder missing in one language',
      withAnswer({ texts: { de: makeText('de'), pl: makeText('pl', { body: 'bez miasta' }) } }),
      'answers[0].texts.pl.body: lacks {city}; every language version must use the same placeholders',
    ],
    [
      'a translation ahead of the canonical text',
      withAnswer({ texts: { de: makeText('de'), pl: makeText('pl', { sourceVersion: 2 }) } }),
      'answers[0].texts.pl.sourceVersion: is 2, newer than canonicalVersion 1',
    ],
    [
      'the canonical text behind its own version',
      withAnswer({
        canonicalVersion: 2,
        texts: { de: makeText('de'), pl: makeText('pl', { sourceVersion: 2 }) },
      }),
      'answers[0].texts.de.sourceVersion: the canonical text must have sourceVersion 2',
    ],
    [
      'a review date in the future',
      withAnswer({ review: { ...approved, status: 'approved', reviewedAt: '2026-05-01' } }),
      'answers[0].review.reviewedAt: 2026-05-01 is in the future',
    ],
    [
      'validUntil before the review',
      withAnswer({ review: { ...approved, status: 'approved', validUntil: '2025-12-31' } }),
      'answers[0].review.validUntil: 2025-12-31 is before the review date 2026-01-10',
    ],
    [
      'approved without reviewer',
      withAnswer({ review: { ...approved, status: 'approved', reviewer: null } }),
      'answers[0].review.reviewer: an approved answer needs the reviewer',
    ],
    [
      'approved without date',
      withAnswer({ review: { ...approved, status: 'approved', reviewedAt: null } }),
      'answers[0].review.reviewedAt: an approved answer needs the review date',
    ],
    [
      'markup in a link label',
      withAnswer({ links: [{ url: 'https://example.org/', label: '<a href="x">DGB</a>' }] }),
      'answers[0].links[0].label: contains markup "<a href=\\"x\\">"',
    ],
    [
      'markup in a per-language link label',
      withAnswer({
        links: [
          { url: 'https://example.org/', label: 'DGB', labels: { pl: '<svg/onload=alert(1)>' } },
        ],
      }),
      'answers[0].links[0].labels.pl: contains markup "<svg/onload=alert(1)>"',
    ],
    [
      'a link label in a language the answer has no text in',
      withAnswer({ links: [{ url: 'https://example.org/', label: 'DGB', labels: { ro: 'DGB' } }] }),
      'answers[0].links[0].labels.ro: the answer has no ro text, so this label is never shown',
    ],
    [
      'markup in the pack title',
      makePack({ title: 'Pack <img src=x onerror=alert(1)>' }),
      'title: contains markup',
    ],
    [
      'javascript: in an example',
      withAnswer({
        texts: {
          de: makeText('de', { examples: ['javascript:alert(1)', 'b', 'c', 'd', 'e'] }),
          pl: makeText('pl'),
        },
      }),
      'answers[0].texts.de.examples[0]: contains markup',
    ],
    [
      'a duplicated placeholder declaration',
      withAnswer({ placeholders: ['city', 'city'] }),
      'answers[0].placeholders: lists {city} more than once',
    ],
    [
      'a language listed twice',
      makePack({ languages: ['de', 'pl', 'de'] }),
      'languages[2]: de is listed twice',
    ],
    [
      'a canonical language not in languages',
      makePack({ canonicalLanguage: 'en' }),
      'canonicalLanguage: en must also be listed in languages',
    ],
    [
      'duplicate ids',
      makePack({ answers: [makeAnswer('a'), makeAnswer('a')] }),
      'answers[1].id: duplicate id "a", already used by answers[0]',
    ],
  ])('reports an error for %s', (_name, pack, expected) => {
    expect(lines(pack, 'error')).toContainEqual(expect.stringContaining(expected));
  });

  it.each<[string, Pack, string]>([
    [
      'a stale translation',
      withAnswer({
        canonicalVersion: 3,
        texts: {
          de: makeText('de', { sourceVersion: 3 }),
          pl: makeText('pl', { sourceVersion: 2 }),
        },
      }),
      'answers[0].texts.pl.sourceVersion: stale translation: made from canonical version 2, but the de text is at version 3',
    ],
    [
      'an expired answer',
      withAnswer({
        review: {
          ...approved,
          status: 'approved',
          reviewedAt: '2025-01-10',
          validUntil: '2025-12-31',
        },
      }),
      'answers[0].review.validUntil: expired on 2025-12-31',
    ],
    [
      'too few example questions',
      withAnswer({ texts: { de: makeText('de', { examples: ['a', 'b'] }), pl: makeText('pl') } }),
      'answers[0].texts.de.examples: only 2 example questions; write at least 5',
    ],
    [
      'a withdrawn answer',
      withAnswer({ review: { ...approved, status: 'withdrawn' } }),
      'answers[0].review.status: withdrawn',
    ],
    [
      'approved without expiry',
      withAnswer({ review: { ...approved, status: 'approved', validUntil: null } }),
      'answers[0].review.validUntil: no expiry date',
    ],
    [
      'a text in a language the pack does not list',
      withAnswer({ texts: { de: makeText('de'), pl: makeText('pl'), cs: makeText('cs') } }),
      'answers[0].texts.cs: cs is not listed',
    ],
    [
      'unreviewed answers in a pack not marked as example content',
      makePack({ exampleContent: false }),
      'exampleContent: false, but 2 answers are not approved',
    ],
  ])('warns about %s without failing', (_name, pack, expected) => {
    expect(lines(pack, 'warning')).toContainEqual(expect.stringContaining(expected));
    expect(lines(pack, 'error')).toEqual([]);
  });

  it('does not take comparisons or hearts for markup', () => {
    for (const text of ['a < b und c > d', '<3', 'Lohn < 13,90 EUR?', '2 <= 3'])
      expect(findMarkup(text)).toBeUndefined();
    for (const text of ['<b>x</b>', '<br/>', '<!-- c -->', '<SCRIPT>', '<img src=x>'])
      expect(findMarkup(text)).toBeDefined();
  });
});

describe('claims of myth corrections', () => {
  const claim = (id: string, texts: NonNullable<Answer['claims']>[number]['texts']) => ({
    id,
    texts,
  });
  const pl = {
    statement: 'Na akord nie obowiązuje płaca minimalna.',
    patterns: ['akord* + nie + obowiązuj* + minimaln*'],
    examples: ['na akord nie obowiazuje minimalna'],
  };

  it('accepts claims whose patterns find their own examples', () => {
    const pack = withAnswer({ kind: 'myth-correction', claims: [claim('piecework', { pl })] });
    expect(lines(pack, 'error')).toEqual([]);
    expect(lines(pack, 'warning')).toContain(
      'answers[0].claims[0].texts.de: no de patterns: comments in de repeating this claim are not flagged',
    );
  });

  it('names an example its patterns miss, a claim on another kind, and a language without a reply', () => {
    const pack = withAnswer({
      kind: 'answer',
      claims: [
        claim('piecework', {
          pl: { ...pl, examples: [...pl.examples, 'akord to akord'] },
          ro: {
            statement: 'La acord nu există salariu minim.',
            patterns: ['acord* + minim*'],
            examples: ['la acord nu e minim'],
          },
        }),
      ],
    });
    expect(lines(pack, 'error')).toEqual([
      'answers[0].claims: only answers of kind myth-correction correct claims; this one is answer',
      'answers[0].claims[0].texts.pl.examples[1]: no pattern of this claim finds this example; widen a pattern or change the example',
      'answers[0].claims[0].texts.ro: the answer has no ro reply, so a ro comment could not be corrected; add the reply or remove this claim text',
    ]);
  });

  it('refuses a claim id used twice in a pack', () => {
    const pack = makePack({
      answers: [
        makeAnswer('a', { kind: 'myth-correction', claims: [claim('piecework', { pl })] }),
        makeAnswer('b', { kind: 'myth-correction', claims: [claim('piecework', { pl })] }),
      ],
    });
    expect(lines(pack, 'error')).toEqual([
      'answers[1].claims[0].id: piecework is already a claim of answers[0]; claim ids are unique in a pack',
    ]);
  });

  it('warns about a myth correction without claims', () => {
    expect(lines(withAnswer({ kind: 'myth-correction' }), 'warning')).toContain(
      'answers[0].claims: a myth correction without claims is never offered for comments; add the claim it corrects',
    );
  });
});
