/**
 * The installation's advisor key and the advisor keys a supervisor trusts,
 * for signed log exports (review finding 6).
 *
 * The key pair is made lazily, the first time the background or an
 * extension page asks for it, and kept in the `secrets` table as a
 * non-extractable CryptoKey: the private half can sign but can never be read
 * out, and the content script never opens this database. Only the public
 * half leaves, as a key file (the same format as pack keys).
 */
import type { OutreachDatabase, TrustedAdvisorKeyRecord } from '../db/database';
import { ADVISOR_KEY_ID } from '../db/database';
import { getInstallationSecret } from '../privacy/author-hash';
import type { ExportSigningKey, IdPseudonymiser, TrustedKey } from './export-signing';
import { createExportSigningKey, createIdPseudonymiser } from './export-signing';
import { parsePublicKeyFile } from '../packs/signing';

function isSigningKey(value: unknown): value is ExportSigningKey {
  if (typeof value !== 'object' || value === null) return false;
  const key = value as Partial<ExportSigningKey>;
  return (
    typeof key.publicKey === 'string' &&
    typeof key.keyId === 'string' &&
    typeof key.signer === 'string' &&
    typeof key.createdAt === 'string' &&
    typeof CryptoKey !== 'undefined' &&
    key.privateKey instanceof CryptoKey
  );
}

/** This installation's signing key, created on first use with `signer` as its label. */
export async function getAdvisorSigningKey(
  db: OutreachDatabase,
  signer: string,
): Promise<ExportSigningKey> {
  const stored = await db.secrets.get(ADVISOR_KEY_ID);
  if (isSigningKey(stored?.value)) return stored.value;
  const fresh = await createExportSigningKey(signer);
  return db.transaction('rw', db.secrets, async () => {
    const again = await db.secrets.get(ADVISOR_KEY_ID);
    if (isSigningKey(again?.value)) return again.value;
    await db.secrets.put({ id: ADVISOR_KEY_ID, value: fresh });
    return fresh;
  });
}

/** Post keys and group ids as this installation's keyed pseudonyms. */
export async function getExportPseudonymiser(db: OutreachDatabase): Promise<IdPseudonymiser> {
  return createIdPseudonymiser(await getInstallationSecret(db));
}

export async function listTrustedAdvisorKeys(
  db: OutreachDatabase,
): Promise<TrustedAdvisorKeyRecord[]> {
  return db.trustedAdvisorKeys.orderBy('keyId').toArray();
}

export function toTrustedKeys(records: readonly TrustedAdvisorKeyRecord[]): TrustedKey[] {
  return records.map(({ keyId, signer, publicKey }) => ({ keyId, signer, publicKey }));
}

/**
 * Trusts an advisor's public key file. `label` (what the supervisor calls the
 * advisor) wins over the name written in the file. Throws a plain-words
 * error for a file that is not a valid public key.
 */
export async function trustAdvisorKey(
  db: OutreachDatabase,
  fileContent: unknown,
  label?: string,
  now = Date.now(),
): Promise<TrustedAdvisorKeyRecord> {
  let key: TrustedKey;
  try {
    key = await parsePublicKeyFile(fileContent);
  } catch {
    throw new Error('The file is not an Outreach Advisor public key file.');
  }
  const record: TrustedAdvisorKeyRecord = {
    ...key,
    signer: label?.trim() || key.signer,
    addedAt: now,
  };
  await db.trustedAdvisorKeys.put(record);
  return record;
}

export async function removeTrustedAdvisorKey(db: OutreachDatabase, keyId: string): Promise<void> {
  await db.trustedAdvisorKeys.delete(keyId);
}
