import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../run-in-memory';
import { buildLogExport, serialiseLogExport } from '../../log/envelope';
import { DEFAULT_INCLUDES } from '../../log/export-options';
import type { FunderReport } from '../../log/funder-report';
import { buildFunderReport, DEFAULT_MIN_COUNT, periodFor } from '../../log/funder-report';
import { generateEvents } from '../../../tests/fixtures/sample-events';
import { buildMissedReport } from '../../log/missed';
import { toPublicKeyFile } from '../../log/export-signing';
import { exampleExportKeys } from '../../../tests/fixtures/example-advisor-keys';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oa-logs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCliInMemory(args, { cwd: dir });

async function writeExport(name: string, seed: number) {
  const events = generateEvents(300, seed);
  const envelope = await buildLogExport(events, {
    ...(await exampleExportKeys()),
    advisor: `a${seed}`,
    includes: DEFAULT_INCLUDES,
  });
  await writeFile(join(dir, name), serialiseLogExport(envelope));
  return events;
}

describe('logs report', () => {
  it('counts a file given twice once, and names how far each input can be believed', async () => {
    const a = await writeExport('a.json', 1);
    const b = await writeExport('b.json', 2);
    const once = await run(['logs', 'report', 'a.json', 'b.json', '--format', 'json']);
    const twice = await run(['logs', 'report', 'a.json', 'b.json', 'a.json', '--format', 'json']);
    expect([once.code, twice.code]).toEqual([0, 0]);
    const expected = buildFunderReport({
      events: [...a, ...b],
      groups: [],
      from: null,
      to: null,
      minCount: DEFAULT_MIN_COUNT,
    });
    const report = JSON.parse(twice.out) as FunderReport;
    expect(report.questions).toBe(expected.questions);
    expect(report.answered).toBe(expected.answered);
    expect(report.questions).toBe((JSON.parse(once.out) as FunderReport).questions);
    const markdown = await run(['logs', 'report', 'a.json', 'b.json']);
    expect(markdown.out).toMatch(/## Inputs[\s\S]*a\.json .*signed by an unknown key/);
  });

  it('refuses an altered export with exit 1 and no output', async () => {
    await writeExport('a.json', 4);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(join(dir, 'a.json'), 'utf8');
    await writeFile(join(dir, 'bad.json'), text.replace('"post-seen"', '"handled"'));
    const { code, out, err } = await run(['logs', 'report', 'a.json', 'bad.json']);
    expect([code, out]).toEqual([1, '']);
    expect(err).toMatch(/^bad\.json: .*checksum/);
  });

  it('marks inputs signed by a key given with --trusted as verified', async () => {
    await writeExport('a.json', 5);
    const key = toPublicKeyFile((await exampleExportKeys()).signingKey);
    await writeFile(join(dir, 'a.public-key.json'), JSON.stringify(key));
    const { code, out } = await run(['logs', 'report', 'a.json', '--trusted', 'a.public-key.json']);
    expect(code).toBe(0);
    expect(out).toMatch(/\| a\.json \| a5 \| 300 \| verified/);
  });

  it.each([
    [['logs', 'report']],
    [['logs', 'report', 'a.json', '--format', 'pdf']],
    [['logs', 'report', 'a.json', '--period', '2026-Q5']],
    [['logs', 'report', 'a.json', '--period', '2026-Q3', '--from', '2026-07-01']],
    [['logs', 'report', 'a.json', '--from', '2026-09-31']],
    [['logs', 'report', 'a.json', '--format', 'xlsx']],
  ])('exits 2 on %j', async (args) => {
    expect((await run(args)).code).toBe(2);
  });
});

describe('logs report: the funder report', () => {
  const period = periodFor('2026-Q1');

  it('prints one JSON object with the figures of the period, hidden cells as null', async () => {
    const a = await writeExport('a.json', 1);
    const b = await writeExport('b.json', 2);
    const { code, out, err } = await run([
      'logs',
      'report',
      'a.json',
      'b.json',
      '--format',
      'json',
      '--period',
      '2026-Q1',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as FunderReport & { inputs: unknown[] };
    const expected = buildFunderReport({
      events: [...a, ...b],
      groups: [],
      from: period.from,
      to: period.to,
      label: period.label,
      minCount: DEFAULT_MIN_COUNT,
    });
    for (const key of [
      'period',
      'spaces',
      'membersReached',
      'questions',
      'answered',
      'referrals',
      'mythsCorrected',
      'escalations',
      'byLanguage',
      'byTopic',
      'suppressed',
    ] as const) {
      expect(report).toHaveProperty(key);
    }
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026-Q1' });
    expect(report.questions).toBe(expected.questions);
    expect(report.answered).toBe(expected.answered);
    expect(report.suppressed).toEqual(expected.suppressed);
    expect(report.byTopic.map((row) => [row.key, row.questions])).toEqual(
      expected.byTopic.map((row) => [row.key, row.questions]),
    );
    expect(report.inputs).toHaveLength(2);
  });

  it('counts only the events of a custom period', async () => {
    await writeExport('a.json', 1);
    const all = JSON.parse(
      (await run(['logs', 'report', 'a.json', '--format', 'json', '--min-count', '1'])).out,
    ) as FunderReport;
    const march = JSON.parse(
      (
        await run([
          'logs',
          'report',
          'a.json',
          '--format',
          'json',
          '--min-count',
          '1',
          '--from',
          '2026-03-01',
          '--to',
          '2026-03-31',
        ])
      ).out,
    ) as FunderReport;
    expect(march.period).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      label: '2026-03-01 – 2026-03-31',
    });
    expect(march.questions).toBeGreaterThan(0);
    expect(march.questions ?? 0).toBeLessThan(all.questions ?? 0);
  });

  it('prints Markdown and CSV with names, and writes Excel to --output', async () => {
    await writeExport('a.json', 1);
    const markdown = await run(['logs', 'report', 'a.json', '--period', '2026-Q1']);
    expect(markdown.code).toBe(0);
    expect(markdown.out).toMatch(/^# Outreach Advisor — report for 2026-Q1$/m);
    expect(markdown.out).toMatch(/## Inputs/);
    const csv = await run(['logs', 'report', 'a.json', '--format', 'csv', '--period', '2026-Q1']);
    expect(csv.out.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('section,row,column,value');
    const xlsx = await run([
      'logs',
      'report',
      'a.json',
      '--format',
      'xlsx',
      '--output',
      'report.xlsx',
    ]);
    expect([xlsx.code, xlsx.out]).toEqual([0, 'Wrote report.xlsx\n']);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(join(dir, 'report.xlsx'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('logs verify', () => {
  async function setUp() {
    await writeExport('a.json', 6);
    const key = toPublicKeyFile((await exampleExportKeys()).signingKey);
    await writeFile(join(dir, 'k.json'), JSON.stringify(key));
  }

  it('exits 0 with one OK line per file when every file is signed by a trusted key', async () => {
    await setUp();
    const { code, out } = await run(['logs', 'verify', 'a.json', 'a.json', '--trusted', 'k.json']);
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[0]),
    ).toEqual(['OK', 'OK']);
  });

  it('exits 1 for an untrusted signer, an edited file or a missing file, one line each', async () => {
    await setUp();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(join(dir, 'a.json'), 'utf8');
    const edited = JSON.parse(text) as { advisor: string };
    edited.advisor = 'someone else';
    await writeFile(join(dir, 'edited.json'), JSON.stringify(edited));
    const untrusted = await run(['logs', 'verify', 'a.json']);
    expect([untrusted.code, untrusted.out.split(' ')[0]]).toEqual([1, 'UNTRUSTED']);
    const { code, out } = await run([
      'logs',
      'verify',
      'a.json',
      'edited.json',
      'gone.json',
      '--trusted',
      'k.json',
    ]);
    expect(code).toBe(1);
    expect(
      out
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[0]),
    ).toEqual(['OK', 'REFUSED', 'REFUSED']);
    expect(out).toMatch(/REFUSED edited\.json: The checksum does not match/);
  });

  it('exits 2 without files', async () => {
    expect((await run(['logs', 'verify'])).code).toBe(2);
  });
});

describe('logs missed', () => {
  it('counts posts answered through search and "not relevant" marks, per topic and language', async () => {
    const events = generateEvents(300, 7).map((event, i) =>
      (event.type === 'reply-inserted' || event.type === 'reply-copied') && i % 2 === 0
        ? { ...event, chosenVia: 'search' as const }
        : event,
    );
    const envelope = await buildLogExport(events, {
      ...(await exampleExportKeys()),
      advisor: 'a7',
      includes: DEFAULT_INCLUDES,
    });
    await writeFile(join(dir, 'a.json'), serialiseLogExport(envelope));
    const { code, out } = await run(['logs', 'missed', 'a.json', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as ReturnType<typeof buildMissedReport>;
    const expected = buildMissedReport(events);
    expect(report.totals).toEqual(expected.totals);
    expect(report.totals.foundBySearch).toBeGreaterThan(0);
    expect(report.totals.notRelevant).toBeGreaterThan(0);
    expect(report.rows).toEqual(expected.rows);
    const markdown = await run(['logs', 'missed', 'a.json']);
    expect(markdown.out).toContain('# Missed questions');
  });

  it('refuses a call without exports', async () => {
    expect((await run(['logs', 'missed'])).code).toBe(2);
  });
});
