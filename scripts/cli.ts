import { runCli } from '../lib/cli/main';

const exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  // `npm run cli` starts in the package root; INIT_CWD is where the user typed the command,
  // so relative file names mean what they meant there. Only trusted for our own npm script:
  // a tool started by some other npm script inherits that script's INIT_CWD.
  cwd:
    process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd(),
  env: process.env,
});
process.exitCode = exitCode;
