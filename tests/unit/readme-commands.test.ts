/**
 * Every command line in the README's "Command line" block runs as written,
 * in order, on the files of a fresh clone: the block is read from README.md,
 * each line is split like a shell would (quotes, `~`, globs, `echo '…' |`) and run
 * through the CLI in-process, in a scratch folder that sees the repository's
 * packs/ and examples/ and has its own HOME.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../../lib/cli/run-in-memory';

const root = join(import.meta.dirname, '..', '..');
const CLI_PREFIX = 'npm run --silent cli -- ';

/**
 * An unquoted word with `?` or `*` in its file name, expanded against `cwd`
 * as a shell would (sorted; left as written when nothing matches).
 */
function expandGlob(word: string, cwd: string): string[] {
  const slash = word.lastIndexOf('/');
  const name = word.slice(slash + 1);
  if (!/[?*]/.test(name)) return [word];
  const folder = word.slice(0, slash + 1);
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('?', '.')
      .replaceAll('*', '.*')}$`,
  );
  const found = readdirSync(join(cwd, folder))
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => `${folder}${file}`);
  return found.length > 0 ? found : [word];
}

/** Splits a command line into words: single and double quotes, `~`, file globs; no variables. */
function shellWords(line: string, home: string, cwd: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    const [, single, double, bare] = match;
    if (bare === undefined) words.push(single ?? double ?? '');
    else words.push(...expandGlob(bare.replace(/^~(?=\/|$)/, home), cwd));
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
      const run = await runCliInMemory(shellWords(command.args, home, scratch), {
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
