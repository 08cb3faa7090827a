import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../run-in-memory';
import { buildLogExport, serialiseLogExport } from '../../log/envelope';
import { DEFAULT_INCLUDES } from '../../log/export-options';
import { buildReport, renderReportMarkdown } from '../../log/report';
import { generateEvents } from '../../../tests/fixtures/sample-events';
import { computeStatistics } from '../../log/stats';

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
    advisor: `a${seed}`,
    includes: DEFAULT_INCLUDES,
  });
  await writeFile(join(dir, name), serialiseLogExport(envelope));
  return events;
}

describe('logs report', () => {
  it('prints the same figures as the dashboard, counting a repeated file once', async () => {
    const a = await writeExport('a.json', 1);
    const b = await writeExport('b.json', 2);
    const { code, out } = await run(['logs', 'report', 'a.json', 'b.json', 'a.json']);
    expect(code).toBe(0);
    const expected = renderReportMarkdown(buildReport(computeStatistics([...a, ...b])));
    expect(out).toBe(expected);
  });

  it('writes CSV with a table column', async () => {
    await writeExport('a.json', 3);
    const { code, out } = await run(['logs', 'report', 'a.json', '--format', 'csv']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('table,label,measure,value');
    expect(out).toMatch(/^overview,posts seen,count,\d+$/m);
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

  it.each([[['logs', 'report']], [['logs', 'report', 'a.json', '--format', 'pdf']]])(
    'exits 2 on %j',
    async (args) => {
      expect((await run(args)).code).toBe(2);
    },
  );
});
