/**
 * The command-line entry point (`npm run --silent cli -- <command>`). It only
 * dispatches: each command lives in `lib/cli/commands/` and uses the same
 * pure modules as the extension, so the CLI is never a second implementation.
 */
import type { CliCommand, CliIo } from './types';
import { CliUsageError, CliUserError } from './types';
import { COMMANDS } from './commands/index';

function renderHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(0, ...commands.map((c) => c.path.join(' ').length));
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'Outreach Advisor command line',
    '',
    'Usage: npm run --silent cli -- <command> [options]',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none)']),
    '',
    'Run a command with --help for its options. Exit codes: 0 success,',
    '1 the input has problems, 2 the command was called wrongly.',
    '',
  ].join('\n');
}

/** Finds the command whose path is the longest prefix of `argv`. */
export function findCommand(
  argv: readonly string[],
  commands: readonly CliCommand[] = COMMANDS,
): { command: CliCommand; rest: string[] } | undefined {
  let best: CliCommand | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, index) => argv[index] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best ? { command: best, rest: argv.slice(best.path.length) } : undefined;
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(renderHelp(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv, commands);
  if (!found) {
    io.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${renderHelp(commands)}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`${error.message}\n\n${command.usage.trimEnd()}\n`);
      return error.exitCode;
    }
    if (error instanceof CliUserError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
