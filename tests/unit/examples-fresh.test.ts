import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../../lib/cli/run-in-memory';
import { parseLogExport } from '../../lib/log/envelope';
import { EXAMPLE_EXPORTS } from '../fixtures/example-exports';

const root = join(import.meta.dirname, '..', '..');

describe('sample exports in examples/', () => {
  it.each(EXAMPLE_EXPORTS.map((example) => [example.path, example] as const))(
    '%s matches its source (run `npx tsx scripts/generate-examples.ts`)',
    async (path, example) => {
      const committed = await readFile(join(root, path), 'utf8');
      expect(committed).toBe(await example.render());
      const envelope = await parseLogExport(committed);
      expect(envelope.advisor).toBe(example.advisor);
      expect(envelope.includes).toEqual({ postText: false, notes: false, authorHash: false });
    },
  );

  it('give a report with both advisors’ events, as the README shows', async () => {
    const run = await runCliInMemory(
      ['logs', 'report', ...EXAMPLE_EXPORTS.map((example) => example.path)],
      { cwd: root },
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# /m);
  });
});
