/**
 * The shape every CLI command shares. Commands are plain objects so the
 * entry point can list them in `--help` and tests can run them in-process
 * with in-memory streams instead of spawning Node.
 */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Directory relative file arguments are resolved against. */
  cwd: string;
  /** Environment variables the commands may read (HOME, XDG_CONFIG_HOME); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  /** Words that select the command, e.g. `['pack', 'validate']`. */
  path: readonly string[];
  /** One line for the command list. */
  summary: string;
  /** Usage text shown by `<command> --help` and on usage errors. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * An error the user caused (bad file, bad flag). The CLI prints its message
 * without a stack trace and exits with `exitCode`.
 */
export class CliUserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliUserError';
  }
}

/** A mistake in how the command was called: exit 2, usage shown. */
export class CliUsageError extends CliUserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'CliUsageError';
  }
}
