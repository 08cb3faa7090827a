import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INSTALLATION_SECRET_ID, OutreachDatabase } from '../db/database';
import {
  getInstallationSecret,
  hashAuthor,
  hashAuthorWithSecret,
  resetAuthorHashCache,
} from './author-hash';

let db: OutreachDatabase;

describe('author hash', () => {
  beforeEach(() => {
    resetAuthorHashCache();
    db = new OutreachDatabase(`author-hash-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    resetAuthorHashCache();
    await db.delete();
  });

  // Review finding 15: content scripts can read storage.local, not the extension's IndexedDB.
  it('creates a 32-byte secret once and keeps it in IndexedDB, never in storage.local', async () => {
    const first = await getInstallationSecret(db);
    resetAuthorHashCache();
    const second = await getInstallationSecret(db);
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    expect((await db.secrets.get(INSTALLATION_SECRET_ID))?.value).toMatch(/^[0-9a-f]{64}$/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('moves a secret left in storage.local into IndexedDB, so old hashes stay comparable', async () => {
    const legacy = 'ab'.repeat(32);
    await fakeBrowser.storage.local.set({ installationSecret: legacy });
    const secret = await getInstallationSecret(db);
    expect([...secret].every((byte) => byte === 0xab)).toBe(true);
    expect((await db.secrets.get(INSTALLATION_SECRET_ID))?.value).toBe(legacy);
    expect(await fakeBrowser.storage.local.get('installationSecret')).toEqual({});
  });

  it('gives the same pseudonym for the same name however it is spaced or cased', async () => {
    const secret = await getInstallationSecret(db);
    expect(await hashAuthorWithSecret('  Marek   Zielinski ', secret)).toBe(
      await hashAuthorWithSecret('marek zielinski', secret),
    );
    expect(await hashAuthor('marek zielinski')).toBe(
      await hashAuthorWithSecret('marek zielinski', secret),
    );
  });

  it('never contains the name and differs between installations', async () => {
    const a = await hashAuthorWithSecret('Ioana', new Uint8Array(32).fill(1));
    const b = await hashAuthorWithSecret('Ioana', new Uint8Array(32).fill(2));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toContain('ioana');
  });

  it('matches the HMAC-SHA-256 test vector of RFC 4231 case 2 (without normalisation effects)', async () => {
    // Key "Jefe", data "what do ya want for nothing?" (already normalised form).
    const key = new TextEncoder().encode('Jefe');
    expect(await hashAuthorWithSecret('what do ya want for nothing?', key)).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
