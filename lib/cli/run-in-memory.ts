/**
 * Runs the CLI in-process with in-memory streams, for tests: the same
 * dispatch, commands and exit codes as `npm run cli`, without spawning Node.
 */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from './main';
import type { CliCommand, CliIo } from './types';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliInMemory(
  args: readonly string[],
  options: {
    input?: string;
    cwd?: string;
    env?: CliIo['env'];
    commands?: readonly CliCommand[];
  } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io = {
    stdin: Readable.from([options.input ?? '']),
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  };
  const code = options.commands ? await runCli(args, io, options.commands) : await runCli(args, io);
  return { code, out, err };
}
