import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADVISOR_KEY_ID, OutreachDatabase } from '../db/database';
import { resetAuthorHashCache } from '../privacy/author-hash';
import { exampleAdvisorKey } from '../../tests/fixtures/example-advisor-keys';
import {
  getAdvisorSigningKey,
  getExportPseudonymiser,
  listTrustedAdvisorKeys,
  removeTrustedAdvisorKey,
  trustAdvisorKey,
} from './advisor-keys';
import { toPublicKeyFile } from './export-signing';

let db: OutreachDatabase;
beforeEach(() => {
  resetAuthorHashCache();
  db = new OutreachDatabase(`advisor-keys-${crypto.randomUUID()}`);
});
afterEach(async () => {
  resetAuthorHashCache();
  await db.delete();
});

describe('advisor signing key', () => {
  it('is made once, kept in IndexedDB, and its private half cannot be exported', async () => {
    const first = await getAdvisorSigningKey(db, 'Advisor K');
    const again = await getAdvisorSigningKey(db, 'renamed');
    expect(again.keyId).toBe(first.keyId);
    expect(first.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', first.privateKey)).rejects.toThrow();
    expect((await db.secrets.get(ADVISOR_KEY_ID))?.value).toMatchObject({ keyId: first.keyId });
  });

  it('pseudonymises with the installation secret: stable on this installation', async () => {
    const a = await getExportPseudonymiser(db);
    const b = await getExportPseudonymiser(db);
    expect(await a('post', 'fb:1')).toBe(await b('post', 'fb:1'));
    expect(await a('post', 'fb:1')).not.toBe(await a('group', 'fb:1'));
  });
});

describe('trusted advisor keys', () => {
  it('trusts a public key file under the supervisor’s label, and removes it', async () => {
    const file = toPublicKeyFile(await exampleAdvisorKey('claims to be Legal'));
    const record = await trustAdvisorKey(db, file, 'Marta (Berlin)');
    expect(record.signer).toBe('Marta (Berlin)');
    expect(await listTrustedAdvisorKeys(db)).toHaveLength(1);
    await removeTrustedAdvisorKey(db, record.keyId);
    expect(await listTrustedAdvisorKeys(db)).toHaveLength(0);
  });

  it('refuses a file that is not a public key, or whose key id is wrong, and stores nothing', async () => {
    const file = toPublicKeyFile(await exampleAdvisorKey('x'));
    await expect(trustAdvisorKey(db, { hello: 1 })).rejects.toThrow(
      /not an Outreach Advisor public key/,
    );
    await expect(trustAdvisorKey(db, { ...file, keyId: '0'.repeat(64) })).rejects.toThrow();
    expect(await listTrustedAdvisorKeys(db)).toHaveLength(0);
  });
});
