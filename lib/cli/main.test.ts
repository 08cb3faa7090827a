import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import type { CliCommand, CliIo } from './types';
import { CliUsageError, CliUserError } from './types';

function makeIo(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdin: Readable.from([]),
    stdout,
    stderr,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

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

describe('runCli', () => {
  it('lists every command in --help and exits 0', async () => {
    const io = makeIo();
    expect(await runCli(['--help'], io, commands)).toBe(0);
    expect(io.out()).toContain('pack validate');
    expect(io.out()).toContain('validate a pack');
  });

  it('picks the most specific command', async () => {
    const io = makeIo();
    expect(await runCli(['pack', 'validate', 'good.json'], io, commands)).toBe(0);
  });

  it('prints a user error without a stack trace and exits 1', async () => {
    const io = makeIo();
    expect(await runCli(['pack', 'validate', 'bad.json'], io, commands)).toBe(1);
    expect(io.err()).toBe('bad.json: not valid JSON\n');
  });

  it('prints usage on a usage error and exits 2', async () => {
    const io = makeIo();
    expect(await runCli(['pack', 'validate'], io, commands)).toBe(2);
    expect(io.err()).toContain('usage: pack validate FILE');
  });

  it('exits 2 for an unknown command', async () => {
    const io = makeIo();
    expect(await runCli(['frobnicate'], io, commands)).toBe(2);
    expect(io.err()).toContain('Unknown command: frobnicate');
  });

  it('prints a command usage for <command> --help', async () => {
    const io = makeIo();
    expect(await runCli(['pack', 'validate', '--help'], io, commands)).toBe(0);
    expect(io.out()).toBe('usage: pack validate FILE\n');
  });
});
