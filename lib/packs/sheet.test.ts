import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import { parsePack } from './parse';
import type { Pack } from './schema';
import { ANSWER_COLUMNS, packFromRows, packToRows, splitLinkLabels } from './sheet';

const TODAY = { today: '2026-03-01' };

/** Rows as a spreadsheet gives them back: every cell text. */
function roundTrip(pack: Pack) {
  const rows = packToRows(pack);
  const built = packFromRows(
    rows.pack,
    rows.answers.map((row) => row.map(String)),
  );
  return { rows, built, parsed: parsePack(built.pack, TODAY) };
}

const languages = ['de', 'pl', 'ro'] as const;
const labelled = makePack(
  {
    answers: [
      makeAnswer(
        'labelled',
        {
          links: [
            { url: 'https://www.faire-mobilitaet.de/', label: 'Faire Mobilität – Beratung' },
            {
              url: 'https://www.eu-gleichbehandlungsstelle.de/',
              label: 'EU-Gleichbehandlungsstelle',
              // No pl label on the first link, one on the second: the gap must survive.
              labels: { pl: 'EU-Gleichbehandlungsstelle – prawa obywateli UE | po polsku' },
            },
            {
              url: 'https://www.zoll.de/',
              label: 'Zoll',
              labels: { de: 'Zoll (Website)', pl: 'Urząd celny (Zoll)', ro: 'Vama (Zoll)' },
            },
          ],
        },
        languages,
      ),
      makeAnswer(
        'one-link',
        {
          links: [
            { url: 'https://example.org/', label: 'Example', labels: { ro: 'Exemplu | test' } },
          ],
        },
        languages,
      ),
      makeAnswer('no-labels', {}, languages),
    ],
  },
  languages,
);

describe('sheet round trip of per-language link labels', () => {
  it('gives back the same pack, gaps and pipes included', () => {
    const { built, parsed } = roundTrip(labelled);
    expect(built.problems).toEqual([]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(labelled);
  });

  it('writes the labels on the row of their language, one line per link', () => {
    const { rows } = roundTrip(labelled);
    const column = ANSWER_COLUMNS.indexOf('linkLabels');
    const cell = (id: string, language: string) =>
      rows.answers.find((row) => row[0] === id && row[12] === language)?.[column];
    expect(cell('labelled', 'de')).toBe('\n\nZoll (Website)');
    expect(cell('labelled', 'pl')).toBe(
      '\nEU-Gleichbehandlungsstelle – prawa obywateli UE | po polsku\nUrząd celny (Zoll)',
    );
    expect(cell('labelled', 'ro')).toBe('\n\nVama (Zoll)');
    expect(cell('one-link', 'ro')).toBe('Exemplu | test');
    expect(cell('no-labels', 'pl')).toBe('');
  });

  it('reads a sheet written before the linkLabels column existed', () => {
    const plain = makePack({}, ['de', 'pl']);
    const rows = packToRows(plain);
    const column = ANSWER_COLUMNS.indexOf('linkLabels');
    const answers = rows.answers.map((row) => row.filter((_, i) => i !== column).map(String));
    const built = packFromRows(rows.pack, answers);
    expect(built.problems).toEqual([]);
    const parsed = parsePack(built.pack, TODAY);
    expect(parsed.ok && parsed.pack).toEqual(plain);
  });

  it('refuses more labels than links, naming the cell', () => {
    const rows = packToRows(labelled);
    const column = ANSWER_COLUMNS.indexOf('linkLabels');
    const answers = rows.answers.map((row) => row.map(String));
    const plRow = answers.findIndex((row) => row[0] === 'one-link' && row[12] === 'pl');
    (answers[plRow] as string[])[column] = 'eins\nzwei';
    const built = packFromRows(rows.pack, answers);
    expect(built.problems).toEqual([
      {
        severity: 'error',
        path: `sheet Answers, row ${String(plRow + 1)}, column S (linkLabels)`,
        message: expect.stringContaining('2 labels for 1 link(s)') as unknown as string,
      },
    ]);
  });

  it('locates a problem in a label at its language row and the linkLabels column', () => {
    const tooLong = makePack(
      {
        answers: [
          makeAnswer('a', {
            links: [{ url: 'https://example.org/', label: 'L', labels: { pl: 'x'.repeat(201) } }],
          }),
        ],
      },
      ['de', 'pl'],
    );
    const rows = packToRows(tooLong);
    const built = packFromRows(
      rows.pack,
      rows.answers.map((row) => row.map(String)),
    );
    const parsed = parsePack(built.pack, TODAY);
    expect(parsed.ok).toBe(false);
    const problem = parsed.problems.find((p) => p.path === 'answers[0].links[0].labels.pl');
    expect(problem?.message).toMatch(/200/);
    expect(built.locate('answers[0].links[0].labels.pl')).toBe(
      'sheet Answers, row 3, column S (linkLabels)',
    );
  });
});

describe('splitLinkLabels', () => {
  it.each([
    ['', []],
    ['Only', ['Only']],
    ['\nSecond', ['', 'Second']],
    ['First\n\n', ['First']],
    [' a | b \r\n c ', ['a | b', 'c']],
  ])('%j → %j', (cell, expected) => {
    expect(splitLinkLabels(cell)).toEqual(expected);
  });
});

describe('link labels need a text in their language', () => {
  it('an answer without a ro text cannot carry a ro label', () => {
    const pack = makePack({
      answers: [
        makeAnswer('a', {
          links: [{ url: 'https://example.org/', label: 'L', labels: { ro: 'R' } }],
          texts: { de: makeText('de'), pl: makeText('pl') },
        }),
      ],
    });
    const parsed = parsePack(pack, TODAY);
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((p) => p.path)).toContain('answers[0].links[0].labels.ro');
  });
});

describe('sheet round trip of the referral directory', () => {
  const withReferrals = makePack({
    referrals: [
      {
        id: 'hotline',
        name: 'Beratung, "landesweit" | mit Pipe',
        kind: 'labour-rights',
        url: 'https://beratung.example/hotline',
        channels: [
          { type: 'phone', value: '+49 30 1234567' },
          { type: 'email', value: 'rat@beratung.example' },
        ],
        states: ['DE-NW', 'DE-BY'],
        city: 'Köln',
        languages: ['de', 'ro'],
        lastChecked: '2026-02-20',
        note: 'Zeile eins\nZeile zwei',
      },
    ],
  });

  it('gives back the same directory, quotes, pipes and line breaks included', () => {
    const { built, parsed } = roundTrip(withReferrals);
    expect(built.problems).toEqual([]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(withReferrals);
  });

  it('leaves the cell empty for a pack without a directory, and reads that back as none', () => {
    const { rows, parsed } = roundTrip(makePack());
    expect(rows.pack).toContainEqual(['referrals', '']);
    expect(parsed.ok && parsed.pack.referrals).toBe(undefined);
  });

  it('names the cell when the directory is not valid JSON', () => {
    const rows = packToRows(withReferrals);
    const packRows = rows.pack.map((row) =>
      row[0] === 'referrals' ? ['referrals', '[{"id": "hotline",'] : row,
    );
    const built = packFromRows(
      packRows,
      rows.answers.map((row) => row.map(String)),
    );
    expect(built.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: expect.stringMatching(/^sheet Pack, row \d+, column B \(referrals\)$/) as string,
        message: expect.stringMatching(/^not valid JSON/) as string,
      }),
    ]);
  });
});

describe('sheet round trip of claims', () => {
  const withClaims = makePack(
    {
      answers: [
        makeAnswer(
          'myth',
          {
            kind: 'myth-correction',
            claims: [
              {
                id: 'piecework-no-minimum-wage',
                texts: {
                  de: {
                    statement: 'Bei Akkord gilt kein Mindestlohn | nie.',
                    patterns: ['akkord* + kein* + mindestlohn*'],
                    examples: ['Im Akkord gibts keinen Mindestlohn'],
                  },
                  pl: {
                    statement: 'Na akord nie ma "minimalnej".',
                    patterns: ['akord* + nie + minimaln*', 'od sztuki + nie + minimaln*'],
                    examples: ['na akord nie ma minimalnej', 'od sztuki nie ma minimalnej'],
                  },
                },
              },
              {
                id: 'second-claim',
                texts: {
                  pl: {
                    statement: 'Druga.',
                    patterns: ['druga + teza'],
                    examples: ['druga teza'],
                  },
                },
              },
            ],
          },
          ['de', 'pl'],
        ),
      ],
    },
    ['de', 'pl'],
  );

  it('gives back the same claims, each language on its own row', () => {
    const rows = packToRows(withClaims);
    const column = ANSWER_COLUMNS.indexOf('claims');
    const cells = rows.answers.slice(1).map((row) => String(row[column]));
    expect(JSON.parse(cells[0] ?? '')).toHaveLength(1); // de: only the first claim
    expect(JSON.parse(cells[1] ?? '')).toHaveLength(2);
    const built = packFromRows(
      rows.pack,
      rows.answers.map((row) => row.map(String)),
    );
    expect(built.problems).toEqual([]);
    const parsed = parsePack(built.pack, TODAY);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack).toEqual(withClaims);
  });

  it('names the cell when the claims are not a JSON list', () => {
    const rows = packToRows(withClaims);
    const column = ANSWER_COLUMNS.indexOf('claims');
    const answers = rows.answers.map((row) => row.map(String));
    const plRow = answers[2];
    if (plRow) plRow[column] = '{"id": "x"}';
    const built = packFromRows(rows.pack, answers);
    expect(built.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: expect.stringContaining('row 3') as unknown as string,
        message: expect.stringContaining('expected a JSON list of claims') as unknown as string,
      }),
    ]);
  });
});
