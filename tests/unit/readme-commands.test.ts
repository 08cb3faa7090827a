/**
 * Every command line in the README's "Command line" block runs as written,
 * in order, on the files of a fresh clone: the block is read from README.md,
 * each line is split like a shell would (quotes, `~`, `echo '…' |`) and run
 * through the CLI in-process, in a scratch folder that sees the repository's
 * packs/ and examples/ and has its own HOME.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../../lib/cli/run-in-memory';

const root = join(import.meta.dirname, '..', '..');
const CLI_PREFIX = 'npm run --silent cli -- ';

/** Splits a command line into words: single and double quotes, no variables but `~`. */
function shellWords(line: string, home: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    const [, single, double, bare] = match;
    words.push(single ?? double ?? (bare ?? '').replace(/^~(?=\/|$)/, home));
  }
  return words;
}

interface ReadmeCommand {
  line: string;
  input?: string;
  args: string;
}

function readmeCommands(): ReadmeCommand[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const piped = /^echo '([^']*)' \| (.*)$/.exec(line);
      const command = piped ? (piped[2] ?? '') : line;
      if (!command.startsWith(CLI_PREFIX)) throw new Error(`not a CLI line: ${line}`);
      return { line, input: piped?.[1], args: command.slice(CLI_PREFIX.length) };
    });
}

describe("the README's command-line examples", () => {
  let scratch: string;
  let home: string;
  const commands = readmeCommands();

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'oa-readme-'));
    home = join(scratch, 'home');
    for (const folder of ['packs', 'examples']) {
      await symlink(join(root, folder), join(scratch, folder));
    }
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('has a block of commands to try', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  // In order: later lines use what earlier ones wrote (my-pack.json, the keys).
  it.each(commands.map((command) => [command.line, command] as const))(
    '%s',
    async (_line, command) => {
      const run = await runCliInMemory(shellWords(command.args, home), {
        cwd: scratch,
        env: { HOME: home },
        input: command.input === undefined ? '' : `${command.input}\n`,
      });
      // Warnings (e.g. "legal review pending" on example content) are part of the output;
      // anything else on stderr is a failure.
      const errors = run.err.split('\n').filter((line) => line && !line.startsWith('warning: '));
      expect(errors).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.out.length).toBeGreaterThan(0);
    },
    60_000,
  );
});
