import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePack } from '../../tests/packs/make-pack';
import { BAD_PACK_CORPUS, oversizedPackText } from '../../tests/packs/corpus';
import { parsePack, upgradePack, type PackUpgrade } from './parse';

const TODAY = '2026-03-01';
const errorsOf = (result: ReturnType<typeof parsePack>) =>
  result.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);

describe('parsePack', () => {
  it('accepts a valid pack given as text or as a value', () => {
    const pack = makePack();
    for (const input of [JSON.stringify(pack, null, 2), pack]) {
      const result = parsePack(input, { today: TODAY });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.pack).toEqual(pack);
      expect(errorsOf(result)).toEqual([]);
    }
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(parsePack(`\ufeff${JSON.stringify(makePack())}`, { today: TODAY }).ok).toBe(true);
  });

  describe.each(BAD_PACK_CORPUS)('refuses tests/packs/bad/$file', ({ file, expected }) => {
    it('with a message naming the place', () => {
      const text = readFileSync(join(import.meta.dirname, '../../tests/packs/bad', file), 'utf8');
      const result = parsePack(text, { today: TODAY });
      expect(result.ok).toBe(false);
      const errors = errorsOf(result);
      for (const pattern of expected) expect(errors).toContainEqual(expect.stringMatching(pattern));
      expect(errors).toHaveLength(expected.length);
    });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = parsePack(oversizedPackText());
    expect(errorsOf(result)).toEqual([
      expect.stringMatching(
        /^file: the file has \d+ bytes \(5 MB\), over the limit of 5242880 bytes \(5 MB\)$/,
      ),
    ]);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const text = JSON.stringify({ ...makePack(), description: 'ą'.repeat(600) });
    expect(parsePack(text, { maxBytes: text.length + 10 }).ok).toBe(false);
  });

  it('refuses an already parsed value nested too deeply, and cycles', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(errorsOf(parsePack({ ...makePack(), description: deep }))).toEqual([
      expect.stringMatching(/^pack: nested more than 32 levels deep/),
    ]);
    const cyclic: Record<string, unknown> = { ...makePack() };
    cyclic.self = cyclic;
    expect(parsePack(cyclic).ok).toBe(false);
  });

  it.each([
    ['[]', 'pack: expected an object'],
    ['"pack"', 'pack: expected an object'],
    ['   ', 'file: the file is empty'],
    ['{"id": "x"}', 'schemaVersion: missing'],
    ['{"schemaVersion": "1"}', 'schemaVersion: is the text "1"; write it as a number'],
    ['{"schemaVersion": 99}', 'schemaVersion: 99 is newer than this version'],
    [
      '{"schemaVersion": 1, "answers": [] } x',
      "line 1, column 38: not valid JSON: unexpected 'x'; expected the end of the file",
    ],
    [
      '{"schemaVersion": 1,\n  "title": "a\nb"}',
      'line 2, column 14: not valid JSON: unexpected line break',
    ],
  ])('refuses %j with "%s"', (text, expected) => {
    const errors = errorsOf(parsePack(text));
    expect(errors[0]).toContain(expected);
  });

  it('reports every structural problem, not just the first', () => {
    const pack = makePack() as unknown as {
      answers: [Record<string, unknown>, Record<string, unknown>];
      title: unknown;
    };
    pack.title = '';
    pack.answers[0].kind = 'faq';
    pack.answers[1].placeholder = ['city'];
    const errors = errorsOf(parsePack(pack, { today: TODAY }));
    expect(errors).toEqual(
      expect.arrayContaining([
        'title: must not be empty',
        'answers[0].kind: unknown kind "faq"; kinds are answer, myth-correction, campaign, referral, handover',
        'answers[1].placeholder: unknown field; check the spelling',
      ]),
    );
  });

  it('reports a missing field and an unknown language by path', () => {
    const pack = makePack() as unknown as {
      answers: [{ review: Record<string, unknown> }, { texts: Record<string, unknown> }];
    };
    delete pack.answers[0].review.status;
    pack.answers[1].texts.xx = pack.answers[1].texts.pl;
    const errors = errorsOf(parsePack(pack, { today: TODAY }));
    expect(errors).toContain('answers[0].review.status: missing; this field is required');
    expect(errors).toContainEqual(
      expect.stringMatching(/^answers\[1\]\.texts(\.xx)?: unknown language "xx"/),
    );
  });
});

describe('upgradePack', () => {
  const upgrades: PackUpgrade[] = [
    { from: 1, upgrade: (p) => ({ ...p, renamed: p.title }) },
    { from: 2, upgrade: (p) => ({ ...p, third: true }) },
  ];

  it('runs each step from the file version to the target in order', () => {
    expect(upgradePack({ schemaVersion: 1, title: 't' }, 1, upgrades, 3)).toEqual({
      schemaVersion: 3,
      title: 't',
      renamed: 't',
      third: true,
    });
    expect(upgradePack({ schemaVersion: 2 }, 2, upgrades, 3)).toEqual({
      schemaVersion: 3,
      third: true,
    });
  });

  it('fails loudly when a step is missing (a bug, not bad input)', () => {
    expect(() => upgradePack({ schemaVersion: 1 }, 1, [], 2)).toThrow(
      'no upgrade from pack format 1',
    );
  });
});
