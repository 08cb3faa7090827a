import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../run-in-memory';
import { defaultKeyDirectory } from './pack-keys';

/**
 * `pack keygen` must never leave a private key where git or the sources zip
 * would pick it up: each test works in a fresh temporary tree with its own
 * HOME and, where needed, its own fake checkout (a folder holding `.git`).
 */
let root: string;
let home: string;
let checkout: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'oa-keygen-'));
  home = join(root, 'home');
  checkout = join(root, 'work', 'outreach-advisor');
  await mkdir(home, { recursive: true });
  await mkdir(join(checkout, '.git'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const keygen = (args: string[], cwd = checkout, env: Record<string, string> = { HOME: home }) =>
  runCliInMemory(['pack', 'keygen', '--signer', 'Legal team', ...args], { cwd, env });

describe('pack keygen', () => {
  it('writes to the config folder in HOME when no -o is given, even when run inside a checkout', async () => {
    const run = await keygen([]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const dir = join(home, '.config', 'outreach-advisor', 'keys');
    expect((await readdir(dir)).sort()).toEqual([
      'legal-team.private-key.json',
      'legal-team.public-key.json',
    ]);
    expect((await stat(join(dir, 'legal-team.private-key.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(checkout)).toEqual(['.git']);
  });

  it('follows XDG_CONFIG_HOME when it is set', () => {
    expect(defaultKeyDirectory({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/a' })).toBe(
      '/cfg/outreach-advisor/keys',
    );
    expect(defaultKeyDirectory({ HOME: '/home/a' })).toBe('/home/a/.config/outreach-advisor/keys');
  });

  it.each([
    ['a folder of the checkout', 'keys'],
    ['the checkout itself', '.'],
    ['a nested folder that does not exist yet', 'packs/secret/keys'],
  ])('refuses %s without --force and writes nothing', async (_name, output) => {
    const run = await keygen(['-o', output]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`inside the git checkout ${checkout}`);
    expect(run.err).toContain('--force');
    expect(await readdir(checkout)).toEqual(['.git']);
  });

  it('writes inside a checkout when --force is given', async () => {
    const run = await keygen(['-o', 'keys', '--force']);
    expect(run.code).toBe(0);
    expect(await readdir(join(checkout, 'keys'))).toContain('legal-team.private-key.json');
  });

  it('writes to a folder outside any checkout', async () => {
    const run = await keygen(['-o', join(root, 'elsewhere')]);
    expect(run.code).toBe(0);
    expect(await readdir(join(root, 'elsewhere'))).toHaveLength(2);
  });

  it('never overwrites an existing key', async () => {
    expect((await keygen([])).code).toBe(0);
    const again = await keygen([]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; refusing to overwrite a key file');
  });

  it('makes keys that sign and verify a pack', async () => {
    expect((await keygen([])).code).toBe(0);
    const dir = defaultKeyDirectory({ HOME: home });
    const packFile = join(process.cwd(), 'packs', 'default-pack.json');
    const signedFile = join(root, 'signed.json');
    const sign = await runCliInMemory(
      [
        'pack',
        'sign',
        packFile,
        '--key',
        join(dir, 'legal-team.private-key.json'),
        '-o',
        signedFile,
      ],
      { cwd: root },
    );
    expect(sign.err).toBe('');
    expect(sign.code).toBe(0);
    const verify = await runCliInMemory(
      ['pack', 'verify', signedFile, '--trusted', join(dir, 'legal-team.public-key.json')],
      { cwd: root },
    );
    expect(verify.out).toContain('trusted: signed by Legal team');
    expect(verify.code).toBe(0);
  });
});
