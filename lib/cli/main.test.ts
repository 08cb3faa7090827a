import { describe, expect, it } from 'vitest';
import { runCliInMemory } from './run-in-memory';
import type { CliCommand } from './types';
import { CliUsageError, CliUserError } from './types';

const commands: CliCommand[] = [
  {
    path: ['pack'],
    summary: 'pack group',
    usage: 'usage: pack',
    run: async () => 0,
  },
  {
    path: ['pack', 'validate'],
    summary: 'validate a pack',
    usage: 'usage: pack validate FILE',
    run: async (args) => {
      if (args.length === 0) throw new CliUsageError('pack validate needs a FILE');
      if (args[0] === 'bad.json') throw new CliUserError('bad.json: not valid JSON');
      return 0;
    },
  },
];

const run = (args: string[]) => runCliInMemory(args, { commands });

describe('runCli', () => {
  it('lists every command in --help and exits 0', async () => {
    const io = await run(['--help']);
    expect(io.code).toBe(0);
    expect(io.out).toContain('pack validate');
    expect(io.out).toContain('validate a pack');
  });

  it('picks the most specific command', async () => {
    const io = await run(['pack', 'validate', 'good.json']);
    expect(io.code).toBe(0);
  });

  it('prints a user error without a stack trace and exits 1', async () => {
    const io = await run(['pack', 'validate', 'bad.json']);
    expect(io.code).toBe(1);
    expect(io.err).toBe('bad.json: not valid JSON\n');
  });

  it('prints usage on a usage error and exits 2', async () => {
    const io = await run(['pack', 'validate']);
    expect(io.code).toBe(2);
    expect(io.err).toContain('usage: pack validate FILE');
  });

  it('exits 2 for an unknown command', async () => {
    const io = await run(['frobnicate']);
    expect(io.code).toBe(2);
    expect(io.err).toContain('Unknown command: frobnicate');
  });

  it('prints a command usage for <command> --help', async () => {
    const io = await run(['pack', 'validate', '--help']);
    expect(io.code).toBe(0);
    expect(io.out).toBe('usage: pack validate FILE\n');
  });
});
