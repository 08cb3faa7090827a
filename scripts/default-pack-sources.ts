/**
 * Reads the default pack's sources (`packs/default/pack.meta.json`,
 * `packs/default/answers/*.json` and, when present, the referral directory
 * `packs/default/referrals.json`) and assembles the pack. Shared by
 * `npm run pack:default` and the test that checks the committed
 * `packs/default-pack.json` is up to date.
 *
 * Sources are assembled as written (no schema parsing), so the validator sees
 * exactly what the files say and reports problems with their real place.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assemblePack, serialisePack, type PackHeader } from '../lib/packs/assemble';
import type { Answer } from '../lib/packs/schema';

export const DEFAULT_PACK_DIR = join(import.meta.dirname, '..', 'packs', 'default');
export const DEFAULT_PACK_FILE = join(import.meta.dirname, '..', 'packs', 'default-pack.json');

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

export async function readDefaultPackSources(
  dir = DEFAULT_PACK_DIR,
): Promise<{ header: PackHeader; answers: Answer[] }> {
  const header = (await readJson(join(dir, 'pack.meta.json'))) as PackHeader;
  // The referral directory, kept in its own file (packs/FORMAT.md, "Referral directory").
  const referralsFile = join(dir, 'referrals.json');
  if (existsSync(referralsFile))
    header.referrals = (await readJson(referralsFile)) as PackHeader['referrals'];
  const answerDir = join(dir, 'answers');
  const files = (await readdir(answerDir)).filter((f) => f.endsWith('.json')).sort();
  const answers = await Promise.all(
    files.map(async (f) => (await readJson(join(answerDir, f))) as Answer),
  );
  return { header, answers };
}

/** The text `packs/default-pack.json` must have. */
export async function renderDefaultPack(dir = DEFAULT_PACK_DIR): Promise<string> {
  const { header, answers } = await readDefaultPackSources(dir);
  const { $schema: _schema, ...rest } = header;
  return serialisePack(assemblePack({ $schema: './pack.schema.json', ...rest }, answers));
}
