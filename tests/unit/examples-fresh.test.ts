import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../../lib/cli/run-in-memory';
import { readLogExport } from '../../lib/log/envelope';
import { parsePublicKeyFile } from '../../lib/packs/signing';
import { EXAMPLE_EXPORTS, withoutSignatureValue } from '../fixtures/example-exports';

const root = join(import.meta.dirname, '..', '..');

describe('sample exports in examples/', () => {
  it.each(EXAMPLE_EXPORTS.map((example) => [example.path, example] as const))(
    '%s matches its source and its example key (run `npx tsx scripts/generate-examples.ts`)',
    async (path, example) => {
      const committed = await readFile(join(root, path), 'utf8');
      expect(withoutSignatureValue(committed)).toBe(withoutSignatureValue(await example.render()));
      const keyText = await readFile(join(root, example.keyPath), 'utf8');
      expect(keyText).toBe(await example.renderKey());
      const key = await parsePublicKeyFile(JSON.parse(keyText));
      const { envelope, verification } = await readLogExport(committed, [key]);
      expect(verification.status).toBe('verified');
      expect(envelope.advisor).toBe(example.advisor);
      expect(envelope.includes).toEqual({
        postText: false,
        notes: false,
        authorHash: false,
        rawIds: false,
      });
      expect(committed).not.toMatch(/"postKey":"fb/);
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
    expect(run.out).toMatch(/signed by an unknown key/);
  });

  it('verify with their example keys', async () => {
    const run = await runCliInMemory(
      [
        'logs',
        'verify',
        ...EXAMPLE_EXPORTS.map((example) => example.path),
        ...EXAMPLE_EXPORTS.flatMap((example) => ['--trusted', example.keyPath]),
      ],
      { cwd: root },
    );
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n');
    expect(lines).toHaveLength(EXAMPLE_EXPORTS.length);
    expect(lines.every((line) => line.startsWith('OK '))).toBe(true);
  });
});
