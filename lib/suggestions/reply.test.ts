import { describe, expect, it } from 'vitest';
import { composeReply, fillPlaceholders, replyWarnings, unfilledPlaceholders } from './reply';

const base = {
  reply: { language: 'pl' as const, title: 'Punkt doradczy', body: 'W {city}.\nTermin: {contact}' },
  links: [{ url: 'https://example.org/a', label: 'Faire Mobilität' }],
  review: {
    status: 'approved',
    reviewer: 'RA Beispiel',
    reviewedAt: '2026-01-10',
    validUntil: '2027-01-10',
    legalBasis: [],
  },
  expired: false,
  reviewed: true,
  exampleContent: false,
  placeholders: ['city', 'contact'],
};

describe('composeReply', () => {
  it('puts the links under the body, one per line', () => {
    expect(composeReply(base)).toBe(
      'W {city}.\nTermin: {contact}\n\nFaire Mobilität: https://example.org/a',
    );
  });
  it('labels each link in the reply language, or with its default label', () => {
    const links = [
      {
        url: 'https://example.org/a',
        label: 'Faire Mobilität – Beratung',
        labels: { pl: 'Faire Mobilität – porady' },
      },
      { url: 'https://example.org/b', label: 'Zoll', labels: { ro: 'Vama' } },
    ];
    expect(composeReply({ ...base, links })).toBe(
      'W {city}.\nTermin: {contact}\n\nFaire Mobilität – porady: https://example.org/a\nZoll: https://example.org/b',
    );
  });
  it('is the body alone without links', () => {
    expect(composeReply({ ...base, links: [] })).toBe(base.reply.body);
  });
});

describe('fillPlaceholders', () => {
  it.each([
    [{ city: 'Köln' }, 'W Köln.\nTermin: {contact}'],
    [{ city: '  ', contact: '0221 123' }, 'W {city}.\nTermin: 0221 123'],
    [{ city: 'Köln', contact: 'a@b.de' }, 'W Köln.\nTermin: a@b.de'],
    [{ other: 'x' }, 'W {city}.\nTermin: {contact}'],
  ])('fills %j', (values, expected) => {
    expect(fillPlaceholders(base.reply.body, values)).toBe(expected);
  });
  it('does not treat a value as a new marker', () => {
    expect(fillPlaceholders('{city}', { city: '{contact}', contact: 'x' })).toBe('{contact}');
  });
});

describe('replyWarnings', () => {
  const filled = 'W Köln.\nTermin: a@b.de';
  it('has nothing to say about an approved, current, filled reply in the post language', () => {
    expect(replyWarnings(base, 'pl', filled)).toEqual([]);
  });
  it.each([
    ['another language', { reply: { ...base.reply, language: 'en' as const } }, 'language'],
    ['an expired review', { expired: true }, 'expired'],
    [
      'a pending review',
      { reviewed: false, review: { ...base.review, status: 'pending' } },
      'not-reviewed',
    ],
    ['example content', { reviewed: false, exampleContent: true }, 'not-reviewed'],
  ])('warns about %s', (_name, change, kind) => {
    expect(replyWarnings({ ...base, ...change }, 'pl', filled).map((w) => w.kind)).toEqual([kind]);
  });
  it('names the empty placeholders', () => {
    expect(replyWarnings(base, 'pl', 'W Köln.\nTermin: {contact}')).toEqual([
      { kind: 'placeholder', names: ['contact'] },
    ]);
    expect(unfilledPlaceholders(filled, base.placeholders)).toEqual([]);
  });
  it('warns when the post language is unclear', () => {
    expect(replyWarnings(base, 'und', filled)[0]).toMatchObject({ kind: 'language' });
  });
});
