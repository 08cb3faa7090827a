/**
 * `pack keygen`, `pack sign`, `pack verify`: the publisher's signing workflow.
 * Key files are JSON (see packs/FORMAT.md, "Signing"). The private key file is
 * written with mode 0600 and never overwritten, so a slip cannot destroy the
 * key that existing packs were signed with.
 *
 * Keys are made outside any git checkout: by default in the user's config
 * folder, and a folder inside a checkout is refused without --force. A key
 * written next to the sources ends up in a commit or in the sources zip sent
 * to Mozilla far too easily.
 */
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  privateKeyFileSchema,
  generateSigningKeys,
  parsePublicKeyFile,
  signPack,
  verifyPack,
} from '../../packs/signing';
import type { TrustedKey } from '../../packs/signing';
import type { CliCommand, CliIo } from '../types';
import { CliUsageError, CliUserError } from '../types';
import { readPackFile, readTextFile, writeProblems, parseFlags } from './pack-common';

export const VERIFY_EXIT_CODES = {
  trusted: 0,
  invalidPack: 1,
  usage: 2,
  unsigned: 3,
  unknownSigner: 4,
  badSignature: 5,
} as const;

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'signer';

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx', mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliUserError(`${path} already exists; refusing to overwrite a key file`);
    }
    throw new CliUserError(
      `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readJson(io: CliIo, file: string, what: string): Promise<unknown> {
  const text = await readTextFile(io, file, 1024 * 1024);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliUserError(`${file}: not a ${what} (not valid JSON)`);
  }
}

/** Where keys go without -o: `$XDG_CONFIG_HOME/outreach-advisor/keys` (~/.config/… by default). */
export function defaultKeyDirectory(env: CliIo['env'] = {}): string {
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'outreach-advisor', 'keys');
}

/** The git checkout that contains `dir` (or would, once created), if any. */
export async function enclosingCheckout(dir: string): Promise<string | null> {
  let current = resolve(dir);
  for (;;) {
    try {
      await stat(join(current, '.git'));
      return current;
    } catch {
      // not here; look one level up
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

export const packKeygenCommand: CliCommand = {
  path: ['pack', 'keygen'],
  summary: 'Create a key pair for signing packs',
  usage: `Usage: npm run --silent cli -- pack keygen --signer NAME [-o DIR] [--force]

Creates an ECDSA P-256 key pair and writes two files into DIR
(default: ~/.config/outreach-advisor/keys, or $XDG_CONFIG_HOME/outreach-advisor/keys):
  <signer>.private-key.json  keep it secret; used by "pack sign"; mode 0600
  <signer>.public-key.json   give it to supervisors, who mark it as trusted
Existing files are never overwritten. A DIR inside a git checkout is refused,
because a private key there can slip into a commit or a package; --force
writes there all the same.

Exit codes: 0 written, 1 a file exists, cannot be written or DIR is inside a
git checkout, 2 wrong call.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        signer: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
      },
    });
    if (positionals.length > 0)
      throw new CliUsageError(`Unexpected argument: ${positionals[0] ?? ''}`);
    const signer = values.signer?.trim();
    if (!signer)
      throw new CliUsageError('--signer NAME is required (the organisation or person that signs).');
    if (signer.length > 200) throw new CliUsageError('--signer is limited to 200 characters.');
    const dir =
      values.output === undefined ? defaultKeyDirectory(io.env) : resolve(io.cwd, values.output);
    const checkout = await enclosingCheckout(dir);
    if (checkout !== null && !values.force) {
      throw new CliUserError(
        `${dir} is inside the git checkout ${checkout}: a private key there can end up in a commit or a package. ` +
          `Leave out -o to use ${defaultKeyDirectory(io.env)}, choose a folder outside the checkout, or add --force.`,
      );
    }
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const keys = await generateSigningKeys(signer);
    const base = slug(signer);
    const privatePath = join(dir, `${base}.private-key.json`);
    const publicPath = join(dir, `${base}.public-key.json`);
    for (const path of [privatePath, publicPath]) {
      if (await exists(path))
        throw new CliUserError(`${path} already exists; refusing to overwrite a key file`);
    }
    await writeNew(privatePath, `${JSON.stringify(keys.privateKey, null, 2)}\n`, 0o600);
    await writeNew(publicPath, `${JSON.stringify(keys.publicKey, null, 2)}\n`, 0o644);
    io.stdout.write(
      `key id ${keys.publicKey.keyId}\nprivate key: ${privatePath}\npublic key:  ${publicPath}\n`,
    );
    return 0;
  },
};

export const packSignCommand: CliCommand = {
  path: ['pack', 'sign'],
  summary: 'Sign a valid pack with a private key',
  usage: `Usage: npm run --silent cli -- pack sign PACK --key PRIVATE-KEY-FILE -o OUT

Validates PACK, then writes it to OUT with a signature over its canonical
JSON (RFC 8785, without "signature" and "$schema"). An existing signature is
replaced. A pack with errors is not signed.

Exit codes: 0 signed, 1 the pack has errors or a file cannot be read/written,
2 wrong call.`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, output: { type: 'string', short: 'o' } },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one pack file.');
    if (!values.key) throw new CliUsageError('--key PRIVATE-KEY-FILE is required.');
    if (!values.output) throw new CliUsageError('-o OUT is required.');
    const keyResult = privateKeyFileSchema.safeParse(
      await readJson(io, values.key, 'private key file'),
    );
    if (!keyResult.success)
      throw new CliUserError(`${values.key}: not a private key file made by "pack keygen"`);
    const result = await readPackFile(io, positionals[0]);
    if (!result.ok) {
      writeProblems(io.stderr, result.problems, { warnings: false });
      return 1;
    }
    const signed = await signPack(result.pack, keyResult.data);
    await writeFile(resolve(io.cwd, values.output), `${JSON.stringify(signed, null, 2)}\n`);
    io.stdout.write(
      `signed by ${keyResult.data.signer} (key id ${keyResult.data.keyId}): ${values.output}\n`,
    );
    return 0;
  },
};

export const packVerifyCommand: CliCommand = {
  path: ['pack', 'verify'],
  summary: 'Check the signature of a pack against trusted public keys',
  usage: `Usage: npm run --silent cli -- pack verify PACK [--trusted PUBLIC-KEY-FILE ...]

Validates PACK and checks its signature. The signer counts as trusted when its
public key file is given with --trusted (repeatable).

Exit codes:
  0  signed, signature valid, signer trusted
  1  the pack itself has errors (see "pack validate")
  2  the command was called wrongly or a key file is unreadable
  3  the pack is not signed
  4  the signature is valid but the signer is not among the trusted keys
  5  the signature does not match the content: the pack was changed after signing`,
  async run(args, io) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { trusted: { type: 'string', multiple: true } },
    });
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one pack file.');
    const trusted: TrustedKey[] = [];
    for (const file of values.trusted ?? []) {
      try {
        trusted.push(await parsePublicKeyFile(await readJson(io, file, 'public key file')));
      } catch (error) {
        if (error instanceof CliUserError)
          throw new CliUserError(error.message, VERIFY_EXIT_CODES.usage);
        throw new CliUserError(
          `${file}: not a valid public key file made by "pack keygen"`,
          VERIFY_EXIT_CODES.usage,
        );
      }
    }
    const result = await readPackFile(io, positionals[0]);
    if (!result.ok) {
      writeProblems(io.stderr, result.problems, { warnings: false });
      return VERIFY_EXIT_CODES.invalidPack;
    }
    const verification = await verifyPack(result.pack, trusted);
    switch (verification.status) {
      case 'trusted':
        io.stdout.write(
          `trusted: signed by ${verification.signer} on ${verification.signedAt} (key id ${verification.keyId})\n`,
        );
        return VERIFY_EXIT_CODES.trusted;
      case 'unknown-signer':
        io.stderr.write(
          `signature: valid, but the signer "${verification.signer}" (key id ${verification.keyId}) is not among the trusted keys\n`,
        );
        return VERIFY_EXIT_CODES.unknownSigner;
      case 'unsigned':
        io.stderr.write('signature: missing; the pack is not signed\n');
        return VERIFY_EXIT_CODES.unsigned;
      case 'invalid':
        io.stderr.write(`signature: does not match; ${verification.reason}\n`);
        return VERIFY_EXIT_CODES.badSignature;
    }
  },
};
